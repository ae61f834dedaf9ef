import { restV1Event } from '../../../dev/sample-events/rest-v1-event';
import { commonShapeProblems, cookiesKeyProblems, readGenericResult, type FormatFixture } from './format-fixture';

export const restV1: FormatFixture = {
  name: 'rest-v1',
  buildEvent: (spec) => ({ ...restV1Event(spec) }),
  readResult: readGenericResult,
  shapeProblems: (result) => [...commonShapeProblems(result), ...cookiesKeyProblems(result)],
  requestHeaderValues: (values) => [...values],
  requestQuery: (pairs) => pairs.map(([key, value]) => [key, value]),
  responseHeaderValues: (values) => [...values],
  carriesEveryCookie: true,
  cookieField: 'multiValueHeaders',
  stageInPath: false,
  tellsSourceIp: true,
};
