import { randomBytes } from 'node:crypto';
import type { RestV1Route } from '../sample-events/rest-v1-event';
import type { RequestSpec } from '../sample-events/sample-request';
import { findHeader, headerPairs, headersWithGatewayHeaders, parseQuery, splitTarget, type ReceivedRequest } from './received-request';

export interface SpecOptions {
  /** The path the event carries (decoded or not, without a stage: the builder adds it). */
  path: string;
  stage: string;
  /** Whether a body of this Content-Type arrives base64. */
  isBinary: (contentType: string | undefined) => boolean;
  /** Payload 2.0 takes the Cookie headers out of `headers` into `cookies`. */
  cookiesApart: boolean;
}

// `a=1; b=2` in one or several Cookie headers: `['a=1', 'b=2']`.
function splitCookies(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(';').map((cookie) => cookie.trim())).filter((cookie) => cookie !== '');
}

/** The request as the model's event builders take it, with the headers the gateway adds. */
export function requestSpecOf(request: ReceivedRequest, options: SpecOptions): RequestSpec {
  const headers = headersWithGatewayHeaders(request);
  const cookieNames = Object.keys(headers).filter((name) => name.toLowerCase() === 'cookie');
  const cookies = options.cookiesApart ? splitCookies(cookieNames.flatMap((name) => headers[name] ?? [])) : [];
  if (options.cookiesApart) for (const name of cookieNames) delete headers[name];
  const hasBody = request.body.length > 0;
  return {
    method: request.method,
    path: options.path,
    query: parseQuery(splitTarget(request.url).query),
    headers: headerPairs(headers),
    cookies,
    body: hasBody ? request.body : undefined,
    isBase64: hasBody && options.isBinary(findHeader(headers, 'content-type')),
    stage: options.stage,
    sourceIp: request.sourceIp,
    requestId: request.requestId,
    time: request.receivedAt,
  };
}

/**
 * Where a payload 1.0 request (REST API, HTTP API 1.0) landed, as the local API tells it: the
 * route's fields, and the per-request ids API Gateway draws.
 */
export function localV1Route(route: Pick<RestV1Route, 'resource' | 'pathParameters' | 'stageVariables' | 'apiId'>): RestV1Route {
  return {
    ...route,
    resourceId: randomBytes(3).toString('hex'),
    extendedRequestId: randomBytes(10).toString('base64'),
    host: 'localhost',
    clientDefaults: false,
  };
}
