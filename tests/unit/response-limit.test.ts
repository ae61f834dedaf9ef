import type { ProxyResult } from '../../shared/formats/event-format';
import { oversizeBytes, RESPONSE_LIMIT_BYTES } from '../../shared/response-limit';

function result(body: string, isBase64Encoded = false): ProxyResult {
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body, isBase64Encoded };
}

const MB = 1024 * 1024;

describe('oversizeBytes', () => {
  it('is Lambda\'s 6 MB synchronous response limit', () => {
    expect(RESPONSE_LIMIT_BYTES).toBe(6 * MB);
  });

  it.each([
    ['an empty body', ''],
    ['a small body', 'pong'],
    ['a 1 MB ASCII body', 'a'.repeat(MB)],
    ['a 5.9 MB ASCII body', 'a'.repeat(5.9 * MB)],
    ['a 1.9 MB body of 3-byte characters (5.7 MB of UTF-8)', '€'.repeat(1.9 * MB)],
  ])('lets %s through', (_kind, body) => {
    expect(oversizeBytes(result(body))).toBeUndefined();
  });

  it('lets a result without a body through', () => {
    expect(oversizeBytes({ statusCode: 204, body: undefined as unknown as string })).toBeUndefined();
  });

  it.each([
    ['a 6 MB ASCII body plus headers', 'a'.repeat(6 * MB)],
    ['a 6.5 MB ASCII body', 'a'.repeat(6.5 * MB)],
    ['a 4.5 MB file as base64 (6 MB encoded)', Buffer.alloc(4.5 * MB, 7).toString('base64')],
    ['2.1 M characters of 3-byte UTF-8 (6.3 MB)', '€'.repeat(2.1 * MB)],
    ['3.5 MB of quotes that JSON escapes to 7 MB', '"'.repeat(3.5 * MB)],
    ['1.9 MB of control characters that JSON escapes six-fold (11.4 MB)', '\u0001'.repeat(1.9 * MB)],
  ])('reports %s with the size Lambda counts', (_kind, body) => {
    const bytes = oversizeBytes(result(body));
    expect(bytes).toBe(Buffer.byteLength(JSON.stringify(result(body))));
    expect(bytes).toBeGreaterThan(RESPONSE_LIMIT_BYTES);
  });

  it('counts the headers too, not only the body', () => {
    const body = 'a'.repeat(6 * MB - 100);
    const bigHeaders = { statusCode: 200, headers: { 'x-padding': 'p'.repeat(200) }, body };
    expect(oversizeBytes(bigHeaders)).toBe(Buffer.byteLength(JSON.stringify(bigHeaders)));
  });
});
