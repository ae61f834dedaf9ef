import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRequest } from './send-request';
import { accessLineFor, FIXTURE_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// What a function receives: the REST API (payload 1.0) event, Lambda's context, its own environment.
let api: TestApi;

interface Echo {
  event: Record<string, unknown> & { requestContext: Record<string, unknown> };
  context: { awsRequestId: string; functionName: string; memoryLimitInMB: string; deadlineFrom: number; deadlineUntil: number };
  env: Record<string, string | undefined>;
  instanceId: string;
  invocations: number;
}

beforeAll(async () => {
  // A variable of the server's own environment that no function may see.
  process.env.LOCAL_API_TEST_SECRET = 'host only';
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE });
});

afterAll(async () => {
  delete process.env.LOCAL_API_TEST_SECRET;
  await api.close();
});

describe('the event', () => {
  it('is shaped as API Gateway sends it, the path without the stage and requestContext.path with it', async () => {
    const answer = await sendRequest(`${api.url}/echo/a/b%20c?x=1&x=2&empty=&flag`, {
      headers: { 'X-Multi': ['1', '2'], 'User-Agent': 'local-api-test' },
    });
    const { event } = answer.json<Echo>();
    expect(event).toMatchObject({
      resource: '/echo/{proxy+}',
      path: '/echo/a/b c',
      httpMethod: 'GET',
      queryStringParameters: { x: '2', empty: '', flag: '' },
      multiValueQueryStringParameters: { x: ['1', '2'], empty: [''], flag: [''] },
      pathParameters: { proxy: 'a/b c' },
      stageVariables: { color: 'blue' },
      body: null,
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'X-Multi': '2', 'User-Agent': 'local-api-test', 'X-Forwarded-For': '127.0.0.1' });
    expect(event.multiValueHeaders).toMatchObject({ 'X-Multi': ['1', '2'] });
    expect(event.requestContext).toMatchObject({
      stage: 'test',
      path: '/test/echo/a/b c',
      resourcePath: '/echo/{proxy+}',
      httpMethod: 'GET',
      requestId: answer.headers['x-amzn-requestid'],
      requestTimeEpoch: expect.any(Number),
      identity: expect.objectContaining({ sourceIp: '127.0.0.1', userAgent: 'local-api-test' }),
      domainName: new URL(api.url).host,
    });
  });

  it('has null query maps when there is no query string', async () => {
    const { event } = (await sendRequest(`${api.url}/echo/plain`)).json<Echo>();
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  });

  it('carries a body of a BinaryMediaTypes content type as base64', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);
    const answer = await sendRequest(`${api.url}/echo/upload`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: bytes });
    const { event } = answer.json<Echo>();
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(bytes.toString('base64'));
  });

  it('carries a body of any other content type as text', async () => {
    const answer = await sendRequest(`${api.url}/echo/upload`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"é"}',
    });
    const { event } = answer.json<Echo>();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('{"a":"é"}');
  });
});

describe('the context and the environment', () => {
  it("give the function its name, memory, request id and a deadline its Timeout after the request's arrival", async () => {
    const sentAt = Date.now();
    const { context } = (await sendRequest(`${api.url}/echo/context`)).json<Echo>();
    const answeredAt = Date.now();
    expect(context.functionName).toBe('EchoFunction');
    expect(context.memoryLimitInMB).toBe('1024');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    // The invocation started between sending and the answer, so its deadline (Timeout: 5) lies between
    // these instants plus 5 s: points on one clock, whatever the machine's speed.
    expect(context.deadlineUntil).toBeGreaterThanOrEqual(sentAt + 5000);
    expect(context.deadlineFrom).toBeLessThanOrEqual(answeredAt + 5000);
  });

  it("merge Globals variables with the function's own, the function winning, and nothing of the host", async () => {
    const { env } = (await sendRequest(`${api.url}/echo/env`)).json<Echo>();
    expect(env).toMatchObject({ SHARED: 'from-globals', OVERRIDDEN: 'from-function', GREETING: 'hello from xx-local-1' });
    expect(env).toMatchObject({ AWS_LAMBDA_FUNCTION_NAME: 'EchoFunction', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024' });
    expect(env.LOCAL_API_TEST_SECRET).toBeUndefined();

    const other = (await sendRequest(`${api.url}/misbehave/env`)).json<Record<string, string>>();
    expect(other).toMatchObject({ SHARED: 'from-globals', OVERRIDDEN: 'from-globals', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256' });
    expect(other.GREETING).toBeUndefined();
  });
});

describe('instances', () => {
  it('logs the first request of an instance as a cold start and the next as warm', async () => {
    await sendRequest(`${api.url}/echo/first`);
    await sendRequest(`${api.url}/echo/second`);
    expect(accessLineFor(api.lines, 'GET', '/echo/a/b%20c?x=***&x=***&empty=***&flag')).toMatch(/^GET \S+ 200 \d+ ms EchoFunction cold$/);
    expect(accessLineFor(api.lines, 'GET', '/echo/second')).toMatch(/^GET \/echo\/second 200 \d+ ms EchoFunction warm$/);
  });

  it('run concurrent invocations in separate instances, one invocation each at a time', async () => {
    const held: ServerResponse[] = [];
    const expected = 3;
    // Answers nobody until all three invocations are waiting on it: only three instances can get there.
    const barrier: Server = createServer((_request, response) => {
      held.push(response);
      if (held.length === expected) for (const waiting of held) waiting.end('go');
    });
    await new Promise<void>((listening) => barrier.listen(0, '127.0.0.1', listening));
    const barrierUrl = encodeURIComponent(`http://127.0.0.1:${(barrier.address() as AddressInfo).port}/`);
    try {
      const answers = await Promise.all(
        Array.from({ length: expected }, () => sendRequest(`${api.url}/echo/together?barrier=${barrierUrl}`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const instances = new Set(answers.map((answer) => answer.json<Echo>().instanceId));
      expect(instances.size).toBe(expected);
    } finally {
      barrier.closeAllConnections();
      await new Promise((closed) => barrier.close(closed));
    }
  });
});
