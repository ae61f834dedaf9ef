import { alb } from '../../../shared/formats/alb';
import { headerValues, SAMPLE_MULTI_VALUE_HEADERS, sampleParts } from './fixtures';
import { captureStdout } from '../../support/log-capture';

const elb = { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:xx-local-1:000000000000:targetgroup/t/1' } };
const multiValueEvent = { requestContext: elb, httpMethod: 'GET', path: '/ping', multiValueHeaders: { accept: ['*/*'] } };
const singleValueEvent = { requestContext: elb, httpMethod: 'GET', path: '/ping', headers: { accept: '*/*' } };

describe('alb.writeResult', () => {
  it('answers a multi-value event in multiValueHeaders, every value and cookie kept', () => {
    expect(alb.writeResult(sampleParts(), multiValueEvent, 'req-1')).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      multiValueHeaders: SAMPLE_MULTI_VALUE_HEADERS,
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it('answers a single-value event in headers with the first Set-Cookie intact', () => {
    const result = captureStdout(() =>
      alb.writeResult(sampleParts({ cookies: ['theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT'] }), singleValueEvent, 'req-1'),
    );
    expect(result).toBe('');
    let twoCookies: ReturnType<typeof alb.writeResult> | undefined;
    captureStdout(() => (twoCookies = alb.writeResult(sampleParts(), singleValueEvent, 'req-1')));
    expect(twoCookies).toEqual(
      expect.objectContaining({
        headers: {
          'content-type': 'application/json; charset=utf-8',
          vary: 'Origin, Accept-Encoding',
          'x-request-id': 'abc',
          'set-cookie': 'session=abc; Path=/; HttpOnly',
        },
      }),
    );
  });

  it('logs one JSON warning line, without cookie values, when single-value mode drops cookies', () => {
    let result: ReturnType<typeof alb.writeResult> | undefined;
    const logged = captureStdout(() => {
      result = alb.writeResult(sampleParts(), singleValueEvent, 'req-7');
    });
    expect(result).not.toHaveProperty('multiValueHeaders');
    const lines = logged.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(line).toEqual(expect.objectContaining({ level: 'WARN', requestId: 'req-7', droppedCookies: 1 }));
    expect(logged).not.toContain('abc');
    expect(logged).not.toContain('dark');
  });

  it('logs nothing in multi-value mode, whatever the number of cookies', () => {
    expect(captureStdout(() => alb.writeResult(sampleParts(), multiValueEvent, 'req-1'))).toBe('');
  });

  it.each([
    ['multi-value', multiValueEvent],
    ['single-value', singleValueEvent],
  ])('never adds a cookies key in %s mode', (_mode, event) => {
    captureStdout(() => expect(alb.writeResult(sampleParts(), event, undefined)).not.toHaveProperty('cookies'));
  });

  it.each([
    ['multi-value', multiValueEvent],
    ['single-value', singleValueEvent],
  ])('writes every header value as a string in %s mode', (_mode, event) => {
    captureStdout(() => {
      const values = headerValues(alb.writeResult(sampleParts(), event, undefined));
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(typeof value).toBe('string');
    });
  });

  it('writes only headers in single-value mode and only multiValueHeaders in multi-value mode', () => {
    captureStdout(() => {
      expect(Object.keys(alb.writeResult(sampleParts(), singleValueEvent, undefined)).sort()).toEqual([
        'body',
        'headers',
        'isBase64Encoded',
        'statusCode',
        'statusDescription',
      ]);
      expect(Object.keys(alb.writeResult(sampleParts(), multiValueEvent, undefined)).sort()).toEqual([
        'body',
        'isBase64Encoded',
        'multiValueHeaders',
        'statusCode',
        'statusDescription',
      ]);
    });
  });

  it.each([
    [200, '200 OK'],
    [404, '404 Not Found'],
    [500, '500 Internal Server Error'],
    [504, '504 Gateway Timeout'],
    [599, '599'],
  ])('describes status %i as %j', (statusCode, description) => {
    expect(alb.writeResult(sampleParts({ statusCode, cookies: [] }), multiValueEvent, undefined)).toEqual(
      expect.objectContaining({ statusCode, statusDescription: description }),
    );
  });

  it('passes a base64 body and its flag through', () => {
    const result = alb.writeResult(sampleParts({ body: 'AAEC', isBase64Encoded: true, cookies: [] }), singleValueEvent, undefined);
    expect(result).toEqual(expect.objectContaining({ body: 'AAEC', isBase64Encoded: true }));
  });
});
