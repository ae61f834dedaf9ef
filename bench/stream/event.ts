import { STREAM_PATH } from './payload';

/** A REST API (STREAM integration) proxy event for `GET /download`, made fresh for each invocation. */
export function makeStreamEvent(sequence: number): Record<string, unknown> {
  const headers = { Host: 'abcdef1234.execute-api.xx-local-1.amazonaws.com', Accept: '*/*', 'User-Agent': 'curl/8.5.0' };
  return {
    resource: '/{proxy+}',
    path: STREAM_PATH,
    httpMethod: 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: STREAM_PATH.slice(1) },
    stageVariables: null,
    requestContext: {
      resourcePath: '/{proxy+}',
      httpMethod: 'GET',
      path: `/dev${STREAM_PATH}`,
      stage: 'dev',
      requestId: `stream-bench-${sequence}`,
      accountId: '000000000000',
      apiId: 'abcdef1234',
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestTimeEpoch: 1_764_000_000_000 + sequence,
    },
    body: null,
    isBase64Encoded: false,
  };
}
