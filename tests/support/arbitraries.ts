import fc from 'fast-check';
import { request, type RequestSpec } from '../../dev/sample-events/sample-request';

/**
 * fast-check arbitraries for the property tests: requests any client could send, and the
 * hostile edits of their events that no API Gateway or ALB would send but a test must.
 */

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz".split('');

/** An HTTP token, lower-case, prefixed so it never names a header with a meaning (host, content-length...). */
export const headerName = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 12 }).map((token) => `x-${token}`);

const VISIBLE = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

/** A header value a real socket could deliver: visible ASCII, inner spaces, no surrounding whitespace. */
export const headerValue = fc
  .array(fc.oneof({ weight: 8, arbitrary: VISIBLE }, { weight: 1, arbitrary: fc.constant(' ') }), { maxLength: 24 })
  .map((chars) => chars.join('').trim());

const pathSegment = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('%', '%2F', '%zz', '%FF', '?', '#', ' ', '..', 'caf\u00e9', '\u0000', '\ud800'),
);

export const requestPath = fc.array(pathSegment, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`);

const queryText = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('a,b', '1+1', '&=?', '%', '%20'),
);

const cookie = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), fc.stringMatching(/^[A-Za-z0-9._-]{0,10}$/))
  .map(([name, value]) => `${name}=${value}`);

/** A body as bytes, carried base64 (any bytes) or as text (UTF-8 that survives the round trip). */
export const requestBody = fc.oneof(
  fc.record({ body: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), isBase64: fc.constant(true) }),
  fc.record({
    body: fc.string({ unit: 'grapheme', maxLength: 100 }).map((text) => Buffer.from(text, 'utf8')),
    isBase64: fc.constant(false),
  }),
);

export const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');

/** Any request a client could send through API Gateway or ALB. */
export const requestSpec: fc.Arbitrary<RequestSpec> = fc
  .record({
    method,
    path: requestPath,
    query: fc.array(fc.tuple(queryText, queryText), { maxLength: 5 }),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    cookies: fc.array(cookie, { maxLength: 3 }),
    body: fc.option(requestBody, { nil: undefined }),
    stage: fc.constantFrom('$default', 'dev', 'v1'),
  })
  .map(({ body, ...fields }) => request({ ...fields, body: body?.body, isBase64: body?.isBase64 ?? false }));

/** Fields of every format, some nested; `*` is a random key of that map. */
const FIELD_PATHS = [
  'httpMethod',
  'path',
  'rawPath',
  'rawQueryString',
  'version',
  'body',
  'isBase64Encoded',
  'cookies',
  'headers',
  'headers.*',
  'multiValueHeaders',
  'multiValueHeaders.*',
  'queryStringParameters',
  'queryStringParameters.*',
  'multiValueQueryStringParameters',
  'multiValueQueryStringParameters.*',
  'requestContext',
  'requestContext.http',
  'requestContext.http.method',
  'requestContext.http.sourceIp',
  'requestContext.stage',
  'requestContext.identity',
  'requestContext.identity.sourceIp',
  'requestContext.elb',
];

const DELETE = Symbol('delete');

// Strings that broke proxy adapters before (or that JSON can carry but no client can send)
// are drawn often; fully random ones explore the rest.
const hostileString = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '\r\n',
      'a\u0000b',
      '%',
      '%%zz',
      '====',
      'not base64!',
      '\ud800',
      'x\udc00y',
      '2.0',
      '$default',
      'GET',
      '__proto__',
    ),
  },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  hostileString,
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.array(fc.oneof(hostileString, fc.anything({ maxDepth: 1 })), { maxLength: 4 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.anything({ maxDepth: 1 })), {
    maxKeys: 4,
  }),
);

export interface Mutation {
  readonly path: string;
  readonly key: string;
  readonly value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...FIELD_PATHS),
  key: fc.oneof(headerName, hostileString),
  value: hostileValue,
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Applies mutations to a copy of the event; a mutation whose parent is missing is a no-op. */
export function mutate(event: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const edited = structuredClone(event);
  for (const { path, key, value } of mutations) {
    const keys = path.split('.').map((part) => (part === '*' ? key : part));
    const last = keys.pop() as string;
    let parent: unknown = edited;
    for (const part of keys) parent = isObject(parent) ? parent[part] : undefined;
    if (!isObject(parent)) continue;
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
  }
  return edited;
}
