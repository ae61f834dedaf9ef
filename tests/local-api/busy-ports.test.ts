import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStartFailure } from '../../dev/local-functions/describe-start-failure';
import { startLocalApi } from '../../dev/local-api/start-local-api';
import { SOURCES_TEMPLATE } from './start-test-api';

// The sources fixture has two Function URLs (UrlFunction, then StreamFunction): with the main
// port P they take P + 1 and P + 2.
const HOST = '127.0.0.1';
const quiet = { info: () => {}, error: () => {} };
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'local-api-ports-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function listen(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

// A main port with the ten ports after it free, found by asking the system for a free one.
async function freeBlock(): Promise<number> {
  for (;;) {
    const probe = await listen(0);
    const port = (probe.address() as { port: number }).port;
    await close(probe);
    if (port > 65000) continue;
    const taken = await Promise.all(Array.from({ length: 10 }, (_, index) => listen(port + index).then(close, () => 'busy')));
    if (!taken.includes('busy')) return port;
  }
}

it("names a busy Function URL port, before any build, and suggests a main port whose URLs' ports are free too", async () => {
  const main = await freeBlock();
  // As another local API's Function URL would: the port after the main one.
  const blocker = await listen(main + 1);
  const buildDir = join(scratch, 'busy');
  try {
    const failure = await startLocalApi({ templatePath: SOURCES_TEMPLATE, port: main, host: HOST, buildDir, logger: quiet }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const message = describeStartFailure(failure, { host: HOST, port: main });
    expect(message).toContain(`Port ${main + 1} on ${HOST} is busy (the Function URL of UrlFunction, after the main port ${main})`);
    // main + 1 is taken: a suggestion of main + 1 or main would collide again; main + 2 leaves P+3, P+4 for the URLs.
    expect(message).toContain(`npm start -- --port ${main + 2}`);
    expect(existsSync(buildDir)).toBe(false);
  } finally {
    await close(blocker);
  }
});

it('gives each Function URL the same port at every start with the same template, in template order', async () => {
  const main = await freeBlock();
  const urlsOfOneStart = async () => {
    const api = await startLocalApi({
      templatePath: SOURCES_TEMPLATE,
      port: main,
      host: HOST,
      buildDir: join(scratch, 'stable'),
      logger: quiet,
    });
    const urls = api.functionUrls();
    await api.close();
    return urls;
  };
  const first = await urlsOfOneStart();
  expect(first).toEqual(
    new Map([
      ['UrlFunction', `http://${HOST}:${main + 1}`],
      ['StreamFunction', `http://${HOST}:${main + 2}`],
    ]),
  );
  expect(await urlsOfOneStart()).toEqual(first);
});
