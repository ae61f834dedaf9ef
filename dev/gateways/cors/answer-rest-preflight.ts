import type { RestCors } from '../../sam-model/sam-template';
import type { HttpAnswer } from '../read-lambda-result';

// What SAM writes for ANY when it lists a path's methods.
const ANY_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** The methods SAM lists in Allow-Methods when Cors names none: the path's own, ANY spelled out, and OPTIONS. */
export function listPathMethods(methods: readonly string[]): string {
  const listed = new Set(methods.flatMap((method) => (method === 'ANY' ? ANY_METHODS : [method])));
  listed.add('OPTIONS');
  return [...listed].sort().join(',');
}

/**
 * The answer of the OPTIONS method SAM adds to every path of a REST API with `Cors`: a MOCK
 * integration that answers 200 with the configured headers to any OPTIONS request, whatever its
 * Origin. The other methods' answers are the function's own: API Gateway adds nothing to a proxy
 * integration's response (the function must send Access-Control-Allow-Origin itself).
 */
export function answerRestPreflight(cors: RestCors, pathMethods: readonly string[]): HttpAnswer {
  const headers = new Map<string, string[]>([
    ['Content-Type', ['application/json']],
    ['Access-Control-Allow-Origin', [cors.allowOrigin]],
    ['Access-Control-Allow-Methods', [cors.allowMethods ?? listPathMethods(pathMethods)]],
  ]);
  if (cors.allowHeaders !== undefined) headers.set('Access-Control-Allow-Headers', [cors.allowHeaders]);
  if (cors.maxAge !== undefined) headers.set('Access-Control-Max-Age', [cors.maxAge]);
  if (cors.allowCredentials) headers.set('Access-Control-Allow-Credentials', ['true']);
  return { statusCode: 200, headers, body: Buffer.alloc(0) };
}
