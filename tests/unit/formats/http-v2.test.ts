import { httpV2 } from '../../../shared/formats/http-v2';
import { headerValues, sampleParts } from './fixtures';

const event = { version: '2.0', rawPath: '/ping', requestContext: { http: { method: 'GET' } } };

describe('httpV2.writeResult', () => {
  it('answers in headers, repeated values joined, and every cookie in cookies', () => {
    expect(httpV2.writeResult(sampleParts(), event, 'req-1')).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Origin, Accept-Encoding', 'x-request-id': 'abc' },
      cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it('leaves no Set-Cookie in headers and writes no multiValueHeaders', () => {
    const result = httpV2.writeResult(sampleParts(), event, undefined);
    expect(Object.keys(result.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('set-cookie');
    expect(result).not.toHaveProperty('multiValueHeaders');
  });

  it('adds no cookies key when there are no cookies', () => {
    expect(httpV2.writeResult(sampleParts({ cookies: [] }), event, undefined)).not.toHaveProperty('cookies');
  });

  it('writes every header value as a string', () => {
    const values = headerValues(httpV2.writeResult(sampleParts(), event, undefined) as { headers?: unknown });
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(typeof value).toBe('string');
  });

  it('passes a base64 body, its flag and the status code through', () => {
    const result = httpV2.writeResult(sampleParts({ statusCode: 404, body: 'AAEC', isBase64Encoded: true }), event, undefined);
    expect(result).toEqual(expect.objectContaining({ statusCode: 404, body: 'AAEC', isBase64Encoded: true }));
  });

  it('changes neither the parts nor the event', () => {
    const parts = sampleParts();
    const copy = structuredClone(event);
    httpV2.writeResult(parts, copy, undefined);
    expect(parts).toEqual(sampleParts());
    expect(copy).toEqual(event);
  });
});
