import { FUNCTION_URL, HTTP_API, payloadV2Event, type PayloadV2Endpoint } from '../../../dev/sample-events/payload-v2-event';
import { isRecord } from '../../../shared/event-fields';
import { commonShapeProblems, readGenericResult, type FormatFixture } from './format-fixture';

function v2ShapeProblems(result: unknown): string[] {
  const problems = commonShapeProblems(result);
  if (!isRecord(result)) return problems;
  if ('multiValueHeaders' in result) problems.push('multiValueHeaders in a 2.0 result (ignored by API Gateway)');
  if (isRecord(result['headers']) && Object.keys(result['headers']).some((name) => name.toLowerCase() === 'set-cookie')) {
    problems.push('set-cookie in headers instead of cookies');
  }
  const cookies = result['cookies'];
  if (cookies !== undefined && (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string'))) {
    problems.push('cookies is not a list of strings');
  }
  return problems;
}

function payloadV2Fixture(name: 'http-v2' | 'function-url', endpoint: PayloadV2Endpoint): FormatFixture {
  return {
    name,
    buildEvent: (spec) => ({ ...payloadV2Event(spec, endpoint) }),
    readResult: readGenericResult,
    shapeProblems: v2ShapeProblems,
    requestHeaderValues: (values) => [values.join(',')],
    requestQuery: (pairs) => pairs.map(([key, value]) => [key, value]),
    responseHeaderValues: (values) => [values.join(', ')],
    carriesEveryCookie: true,
    cookieField: 'cookies',
    stageInPath: name === 'http-v2',
    tellsSourceIp: true,
  };
}

export const httpV2 = payloadV2Fixture('http-v2', HTTP_API);
export const functionUrl = payloadV2Fixture('function-url', FUNCTION_URL);
