import { json, CELL_ROWS, exchange } from '../support/matrix';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { request } from '../../dev/sample-events/sample-request';
import type { Inspection } from '../support/apps';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  silenceConsoleErrors();

  it('ping answers 200 JSON naming the framework, with the time in Go UnixDate layout', async () => {
    const { response } = await exchange(cell, request({ path: '/ping' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']?.[0]).toMatch(/^application\/json/);
    const body = json<{ from: string; message: string }>(response);
    expect(body.from).toBe(cell.framework);
    expect(body.message).toMatch(UNIX_DATE_PATTERN);
  });

  it.each(['/boom', '/boom-async'])('%s answers 500 {"message":"Internal Server Error"} with no error text or stack', async (path) => {
    const { response, result } = await exchange(cell, request({ path }));
    expect(response.status).toBe(500);
    expect(json(response)).toEqual({ message: 'Internal Server Error' });
    const wire = JSON.stringify(result);
    expect(wire).not.toContain('secret failure detail');
    expect(wire).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  describe('base path', () => {
    const options = { basePath: `/${cell.framework}` };

    it.each([
      [`/${cell.framework}/inspect`, '/inspect'],
      [`/${cell.framework}`, '/'],
      [`/${cell.framework}/`, '/'],
      [`/${cell.framework}ions/1`, `/${cell.framework}ions/1`],
    ])('%s reaches the app as %s', async (path, expected) => {
      const { response } = await exchange(cell, request({ path }), { options });
      expect(response.status).toBe(200);
      expect(json<Inspection>(response).path).toBe(expected);
    });

    it.each([cell.framework, `/${cell.framework}/`, `${cell.framework}/`])(
      'base path written %s works as /<framework>',
      async (basePath) => {
        const { response } = await exchange(cell, request({ path: `/${cell.framework}/inspect` }), { options: { basePath } });
        expect(json<Inspection>(response).path).toBe('/inspect');
      },
    );

    it('the base path is matched case-sensitively: /<Framework>/inspect is untouched', async () => {
      const upper = `/${cell.framework.toUpperCase()}/inspect`;
      const { response } = await exchange(cell, request({ path: upper }), { options });
      expect(json<Inspection>(response).path).toBe(upper);
    });

    // REST v1 gives the path decoded, HTTP API's rawPath and ALB's path arrive as the client encoded it.
    it.each([
      ['/café', '/café/inspect'],
      ['/café', '/caf%C3%A9/inspect'],
      ['/café', '/caf%c3%a9/inspect'],
      ['/caf%C3%A9', '/café/inspect'],
      ['/caf%c3%a9', '/caf%C3%A9/inspect'],
      ['/%63afé', '/caf%C3%A9/inspect'],
    ])('base path %s strips %s: one normal form, whatever the encoding', async (basePath, path) => {
      const { response } = await exchange(cell, request({ path }), { options: { basePath } });
      expect(response.status).toBe(200);
      expect(json<Inspection>(response).path).toBe('/inspect');
    });

    it('a base path is never matched across an encoded slash: /caf%C3%A9%2Fx/y stays whole', async () => {
      const path = '/caf%C3%A9%2Fx/y';
      const { response } = await exchange(cell, request({ path }), { options: { basePath: '/café' } });
      expect(json<Inspection>(response).path).toBe(path);
    });

    it('/ping under the base path answers the ping', async () => {
      const { response } = await exchange(cell, request({ path: `/${cell.framework}/ping` }), { options });
      expect(json(response)).toMatchObject({ from: cell.framework });
    });
  });

  describe('stages', () => {
    it('a named stage never reaches the app', async () => {
      const { response } = await exchange(cell, request({ path: '/inspect', stage: 'dev' }));
      expect(json<Inspection>(response).path).toBe('/inspect');
    });

    it(`with keepStage the app sees ${cell.format.stageInPath ? 'the stage segment HTTP API put in rawPath' : 'the path as the event gives it'}`, async () => {
      // `/:first/:second` answers for /dev/inspect too: it shows exactly what path arrived.
      const { response } = await exchange(cell, request({ path: '/inspect', stage: 'dev' }), { options: { keepStage: true } });
      expect(response.status).toBe(200);
      expect(json<Inspection>(response).path).toBe(cell.format.stageInPath ? '/dev/inspect' : '/inspect');
    });
  });

  it('an HTTP API named stage and the base path are both removed, stage first', async () => {
    const { response } = await exchange(cell, request({ path: `/${cell.framework}/inspect`, stage: 'dev' }), {
      options: { basePath: `/${cell.framework}` },
    });
    expect(json<Inspection>(response).path).toBe('/inspect');
  });

  describe('path encoding', () => {
    it('space, ?, # and non-ASCII in the path are percent-encoded; valid %XX kept as sent', async () => {
      const { response } = await exchange(cell, request({ path: '/sp ace/q?h#caf\u00e9%2Fx' }));
      expect(response.status).toBe(200);
      const seen = json<Inspection>(response);
      expect(seen.path).toBe('/sp%20ace/q%3Fh%23caf%C3%A9%2Fx');
      expect(seen.url).toBe(seen.path);
    });

    it('a % not followed by two hex digits is escaped as %25', async () => {
      const { response } = await exchange(cell, request({ path: '/100%/x%zz' }));
      expect(json<Inspection>(response).path).toBe('/100%25/x%25zz');
    });

    it.each(['/%FF', '/%E0%A4%A', '/caf%C3'])(
      'invalid percent-encoding %s is answered 4xx by the framework, not by the helper',
      async (path) => {
        const { response } = await exchange(cell, request({ path }));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(logs()).toEqual([]);
      },
    );
  });
});
