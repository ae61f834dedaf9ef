import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { createHandler } from '../../shared';
import { captureLogs } from '../support/log-capture';

const context = (timeLeft: () => number = () => 3000): Context =>
  ({ awsRequestId: 'req-1', getRemainingTimeInMillis: timeLeft }) as unknown as Context;

/** Answers with what it saw: the URL, the protocol its socket says, and its headers. */
function seen(req: IncomingMessage, res: ServerResponse): void {
  const encrypted = (req.socket as unknown as { encrypted: boolean }).encrypted;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ url: req.url, encrypted, headers: req.headers }));
}

const albEvent = (extra: Record<string, unknown> = {}) => ({
  requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:xx-local-1:000000000000:targetgroup/t/1' } },
  httpMethod: 'GET',
  path: '/big',
  headers: { host: 'alb.example.com' },
  body: '',
  isBase64Encoded: false,
  ...extra,
});

const v2Event = (requestContext: Record<string, unknown>, rawPath: string) => ({
  version: '2.0',
  rawPath,
  rawQueryString: '',
  headers: { host: 'h' },
  requestContext: { http: { method: 'GET', path: rawPath, sourceIp: '203.0.113.10' }, stage: 'v1', ...requestContext },
  isBase64Encoded: false,
});

describe('createHandler', () => {
  const logs = captureLogs();

  it('holds ALB results to ALB’s 1 MB: 2 MB of text becomes a 500 and a log line naming both sizes', async () => {
    const handler = createHandler((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('a'.repeat(2 * 1024 * 1024)));
    const result = await handler(albEvent(), context());
    expect(result.statusCode).toBe(500);
    expect(logs()[0]?.json).toMatchObject({ level: 'ERROR', limitBytes: 1024 * 1024, bytes: expect.any(Number) });
  });

  it('lets the same 2 MB through on REST v1, whose limit is 6 MB', async () => {
    const handler = createHandler((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('a'.repeat(2 * 1024 * 1024)));
    const result = await handler({ httpMethod: 'GET', path: '/big', headers: {} }, context());
    expect(result.statusCode).toBe(200);
  });

  it.each([
    ['http', false],
    ['https', true],
  ])('ALB: X-Forwarded-Proto %s makes the connection encrypted=%s', async (proto, encrypted) => {
    const result = await createHandler(seen)(albEvent({ path: '/', headers: { host: 'h', 'x-forwarded-proto': proto } }), context());
    expect(JSON.parse(result.body ?? '')).toMatchObject({ encrypted });
  });

  it('keeps the bytes of a buffer the app reuses once its write has called back', async () => {
    const handler = createHandler((_req, res) => {
      res.setHeader('content-type', 'application/octet-stream');
      const buffer = Buffer.from('AAAA');
      res.write(buffer, () => {
        buffer.fill('B');
        res.end(buffer);
      });
    });
    const result = await handler({ httpMethod: 'GET', path: '/', headers: {} }, context());
    expect(Buffer.from(result.body ?? '', 'base64').toString()).toBe('AAAABBBB');
  });

  it.each([
    ['the default endpoint strips the named stage', { apiId: 'abc123', domainPrefix: 'abc123' }, '/v1/users', '/users'],
    [
      'a custom domain keeps a first segment that only looks like the stage',
      { apiId: 'abc123', domainPrefix: 'api' },
      '/v1/users',
      '/v1/users',
    ],
  ])('HTTP API: %s', async (_case, requestContext, rawPath, url) => {
    const result = await createHandler(seen)(v2Event(requestContext, rawPath), context());
    expect(JSON.parse(result.body ?? '')).toMatchObject({ url });
  });

  it('v1: an empty multiValueHeaders map falls back to headers, and the query likewise', async () => {
    const event = {
      httpMethod: 'GET',
      path: '/q',
      multiValueHeaders: {},
      headers: { 'x-a': '1' },
      multiValueQueryStringParameters: {},
      queryStringParameters: { a: '1' },
    };
    const body = JSON.parse((await createHandler(seen)(event, context())).body ?? '') as { url: string; headers: Record<string, string> };
    expect(body.url).toBe('/q?a=1');
    expect(body.headers['x-a']).toBe('1');
  });

  it('a context whose remaining time is not a number falls back to 29 s instead of answering 504 at once', async () => {
    const handler = createHandler((_req, res) => void setTimeout(() => res.end('late but fine'), 20));
    const result = await handler(
      { httpMethod: 'GET', path: '/', headers: {} },
      context(() => Number.NaN),
    );
    expect(result.statusCode).toBe(200);
  });
});
