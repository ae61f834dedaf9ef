import type { ProxyResult } from '../../shared/formats/event-format';
import { ALB_RESPONSE_LIMIT_BYTES, LAMBDA_RESPONSE_LIMIT_BYTES, oversizeBytes } from '../../shared/response-limit';

function result(body: string, isBase64Encoded = false): ProxyResult {
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body, isBase64Encoded };
}

const MB = 1024 * 1024;

describe('oversizeBytes', () => {
  it("uses Lambda's synchronous response limit, 6,291,556 bytes, and ALB's 1 MB", () => {
    expect(LAMBDA_RESPONSE_LIMIT_BYTES).toBe(6_291_556);
    expect(ALB_RESPONSE_LIMIT_BYTES).toBe(MB);
  });

  it('holds an ALB result to 1 MB: 2 MB of text is over, 0.9 MB is not', () => {
    expect(oversizeBytes(result('a'.repeat(2 * MB)), ALB_RESPONSE_LIMIT_BYTES)).toBeGreaterThan(ALB_RESPONSE_LIMIT_BYTES);
    expect(oversizeBytes(result('a'.repeat(0.9 * MB)), ALB_RESPONSE_LIMIT_BYTES)).toBeUndefined();
  });

  it.each([
    ['an empty body', ''],
    ['a small body', 'pong'],
    ['a 1 MB ASCII body', 'a'.repeat(MB)],
    ['a 5.9 MB ASCII body', 'a'.repeat(5.9 * MB)],
    ['a 1.9 MB body of 3-byte characters (5.7 MB of UTF-8)', '€'.repeat(1.9 * MB)],
  ])('lets %s through', (_kind, body) => {
    expect(oversizeBytes(result(body), LAMBDA_RESPONSE_LIMIT_BYTES)).toBeUndefined();
  });

  it('lets a result without a body through', () => {
    expect(oversizeBytes({ body: undefined }, LAMBDA_RESPONSE_LIMIT_BYTES)).toBeUndefined();
  });

  it.each([
    ['a 6 MB ASCII body plus headers', 'a'.repeat(6 * MB + 200)],
    ['a 6.5 MB ASCII body', 'a'.repeat(6.5 * MB)],
    ['a 4.6 MB file as base64 (6.1 MB encoded)', Buffer.alloc(4.6 * MB, 7).toString('base64')],
    ['2.1 M characters of 3-byte UTF-8 (6.3 MB)', '€'.repeat(2.1 * MB)],
    ['3.5 MB of quotes that JSON escapes to 7 MB', '"'.repeat(3.5 * MB)],
    ['1.9 MB of control characters that JSON escapes six-fold (11.4 MB)', '\u0001'.repeat(1.9 * MB)],
  ])('reports %s with the size Lambda counts', (_kind, body) => {
    const bytes = oversizeBytes(result(body), LAMBDA_RESPONSE_LIMIT_BYTES);
    expect(bytes).toBe(Buffer.byteLength(JSON.stringify(result(body))));
    expect(bytes).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  it('counts the headers too, not only the body', () => {
    const body = 'a'.repeat(6 * MB - 100);
    const bigHeaders = { statusCode: 200, headers: { 'x-padding': 'p'.repeat(200) }, body };
    expect(oversizeBytes(bigHeaders, LAMBDA_RESPONSE_LIMIT_BYTES)).toBe(Buffer.byteLength(JSON.stringify(bigHeaders)));
  });
});
