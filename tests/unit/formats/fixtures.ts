import type { ResultParts } from '../../../shared/formats/event-format';

/** The parts of a typical app response: a repeated header, two cookies (one holding a comma), a body. */
export function sampleParts(overrides: Partial<ResultParts> = {}): ResultParts {
  return {
    statusCode: 200,
    headers: new Map([
      ['content-type', ['application/json; charset=utf-8']],
      ['vary', ['Origin', 'Accept-Encoding']],
      ['x-request-id', ['abc']],
    ]),
    cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
    body: '{"ok":true}',
    isBase64Encoded: false,
    ...overrides,
  };
}

/** Every header value in a result, single- or multi-value, flattened. */
export function headerValues(result: { headers?: unknown; multiValueHeaders?: unknown }): unknown[] {
  const single = Object.values((result.headers ?? {}) as Record<string, unknown>);
  const multi = Object.values((result.multiValueHeaders ?? {}) as Record<string, unknown[]>).flat();
  return [...single, ...multi];
}

/** How sampleParts() reads in multi-value mode (REST v1 and ALB alike): every value, cookies as set-cookie. */
export const SAMPLE_MULTI_VALUE_HEADERS = {
  'content-type': ['application/json; charset=utf-8'],
  vary: ['Origin', 'Accept-Encoding'],
  'x-request-id': ['abc'],
  'set-cookie': ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
};
