import type { APIGatewayProxyEvent } from 'aws-lambda';
import { bodyText, formatRequestTime, groupPairs, headersWithDefaults, lastValue, mapValues, type RequestSpec } from './sample-request';

/** Where a REST API request landed: the route and what API Gateway knows of it. */
export interface RestV1Route {
  /** The matched resource, e.g. `/express/{proxy+}`. */
  readonly resource: string;
  readonly pathParameters: Record<string, string> | null;
  readonly stageVariables: Record<string, string> | null;
  readonly apiId: string;
  readonly resourceId: string;
  readonly extendedRequestId: string;
  /** The host a request without a Host header is given. */
  readonly host: string;
  /** false: the spec's headers are all there is (the local API passes what the client sent). */
  readonly clientDefaults: boolean;
}

export const SAMPLE_API_ID = 'abcdef1234';
export const SAMPLE_API_HOST = `${SAMPLE_API_ID}.execute-api.xx-local-1.amazonaws.com`;

/** A `/{proxy+}` resource at the API's root, as the tests and the benchmark's apps use. */
export function proxyRoute(path: string, resourcePrefix = ''): Partial<RestV1Route> {
  return { resource: `${resourcePrefix}/{proxy+}`, pathParameters: { proxy: path.slice(resourcePrefix.length).replace(/^\//, '') } };
}

/** A REST API (payload 1.0) proxy event, as API Gateway sends it; by default through `/{proxy+}`. */
export function restV1Event(spec: RequestSpec, routeFields: Partial<RestV1Route> = {}): APIGatewayProxyEvent {
  const route: RestV1Route = {
    ...proxyRoute(spec.path),
    stageVariables: null,
    apiId: SAMPLE_API_ID,
    resourceId: 'a1b2c3',
    extendedRequestId: 'Pq1RsHkJoAMFm3g=',
    host: SAMPLE_API_HOST,
    clientDefaults: true,
    ...(routeFields as Partial<RestV1Route> & Pick<RestV1Route, 'resource' | 'pathParameters'>),
  };
  const pairs = route.clientDefaults ? headersWithDefaults(spec, route.host) : [...spec.headers];
  if (spec.cookies.length > 0) pairs.push(['Cookie', spec.cookies.join('; ')]);
  const headers = groupPairs(pairs);
  const single = mapValues(headers, lastValue);
  const header = (name: string): string | undefined => Object.entries(single).find(([key]) => key.toLowerCase() === name)?.[1];
  const host = header('host') ?? route.host;
  const query = groupPairs(spec.query);
  const stage = spec.stage === '$default' ? 'dev' : spec.stage;
  return {
    resource: route.resource,
    path: spec.path,
    httpMethod: spec.method,
    headers: single,
    multiValueHeaders: mapValues(headers, (values) => values),
    queryStringParameters: query.size > 0 ? mapValues(query, lastValue) : null,
    multiValueQueryStringParameters: query.size > 0 ? mapValues(query, (values) => values) : null,
    pathParameters: route.pathParameters,
    stageVariables: route.stageVariables,
    requestContext: {
      accountId: '000000000000',
      apiId: route.apiId,
      resourceId: route.resourceId,
      resourcePath: route.resource,
      httpMethod: spec.method,
      extendedRequestId: route.extendedRequestId,
      requestTime: formatRequestTime(spec.time),
      path: `/${stage}${spec.path}`,
      protocol: 'HTTP/1.1',
      stage,
      domainPrefix: host.split('.')[0] ?? host,
      requestTimeEpoch: spec.time.getTime(),
      requestId: spec.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        apiKey: null,
        apiKeyId: null,
        clientCert: null,
        sourceIp: spec.sourceIp,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        principalOrgId: null,
        userArn: null,
        userAgent: header('user-agent') ?? null,
        user: null,
      },
      domainName: host,
      // No authorizer: API Gateway leaves it out when none ran, which the type does not say.
    } as APIGatewayProxyEvent['requestContext'],
    body: bodyText(spec) ?? null,
    isBase64Encoded: spec.isBase64,
  };
}

/**
 * Payload 1.0 as an HTTP API sends it (`PayloadFormatVersion: '1.0'`): the REST shape with
 * `version`, the stage as it is (`$default` too), and a named stage at the start of `path`.
 */
export function httpApiV1Event(spec: RequestSpec, routeFields: Partial<RestV1Route> = {}): APIGatewayProxyEvent & { version: '1.0' } {
  const event = restV1Event(spec, routeFields);
  const path = spec.stage === '$default' ? spec.path : `/${spec.stage}${spec.path}`;
  return { version: '1.0', ...event, path, requestContext: { ...event.requestContext, path, stage: spec.stage } };
}
