import { restV1 } from '../../../shared/formats/rest-v1';
import { resolveSettings } from '../../../shared/options';
import { requestTarget } from '../../../shared/request-target';
import { headerValues, SAMPLE_MULTI_VALUE_HEADERS, sampleParts } from './fixtures';

const multiValueEvent = { httpMethod: 'GET', path: '/ping', headers: { Accept: '*/*' }, multiValueHeaders: { Accept: ['*/*'] } };
const singleValueEvent = { httpMethod: 'GET', path: '/ping', headers: { Accept: '*/*' } };

describe('restV1.writeResult', () => {
  it('answers an event with multiValueHeaders in multiValueHeaders, every value and cookie kept', () => {
    const result = restV1.writeResult(sampleParts(), multiValueEvent, 'req-1');
    expect(result).toEqual({
      statusCode: 200,
      multiValueHeaders: SAMPLE_MULTI_VALUE_HEADERS,
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it('answers an event without multiValueHeaders in headers, and still sends every cookie in multiValueHeaders', () => {
    const result = restV1.writeResult(sampleParts(), singleValueEvent, 'req-1');
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Origin, Accept-Encoding', 'x-request-id': 'abc' },
      multiValueHeaders: { 'set-cookie': ['session=abc; Path=/; HttpOnly', 'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'] },
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it('treats multiValueHeaders: null as single-value mode', () => {
    const result = restV1.writeResult(sampleParts({ cookies: [] }), { ...singleValueEvent, multiValueHeaders: null }, undefined);
    expect(result).toHaveProperty('headers');
    expect(result).not.toHaveProperty('multiValueHeaders');
  });

  it('adds no multiValueHeaders in single-value mode when there are no cookies', () => {
    const result = restV1.writeResult(sampleParts({ cookies: [] }), singleValueEvent, undefined);
    expect(result).not.toHaveProperty('multiValueHeaders');
  });

  it.each([
    ['multi-value', multiValueEvent],
    ['single-value', singleValueEvent],
  ])('never adds a cookies key in %s mode (API Gateway answers 502)', (_mode, event) => {
    expect(restV1.writeResult(sampleParts(), event, undefined)).not.toHaveProperty('cookies');
  });

  it.each([
    ['multi-value', multiValueEvent],
    ['single-value', singleValueEvent],
  ])('writes every header value as a string in %s mode', (_mode, event) => {
    const values = headerValues(restV1.writeResult(sampleParts(), event, undefined));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(typeof value).toBe('string');
  });

  it('passes a base64 body, its flag and the status code through', () => {
    const result = restV1.writeResult(
      sampleParts({ statusCode: 201, body: 'iVBORw0K', isBase64Encoded: true }),
      multiValueEvent,
      undefined,
    );
    expect(result).toEqual(expect.objectContaining({ statusCode: 201, body: 'iVBORw0K', isBase64Encoded: true }));
  });

  it.each([
    ['multi-value', multiValueEvent],
    ['single-value', singleValueEvent],
  ])('changes neither the parts nor the event in %s mode', (_mode, original) => {
    const parts = sampleParts();
    const event = structuredClone(original);
    restV1.writeResult(parts, event, undefined);
    expect(parts).toEqual(sampleParts());
    expect(event).toEqual(original);
  });
});

describe('restV1.readRequest query', () => {
  const settings = resolveSettings();
  const targetOf = (event: Record<string, unknown>): string => requestTarget(restV1.readRequest(event), settings);

  it('reads every multi-value query value, decoded, in order, never split on commas', () => {
    const event = {
      httpMethod: 'GET',
      path: '/',
      multiValueQueryStringParameters: { tag: ['a b', 'c,d'], q: ['é'] },
      queryStringParameters: { tag: 'c,d', q: 'é' },
    };
    expect(targetOf(event)).toBe('/?tag=a%20b&tag=c%2Cd&q=%C3%A9');
  });

  it('falls back to queryStringParameters when the multi-value map is null', () => {
    const event = { httpMethod: 'GET', path: '/', multiValueQueryStringParameters: null, queryStringParameters: { a: '1' } };
    expect(targetOf(event)).toBe('/?a=1');
  });

  // encodeURIComponent throws URIError on a lone surrogate; the handler would answer a helper 500.
  it.each([
    ['a key', { httpMethod: 'GET', path: '/', multiValueQueryStringParameters: { '\ud800': ['x'] } }, '/?%EF%BF%BD=x'],
    ['a multi-value value', { httpMethod: 'GET', path: '/', multiValueQueryStringParameters: { q: ['a\udc00b'] } }, '/?q=a%EF%BF%BDb'],
    ['a single value', { httpMethod: 'GET', path: '/', queryStringParameters: { q: '\ud83d' } }, '/?q=%EF%BF%BD'],
  ])('encodes a lone surrogate in %s as U+FFFD, as paths do, never a URIError', (_where, event, expected) => {
    expect(targetOf(event)).toBe(expected);
  });
});
