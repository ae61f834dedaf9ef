import { invokeFunction, withFunction } from './launch-runtime-client';

// What nodejs24.x's runtime interface client does with the `Handler` string, checked against the real client.

const ECHO_CJS = 'async (event) => ({ from: __filename.split("/").slice(-2).join("/"), event })';

describe('the real client resolves Handler strings as nodejs24.x does', () => {
  const cases: { name: string; handler: string; files: Record<string, string>; from: string }[] = [
    { name: 'file.export', handler: 'index.handler', files: { 'index.js': `exports.handler = ${ECHO_CJS};` }, from: 'index.js' },
    {
      name: 'a nested export a.b',
      handler: 'index.routes.main',
      files: { 'index.js': `exports.routes = { main: ${ECHO_CJS} };` },
      from: 'index.js',
    },
    {
      name: 'a directory prefix',
      handler: 'src/api/app.handler',
      files: { 'src/api/app.js': `exports.handler = ${ECHO_CJS};` },
      from: 'api/app.js',
    },
    {
      name: 'an .mjs module',
      handler: 'index.handler',
      files: { 'index.mjs': 'export const handler = async (event) => ({ from: "index.mjs", event });' },
      from: 'index.mjs',
    },
    { name: 'a .cjs module', handler: 'index.handler', files: { 'index.cjs': `exports.handler = ${ECHO_CJS};` }, from: 'index.cjs' },
    {
      name: '.js before .mjs and .cjs when several exist',
      handler: 'index.handler',
      files: {
        'index.js': `exports.handler = ${ECHO_CJS};`,
        'index.mjs': 'export const handler = async () => ({ from: "index.mjs" });',
        'index.cjs': 'exports.handler = async () => ({ from: "index.cjs" });',
      },
      from: 'index.js',
    },
    {
      name: "the export found on an ES module's default export",
      handler: 'index.handler',
      files: { 'index.mjs': 'export default { handler: async (event) => ({ from: "default", event }) };' },
      from: 'default',
    },
  ];

  it.each(cases)('$name ($handler)', async ({ handler, files, from }) => {
    const { outcome } = await invokeFunction(files, { handler }, { event: { n: 1 } });
    expect(outcome.kind).toBe('response');
    expect(outcome.json).toEqual({ from: expect.stringContaining(from) as unknown, event: { n: 1 } });
  });
});

describe('the real client posts /init/error with its error name, then exits, when it cannot load the handler', () => {
  const cases: { name: string; handler: string; files: Record<string, string>; errorType: string; message: RegExp }[] = [
    {
      name: 'a callback-style handler (three parameters)',
      handler: 'index.handler',
      files: { 'index.js': 'exports.handler = (event, context, callback) => callback(null, "ok");' },
      errorType: 'Runtime.CallbackHandlerDeprecated',
      message: /removed support for callback-based function handlers starting with Node\.js 24/,
    },
    {
      name: 'an async handler that still declares a callback parameter',
      handler: 'index.handler',
      files: { 'index.js': 'exports.handler = async (event, context, callback) => "ok";' },
      errorType: 'Runtime.CallbackHandlerDeprecated',
      message: /callback-based/,
    },
    {
      name: 'a missing module',
      handler: 'missing.handler',
      files: { 'index.js': 'exports.handler = async () => "ok";' },
      errorType: 'Runtime.ImportModuleError',
      message: /Cannot find module 'missing'/,
    },
    {
      name: 'a module that requires a missing package',
      handler: 'index.handler',
      files: { 'index.js': 'require("not-installed-anywhere"); exports.handler = async () => "ok";' },
      errorType: 'Runtime.ImportModuleError',
      message: /Cannot find module 'not-installed-anywhere'/,
    },
    {
      name: 'a missing export',
      handler: 'index.missing',
      files: { 'index.js': 'exports.handler = async () => "ok";' },
      errorType: 'Runtime.HandlerNotFound',
      message: /^index\.missing is undefined or not exported$/,
    },
    {
      name: 'an export that is not a function',
      handler: 'index.handler',
      files: { 'index.js': 'exports.handler = { not: "a function" };' },
      errorType: 'Runtime.HandlerNotFound',
      message: /^index\.handler is not a function$/,
    },
    {
      name: 'a syntax error in the module',
      handler: 'index.handler',
      files: { 'index.js': 'exports.handler = async () => {;' },
      errorType: 'Runtime.UserCodeSyntaxError',
      message: /SyntaxError/,
    },
    {
      name: 'a Handler without a dot',
      handler: 'index',
      files: { 'index.js': 'exports.handler = async () => "ok";' },
      errorType: 'Runtime.MalformedHandlerName',
      message: /^Bad handler$/,
    },
    {
      name: 'a Handler with a relative path',
      handler: '../index.handler',
      files: { 'index.js': 'exports.handler = async () => "ok";' },
      errorType: 'Runtime.MalformedHandlerName',
      message: /Use absolute paths/,
    },
    {
      name: 'a module that throws while loading',
      handler: 'index.handler',
      files: { 'index.js': 'throw new RangeError("bad config");' },
      errorType: 'RangeError',
      message: /^bad config$/,
    },
  ];

  it.each(cases)('$name -> $errorType', async ({ handler, files, errorType, message }) => {
    await withFunction(files, { handler }, async ({ api, exited, stdout }) => {
      const post = await api.initError;
      expect(post.headers['lambda-runtime-function-error-type']).toBe(errorType);
      expect(post.headers['content-type']).toBe('application/json');
      const body = JSON.parse(post.body.toString('utf8')) as { errorType: string; errorMessage: string; trace: string[] };
      expect(body).toEqual({ errorType, errorMessage: expect.stringMatching(message) as unknown, trace: expect.any(Array) as unknown });
      expect(await exited).not.toBe(0);
      expect(stdout.some((line) => line.includes('\tERROR\tInit Error \t'))).toBe(true);
    });
  });

  it('a streamified handler has three parameters and is not taken for a callback handler', async () => {
    const files = {
      'index.js': 'exports.handler = awslambda.streamifyResponse(async (event, stream, context) => { stream.end("ok"); });',
    };
    const { outcome } = await invokeFunction(files, { handler: 'index.handler' }, { event: {} });
    expect(outcome.body.toString()).toBe('ok');
  });
});
