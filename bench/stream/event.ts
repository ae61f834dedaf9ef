import { restV1Event } from '../../dev/sample-events/rest-v1-event';
import { request } from '../../dev/sample-events/sample-request';
import { STREAM_PATH } from './payload';

/** The model's REST API proxy event for `GET /download` (what a STREAM integration sends), made fresh per invocation. */
export function makeStreamEvent(): Record<string, unknown> {
  return { ...restV1Event(request({ path: STREAM_PATH })) };
}
