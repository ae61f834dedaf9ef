import { SPOOF_HEADERS, type Inspection, type InvocationReport } from '../support/apps';
import { lambdaContext } from '../support/lambda-context';
import { CELL_ROWS, exchange, json } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';

const CONCURRENT_INVOCATIONS = 60;

describe.each(CELL_ROWS)('%s', (name, cell) => {
  it(`getInvocation stays right across ${CONCURRENT_INVOCATIONS} overlapping invocations that await between reads`, async () => {
    const contexts = Array.from({ length: CONCURRENT_INVOCATIONS }, (_, i) => lambdaContext({ awsRequestId: `${name}-${i}` }));
    const reports = await Promise.all(
      contexts.map(async (context, i) => {
        const spec = request({ path: '/slow-invocation', headers: [['x-probe', `probe-${i}`], ...SPOOF_HEADERS] });
        const { response } = await exchange(cell, spec, { context });
        return json<InvocationReport>(response);
      }),
    );
    reports.forEach((report, i) => {
      const expected = { requestId: `${name}-${i}`, probe: `probe-${i}` };
      expect(report).toEqual({ before: expected, after: expected, requestProbe: `probe-${i}` });
    });
  });

  it('no client header can pose as another invocation', async () => {
    const context = lambdaContext({ awsRequestId: 'the-real-request-id' });
    const { response } = await exchange(cell, request({ path: '/inspect', headers: SPOOF_HEADERS }), { context });
    expect(json<Inspection>(response).requestId).toBe('the-real-request-id');
  });
});
