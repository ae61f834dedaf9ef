import { sendRequest } from './send-request';
import { accessLineFor, FIXTURE_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// API Gateway's answers when the route, the request or the function's result is not what it accepts.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const INTERNAL_ERROR = { message: 'Internal server error' };

describe('routes API Gateway does not know', () => {
  it.each([
    ['GET', '/nowhere'],
    ['GET', '/test/echo/ping'], // the stage is not part of the local URL, as with sam local start-api
    ['GET', '/echo'], // {proxy+} needs at least one segment
    ['GET', '/echo/'],
    ['POST', '/items/1'], // the resource exists, the method does not
    ['GET', '/items/1/more'],
  ])('%s %s answers 403 Missing Authentication Token', async (method, path) => {
    const answer = await sendRequest(`${api.url}${path}`, { method });
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('routes a method declared in lowercase and binds {id}', async () => {
    const answer = await sendRequest(`${api.url}/items/42`);
    expect(answer.status).toBe(200);
    expect(answer.json<{ event: { pathParameters: unknown; resource: string } }>().event).toMatchObject({
      resource: '/items/{id}',
      pathParameters: { id: '42' },
    });
  });
});

describe('results API Gateway cannot use answer 502 Internal server error, with the reason on the console', () => {
  it.each([
    ['throw', 'Error: thrown on purpose'],
    ['reject', 'TypeError: rejected on purpose'],
    ['string', 'not an object'],
    ['nothing', 'null, not an object'],
    ['status', 'statusCode "two hundred"'],
    ['body-object', 'body is not a string'],
    ['unknown-key', 'unknown keys cookies'],
    ['exit', 'exit status 3'],
    ['oversize', 'exceeded maximum allowed payload size (6291556 bytes)'],
  ])('a handler that does %s', async (failure, reason) => {
    const answer = await sendRequest(`${api.url}/misbehave/${failure}`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toEqual(INTERNAL_ERROR);
    expect(api.errors.some((line) => line.includes(`/misbehave/${failure}`) && line.includes(reason))).toBe(true);
  });

  it('a function past its Timeout, and the next request gets a fresh instance', async () => {
    const answer = await sendRequest(`${api.url}/misbehave/past-timeout`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toEqual(INTERNAL_ERROR);
    expect(api.errors.some((line) => line.includes('Task timed out after 1.00 seconds'))).toBe(true);

    const next = await sendRequest(`${api.url}/misbehave/fine`);
    expect(next.status).toBe(200);
    expect(next.text).toBe('fine');
  });
});

describe('limits', () => {
  it('answers 504 Endpoint request timed out when the function outlasts the integration timeout', async () => {
    // API Gateway waits 29 s; this second server waits 300 ms, so the test does not.
    const impatient = await startTestApi({ templatePath: FIXTURE_TEMPLATE, limits: { integrationTimeoutMs: 300 } });
    try {
      const answer = await sendRequest(`${impatient.url}/slow?ms=3000`);
      expect(answer.status).toBe(504);
      expect(answer.json()).toEqual({ message: 'Endpoint request timed out' });
    } finally {
      await impatient.close();
    }
  });

  it('refuses a request body over 10 MB with 413 without invoking the function', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    const answer = await sendRequest(`${api.url}/echo/upload`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(answer.status).toBe(413);
    expect(answer.json()).toEqual({ message: 'Request Too Long' });
    expect(accessLineFor(api.lines, 'POST', '/echo/upload')).toMatch(/ 413 \d+ ms -$/);
  });
});

describe('results API Gateway accepts', () => {
  it('merges headers and multiValueHeaders, a pair given in both arriving once', async () => {
    const answer = await sendRequest(`${api.url}/echo/headers`);
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('made');
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(answer.headers['x-single']).toBe('one');
    expect(answer.headers['x-both']).toBe('same, other');
    expect(answer.headers['content-type']).toBe('application/json'); // API Gateway's default
    expect(answer.headers['x-amzn-requestid']).toEqual(expect.any(String));
  });

  it('decodes an isBase64Encoded body into bytes for a binary Accept type', async () => {
    const answer = await sendRequest(`${api.url}/echo/png`, { headers: { accept: 'image/png' } });
    expect(answer.status).toBe(200);
    expect([...answer.body]).toEqual([0x89, 0x50, 0x00, 0xff]);
  });

  it('passes the base64 text on when the Accept type is not binary, as API Gateway does', async () => {
    const answer = await sendRequest(`${api.url}/echo/png`, { headers: { accept: 'text/html' } });
    expect(answer.text).toBe(Buffer.from([0x89, 0x50, 0x00, 0xff]).toString('base64'));
  });
});
