import { SET_COOKIES } from '../support/apps';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs } from '../support/log-capture';
import { CELL_ROWS, exchange } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  const [firstCookie] = SET_COOKIES;

  if (cell.format.carriesEveryCookie) {
    it(`two Set-Cookie headers both arrive, in ${cell.format.cookieField}, intact and in order`, async () => {
      const { result, response } = await exchange(cell, request({ path: '/cookies' }));
      expect(cell.format.shapeProblems(result)).toEqual([]);
      expect((result as Record<string, Record<string, unknown> | undefined>)[cell.format.cookieField]).toEqual(
        cell.format.cookieField === 'cookies' ? SET_COOKIES : expect.objectContaining({ 'set-cookie': SET_COOKIES }),
      );
      expect(response.cookies).toEqual(SET_COOKIES);
      expect(logs()).toEqual([]);
    });
  } else {
    it('two Set-Cookie headers: the first arrives intact in headers, plus one WARN log line', async () => {
      const context = lambdaContext();
      const { result, response } = await exchange(cell, request({ path: '/cookies' }), { context });
      expect(cell.format.shapeProblems(result)).toEqual([]);
      expect((result as { headers: Record<string, unknown> }).headers['set-cookie']).toBe(firstCookie);
      expect(response.cookies).toEqual([firstCookie]);
      const lines = logs();
      expect(lines).toHaveLength(1);
      expect(lines[0]?.json).toMatchObject({ level: 'WARN', requestId: context.awsRequestId });
      expect(lines[0]?.raw).not.toContain('abc123');
    });
  }

  if (cell.format.cookieField === 'cookies') {
    it('no Set-Cookie is left in headers', async () => {
      const { result } = await exchange(cell, request({ path: '/cookies' }));
      const headers = (result as { headers?: Record<string, unknown> }).headers ?? {};
      expect(Object.keys(headers).map((name) => name.toLowerCase())).not.toContain('set-cookie');
    });
  } else {
    it('the result has no cookies key (API Gateway v1 and ALB would answer 502)', async () => {
      const { result } = await exchange(cell, request({ path: '/cookies' }));
      expect(result).not.toHaveProperty('cookies');
    });
  }

  it('a response without cookies carries no set-cookie and no empty cookie list', async () => {
    const { result, response } = await exchange(cell, request({ path: '/ping' }));
    expect(response.cookies).toEqual([]);
    expect(result).not.toHaveProperty('cookies');
  });
});
