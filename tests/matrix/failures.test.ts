import Fastify from 'fastify';
import { createHandler, LAMBDA_RESPONSE_LIMIT_BYTES, type LambdaHttpHandler } from '../../shared';
import { lateAnswers } from '../support/apps';
import { FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';
import { leakedSecrets, SECRET_HEADERS, SECRETS } from '../support/secrets';

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  const logs = captureLogs();
  silenceConsoleErrors();
  const withSecrets = { headers: SECRET_HEADERS, cookies: [SECRETS.cookie] };

  it('an app that never answers gets 504 JSON before Lambda times out, and a log line naming the route', async () => {
    // 700 ms left: the helper answers 500 ms before the end, so after about 200 ms.
    const context = lambdaContext({ remainingMs: 700 });
    const { result, response } = await exchange(cell, request({ path: '/hang', ...withSecrets }), { context });
    expect(cell.format.shapeProblems(result)).toEqual([]);
    expect(response.status).toBe(504);
    expect(json(response)).toEqual({ message: expect.any(String) });
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    expect(lines[0]?.raw).toContain('/hang');
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it('an app that answers after the 504 does not disturb the process or a later invocation', async () => {
    const context = lambdaContext({ remainingMs: 600 });
    const { response } = await exchange(cell, request({ path: '/late' }), { context });
    expect(response.status).toBe(504);
    await Promise.all(lateAnswers);
    const next = await exchange(cell, request({ path: '/ping' }));
    expect(next.response.status).toBe(200);
  });

  it('a response stream that breaks midway gives 500 JSON, never the partial body, and one log line', async () => {
    const context = lambdaContext();
    const { result, response } = await exchange(cell, request({ path: '/broken-stream', ...withSecrets }), { context });
    expect(cell.format.shapeProblems(result)).toEqual([]);
    expect(response.status).toBe(500);
    expect(json(response)).toEqual({ message: 'Internal Server Error' });
    expect(JSON.stringify(result)).not.toContain('partial body');
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    expect(lines[0]?.raw).toContain('/broken-stream');
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it.each([
    ['6.5 MB of text', 'text'],
    ['5 MB of bytes, 6.7 MB once base64', 'binary'],
    ['1.9 MB of control characters, 11.4 MB once JSON-escaped', 'escaped'],
  ])('a response over the 6 MB limit (%s) becomes a 500 JSON error and a log line naming its size', async (_case, kind) => {
    const context = lambdaContext();
    const { result, response } = await exchange(cell, request({ path: '/big', query: [['kind', kind]], ...withSecrets }), { context });
    expect(cell.format.shapeProblems(result)).toEqual([]);
    expect(response.status).toBe(500);
    expect(json(response)).toEqual({ message: 'Internal Server Error' });
    const lines = logs();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.json).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId });
    const numbers = Object.values(lines[0]?.json ?? {}).filter((value): value is number => typeof value === 'number');
    expect(numbers.some((bytes) => bytes > LAMBDA_RESPONSE_LIMIT_BYTES)).toBe(true);
    expect(leakedSecrets(lines)).toEqual([]);
  });

  it.each(['/boom', '/boom-async'])('%s: the handler resolves, the result is well-formed and the helper logs no secrets', async (path) => {
    const { result } = await exchange(cell, request({ method: 'GET', path, ...withSecrets }));
    expect(cell.format.shapeProblems(result)).toEqual([]);
    expect(leakedSecrets(logs())).toEqual([]);
  });

  it('a response that fits the limit is not touched by it', async () => {
    const { response } = await exchange(cell, request({ path: '/png' }));
    expect(response.status).toBe(200);
    expect(logs()).toEqual([]);
  });
});

/** What a cold start logged: every line, parsed. */
interface ColdStart {
  readonly handler: LambdaHttpHandler;
  readonly lines: Record<string, unknown>[];
}

/**
 * Creates a handler around a Fastify app whose plugin throws `error`, and lets its start run (and
 * fail) with one invocation, collecting what it logs before the tests look at theirs.
 */
async function startFailingFastify(error: Error): Promise<ColdStart> {
  const lines: Record<string, unknown>[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  try {
    const handler = createHandler(
      Fastify().register(async () => {
        throw error;
      }),
    );
    await handler(FORMATS[0]!.buildEvent(request({ path: '/ping' })), lambdaContext());
    return { handler, lines };
  } finally {
    write.mockRestore();
  }
}

const startLines = (start: ColdStart): Record<string, unknown>[] =>
  start.lines.filter((line) => line['message'] === 'The app failed to start');

describe('a Fastify app whose plugin fails to load', () => {
  const logs = captureLogs();
  let start: ColdStart;
  beforeAll(async () => {
    start = await startFailingFastify(new Error('secret failure detail'));
  });

  it('logs the reason once, at start, with no request id', () => {
    const started = startLines(start);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ level: 'ERROR', error: 'Error: secret failure detail' });
    expect(started[0]?.['requestId']).toBeUndefined();
  });

  it.each(FORMATS.map((format) => [format.name, format] as const))(
    '%s: every invocation resolves 500 JSON with a log line, never rejects',
    async (_name, format) => {
      const result = await start.handler(format.buildEvent(request({ path: '/ping' })), lambdaContext());
      expect(format.shapeProblems(result)).toEqual([]);
      expect(format.readResult(result).status).toBe(500);
      expect(JSON.stringify(result)).not.toContain('secret failure detail');
      expect(logs()).toHaveLength(1);
      expect(logs()[0]?.json).toMatchObject({ level: 'ERROR', message: expect.stringContaining('The app failed to start') });
    },
  );
});

describe('a Fastify app that fails to start with a connection string in its error', () => {
  const logs = captureLogs();
  let start: ColdStart;
  beforeAll(async () => {
    start = await startFailingFastify(
      new TypeError('cannot connect to mongodb://admin:s3cret-db-pass@db.internal:27017/app?authSource=admin'),
    );
  });

  it('logs the error name and its message with the password masked, the rest of the URL kept', () => {
    const started = startLines(start);
    expect(started).toHaveLength(1);
    expect(started[0]?.['error']).toMatch(/^TypeError: cannot connect to mongodb:\/\/admin:\*+@db\.internal:27017\/app\?authSource=admin$/);
    expect(JSON.stringify(start.lines)).not.toContain('s3cret-db-pass');
  });

  it.each(FORMATS.map((format) => [format.name, format] as const))(
    '%s: the invocation that fails after it logs no password',
    async (_name, format) => {
      const result = await start.handler(format.buildEvent(request({ path: '/ping' })), lambdaContext());
      expect(format.readResult(result).status).toBe(500);
      expect(logs()).toHaveLength(1);
      expect(logs()[0]?.raw).not.toContain('s3cret-db-pass');
    },
  );
});
