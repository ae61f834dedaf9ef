import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { sendRequest, type Answer } from './send-request';
import { SOURCES_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// Every HTTP event source of tests/local-api/fixtures/sources/template.yaml, over real HTTP: the
// event each function sees, how each gateway routes, and the answers each gives on its own.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: SOURCES_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const urlOf = (functionId: string): string => {
  const url = api.functionUrls().get(functionId);
  if (!url) throw new Error(`${functionId} has no Function URL`);
  return url;
};

const v2EventOf = (answer: Answer) => answer.json<APIGatewayProxyEventV2 & { stageVariables?: Record<string, string> }>();

// What each source puts in the event of one request: a row each. The HTTP API rows also show
// their stage: REST has its own, payload 1.0 and 2.0 `$default`, a named stage stays in rawPath.
describe.each([
  [
    'REST API (Api event) next to the HTTP APIs: payload 1.0 with no version field and its own stage',
    () => `${api.url}/rest/ping`,
    {},
    { resource: '/rest/{proxy+}', path: '/rest/ping', pathParameters: { proxy: 'ping' }, requestContext: { stage: 'Prod' } },
  ],
  [
    "HTTP API, PayloadFormatVersion '1.0': the REST shape with version 1.0, both maps, the Cookie header kept",
    () => `${api.url}/legacy/ana?x=1&x=2`,
    { Cookie: 'a=1' },
    {
      version: '1.0',
      resource: '/legacy/{name}',
      path: '/legacy/ana',
      httpMethod: 'GET',
      pathParameters: { name: 'ana' },
      multiValueQueryStringParameters: { x: ['1', '2'] },
      headers: { Cookie: 'a=1' },
      requestContext: { stage: '$default' },
    },
  ],
  [
    'HTTP API, payload 2.0 on the implicit API: the route, the raw path and query',
    () => `${api.url}/pets/dog/7?a=1&a=2&b=x%20y`,
    { 'User-Agent': 'sources-test' },
    {
      version: '2.0',
      routeKey: 'GET /pets/dog/{id}',
      rawPath: '/pets/dog/7',
      rawQueryString: 'a=1&a=2&b=x%20y',
      pathParameters: { id: '7' },
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'GET /pets/dog/{id}',
        stage: '$default',
        http: { method: 'GET', path: '/pets/dog/7', protocol: 'HTTP/1.1', userAgent: 'sources-test' },
      },
    },
  ],
  [
    'Function URL: every path, escapes kept in rawPath, cookies apart',
    () => `${urlOf('UrlFunction')}/some%20where/deep?q=1&q=2`,
    { Cookie: 'a=1; b=2' },
    {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/some%20where/deep',
      rawQueryString: 'q=1&q=2',
      queryStringParameters: { q: '1,2' },
      cookies: ['a=1', 'b=2'],
      requestContext: { routeKey: '$default', stage: '$default', http: { path: '/some%20where/deep' } },
    },
  ],
])('%s', (_source, url, headers, fields) => {
  it('the event carries these fields', async () => {
    const answer = await sendRequest(url(), { headers });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject(fields);
  });
});

describe('REST API (Api event) next to the HTTP APIs', () => {
  it('sends no version field and answers with its request id', async () => {
    const answer = await sendRequest(`${api.url}/rest/ping`);
    expect(answer.json<{ version?: string }>().version).toBeUndefined();
    expect(answer.headers['x-amzn-requestid']).toBeDefined();
  });
});

describe('HTTP API, payload 2.0 on the implicit API', () => {
  let event: ReturnType<typeof v2EventOf>;

  beforeAll(async () => {
    const answer = await sendRequest(`${api.url}/pets/dog/7?a=1&a=2&b=x%20y`, {
      headers: { 'X-Multi': ['one', 'two'], Cookie: 'session=abc; theme=dark', 'User-Agent': 'sources-test' },
    });
    expect(answer.status).toBe(200);
    event = v2EventOf(answer);
  });

  it('comes from an execute-api domain', () => {
    expect(event.requestContext.domainName).toMatch(/\.execute-api\.xx-local-1\.amazonaws\.com$/);
  });

  it('joins repeated query values and headers with commas, names headers in lower case', () => {
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x y' });
    expect(event.headers['x-multi']).toBe('one,two');
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('takes the Cookie header out of headers into cookies', () => {
    expect(event.cookies).toEqual(['session=abc', 'theme=dark']);
    expect(event.headers['cookie']).toBeUndefined();
  });

  it('gives the stage variables of Globals.HttpApi', () => {
    expect(event.stageVariables).toEqual({ shared: 'from-globals' });
  });
});

describe('HTTP API routing (most specific route, method before ANY, $default last)', () => {
  it.each([
    ['GET', '/pets/dog/1', 'GET /pets/dog/1'],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
    ['GET', '/pets/cat/1', 'GET /pets/{proxy+}'],
    ['POST', '/pets/cat/1', 'ANY /{proxy+}'],
    // No DELETE at /pets/dog/1: unlike a REST API, the request falls through to a wider route.
    ['DELETE', '/pets/dog/1', 'ANY /{proxy+}'],
    ['POST', '/orders', 'POST /orders'],
    ['GET', '/orders', 'ANY /orders'],
    ['GET', '/', '$default'],
  ])('%s %s takes %s', async (method, path, routeKey) => {
    const answer = await sendRequest(`${api.url}${path}`, { method });
    expect(answer.status).toBe(200);
    expect(v2EventOf(answer).routeKey).toBe(routeKey);
  });

  it('binds a greedy path variable to the rest of the path', async () => {
    const event = v2EventOf(await sendRequest(`${api.url}/pets/cat/1/toys`));
    expect(event.pathParameters).toEqual({ proxy: 'cat/1/toys' });
  });

  it('leaves pathParameters out of the $default route', async () => {
    const event = v2EventOf(await sendRequest(`${api.url}/`));
    expect(event.pathParameters).toBeUndefined();
  });
});

describe('HTTP API with a named stage (explicit AWS::Serverless::HttpApi)', () => {
  it('serves its routes under the stage, which stays in rawPath', async () => {
    const answer = await sendRequest(`${api.url}/beta/hello/ana`);
    expect(answer.status).toBe(200);
    const event = v2EventOf(answer);
    expect(event).toMatchObject({ routeKey: 'GET /hello/{name}', rawPath: '/beta/hello/ana', pathParameters: { name: 'ana' } });
    expect(event.requestContext.stage).toBe('beta');
    expect(event.stageVariables).toEqual({ shared: 'from-globals', color: 'green' });
  });

  it('answers a path the stage has no route for 404 Not Found, without the $default stage stepping in', async () => {
    const answer = await sendRequest(`${api.url}/beta/nowhere`);
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ message: 'Not Found' });
    expect(answer.headers['apigw-requestid']).toBeDefined();
  });
});

describe("HTTP API's answers", () => {
  it('a function that throws: 500 Internal Server Error', async () => {
    const answer = await sendRequest(`${api.url}/case/throw`);
    expect(answer.status).toBe(500);
    expect(answer.json()).toEqual({ message: 'Internal Server Error' });
    expect(api.errors.some((line) => line.includes('/case/throw') && line.includes('thrown on purpose'))).toBe(true);
  });

  it('a result with an unusable statusCode: 500 Internal Server Error, with the reason on the console', async () => {
    const answer = await sendRequest(`${api.url}/case/malformed`);
    expect(answer.status).toBe(500);
    expect(api.errors.some((line) => line.includes('/case/malformed') && line.includes('statusCode "two hundred"'))).toBe(true);
  });

  it("past the route's TimeoutInMillis: 503 Service Unavailable", async () => {
    const answer = await sendRequest(`${api.url}/slow`);
    expect(answer.status).toBe(503);
    expect(answer.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('cookies in a result become one Set-Cookie each', async () => {
    const answer = await sendRequest(`${api.url}/case/cookies`);
    expect(answer.status).toBe(201);
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
    expect(answer.headers['x-kind']).toBe('cookies');
    expect(answer.text).toBe('made');
  });

  it('a base64 result arrives as its bytes', async () => {
    const answer = await sendRequest(`${api.url}/case/binary`);
    expect(answer.headers['content-type']).toBe('image/png');
    expect([...answer.body]).toEqual([0x89, 0x50, 0x00, 0xff]);
  });
});

describe('payload 2.0 results without a statusCode become 200 application/json with the JSON as the body', () => {
  it.each([
    ['HTTP API', () => api.url],
    ['Function URL', () => urlOf('UrlFunction')],
  ])('%s: a string result arrives in its quotes, an object as its JSON', async (_source, base) => {
    const text = await sendRequest(`${base()}/case/string`);
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('application/json');
    expect(text.text).toBe('"hello"');
    const object = await sendRequest(`${base()}/case/object`);
    expect(object.status).toBe(200);
    expect(object.json()).toEqual({ hello: 'world' });
  });
});

describe('Function URL (FunctionUrlConfig, AuthType NONE)', () => {
  it('listens on a port of its own', () => {
    const url = urlOf('UrlFunction');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(api.url);
    expect(urlOf('StreamFunction')).not.toBe(url);
  });

  it('sends the Function URL event: no pathParameters, a lambda-url domain', async () => {
    const event = v2EventOf(await sendRequest(`${urlOf('UrlFunction')}/some%20where/deep`));
    expect(event.pathParameters).toBeUndefined();
    expect(event.requestContext.domainName).toMatch(/^[a-z0-9]{32}\.lambda-url\.xx-local-1\.on\.aws$/);
    expect(event.requestContext.domainPrefix).toBe(event.requestContext.apiId);
  });

  it('base64-encodes a form post, as it does every body that is not text', async () => {
    const answer = await sendRequest(`${urlOf('UrlFunction')}/form`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=2',
    });
    const event = v2EventOf(answer);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').toString()).toBe('a=1&b=2');
  });

  it('answers a function that throws 502 Internal Server Error', async () => {
    const answer = await sendRequest(`${urlOf('UrlFunction')}/case/throw`);
    expect(answer.status).toBe(502);
    expect(answer.text).toBe('Internal Server Error');
    expect(answer.headers['x-amzn-requestid']).toBeDefined();
  });

  it('with InvokeMode RESPONSE_STREAM and a buffered handler, streams its JSON result as an application/json body', async () => {
    const answer = await sendRequest(`${urlOf('StreamFunction')}/case/object`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json()).toEqual({ hello: 'world' });
  });
});
