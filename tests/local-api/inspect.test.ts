import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sendRequest } from './send-request';
import { FIXTURE_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// `--inspect`: what a debugger finds when it attaches to the local API, short of running one.
let api: TestApi;
let buildDir: string;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'local-api-inspect-'));
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE, buildDir, inspect: { host: '127.0.0.1', port: 0 } });
});

afterAll(async () => {
  await api.close();
  await rm(buildDir, { recursive: true, force: true });
});

interface WorkerAttached {
  sessionId: string;
  workerInfo: { type: string; url: string };
}

interface ScriptParsed {
  url: string;
  sourceMapURL?: string;
}

/** `promise`, or an error naming what never happened (a hang would otherwise only say "timeout"). */
function awaitEvent<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the debugger never saw ${what}`)), 20_000);
  });
  return Promise.race([promise, never]).finally(() => clearTimeout(timer));
}

/** A Chrome DevTools Protocol session with this process's inspector, which the local API opened. */
function connect(): Session & { call(method: string, params?: object): Promise<unknown> } {
  const session = new Session();
  session.connect();
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
    });
  return Object.assign(session, { call });
}

it('lists the process as a debug target on the inspector port', async () => {
  expect(api.inspectorUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+$/);
  const { port } = new URL(api.inspectorUrl as string);
  const targets = (await sendRequest(`http://127.0.0.1:${port}/json/list`)).json<Array<Record<string, unknown>>>();
  expect(targets).toEqual([expect.objectContaining({ type: 'node', webSocketDebuggerUrl: api.inspectorUrl })]);
});

it("shows a function instance as a worker of the process, its bundle mapped back to the function's .ts file", async () => {
  const session = connect();
  try {
    // As VS Code's debugger does on attach: follow worker threads, then debug inside one. Jest may
    // have run other test files in this process: only this API's instances run from its build dir.
    const attached = new Promise<WorkerAttached>((resolve) => {
      session.on('NodeWorker.attachedToWorker', ({ params }) => {
        const worker = params as WorkerAttached;
        if (worker.workerInfo.url.startsWith(pathToFileURL(buildDir).href)) resolve(worker);
      });
    });
    await session.call('NodeWorker.enable', { waitForDebuggerOnStart: false });
    expect((await sendRequest(`${api.url}/echo/debugged`)).status).toBe(200);
    const worker = await awaitEvent(attached, "an instance of this API's EchoFunction start");
    expect(worker.workerInfo.type).toBe('worker');

    const bundleParsed = new Promise<ScriptParsed>((resolve) => {
      session.on('NodeWorker.receivedMessageFromWorker', ({ params }) => {
        const { sessionId, message } = params as { sessionId: string; message: string };
        const event = JSON.parse(message) as { method?: string; params?: ScriptParsed };
        if (sessionId === worker.sessionId && event.method === 'Debugger.scriptParsed' && event.params?.url.endsWith('/echo.js'))
          resolve(event.params);
      });
    });
    const enable = JSON.stringify({ id: 1, method: 'Debugger.enable' });
    await session.call('NodeWorker.sendMessageToWorker', { sessionId: worker.sessionId, message: enable });
    const bundle = await awaitEvent(bundleParsed, "EchoFunction's bundle parsed in its instance");

    // EchoFunction's BuildProperties ask for no source map; a debugging run builds one anyway.
    expect(bundle.sourceMapURL).toBeTruthy();
    const mapUrl = new URL(bundle.sourceMapURL as string, bundle.url);
    const map = JSON.parse(await readFile(fileURLToPath(mapUrl), 'utf8')) as { sources: string[]; sourceRoot?: string };
    const sources = map.sources.map((source) => new URL(source, new URL(map.sourceRoot ?? '', mapUrl)).href);
    expect(sources).toContain(pathToFileURL(join(FIXTURE_TEMPLATE, '..', 'echo.ts')).href);
    await session.call('NodeWorker.detach', { sessionId: worker.sessionId });
  } finally {
    session.disconnect();
  }
});

it("lets an invocation run past the function's Timeout, as a debugger may hold it at a breakpoint", async () => {
  // MisbehaveFunction's Timeout is 1 s and this case answers after 5 s: a 502 without a debugger.
  const answer = await sendRequest(`${api.url}/misbehave/past-timeout`);
  expect(answer.status).toBe(200);
  expect(answer.text).toBe('too late');
}, 30_000);
