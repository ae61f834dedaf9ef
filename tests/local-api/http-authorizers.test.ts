import { sendRequest, type Answer } from './send-request';
import { AUTH_TEMPLATE, startTestApi, uniqueToken as tokenFor, type TestApi } from './start-test-api';
import { hasAwsSampleEvents, readAwsSampleEvent } from '../support/aws-sample-events';

// HTTP API Lambda authorizers (payload 2.0 with simple responses, 1.0 with IAM policies) and JWT routes.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: AUTH_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const timesRan = (identity: string): number => api.lines.filter((line) => line.includes(`http authorizer ran for ${identity}`)).length;
const get = (path: string, headers: Record<string, string> = {}): Promise<Answer> => sendRequest(`${api.url}${path}`, { headers });

interface SeenEvent {
  event: { version?: string; requestContext: { authorizer?: { lambda?: Record<string, unknown> } } };
}

describe.each([
  ['payload 2.0 with simple responses (SimpleAuth)', '/http/orders/5'],
  ['payload 1.0 with an IAM policy (PolicyAuth)', '/http/legacy'],
])('an HTTP API Lambda authorizer, %s', (_name, path) => {
  it('answers 401 Unauthorized without calling the authorizer when the identity header is missing', async () => {
    const answer = await get(path);
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ message: 'Unauthorized' });
  });

  it('answers 403 Forbidden when the authorizer says no', async () => {
    const answer = await get(path, { Authorization: tokenFor('deny') });
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ message: 'Forbidden' });
  });

  it('lets an allowed request through with the context in requestContext.authorizer.lambda', async () => {
    const token = tokenFor('allow');
    const answer = await get(path, { Authorization: token });
    expect(answer.status).toBe(200);
    expect(answer.json<SeenEvent>().event.requestContext.authorizer?.lambda).toMatchObject({ user: token });
  });
});

describe('HTTP API authorizer events and caching', () => {
  it('caches a result per identity for ReauthorizeEvery (SimpleAuth: 60 s), and not without one (PolicyAuth)', async () => {
    const token = tokenFor('allow');
    for (let i = 0; i < 2; i += 1) expect((await get('/http/orders/5', { Authorization: token })).status).toBe(200);
    expect(timesRan(token)).toBe(1);
    const other = tokenFor('allow');
    for (let i = 0; i < 2; i += 1) expect((await get('/http/legacy', { Authorization: other })).status).toBe(200);
    expect(timesRan(other)).toBe(2);
  });

  (hasAwsSampleEvents ? it : it.skip)(
    'sends payload 2.0 as the request event with type, routeArn and identitySource, field by field against HttpApi.json',
    async () => {
      const token = tokenFor('allow');
      const answer = await get('/http/orders/5?size=2', { Authorization: token, Cookie: 'theme=dark' });
      const seen = JSON.parse(String(answer.json<SeenEvent>().event.requestContext.authorizer?.lambda?.event)) as Record<string, unknown>;
      const sample = readAwsSampleEvent('HttpApi.json');
      // No body for an authorizer; stageVariables only when the stage has some (this one has none).
      const shared = Object.keys(sample).filter((key) => !['body', 'isBase64Encoded', 'stageVariables'].includes(key));
      for (const key of shared) expect(seen).toHaveProperty(key);
      expect(seen).not.toHaveProperty('body');
      expect(seen).toMatchObject({
        version: '2.0',
        type: 'REQUEST',
        routeArn: 'arn:aws:execute-api:xx-local-1:000000000000:shophttpap/$default/GET/http/orders/5',
        identitySource: [token],
        routeKey: 'GET /http/orders/{id}',
        rawQueryString: 'size=2',
        pathParameters: { id: '5' },
        cookies: ['theme=dark'],
      });
    },
  );

  it('sends payload 1.0 with methodArn and the identity comma-joined', async () => {
    const token = tokenFor('allow');
    const answer = await get('/http/legacy', { Authorization: token });
    const seen = JSON.parse(String(answer.json<SeenEvent>().event.requestContext.authorizer?.lambda?.event)) as Record<string, unknown>;
    expect(seen).toMatchObject({ version: '1.0', type: 'REQUEST', identitySource: token, authorizationToken: token, httpMethod: 'GET' });
    expect(seen.methodArn).toBe('arn:aws:execute-api:xx-local-1:000000000000:shophttpap/$default/GET/http/legacy');
  });

  it('lets a JWT route through and notes it once at start; NONE needs nothing', async () => {
    expect((await get('/http/jwt')).status).toBe(200);
    expect((await get('/http/open')).status).toBe(200);
    expect(api.lines.filter((line) => line.includes('HTTP API GET /http/jwt uses JWT auth (JwtAuth)')).length).toBe(1);
  });
});
