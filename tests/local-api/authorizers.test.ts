import { sendRequest, type Answer } from './send-request';
import { AUTH_TEMPLATE, lineSaying, startTestApi, uniqueToken as tokenFor, type TestApi } from './start-test-api';
import { hasAwsSampleEvents, readAwsSampleEvent } from '../support/aws-sample-events';

// REST Lambda authorizers as API Gateway runs them, over real HTTP against fixtures/auth/template.yaml.

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: AUTH_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const timesRan = (identity: string): number => api.lines.filter((line) => line.includes(`authorizer ran for ${identity}`)).length;

interface SeenEvent {
  event: {
    requestContext: { authorizer?: Record<string, unknown> };
    resource: string;
  };
}

const get = (path: string, headers: Record<string, string> = {}): Promise<Answer> => sendRequest(`${api.url}${path}`, { headers });

describe('a REST TOKEN authorizer (the DefaultAuthorizer)', () => {
  it('answers 401 Unauthorized without calling the authorizer when the token header is missing or empty', async () => {
    const before = api.lines.filter((line) => line.includes('authorizer ran for')).length;
    for (const headers of [{}, { Authorization: '' }]) {
      const answer = await get('/orders/1', headers);
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ message: 'Unauthorized' });
      expect(answer.headers['x-amzn-errortype']).toBe('UnauthorizedException');
    }
    expect(api.lines.filter((line) => line.includes('authorizer ran for')).length).toBe(before);
  });

  it('writes an access line that names no function for a refused request', async () => {
    await get('/orders/refused-line');
    const line = await lineSaying(api, 'GET /orders/refused-line 401');
    expect(line).toMatch(/ms - \(refused by the authorizer\)$/);
  });

  it('answers 401 without calling the authorizer when the token fails the ValidationExpression', async () => {
    const answer = await get('/orders/1', { Authorization: 'allow me in' });
    expect(answer.status).toBe(401);
    expect(timesRan('allow me in')).toBe(0);
  });

  it('lets an allowed request through with principalId and context in requestContext.authorizer', async () => {
    const token = tokenFor('allow');
    const answer = await get('/orders/42', { Authorization: token });
    expect(answer.status).toBe(200);
    const { authorizer } = answer.json<SeenEvent>().event.requestContext;
    // The proxy event carries the context's values as strings.
    expect(authorizer).toMatchObject({ principalId: `user-${token}`, user: token, tier: '3', vip: 'true' });
    expect(typeof authorizer?.integrationLatency).toBe('number');
  });

  it('calls the authorizer once for the same token within ReauthorizeEvery, and evaluates the cached policy per method ARN', async () => {
    const token = tokenFor('allow');
    expect((await get('/orders/1', { Authorization: token })).status).toBe(200);
    expect((await get('/orders/1', { Authorization: token })).status).toBe(200);
    expect(timesRan(token)).toBe(1);
    // The cached policy allows /orders/1 only, as API Gateway's cache does (the {proxy+} pitfall).
    const other = await get('/orders/2', { Authorization: token });
    expect(other.status).toBe(403);
    expect(timesRan(token)).toBe(1);
  });

  it.each([
    ['deny', 403, { Message: 'User is not authorized to access this resource with an explicit deny' }, 'AccessDeniedException'],
    ['elsewhere', 403, { Message: 'User is not authorized to access this resource' }, 'AccessDeniedException'],
    ['unauthorized', 401, { message: 'Unauthorized' }, 'UnauthorizedException'],
    ['throw', 500, { message: null }, 'AuthorizerConfigurationException'],
    ['notjson', 500, { message: null }, 'AuthorizerConfigurationException'],
    ['nested', 500, { message: null }, 'AuthorizerConfigurationException'],
    ['anonymous', 500, { message: null }, 'AuthorizerConfigurationException'],
    ['hang', 500, { message: null }, 'AuthorizerConfigurationException'],
  ])('an authorizer answering %s: %i %j', async (word, status, body, errorType) => {
    const answer = await get('/orders/1', { Authorization: tokenFor(word) });
    expect(answer.status).toBe(status);
    expect(answer.json()).toEqual(body);
    expect(answer.headers['x-amzn-errortype']).toBe(errorType);
  });

  it('says on the console why an authorizer answered 500 (a policy that is not JSON, a timeout)', async () => {
    expect(api.errors.some((line) => line.includes('policyDocument is a string that is not JSON'))).toBe(true);
    expect(api.errors.some((line) => line.includes('Task timed out after 1.00 seconds'))).toBe(true);
  });

  it('refuses a 100 KB token before any authorizer runs, with the header limit', async () => {
    const token = `allow-${'x'.repeat(100 * 1024)}`;
    const answer = await get('/orders/1', { Authorization: token }).catch((error: Error) => error);
    if (answer instanceof Error) throw answer;
    expect(answer.status).toBe(431);
    expect(timesRan(token.slice(0, 80))).toBe(0);
    expect((await get('/health')).status).toBe(200);
  });

  it('a wildcard Resource in the policy allows the methods it covers', async () => {
    const token = tokenFor('wildcard');
    expect((await get('/orders/1', { Authorization: token })).status).toBe(200);
    expect((await get('/orders/2', { Authorization: token })).status).toBe(200);
  });
});

describe('routes that opt out or use other auth', () => {
  it('a route with Authorizer: NONE needs no token', async () => {
    const answer = await get('/health');
    expect(answer.status).toBe(200);
    expect(answer.json<SeenEvent>().event.requestContext.authorizer).toBeUndefined();
  });

  it('an AWS_IAM route is let through, as sam local does, and noted once at start', async () => {
    expect((await get('/admin')).status).toBe(200);
    expect(api.lines.filter((line) => line.includes('GET /admin uses AWS_IAM auth')).length).toBe(1);
  });
});

describe('a REST REQUEST authorizer', () => {
  it.each([
    ['no X-User header', '/reports?tenant=a', {}],
    ['no tenant query string', '/reports', { 'X-User': 'allow-x' }],
    ['an empty tenant', '/reports?tenant=', { 'X-User': 'allow-x' }],
  ])('answers 401 without calling the authorizer with %s', async (_case, path, headers) => {
    const answer = await get(path, headers);
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ message: 'Unauthorized' });
  });

  it('runs for every request when ReauthorizeEvery is 0, and lets allowed ones through', async () => {
    const user = tokenFor('allow');
    for (let i = 0; i < 2; i += 1) expect((await get('/reports?tenant=acme', { 'X-User': user })).status).toBe(200);
    expect(timesRan(user)).toBe(2);
    expect((await get('/reports?tenant=acme', { 'X-User': tokenFor('deny') })).status).toBe(403);
  });
});

(hasAwsSampleEvents ? describe : describe.skip)(
  'the events a REST authorizer receives match sam local generate-event, field by field',
  () => {
    const kinds = (value: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, item === null ? 'null' : Array.isArray(item) ? 'array' : typeof item]),
      );

    it.each([
      ['TOKEN', 'ApiGatewayAuthorizer.json', '/orders/9', { Authorization: '' }],
      ['REQUEST', 'ApiGatewayRestRequestAuthorizer.json', '/reports?tenant=acme', { 'X-User': '' }],
    ])('%s', async (type, file, path, headers) => {
      const token = tokenFor('allow');
      const sent = Object.fromEntries(Object.entries(headers).map(([name]) => [name, token]));
      const answer = await get(path, sent);
      expect(answer.status).toBe(200);
      const received = JSON.parse(String(answer.json<SeenEvent>().event.requestContext.authorizer?.event)) as Record<string, unknown>;
      const expected = readAwsSampleEvent(file);
      expect(kinds(received)).toMatchObject(kinds(expected));
      expect(received.type).toBe(type);
      expect(received.methodArn).toMatch(new RegExp(`^arn:aws:execute-api:xx-local-1:000000000000:shopapi/live/GET${path.split('?')[0]}$`));
      if (type === 'REQUEST') {
        const context = received.requestContext as Record<string, unknown>;
        const sampleContext = expected.requestContext as Record<string, unknown>;
        for (const key of Object.keys(sampleContext).filter((key) => key !== 'identity')) expect(context).toHaveProperty(key);
        expect(received).toMatchObject({
          resource: '/reports',
          path: '/reports',
          httpMethod: 'GET',
          queryStringParameters: { tenant: 'acme' },
        });
        expect(received.stageVariables).toEqual({ tier: 'gold' });
      }
    });
  },
);

describe('switches', () => {
  it('--disable-authorizer serves every route as if no authorizer guarded it, and says so at start', async () => {
    const open = await startTestApi({ templatePath: AUTH_TEMPLATE, disableAuthorizer: true });
    try {
      const answer = await sendRequest(`${open.url}/orders/1`);
      expect(answer.status).toBe(200);
      expect(answer.json<SeenEvent>().event.requestContext.authorizer).toBeUndefined();
      expect(open.lines.some((line) => line.includes('--disable-authorizer'))).toBe(true);
    } finally {
      await open.close();
    }
  });

  it('--refuse-unchecked-auth answers 401 on an AWS_IAM route instead of letting it through', async () => {
    const strict = await startTestApi({ templatePath: AUTH_TEMPLATE, refuseUncheckedAuth: true });
    try {
      expect((await sendRequest(`${strict.url}/admin`)).status).toBe(401);
      expect((await sendRequest(`${strict.url}/health`)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

it('gives a REQUEST authorizer and the function the same X-Amzn-Trace-Id, as one request through API Gateway has one', async () => {
  const answer = await get('/reports?tenant=acme', { 'X-User': tokenFor('allow') });
  expect(answer.status).toBe(200);
  const seen = answer.json<{ event: { headers: Record<string, string>; requestContext: { authorizer?: Record<string, unknown> } } }>()
    .event;
  const authorizerEvent = JSON.parse(String(seen.requestContext.authorizer?.event)) as { headers: Record<string, string> };
  expect(seen.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  expect(authorizerEvent.headers['X-Amzn-Trace-Id']).toBe(seen.headers['X-Amzn-Trace-Id']);
});
