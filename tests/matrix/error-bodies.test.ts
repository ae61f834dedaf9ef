import { request, type RequestSpec } from '../../dev/sample-events/sample-request';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';

/** The Allow header as a set of methods: frameworks list them in their own order. */
const methodsOf = (allow: readonly string[] | undefined): string[] =>
  (allow ?? []).flatMap((value) => value.split(',').map((method) => method.trim().toUpperCase())).sort();

const post = (path: string): RequestSpec =>
  request({ method: 'POST', path, headers: [['Content-Type', 'text/plain']], body: Buffer.from('x') });

// Every app answers every error as {"message": <the status's reason phrase>}, whatever framework made it.
describe.each(CELL_ROWS)('%s', (_name, cell) => {
  captureLogs();
  silenceConsoleErrors();

  it.each([
    ['GET /no-such-route', request({ path: '/no-such-route' }), 404, 'Not Found'],
    ['POST /no-such-route', post('/no-such-route'), 404, 'Not Found'],
    ['GET /boom (an app error)', request({ path: '/boom' }), 500, 'Internal Server Error'],
  ])('%s answers %i {"message":"%s"} as JSON', async (_case, spec, status, message) => {
    const { response } = await exchange(cell, spec);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']?.[0]).toMatch(/^application\/json\b/);
    expect(json(response)).toEqual({ message });
  });

  it.each([
    ['DELETE /ping', request({ method: 'DELETE', path: '/ping' }), ['GET', 'HEAD']],
    ['POST /ping', post('/ping'), ['GET', 'HEAD']],
    ['PUT /stream', request({ method: 'PUT', path: '/stream' }), ['GET', 'HEAD']],
    ['GET /echo', request({ path: '/echo' }), ['POST']],
    ['PATCH /echo', request({ method: 'PATCH', path: '/echo' }), ['POST']],
  ])('%s (a known path, another method) answers 405 {"message":"Method Not Allowed"} with Allow: %j', async (_case, spec, allow) => {
    const { response } = await exchange(cell, spec);
    expect(response.status).toBe(405);
    expect(response.headers['content-type']?.[0]).toMatch(/^application\/json\b/);
    expect(json(response)).toEqual({ message: 'Method Not Allowed' });
    expect(methodsOf(response.headers['allow'])).toEqual(allow);
  });

  it.each([
    ['/ping', ['GET', 'HEAD']],
    ['/echo', ['POST']],
  ])('OPTIONS %s answers 200 with Allow: %j and no body', async (path, allow) => {
    const { response } = await exchange(cell, request({ method: 'OPTIONS', path }));
    expect(response.status).toBe(200);
    expect(methodsOf(response.headers['allow'])).toEqual(allow);
    expect(response.body).toHaveLength(0);
  });
});
