import { FUNCTION_ENV } from '../../dev/runtime-client/function-environment';
import { invokeFunction } from './launch-runtime-client';

// What the real client gives a buffered handler, and what it posts back to the Runtime API.

const ONE_FILE = (source: string) => ({ 'index.js': source });

describe('the real client with a buffered handler', () => {
  it('posts the result as JSON to /response, and undefined as null', async () => {
    const object = await invokeFunction(
      ONE_FILE('exports.handler = async (event) => ({ statusCode: 200, body: event.text });'),
      { handler: 'index.handler' },
      { event: { text: 'hi' } },
    );
    expect(object.outcome.path).toMatch(/\/2018-06-01\/runtime\/invocation\/[^/]+\/response$/);
    expect(object.outcome.headers['content-type']).toBe('application/json');
    expect(object.outcome.json).toEqual({ statusCode: 200, body: 'hi' });

    const nothing = await invokeFunction(ONE_FILE('exports.handler = async () => undefined;'), { handler: 'index.handler' }, { event: {} });
    expect(nothing.outcome.body.toString()).toBe('null');
  });

  it('accepts a synchronous two-parameter handler and posts its return value', async () => {
    const { outcome } = await invokeFunction(
      ONE_FILE('exports.handler = (event) => event.n + 1;'),
      { handler: 'index.handler' },
      { event: { n: 41 } },
    );
    expect(outcome.json).toBe(42);
  });

  it('posts a thrown Error to /error as {errorType, errorMessage, trace}, with no error-type header and no own properties', async () => {
    const source = 'exports.handler = async () => { const e = new TypeError("boom"); e.code = "E_BOOM"; throw e; };';
    const { outcome, stdout } = await invokeFunction(ONE_FILE(source), { handler: 'index.handler' }, { event: {} });
    expect(outcome.kind).toBe('error');
    expect(outcome.headers['content-type']).toBe('application/json');
    expect(outcome.headers['lambda-runtime-function-error-type']).toBeUndefined();
    expect(outcome.headers['lambda-runtime-function-xray-error-cause']).toContain('"type":"TypeError"');
    expect(outcome.json).toEqual({
      errorType: 'TypeError',
      errorMessage: 'boom',
      trace: expect.arrayContaining(['TypeError: boom']) as unknown,
    });
    // The log line carries what the post leaves out.
    const logged = stdout.find((line) => line.includes('\tERROR\tInvoke Error \t'));
    expect(logged).toContain('"code":"E_BOOM"');
  });

  it('posts a thrown non-Error with its typeof as errorType and an empty trace', async () => {
    const { outcome } = await invokeFunction(
      ONE_FILE('exports.handler = async () => { throw "plain string"; };'),
      { handler: 'index.handler' },
      { event: {} },
    );
    expect(outcome.json).toEqual({ errorType: 'string', errorMessage: 'plain string', trace: [] });
  });

  it('gives context these twelve fields (no callbackWaitsForEmptyEventLoop, done, succeed or fail), clientContext and identity parsed from their headers', async () => {
    const source =
      'exports.handler = async (event, context) => { const from = Date.now(); const remaining = context.getRemainingTimeInMillis(); const until = Date.now(); ' +
      'return { keys: Object.keys(context), context, deadlineFrom: from + remaining, deadlineUntil: until + remaining }; };';
    const invocation = {
      event: {},
      requestId: 'req-1',
      deadlineMs: Date.now() + 30_000,
      functionArn: 'arn:aws:lambda:xx-local-1:000000000000:function:RicTestFunction:live',
      traceId: 'Root=1-00000000-000000000000000000000001;Sampled=1',
      clientContext: { custom: { a: 1 } },
      cognitoIdentity: { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' },
      tenantId: 'tenant-1',
    };
    const { outcome } = await invokeFunction(ONE_FILE(source), { handler: 'index.handler' }, invocation);
    const result = outcome.json as { keys: string[]; context: Record<string, unknown>; deadlineFrom: number; deadlineUntil: number };
    expect(result.keys.sort()).toEqual(
      [
        'awsRequestId',
        'clientContext',
        'functionName',
        'functionVersion',
        'getRemainingTimeInMillis',
        'identity',
        'invokedFunctionArn',
        'logGroupName',
        'logStreamName',
        'memoryLimitInMB',
        'tenantId',
        'xRayTraceId',
      ].sort(),
    );
    expect(result.context).toEqual({
      awsRequestId: 'req-1',
      invokedFunctionArn: invocation.functionArn,
      xRayTraceId: invocation.traceId,
      tenantId: 'tenant-1',
      clientContext: { custom: { a: 1 } },
      identity: { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' },
      functionName: FUNCTION_ENV.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: FUNCTION_ENV.AWS_LAMBDA_FUNCTION_VERSION,
      memoryLimitInMB: FUNCTION_ENV.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: FUNCTION_ENV.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: FUNCTION_ENV.AWS_LAMBDA_LOG_STREAM_NAME,
    });
    // The remaining time counts down to the deadline the Runtime API gave: read between two clock readings, it lies between them.
    expect(result.deadlineFrom).toBeLessThanOrEqual(invocation.deadlineMs);
    expect(result.deadlineUntil).toBeGreaterThanOrEqual(invocation.deadlineMs);
  });

  it('sets _X_AMZN_TRACE_ID from the trace header for each invocation and keeps the platform environment', async () => {
    const source =
      'exports.handler = async () => ({ trace: process.env._X_AMZN_TRACE_ID, handler: process.env._HANDLER, root: process.env.LAMBDA_TASK_ROOT, tz: process.env.TZ });';
    const { outcome } = await invokeFunction(
      ONE_FILE(source),
      { handler: 'index.handler' },
      { event: {}, traceId: 'Root=1-00000000-000000000000000000000002' },
    );
    expect(outcome.json).toEqual({
      trace: 'Root=1-00000000-000000000000000000000002',
      handler: 'index.handler',
      root: expect.stringContaining('ric-task-') as unknown,
      tz: ':UTC',
    });
  });

  it('defines the awslambda global with streamifyResponse and HttpResponseStream.from for every handler', async () => {
    const source =
      'exports.handler = async () => ({ keys: Object.keys(awslambda).sort(), from: typeof awslambda.HttpResponseStream.from });';
    const { outcome } = await invokeFunction(ONE_FILE(source), { handler: 'index.handler' }, { event: {} });
    expect(outcome.json).toEqual({ keys: ['HttpResponseStream', 'InvokeStore', 'streamifyResponse'], from: 'function' });
  });
});

describe('the real client rewrites console output into Lambda log lines', () => {
  const LOGGING =
    'exports.handler = async () => { console.log("hello %s", "world", 42); console.debug("debug detail"); console.error("failed", new RangeError("bad")); return "ok"; };';

  it('AWS_LAMBDA_LOG_FORMAT=JSON: console.log becomes {timestamp, level, requestId, message}', async () => {
    const { stdout } = await invokeFunction(
      ONE_FILE(LOGGING),
      { handler: 'index.handler', env: { AWS_LAMBDA_LOG_FORMAT: 'JSON' } },
      { event: {}, requestId: 'req-json' },
    );
    const lines = stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      level: 'INFO',
      requestId: 'req-json',
      message: 'hello world 42',
    });
    expect(lines[1]).toMatchObject({ level: 'DEBUG', message: 'debug detail' });
    expect(lines[2]).toMatchObject({
      level: 'ERROR',
      message: expect.stringContaining('failed RangeError: bad') as unknown,
      errorType: 'RangeError',
      errorMessage: 'bad',
      stackTrace: expect.any(Array) as unknown,
    });
  });

  it('AWS_LAMBDA_LOG_LEVEL=INFO drops console.debug', async () => {
    const { stdout } = await invokeFunction(
      ONE_FILE(LOGGING),
      { handler: 'index.handler', env: { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'INFO' } },
      { event: {} },
    );
    const levels = stdout.map((line) => (JSON.parse(line) as { level: string }).level);
    expect(levels).toEqual(['INFO', 'ERROR']);
  });

  it('JSON: a single object argument stays an object in message', async () => {
    const { stdout } = await invokeFunction(
      ONE_FILE('exports.handler = async () => { console.info({ a: 1 }); };'),
      { handler: 'index.handler', env: { AWS_LAMBDA_LOG_FORMAT: 'JSON' } },
      { event: {} },
    );
    expect(JSON.parse(stdout[0] ?? '')).toMatchObject({ level: 'INFO', message: { a: 1 } });
  });

  it('text format (the default): timestamp, requestId, level and message separated by tabs, newlines as carriage returns', async () => {
    const source = 'exports.handler = async () => { console.warn("two\\nlines"); };';
    const { stdout } = await invokeFunction(ONE_FILE(source), { handler: 'index.handler' }, { event: {}, requestId: 'req-text' });
    expect(stdout[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\treq-text\tWARN\ttwo\rlines$/);
  });

  it('text format honours AWS_LAMBDA_LOG_LEVEL too', async () => {
    const { stdout } = await invokeFunction(
      ONE_FILE(LOGGING),
      { handler: 'index.handler', env: { AWS_LAMBDA_LOG_LEVEL: 'error' } },
      { event: {} },
    );
    expect(stdout.map((line) => line.split('\t')[2])).toEqual(['ERROR']);
  });
});
