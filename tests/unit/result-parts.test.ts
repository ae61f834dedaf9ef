import { resolveSettings } from '../../shared/options';
import { jsonResultParts, toResultParts } from '../../shared/result-parts';

describe('jsonResultParts', () => {
  it.each([
    [400, 'Bad Request'],
    [500, 'Internal Server Error'],
    [504, 'Gateway Timeout'],
  ])('answers %i with a JSON message and nothing else', (statusCode, message) => {
    const parts = jsonResultParts(statusCode, message);
    expect(parts.statusCode).toBe(statusCode);
    expect([...parts.headers]).toEqual([['content-type', ['application/json']]]);
    expect(parts.cookies).toEqual([]);
    expect(JSON.parse(parts.body)).toEqual({ message });
    expect(parts.isBase64Encoded).toBe(false);
  });

  it('gives each answer headers of its own', () => {
    expect(jsonResultParts(500, 'x').headers).not.toBe(jsonResultParts(500, 'x').headers);
  });
});

describe('toResultParts', () => {
  it('keeps status, headers and cookies, and decides how the body travels', () => {
    const headers = new Map([['content-type', ['image/png']]]);
    const parts = toResultParts({ statusCode: 201, headers, cookies: ['a=1'], body: Buffer.from([0x89, 0x50]) }, resolveSettings());
    expect(parts).toEqual({ statusCode: 201, headers, cookies: ['a=1'], body: 'iVA=', isBase64Encoded: true });
  });
});
