import type { IncomingHttpHeaders } from 'node:http';
import type { HttpCors } from '../../sam-model/sam-template';
import type { HttpAnswer } from '../read-lambda-result';

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** A browser's preflight: OPTIONS with an Origin and the method it asks about; other OPTIONS requests are routed. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && single(headers.origin) !== undefined && single(headers['access-control-request-method']) !== undefined;
}

// `*` allows any origin; `https://*` any origin with that prefix; anything else must match exactly.
function allowedOrigin(cors: HttpCors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  for (const allowed of cors.allowOrigins) {
    if (allowed === '*') return '*';
    if (allowed.endsWith('*') ? origin.startsWith(allowed.slice(0, -1)) : allowed.toLowerCase() === origin.toLowerCase()) return origin;
  }
  return undefined;
}

/**
 * An HTTP API's own answer to a preflight, as "Configure CORS for HTTP APIs" has it: 204, with
 * the configured CORS headers when the Origin is allowed and none when it is not. No route or
 * authorizer runs. The headers say what is configured, not what was asked: a preflight naming 100
 * headers gets the same short answer, and the browser decides.
 */
export function answerHttpPreflight(cors: HttpCors, headers: IncomingHttpHeaders): HttpAnswer {
  const answer: HttpAnswer = { statusCode: 204, headers: new Map(), body: Buffer.alloc(0) };
  const origin = allowedOrigin(cors, single(headers.origin));
  if (origin === undefined) return answer;
  answer.headers.set('Access-Control-Allow-Origin', [origin]);
  if (cors.allowMethods.length > 0) answer.headers.set('Access-Control-Allow-Methods', [cors.allowMethods.join(',')]);
  if (cors.allowHeaders.length > 0) answer.headers.set('Access-Control-Allow-Headers', [cors.allowHeaders.join(',')]);
  if (cors.maxAge !== undefined) answer.headers.set('Access-Control-Max-Age', [String(cors.maxAge)]);
  if (cors.allowCredentials) answer.headers.set('Access-Control-Allow-Credentials', ['true']);
  return answer;
}

/**
 * A function's answer through an HTTP API with CorsConfiguration: the function's own
 * Access-Control-* headers are ignored, and the configured ones added when the request's Origin is allowed.
 */
export function addHttpCorsHeaders(answer: HttpAnswer, cors: HttpCors, requestHeaders: IncomingHttpHeaders): HttpAnswer {
  const headers = new Map([...answer.headers].filter(([name]) => !name.toLowerCase().startsWith('access-control-')));
  const origin = allowedOrigin(cors, single(requestHeaders.origin));
  if (origin !== undefined) {
    headers.set('Access-Control-Allow-Origin', [origin]);
    if (cors.exposeHeaders.length > 0) headers.set('Access-Control-Expose-Headers', [cors.exposeHeaders.join(',')]);
    if (cors.allowCredentials) headers.set('Access-Control-Allow-Credentials', ['true']);
  }
  return { ...answer, headers };
}
