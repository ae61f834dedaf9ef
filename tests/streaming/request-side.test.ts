import type { Inspection } from '../support/apps';
import { withField, withHeader, withMethod } from '../support/event-edits';
import { captureLogs } from '../support/log-capture';
import { request } from '../../dev/sample-events/sample-request';
import { STREAM_CELL_ROWS, streamExchange } from '../support/stream-matrix';

// The request side is the buffered path's own (readEvent): these cells pin that streaming did not fork it.

type Edit = (event: Record<string, unknown>) => unknown;

const BAD_EVENTS: [string, Edit][] = [
  ['a lower-case method (get)', withMethod('get')],
  ['a method carrying CR LF and a header', withMethod('GET\r\nX-Injected: 1')],
  ['isBase64Encoded as the string "true"', withField('isBase64Encoded', 'true')],
  ['a header value with CR LF', withHeader('x-evil', 'a\r\nx-injected: 1')],
];

const inspection = (body: Buffer): Inspection => JSON.parse(body.toString('utf8')) as Inspection;

describe.each(STREAM_CELL_ROWS)('%s, request side', (_name, cell) => {
  const logs = captureLogs();

  it.each([
    ['/café', '/café/inspect'],
    ['/café', '/caf%C3%A9/inspect'],
    ['/caf%c3%a9', '/caf%C3%A9/inspect'],
  ])("base path %s strips %s, in the buffered path's one normal form", async (basePath, path) => {
    const { response } = await streamExchange(cell, request({ path }), { options: { basePath } });
    expect(response.status).toBe(200);
    expect(inspection(response.body).path).toBe('/inspect');
  });

  it('a base path is never matched across an encoded slash', async () => {
    const path = '/caf%C3%A9%2Fx/y';
    const { response } = await streamExchange(cell, request({ path }), { options: { basePath: '/café' } });
    expect(inspection(response.body).path).toBe(path);
  });

  it('query values reach the app decoded, as on the buffered path', async () => {
    const spec = request({ path: '/inspect', query: [['q', 'a b&c']] });
    const { response } = await streamExchange(cell, spec);
    expect(inspection(response.body).query).toMatchObject({ q: 'a b&c' });
  });

  it.each(BAD_EVENTS)('%s: a 400 prelude and JSON body, the app never runs, one log line', async (_case, alter) => {
    const { prelude, response, appRequests } = await streamExchange(cell, request({ path: '/inspect' }), { alter });
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ message: 'Bad Request' });
    expect(appRequests).toBe(0);
    expect(logs()).toHaveLength(1);
  });
});
