import { albMulti, albSingle } from './alb';
import { isRecord } from '../../../shared/event-fields';
import type { FormatFixture } from './format-fixture';
import { functionUrl, httpV2 } from './http-v2';
import { latticeV1, latticeV2 } from './lattice';
import { restV1 } from './rest-v1';

export type { FormatFixture, FormatName, ReadResult } from './format-fixture';

/** Every event source the helper serves: the matrix's rows. */
export const FORMATS: readonly FormatFixture[] = [restV1, httpV2, functionUrl, albSingle, albMulti, latticeV1, latticeV2];

/**
 * The format whose result an event must get, by the detection rules; events that
 * match none are answered in the v1 shape. The oracle for hostile events.
 */
export function expectedResultFormat(event: unknown): FormatFixture {
  if (!isRecord(event)) return restV1;
  const requestContext = event['requestContext'];
  if (isRecord(requestContext) && isRecord(requestContext['elb'])) return isRecord(event['multiValueHeaders']) ? albMulti : albSingle;
  if (event['version'] === '2.0' && isRecord(requestContext) && isRecord(requestContext['http'])) return httpV2;
  if (event['version'] === '2.0' && typeof event['method'] === 'string' && typeof event['path'] === 'string') return latticeV2;
  if (typeof event['httpMethod'] === 'string' && typeof event['path'] === 'string') return restV1;
  if (typeof event['raw_path'] === 'string' && typeof event['method'] === 'string') return latticeV1;
  return restV1;
}
