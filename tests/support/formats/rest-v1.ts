import { bodyText, groupPairs, headersWithDefaults, lastValue, mapValues, type RequestSpec } from '../../../dev/sam-model/events/sample-request';
import { commonShapeProblems, cookiesKeyProblems, readGenericResult, type FormatFixture } from './format-fixture';

const API_HOST = 'abcdef1234.execute-api.xx-local-1.amazonaws.com';

/** A REST API (payload 1.0) proxy event, as API Gateway sends it through `/{proxy+}`. */
export function restV1Event(spec: RequestSpec): Record<string, unknown> {
  const pairs = headersWithDefaults(spec, API_HOST);
  if (spec.cookies.length > 0) pairs.push(['Cookie', spec.cookies.join('; ')]);
  const headers = groupPairs(pairs);
  const query = groupPairs(spec.query);
  const stage = spec.stage === '$default' ? 'dev' : spec.stage;
  return {
    resource: '/{proxy+}',
    path: spec.path,
    httpMethod: spec.method,
    headers: mapValues(headers, lastValue),
    multiValueHeaders: mapValues(headers, (values) => values),
    queryStringParameters: query.size > 0 ? mapValues(query, lastValue) : null,
    multiValueQueryStringParameters: query.size > 0 ? mapValues(query, (values) => values) : null,
    pathParameters: { proxy: spec.path.replace(/^\//, '') },
    stageVariables: null,
    requestContext: {
      accountId: '000000000000',
      apiId: 'abcdef1234',
      resourceId: 'a1b2c3',
      resourcePath: '/{proxy+}',
      httpMethod: spec.method,
      extendedRequestId: 'Pq1RsHkJoAMFm3g=',
      requestTime: '25/Nov/2026:08:30:00 +0000',
      path: `/${stage}${spec.path}`,
      protocol: 'HTTP/1.1',
      stage,
      domainPrefix: 'abcdef1234',
      requestTimeEpoch: 1795595400000,
      requestId: spec.requestId,
      identity: {
        sourceIp: spec.sourceIp,
        userAgent: 'curl/8.5.0',
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        user: null,
      },
      domainName: API_HOST,
    },
    body: bodyText(spec) ?? null,
    isBase64Encoded: spec.isBase64,
  };
}

export const restV1: FormatFixture = {
  name: 'rest-v1',
  buildEvent: restV1Event,
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
