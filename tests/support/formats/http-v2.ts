import { bodyText, groupPairs, headersWithDefaults, mapValues, type RequestSpec } from '../../../dev/sam-model/events/sample-request';
import { commonShapeProblems, isRecord, readGenericResult, type FormatFixture } from './format-fixture';

interface Endpoint {
  readonly host: string;
  readonly apiId: string;
  readonly routeKey: string;
  /** Function URLs have only `$default`; an HTTP API may have named stages. */
  readonly stage: (spec: RequestSpec) => string;
}

const HTTP_API: Endpoint = {
  host: 'abcdef1234.execute-api.xx-local-1.amazonaws.com',
  apiId: 'abcdef1234',
  routeKey: 'ANY /{proxy+}',
  stage: (spec) => spec.stage,
};

const FUNCTION_URL: Endpoint = {
  host: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.xx-local-1.on.aws',
  apiId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6',
  routeKey: '$default',
  stage: () => '$default',
};

const encodePair = ([key, value]: readonly [string, string]): string => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

/** A payload 2.0 event: repeated headers and query values joined with commas, cookies apart. */
function payloadV2Event(spec: RequestSpec, endpoint: Endpoint): Record<string, unknown> {
  const headers = groupPairs(headersWithDefaults(spec, endpoint.host), (name) => name.toLowerCase());
  const query = groupPairs(spec.query);
  const stage = endpoint.stage(spec);
  const rawPath = stage === '$default' ? spec.path : `/${stage}${spec.path}`;
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: endpoint.routeKey,
    rawPath,
    rawQueryString: spec.query.map(encodePair).join('&'),
    headers: mapValues(headers, (values) => values.join(',')),
    requestContext: {
      accountId: '000000000000',
      apiId: endpoint.apiId,
      domainName: endpoint.host,
      domainPrefix: endpoint.apiId,
      http: { method: spec.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: spec.sourceIp, userAgent: 'curl/8.5.0' },
      requestId: spec.requestId,
      routeKey: endpoint.routeKey,
      stage,
      time: '25/Nov/2026:08:30:00 +0000',
      timeEpoch: 1795595400000,
    },
    isBase64Encoded: spec.isBase64,
  };
  if (spec.cookies.length > 0) event['cookies'] = [...spec.cookies];
  if (query.size > 0) event['queryStringParameters'] = mapValues(query, (values) => values.join(','));
  if (endpoint.routeKey !== '$default') event['pathParameters'] = { proxy: spec.path.replace(/^\//, '') };
  const body = bodyText(spec);
  if (body !== undefined) event['body'] = body;
  return event;
}

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

function payloadV2Fixture(name: 'http-v2' | 'function-url', endpoint: Endpoint): FormatFixture {
  return {
    name,
    buildEvent: (spec) => payloadV2Event(spec, endpoint),
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
