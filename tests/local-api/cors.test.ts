import { sendRequest, type Answer } from './send-request';
import { AUTH_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// CORS as API Gateway does it: a REST API's Cors (the OPTIONS methods SAM adds) and an HTTP API's CorsConfiguration.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: AUTH_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const APP = 'https://app.example';
const send = (method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> =>
  sendRequest(`${api.url}${path}`, { method, headers });
const preflight = (path: string, origin = APP, extra: Record<string, string> = {}) =>
  send('OPTIONS', path, { Origin: origin, 'Access-Control-Request-Method': 'GET', ...extra });
const HUNDRED_HEADERS = Array.from({ length: 100 }, (_, i) => `x-requested-${i}`).join(', ');

describe('a REST API with Cors', () => {
  it.each([
    ['/orders/1', 'GET,OPTIONS'],
    ['/reports', 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'], // ANY, as SAM spells it out
  ])('answers a preflight to %s with the OPTIONS method SAM adds: 200 and the configured headers, no authorizer', async (path, methods) => {
    const answer = await preflight(path);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': 'Authorization,Content-Type',
      'access-control-max-age': '600',
    });
    expect(answer.body.length).toBe(0);
  });

  it('answers the same to a preflight from any origin: the mock integration does not look', async () => {
    const answer = await preflight('/orders/1', 'https://elsewhere.example');
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
  });

  it("leaves a proxy integration's own answer unchanged: the function's CORS headers, none added", async () => {
    const answer = await send('GET', '/health', { Origin: APP });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://from-function.example');
    expect(answer.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('answers a preflight asking for 100 headers with the configured list only', async () => {
    const answer = await preflight('/orders/1', APP, { 'Access-Control-Request-Headers': HUNDRED_HEADERS });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-headers']).toBe('Authorization,Content-Type');
  });
});

describe('an HTTP API with CorsConfiguration', () => {
  it('answers a preflight itself: 204 with the configured headers, before routes and the DefaultAuthorizer', async () => {
    const answer = await preflight('/http/orders/5');
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'authorization',
      'access-control-max-age': '300',
    });
  });

  it('answers a preflight from an origin it does not allow with 204 and no CORS headers', async () => {
    const answer = await preflight('/http/orders/5', 'https://elsewhere.example');
    expect(answer.status).toBe(204);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it.each([
    [APP, APP, 'x-order-id'],
    ['https://elsewhere.example', undefined, undefined],
  ])("replaces the function's CORS headers on a request from %s", async (origin, allowed, exposed) => {
    const answer = await send('GET', '/http/open', { Origin: origin });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(allowed);
    expect(answer.headers['access-control-expose-headers']).toBe(exposed);
  });

  it('answers a preflight asking for 100 headers with the configured list only', async () => {
    const answer = await preflight('/http/open', APP, { 'Access-Control-Request-Headers': HUNDRED_HEADERS });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('routes an OPTIONS request that is no preflight (no Access-Control-Request-Method) to the function', async () => {
    const answer = await send('OPTIONS', '/http/open', { Origin: APP });
    expect(answer.status).toBe(200);
    expect(answer.json<{ event: { requestContext: { http: { method: string } } } }>().event.requestContext.http.method).toBe('OPTIONS');
  });
});
