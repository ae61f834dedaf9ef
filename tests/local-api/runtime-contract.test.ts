import { join } from 'node:path';
import { LAMBDA_CONTEXT_KEYS } from '../../dev/lambda-runtime/instance/create-lambda-context';
import { withBarrier } from '../support/barrier';
import { sendRequest } from './send-request';
import { linesMatching, startTestApi, type TestApi } from './start-test-api';

// nodejs24.x's runtime contract as the local API's functions meet it, over real HTTP.
const TEMPLATE = join(__dirname, 'fixtures', 'runtime', 'template.yaml');
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

describe('init errors', () => {
  it('a callback-style handler is refused at init with Runtime.CallbackHandlerDeprecated, answered 502 and logged with its name', async () => {
    const answer = await sendRequest(`${api.url}/callback`);
    expect(answer.status).toBe(502);
    expect(answer.json()).toEqual({ message: 'Internal server error' });
    const [reason] = await linesMatching(api, (line) => line.startsWith('CallbackFunction GET /callback'));
    expect(reason).toContain(
      'Runtime.CallbackHandlerDeprecated: ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24.',
    );
    // The runtime's own line, in the function's log, before any invocation: request id `-`.
    const [initLine] = await linesMatching(api, (line) => line.includes('\tInit Error \t') && line.includes('CallbackHandlerDeprecated'));
    expect(initLine).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t-\tERROR\tInit Error \t\{"errorType":"Runtime\.CallbackHandlerDeprecated"/);
  });

  it('a Handler naming a missing export is refused at init with Runtime.HandlerNotFound and answered 502', async () => {
    const answer = await sendRequest(`${api.url}/missing`);
    expect(answer.status).toBe(502);
    const [reason] = await linesMatching(api, (line) => line.startsWith('MissingExportFunction GET /missing'));
    expect(reason).toContain('Runtime.HandlerNotFound: probe.missing is undefined or not exported');
    expect(reason).toContain('MissingExportFunction: its Handler "probe.missing" names the export missing of probe');
  });

  it('a Handler naming a module the build does not make names the function, its Handler, what was looked for and what was built', async () => {
    const answer = await sendRequest(`${api.url}/missing-module`);
    expect(answer.status).toBe(502);
    const [reason] = await linesMatching(api, (line) => line.startsWith('MissingModuleFunction GET /missing-module'));
    expect(reason).toContain(
      'MissingModuleFunction: its Handler "src/app.handler" names the module src/app, but the build has none of src/app, src/app.js, src/app.mjs, src/app.cjs (it has probe.js)',
    );
    expect(reason).toContain('Runtime.ImportModuleError');
  });
});

describe('log lines', () => {
  it('LogFormat JSON: console calls become {timestamp, level, requestId, message} lines, below ApplicationLogLevel dropped', async () => {
    const { requestId } = (await sendRequest(`${api.url}/json/log`)).json<{ requestId: string }>();
    const lines = (await linesMatching(api, (line) => line.includes(`"requestId":"${requestId}"`), 2)).map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    // ApplicationLogLevel WARN: the debug and info lines never appear.
    expect(lines).toEqual([
      { timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/) as unknown, level: 'WARN', requestId, message: 'two\nlines' },
      {
        timestamp: expect.any(String) as unknown,
        level: 'ERROR',
        requestId,
        message: expect.stringMatching(/^failed RangeError: bad input/) as unknown,
        errorType: 'RangeError',
        errorMessage: 'bad input',
        stackTrace: expect.arrayContaining(['RangeError: bad input']) as unknown,
      },
    ]);
  });

  it('text format (the default): timestamp, requestId, level and message between tabs, a line per call, every level', async () => {
    const { requestId } = (await sendRequest(`${api.url}/text/log`)).json<{ requestId: string }>();
    const lines = await linesMatching(api, (line) => line.split('\t')[1] === requestId, 4);
    expect(lines.map((line) => line.split('\t').slice(2, 3))).toEqual([['DEBUG'], ['INFO'], ['WARN'], ['ERROR']]);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${requestId}\\tINFO\\tinfo line \\{ n: 1 \\}$`));
    expect(lines[2]?.endsWith('\tWARN\ttwo\rlines')).toBe(true);
  });
});

describe('what a function is given', () => {
  it("the runtime's environment variables, placeholder region, and the context's twelve keys with the memory as a string", async () => {
    const { keys, memoryLimitInMB, env } = (await sendRequest(`${api.url}/text/context`)).json<{
      keys: string[];
      memoryLimitInMB: unknown;
      env: Record<string, string>;
    }>();
    expect(keys).toEqual(LAMBDA_CONTEXT_KEYS);
    expect(memoryLimitInMB).toBe('256');
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'TextLogsFunction',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/TextLogsFunction',
      AWS_LAMBDA_LOG_STREAM_NAME: expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/) as unknown,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_REGION: 'xx-local-1',
      AWS_DEFAULT_REGION: 'xx-local-1',
      _HANDLER: 'probe.handler',
      LAMBDA_TASK_ROOT: expect.any(String) as unknown,
      LAMBDA_RUNTIME_DIR: expect.any(String) as unknown,
      TZ: ':UTC',
    });
    // Text logs: Lambda sets neither the format nor a level.
    expect(env.AWS_LAMBDA_LOG_FORMAT).toBeUndefined();
    expect(env.AWS_LAMBDA_MAX_CONCURRENCY).toBeUndefined();
    const json = (await sendRequest(`${api.url}/json/context`)).json<{ env: Record<string, string> }>();
    expect(json.env).toMatchObject({ AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'WARN' });
  });
});

interface Overlap {
  instanceId: string;
  peak: number;
  requestId: string;
  maxConcurrency: string | null;
}

async function overlapThree(source: TestApi, path: string): Promise<Overlap[]> {
  return withBarrier(3, async (url) => {
    const barrier = encodeURIComponent(url);
    const answers = await Promise.all([1, 2, 3].map(() => sendRequest(`${source.url}${path}?barrier=${barrier}`)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    return answers.map((answer) => answer.json<Overlap>());
  });
}

describe('Managed Instances: overlapping invocations in one instance', () => {
  it('a function with CapacityProviderConfig runs three requests at once in one instance, sharing its module state', async () => {
    const results = await overlapThree(api, '/managed/overlap');
    expect(new Set(results.map((result) => result.instanceId)).size).toBe(1);
    expect(Math.max(...results.map((result) => result.peak))).toBe(3);
    expect(new Set(results.map((result) => result.requestId)).size).toBe(3);
    expect(results.map((result) => result.maxConcurrency)).toEqual(['4', '4', '4']);
  });

  it('--concurrency-per-instance gives any function overlapping invocations, logged as JSON lines each with its own request id', async () => {
    const flagged = await startTestApi({ templatePath: TEMPLATE, concurrencyPerInstance: 3 });
    try {
      const results = await overlapThree(flagged, '/text/overlap');
      expect(new Set(results.map((result) => result.instanceId)).size).toBe(1);
      expect(Math.max(...results.map((result) => result.peak))).toBe(3);
      expect(results[0]?.maxConcurrency).toBe('3');

      // Two logging invocations at once: each line carries the id of the invocation that wrote it, as JSON.
      const ids = await Promise.all(
        [1, 2].map(async () => (await sendRequest(`${flagged.url}/text/log`)).json<{ requestId: string }>().requestId),
      );
      for (const requestId of ids) {
        const lines = await linesMatching(flagged, (line) => line.includes(`"requestId":"${requestId}"`), 4);
        expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(['DEBUG', 'INFO', 'WARN', 'ERROR']);
      }
    } finally {
      await flagged.close();
    }
  });

  it('without either, concurrent requests never share an instance', async () => {
    const results = await overlapThree(api, '/text/overlap');
    expect(new Set(results.map((result) => result.instanceId)).size).toBe(3);
    expect(results.map((result) => result.peak)).toEqual([1, 1, 1]);
  });
});
