import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRuntime } from '../../dev/lambda-runtime/build-runtime';
import { createFunctionEnvironment } from '../../dev/lambda-runtime/create-function-environment';
import { readTemplate } from '../../dev/sam-model/read-template';
import { FUNCTION_ENV } from '../../dev/runtime-client/function-environment';
import { withFunction, type FunctionSpec } from './launch-runtime-client';
import type { Invocation, Outcome } from '../../dev/runtime-client/start-runtime-api';

// The same handlers under the real client and under the local API's runtime (run-invocations.ts
// serving the same Runtime API), and what each sends back compared: result payloads, streamed
// posts (bytes, headers, trailers), error types and messages, init errors, log lines
// (timestamps, paths and runtime-internal stack frames aside), environment variable names,
// context keys.

let buildDir: string;
let localEntry: string;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'local-runtime-'));
  localEntry = await buildRuntime(buildDir);
}, 60_000);

afterAll(async () => {
  await rm(buildDir, { recursive: true, force: true });
});

type Files = Readonly<Record<string, string>>;
type Spec = Omit<FunctionSpec, 'taskRoot' | 'entry'>;

/** Everything a runtime reported for one function, with what differs between two runs of the same runtime masked. */
interface Report {
  posts: unknown[];
  init?: unknown;
  exitedNonZero?: boolean;
  logs: unknown[];
}

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** Keeps the stack frames of the function's own files (under its task root), which both runtimes share. */
function userFrames(frames: unknown, root: string): unknown {
  if (!Array.isArray(frames)) return frames;
  return (
    frames
      .filter((frame): frame is string => typeof frame === 'string' && (!/^\s+at /.test(frame) || frame.includes(root)))
      // A missing module's require stack names the file the runtime required it from: its own.
      .map((frame) => (/^- \//.test(frame) ? '- <runtime file>' : frame.replaceAll(root, '<root>')))
  );
}

/** A first line only: a missing module's message goes on with the loader's require stack, which names the runtime's own file. */
const firstLine = (text: unknown): unknown => (typeof text === 'string' ? text.split('\n')[0] : text);

function maskReport(report: Record<string, unknown>, root: string): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...report };
  for (const key of ['trace', 'stack', 'stackTrace']) if (key in masked) masked[key] = userFrames(masked[key], root);
  if (typeof masked.errorMessage === 'string') masked.errorMessage = firstLine(masked.errorMessage.replaceAll(root, '<root>'));
  return masked;
}

function maskLine(line: string, root: string): unknown {
  const timeless = line.replace(ISO_TIME, '<time>');
  if (timeless.startsWith('{')) {
    const parsed = JSON.parse(timeless) as Record<string, unknown>;
    if (typeof parsed.message === 'string') parsed.message = maskText(parsed.message, root);
    if (parsed.message !== null && typeof parsed.message === 'object')
      parsed.message = maskReport(parsed.message as Record<string, unknown>, root);
    return maskReport(parsed, root);
  }
  const [time, requestId, level, ...message] = timeless.split('\t');
  const text = message.join('\t');
  // The runtime's own Init Error / Invoke Error line: a label, a tab, the error as JSON.
  const runtimeError = /^(Init|Invoke) Error \t(\{.*\})$/.exec(text);
  if (runtimeError)
    return [time, requestId, level, runtimeError[1], maskReport(JSON.parse(runtimeError[2] ?? '{}') as Record<string, unknown>, root)];
  return [time, requestId, level, maskText(text, root)];
}

// A message carrying a stack (newlines as \r in text lines): the runtime's own frames differ, the function's do not.
function maskText(text: string, root: string): string {
  return text
    .split(/(?=\r|\n)/)
    .filter((part) => !/^[\r\n]\s+at /.test(part) || part.includes(root))
    .join('')
    .replaceAll(root, '<root>');
}

interface Run {
  readonly files: Files;
  readonly spec: Spec;
  readonly invocations: readonly Invocation[];
  /** Sent all at once (for overlapping invocations) rather than one after the other. */
  readonly together?: boolean;
}

/** A streamed post's trailers, the error body decoded (it carries a trace) and masked like any error report. */
function maskTrailers(trailers: Outcome['trailers'], root: string): unknown {
  const masked: Record<string, unknown> = { ...trailers };
  const body = trailers['lambda-runtime-function-error-body'];
  if (body !== undefined)
    masked['lambda-runtime-function-error-body'] = maskReport(
      JSON.parse(Buffer.from(body, 'base64').toString('utf8')) as Record<string, unknown>,
      root,
    );
  return masked;
}

function maskPost(outcome: Outcome, root: string): unknown {
  const json = outcome.json;
  if (outcome.headers['lambda-runtime-function-response-mode'] === 'streaming') {
    // Each runtime has its own Runtime API, on its own port.
    const headers = Object.fromEntries(Object.entries(outcome.headers).filter(([name]) => name !== 'host'));
    return {
      kind: outcome.kind,
      path: outcome.path,
      headers,
      body: outcome.body.toString('latin1'),
      trailers: maskTrailers(outcome.trailers, root),
    };
  }
  return {
    kind: outcome.kind,
    contentType: outcome.headers['content-type'],
    errorTypeHeader: outcome.headers['lambda-runtime-function-error-type'],
    body: json !== null && typeof json === 'object' && !Array.isArray(json) ? maskReport(json as Record<string, unknown>, root) : json,
  };
}

/** Runs `run` under one runtime (the real client when `entry` is undefined) and reports what it sent back. */
async function runUnder(entry: string | undefined, run: Run): Promise<Report> {
  return withFunction(run.files, { ...run.spec, ...(entry ? { entry } : {}) }, async (running) => {
    const root = running.taskRoot;
    const [first, ...rest] = run.invocations;
    const outcomes: Outcome[] = [];
    if (run.together) outcomes.push(...(await Promise.all(run.invocations.map((invocation) => running.api.invoke(invocation)))));
    else if (first) {
      // An init error ends the process before it answers the first invocation.
      const settled = await Promise.race([running.api.invoke(first), running.api.initError.then(() => undefined)]);
      if (settled) {
        outcomes.push(settled);
        for (const invocation of rest) outcomes.push(await running.api.invoke(invocation));
        // The runtime asks for the next invocation once it is done with the last one, its logs included.
        await running.api.nextRequested(run.invocations.length + 1);
      }
    }
    const report: Report = { posts: outcomes.map((outcome) => maskPost(outcome, root)), logs: [] };
    if (outcomes.length === 0) {
      const post = await running.api.initError;
      report.init = {
        errorTypeHeader: post.headers['lambda-runtime-function-error-type'],
        contentType: post.headers['content-type'],
        body: maskReport(JSON.parse(post.body.toString('utf8')) as Record<string, unknown>, root),
      };
      report.exitedNonZero = (await running.exited) !== 0;
    }
    await running.stop();
    report.logs = running.stdout.filter((line) => line !== '').map((line) => maskLine(line, root));
    return report;
  });
}

/** Both runtimes' reports for the same run, side by side. */
async function compare(run: Run): Promise<{ real: Report; local: Report }> {
  const [real, local] = await Promise.all([runUnder(undefined, run), runUnder(localEntry, run)]);
  // Never equal by both saying nothing: the real client answered or failed its init.
  expect(real.posts.length > 0 || real.init !== undefined).toBe(true);
  return { real, local };
}

const index = (source: string): Files => ({ 'index.js': source });
const HANDLER: Spec = { handler: 'index.handler' };
const REQUEST = { requestId: 'req-1', traceId: 'Root=1-00000000-000000000000000000000001' };

describe('buffered invocations: the same posts to the Runtime API', () => {
  const cases: Array<{ name: string } & Run> = [
    {
      name: 'an object result',
      files: index('exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });'),
      spec: HANDLER,
      invocations: [{ event: { a: [1, 'two'] }, ...REQUEST }],
    },
    {
      name: 'undefined, posted as null',
      files: index('exports.handler = async () => undefined;'),
      spec: HANDLER,
      invocations: [{ event: {} }],
    },
    {
      name: 'a synchronous handler',
      files: index('exports.handler = (event) => event.n + 1;'),
      spec: HANDLER,
      invocations: [{ event: { n: 41 } }],
    },
    {
      name: 'a thrown Error with own properties',
      files: index('exports.handler = async () => { const e = new TypeError("boom"); e.code = "E_BOOM"; throw e; };'),
      spec: HANDLER,
      invocations: [{ event: {}, ...REQUEST }],
    },
    {
      name: 'a thrown string',
      files: index('exports.handler = async () => { throw "plain string"; };'),
      spec: HANDLER,
      invocations: [{ event: {}, ...REQUEST }],
    },
    {
      name: 'a circular result',
      files: index('exports.handler = async () => { const a = {}; a.a = a; return a; };'),
      spec: HANDLER,
      invocations: [{ event: {}, ...REQUEST }],
    },
    {
      name: "the context's keys and values",
      files: index(
        'exports.handler = async (event, context) => ({ keys: Object.keys(context), context, remaining: context.getRemainingTimeInMillis() > 0 });',
      ),
      spec: HANDLER,
      invocations: [
        {
          event: {},
          ...REQUEST,
          deadlineMs: Date.now() + 60_000,
          clientContext: { custom: { a: 1 } },
          cognitoIdentity: { cognitoIdentityId: 'id-1' },
          tenantId: 'tenant-1',
        },
      ],
    },
    {
      name: 'the environment: variable names, the trace id per invocation, TZ',
      files: index(
        'exports.handler = async () => ({ names: Object.keys(process.env).sort(), trace: process.env._X_AMZN_TRACE_ID ?? null, tz: process.env.TZ });',
      ),
      spec: HANDLER,
      invocations: [{ event: {}, ...REQUEST }, { event: {} }],
    },
    {
      name: 'the awslambda global',
      files: index(
        'exports.handler = async () => ({ keys: Object.keys(awslambda).sort(), streamify: typeof awslambda.streamifyResponse, requestId: awslambda.InvokeStore.getRequestId() });',
      ),
      spec: HANDLER,
      invocations: [{ event: {}, ...REQUEST }],
    },
  ];

  it.each(cases)('$name', async (run) => {
    const { real, local } = await compare(run);
    expect(local).toEqual(real);
  });
});

describe('streamed responses: the same streamed post (bytes, headers, trailers) and log lines', () => {
  const streamed = (body: string): Files =>
    index(`exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {\n${body}\n});`);
  const later = 'await new Promise((resolve) => setTimeout(resolve, 5));';
  const cases: Array<{ name: string; files: Files }> = [
    {
      name: 'a prelude, then several writes and an end with data',
      files:
        streamed(`const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { "x-a": "b" }, cookies: ["c=1", "d=2"] });
        stream.write("one ");
        stream.write(Buffer.from([0, 255]));
        ${later}
        stream.write({ three: 3 });
        stream.end(" end");`),
    },
    {
      name: 'end() only, under the prelude content type',
      files: streamed('awslambda.HttpResponseStream.from(responseStream, { statusCode: 204 }).end();'),
    },
    {
      name: 'an empty first write: the prelude alone',
      files: streamed('const s = awslambda.HttpResponseStream.from(responseStream, { statusCode: 204 }); s.write(""); s.end();'),
    },
    {
      name: 'raw bytes under a content type set before the first write',
      files: streamed('responseStream.setContentType("text/plain"); responseStream.write("raw"); responseStream.end();'),
    },
    {
      name: 'an error after the first write: the bytes sent, then the error in the trailers',
      files: streamed(`responseStream.write("partial"); ${later} throw new RangeError("late failure");`),
    },
    { name: 'an error before any write', files: streamed('throw new TypeError("early failure");') },
    {
      name: 'a handler that resolves before its end()',
      files: streamed(`responseStream.write("before "); setTimeout(() => responseStream.end("after"), 5);`),
    },
    { name: 'a returned value, ignored with a warning', files: streamed('responseStream.end("body"); return { statusCode: 200 };') },
  ];

  it.each(cases)('$name', async ({ files }) => {
    const { real, local } = await compare({
      files,
      spec: HANDLER,
      invocations: [
        { event: {}, ...REQUEST },
        { event: {}, requestId: 'req-2' },
      ],
    });
    // Both invocations answered by a streamed post, failed or not.
    expect(real.posts).toEqual([expect.objectContaining({ kind: 'response' }), expect.objectContaining({ kind: 'response' })]);
    expect(local).toEqual(real);
  });
});

describe('handler resolution: the same module and export, or the same init error', () => {
  const echo = 'async (event) => ({ from: __filename.split("/").pop(), event })';
  const cases: Array<{ name: string; handler: string; files: Files }> = [
    { name: 'file.export', handler: 'index.handler', files: index(`exports.handler = ${echo};`) },
    { name: 'a nested export', handler: 'index.routes.main', files: index(`exports.routes = { main: ${echo} };`) },
    { name: 'a directory prefix', handler: 'src/api/app.handler', files: { 'src/api/app.js': `exports.handler = ${echo};` } },
    { name: 'an .mjs module', handler: 'index.handler', files: { 'index.mjs': 'export const handler = async () => "mjs";' } },
    { name: 'a .cjs module', handler: 'index.handler', files: { 'index.cjs': `exports.handler = ${echo};` } },
    {
      name: '.js before .mjs and .cjs',
      handler: 'index.handler',
      files: {
        'index.js': 'exports.handler = async () => "js";',
        'index.mjs': 'export const handler = async () => "mjs";',
        'index.cjs': 'exports.handler = async () => "cjs";',
      },
    },
    {
      name: "an ES module's default export",
      handler: 'index.handler',
      files: { 'index.mjs': 'export default { handler: async () => "default" };' },
    },
    {
      name: 'a package under node_modules',
      handler: 'lib.handler',
      files: { 'node_modules/lib/index.js': 'exports.handler = async () => "package";' },
    },
    {
      name: 'a callback-style handler',
      handler: 'index.handler',
      files: index('exports.handler = (event, context, callback) => callback(null, "ok");'),
    },
    {
      name: 'an async handler declaring a callback',
      handler: 'index.handler',
      files: index('exports.handler = async (event, context, callback) => "ok";'),
    },
    {
      name: 'a streamified handler is no callback handler',
      handler: 'index.handler',
      files: index('exports.handler = awslambda.streamifyResponse(async (event, stream, context) => { stream.end("ok"); });'),
    },
    { name: 'a missing module', handler: 'missing.handler', files: index('exports.handler = async () => "ok";') },
    {
      name: 'a missing package',
      handler: 'index.handler',
      files: index('require("not-installed-anywhere"); exports.handler = async () => "ok";'),
    },
    { name: 'a missing export', handler: 'index.missing', files: index('exports.handler = async () => "ok";') },
    { name: 'an export that is no function', handler: 'index.handler', files: index('exports.handler = { not: "a function" };') },
    { name: 'a syntax error', handler: 'index.handler', files: index('exports.handler = async () => {;') },
    { name: 'a Handler without a dot', handler: 'index', files: index('exports.handler = async () => "ok";') },
    { name: 'a relative Handler', handler: '../index.handler', files: index('exports.handler = async () => "ok";') },
    { name: 'a module that throws while loading', handler: 'index.handler', files: index('throw new RangeError("bad config");') },
  ];

  it.each(cases)('$name ($handler)', async ({ handler, files }) => {
    const run: Run = { files, spec: { handler }, invocations: [{ event: { n: 1 }, ...REQUEST }] };
    const { real, local } = await compare(run);
    expect(local).toEqual(real);
  });
});

describe('log lines: the same lines, timestamps aside', () => {
  const LOGGING = index(
    'exports.handler = async () => { console.log("hello %s", "world", 42); console.debug("debug detail"); console.info({ a: 1, nested: { b: [1, 2] } }); console.warn("two\nlines"); console.trace("traced"); console.fatal("fatal!"); console.error("failed", new RangeError("bad")); console.error(new SyntaxError("alone")); return "ok"; };',
  );
  const cases: Array<{ name: string; env: Record<string, string> }> = [
    { name: 'text (the default)', env: {} },
    { name: 'text, AWS_LAMBDA_LOG_LEVEL=warn', env: { AWS_LAMBDA_LOG_LEVEL: 'warn' } },
    { name: 'JSON', env: { AWS_LAMBDA_LOG_FORMAT: 'JSON' } },
    { name: 'JSON, AWS_LAMBDA_LOG_LEVEL=INFO', env: { AWS_LAMBDA_LOG_FORMAT: 'json', AWS_LAMBDA_LOG_LEVEL: 'INFO' } },
    { name: 'an unknown level logs everything', env: { AWS_LAMBDA_LOG_LEVEL: 'LOUD' } },
  ];

  it.each(cases)('$name', async ({ env }) => {
    const { real, local } = await compare({ files: LOGGING, spec: { ...HANDLER, env }, invocations: [{ event: {}, ...REQUEST }] });
    expect(real.logs.length).toBeGreaterThan(0);
    expect(local).toEqual(real);
  });

  it.each([
    ['text', {}],
    ['JSON', { AWS_LAMBDA_LOG_FORMAT: 'JSON' }],
  ])('the Invoke Error and Init Error lines (%s)', async (_format, env) => {
    const failing = await compare({
      files: index('exports.handler = async () => { const e = new TypeError("boom"); e.code = "E_BOOM"; throw e; };'),
      spec: { ...HANDLER, env },
      invocations: [{ event: {}, ...REQUEST }],
    });
    expect(failing.local).toEqual(failing.real);
    const init = await compare({
      files: index('exports.handler = async () => "ok";'),
      spec: { handler: 'index.missing', env },
      invocations: [{ event: {} }],
    });
    expect(init.local).toEqual(init.real);
  });
});

describe('Managed Instances (AWS_LAMBDA_MAX_CONCURRENCY)', () => {
  const PROBE = `let active = 0;
let peak = 0;
exports.handler = async (event) => {
  active += 1;
  peak = Math.max(peak, active);
  await fetch("http://" + process.env.AWS_LAMBDA_RUNTIME_API + "/test/mark/" + event.n);
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log("done", event.n);
  active -= 1;
  return { peak };
};`;

  it("both run queued invocations overlapped, sharing module state, and log JSON lines with each invocation's id", async () => {
    const env = { AWS_LAMBDA_MAX_CONCURRENCY: '4', AWS_LAMBDA_NODEJS_WORKER_COUNT: '1' };
    const invocations = [1, 2, 3].map((n) => ({ event: { n }, requestId: `req-${n}` }));
    const { real, local } = await compare({ files: index(PROBE), spec: { ...HANDLER, env }, invocations, together: true });
    const peakOf = (report: Report) => Math.max(...report.posts.map((post) => (post as { body: { peak: number } }).body.peak));
    expect(peakOf(real)).toBe(3);
    expect(peakOf(local)).toBe(3);
    const byRequest = (report: Report) =>
      (report.logs as Array<{ requestId: string; message: string }>).map((line) => `${line.requestId} ${line.message}`).sort();
    expect(byRequest(local)).toEqual(byRequest(real));
  });
});

describe("the local API's function environment", () => {
  it('has every variable the Lambda service sets for a nodejs24.x function', () => {
    const template = readTemplate(join(__dirname, '..', 'local-api', 'fixtures', 'runtime', 'template.yaml'));
    const fn = template.functions[0];
    if (!fn) throw new Error('the fixture template has no function');
    const env = createFunctionEnvironment(
      fn,
      { dir: '/task', version: 1, sourceMaps: false } as never,
      '/runtime/run-invocations.mjs',
      undefined,
    );
    expect(Object.keys(env)).toEqual(expect.arrayContaining(Object.keys(FUNCTION_ENV)));
    expect(env).toMatchObject({
      AWS_EXECUTION_ENV: FUNCTION_ENV.AWS_EXECUTION_ENV,
      TZ: FUNCTION_ENV.TZ,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    });
  });
});
