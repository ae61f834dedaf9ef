import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bodyText, formatRequestTime, groupPairs, headersWithDefaults, mapValues, type RequestSpec } from './sample-request';

/** What differs between an HTTP API and a Function URL sending a payload 2.0 event. */
export interface PayloadV2Endpoint {
  readonly host: string;
  readonly apiId: string;
  readonly routeKey: string;
  /** Function URLs have only `$default`; an HTTP API may have named stages. */
  readonly namedStages: boolean;
}

export const HTTP_API: PayloadV2Endpoint = {
  host: 'abcdef1234.execute-api.xx-local-1.amazonaws.com',
  apiId: 'abcdef1234',
  routeKey: 'ANY /{proxy+}',
  namedStages: true,
};

export const FUNCTION_URL: PayloadV2Endpoint = {
  host: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.xx-local-1.on.aws',
  apiId: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6',
  routeKey: '$default',
  namedStages: false,
};

/** Where a request landed, when the caller knows more than the endpoint's defaults (the local API does). */
export interface PayloadV2Route {
  /** `GET /items/{id}`, `$default`...; the endpoint's routeKey when not given. */
  readonly routeKey?: string;
  /** The route's path parameters; derived from a `{proxy+}` routeKey when not given. */
  readonly pathParameters?: Record<string, string> | null;
  readonly stageVariables?: Record<string, string> | null;
  /** The path as the event carries it, when it is not the spec's (a Function URL keeps the client's escapes). */
  readonly rawPath?: string;
  /** The query as the client sent it; re-encoded from the spec when not given. */
  readonly rawQueryString?: string;
  /** false: the spec's headers are all there is (the local API passes what the client sent). */
  readonly clientDefaults?: boolean;
}

const encodePair = ([key, value]: readonly [string, string]): string => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

// `ANY /express/{proxy+}` matched `/express/ping`: the greedy parameter is `ping`.
function proxyOf(path: string, routeKey: string): string {
  const prefix = routeKey.slice(routeKey.indexOf(' ') + 1).replace('{proxy+}', '');
  return path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\//, '');
}

function defaultPathParameters(spec: RequestSpec, routeKey: string): Record<string, string> | undefined {
  return routeKey === '$default' ? undefined : { proxy: proxyOf(spec.path, routeKey) };
}

/**
 * A payload 2.0 event (HTTP API or Function URL): header names in lower case, repeated headers
 * and query values joined with commas, cookies apart.
 */
export function payloadV2Event(
  spec: RequestSpec,
  endpoint: PayloadV2Endpoint = HTTP_API,
  route: PayloadV2Route = {},
): APIGatewayProxyEventV2 {
  const routeKey = route.routeKey ?? endpoint.routeKey;
  const pairs = route.clientDefaults === false ? spec.headers : headersWithDefaults(spec, endpoint.host);
  const headers = mapValues(
    groupPairs(pairs, (name) => name.toLowerCase()),
    (values) => values.join(','),
  );
  const query = groupPairs(spec.query);
  const stage = endpoint.namedStages ? spec.stage : '$default';
  const rawPath = route.rawPath ?? (stage === '$default' ? spec.path : `/${stage}${spec.path}`);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: route.rawQueryString ?? spec.query.map(encodePair).join('&'),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: endpoint.apiId,
      domainName: endpoint.host,
      domainPrefix: endpoint.apiId,
      http: { method: spec.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: spec.sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: spec.requestId,
      routeKey,
      stage,
      time: formatRequestTime(spec.time),
      timeEpoch: spec.time.getTime(),
    },
    isBase64Encoded: spec.isBase64,
  };
  if (spec.cookies.length > 0) event.cookies = [...spec.cookies];
  if (query.size > 0) event.queryStringParameters = mapValues(query, (values) => values.join(','));
  const pathParameters = route.pathParameters === undefined ? defaultPathParameters(spec, routeKey) : route.pathParameters;
  if (pathParameters) event.pathParameters = pathParameters;
  if (route.stageVariables) event.stageVariables = route.stageVariables;
  const body = bodyText(spec);
  if (body !== undefined) event.body = body;
  return event;
}
