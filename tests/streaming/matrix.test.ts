import { randomUUID } from 'node:crypto';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';
import { LineGate, lineGates, patternBytes, producedBytes, SET_COOKIES } from '../support/apps';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { request } from '../../dev/sample-events/sample-request';
import { leakedSecrets, SECRET_HEADERS, SECRETS } from '../support/secrets';
import { STREAM_CELL_ROWS, streamExchange } from '../support/stream-matrix';
import { RecordingSink, type Arrival } from '../support/stream-sink';
import { PRELUDE_CONTENT_TYPE } from '../../dev/lambda-runtime/instance/awslambda-global';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared';

interface NdjsonLine {
  readonly from: string;
  readonly seq: number;
  readonly message: string;
}

const linesOf = (body: Buffer): string[] => body.toString('utf8').split('\n').filter(Boolean);

/** A sink that releases the gate's next line whenever a whole line has arrived. */
function releasingSink(gate: LineGate): RecordingSink {
  let seen = '';
  return new RecordingSink({
    onArrival: ({ bytes }: Arrival) => {
      seen += bytes.toString('latin1');
      const complete = seen.match(/line \d+\n/g)?.length ?? 0;
      for (let released = (seen.match(/released/g) ?? []).length; released < complete; released += 1) {
        seen += 'released';
        gate.release();
      }
    },
  });
}

describe.each(STREAM_CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  silenceConsoleErrors();
  const withSecrets = { headers: SECRET_HEADERS, cookies: [SECRETS.cookie] };

  it('GET /stream answers count NDJSON lines from the framework, each in its own write, with the prelude first', async () => {
    const spec = request({
      path: '/stream',
      query: [
        ['count', '3'],
        ['intervalMs', '5'],
      ],
    });
    const { contentType, prelude, response, arrivals } = await streamExchange(cell, spec);
    expect(contentType).toBe(PRELUDE_CONTENT_TYPE);
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']?.[0]).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(response.body).map((line) => JSON.parse(line) as NdjsonLine);
    expect(lines.map((line) => line.seq)).toEqual([1, 2, 3]);
    for (const line of lines) {
      expect(line.from).toBe(cell.framework);
      expect(line.message).toMatch(UNIX_DATE_PATTERN);
    }
    expect(arrivals.map((bytes) => linesOf(bytes).length)).toEqual([1, 1, 1]);
  });

  it('GET /stream caps count at 100 lines', async () => {
    const spec = request({
      path: '/stream',
      query: [
        ['count', '1000'],
        ['intervalMs', '0'],
      ],
    });
    const { response } = await streamExchange(cell, spec);
    expect(linesOf(response.body)).toHaveLength(100);
  });

  it('each line reaches the stream before the app makes the next (the app waits to see it arrive)', async () => {
    const id = randomUUID();
    const gate = new LineGate();
    lineGates.set(id, gate);
    const spec = request({
      path: '/gated',
      query: [
        ['id', id],
        ['count', '4'],
      ],
    });
    // Were the body held back, the app would wait forever and the helper would answer 504.
    const { response, arrivals } = await streamExchange(cell, spec, {
      sink: releasingSink(gate),
      context: lambdaContext({ remainingMs: 5000 }),
    });
    lineGates.delete(id);
    expect(response.status).toBe(200);
    expect(arrivals.map((bytes) => bytes.toString('utf8'))).toEqual(['line 1\n', 'line 2\n', 'line 3\n', 'line 4\n']);
  });

  it('binary bytes round-trip unchanged and are never base64', async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131) & 0xff));
    const spec = request({
      method: 'POST',
      path: '/echo',
      body: bytes,
      isBase64: true,
      headers: [['Content-Type', 'application/octet-stream']],
    });
    const { prelude, response } = await streamExchange(cell, spec);
    expect(response.body.equals(bytes)).toBe(true);
    expect(prelude).not.toHaveProperty('isBase64Encoded');
  });

  it(`two Set-Cookie stay two cookies in the prelude's ${cell.format.cookieField}, other values are strings`, async () => {
    const { prelude, response } = await streamExchange(cell, request({ path: '/cookies' }));
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.cookies).toEqual(SET_COOKIES);
    expect(
      cell.format.cookieField === 'cookies' ? prelude['cookies'] : (prelude['multiValueHeaders'] as Record<string, unknown>)['set-cookie'],
    ).toEqual(SET_COOKIES);
    expect((prelude['headers'] as Record<string, unknown>)['x-cookie-count']).toBe('2');
  });

  it.each([
    ['a 204', request({ path: '/empty', query: [['status', '204']] }), 204],
    ['an empty 200', request({ path: '/empty', query: [['status', '200']] }), 200],
    ['a HEAD', request({ method: 'HEAD', path: '/ping' }), 200],
  ])('%s carries its prelude and no body', async (_case, spec, status) => {
    const { prelude, response } = await streamExchange(cell, spec);
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.status).toBe(status);
    expect(response.body).toHaveLength(0);
  });

  it.each(['/boom', '/boom-async'])('%s: an app failing before its head answers 500 JSON without its message', async (path) => {
    const { response } = await streamExchange(cell, request({ path, ...withSecrets }));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ message: 'Internal Server Error' });
    expect(response.body.toString('utf8')).not.toContain('secret');
    expect(leakedSecrets(logs())).toEqual([]);
  });

  it('a response that breaks after its head fails the invocation after what was written, with one log line naming the route', async () => {
    const context = lambdaContext();
    const { response, failure } = await streamExchange(cell, request({ path: '/broken-stream', ...withSecrets }), { context });
    expect(response.status).toBe(200);
    expect(response.body.toString('utf8')).toBe('partial body');
    expect(failure).toMatchObject({ name: 'StreamCutError' });
    expect(String(failure)).not.toContain('secret');
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    expect(lines[0]?.raw).toContain('/broken-stream');
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it('a bad event gets a 400 prelude and JSON body, and never reaches the app', async () => {
    const { prelude, response, appRequests } = await streamExchange(cell, request({ path: '/ping' }), { alter: () => ({}) });
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ message: 'Bad Request' });
    expect(appRequests).toBe(0);
  });

  it('10 MB, far past the buffered 6 MB limit, streams through byte for byte', async () => {
    const total = 10 * 1024 * 1024;
    const { response } = await streamExchange(
      cell,
      request({
        path: '/bytes',
        query: [
          ['id', randomUUID()],
          ['total', String(total)],
        ],
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.length).toBeGreaterThan(LAMBDA_RESPONSE_LIMIT_BYTES);
    expect(response.body.equals(patternBytes(0, total))).toBe(true);
  });

  it('a slow reader holds the app back: it never runs more than 1 MB ahead of what arrived', async () => {
    const id = randomUUID();
    const total = 8 * 1024 * 1024;
    let lead = 0;
    const sink = new RecordingSink({
      slow: true,
      onArrival: (_arrival, self) => (lead = Math.max(lead, (producedBytes.get(id) ?? 0) - self.receivedLength)),
    });
    const { response } = await streamExchange(
      cell,
      request({
        path: '/bytes',
        query: [
          ['id', id],
          ['total', String(total)],
        ],
      }),
      { sink },
    );
    producedBytes.delete(id);
    expect(response.body.length).toBe(total);
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(1024 * 1024);
  });

  it('an app that never answers gets 504 JSON before Lambda ends the invocation, and one log line', async () => {
    const context = lambdaContext({ remainingMs: 700 });
    const { prelude, response } = await streamExchange(cell, request({ path: '/hang', ...withSecrets }), { context });
    expect(cell.format.preludeProblems(prelude)).toEqual([]);
    expect(response.status).toBe(504);
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ message: 'Gateway Timeout' });
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it('an app still streaming when time runs out fails the invocation after what was written, and one log line', async () => {
    const id = randomUUID();
    lineGates.set(id, new LineGate()); // never released: line 2 is never made
    const context = lambdaContext({ remainingMs: 700 });
    const { response, failure } = await streamExchange(
      cell,
      request({
        path: '/gated',
        query: [
          ['id', id],
          ['count', '3'],
        ],
      }),
      { context },
    );
    lineGates.delete(id);
    expect(response.status).toBe(200);
    expect(response.body.toString('utf8')).toBe('line 1\n');
    expect(failure).toMatchObject({ name: 'StreamCutError' });
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    expect(lines[0]?.raw).toContain('/gated');
  });
});
