import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openStream } from './read-stream';
import { sendRequest } from './send-request';
import { accessLineFor, linesMatching, startTestApi, type TestApi } from './start-test-api';

// One instance per function, so that the request after a client left reaches the same instance,
// or a fresh one when the first did not survive.
const TEMPLATE = join(__dirname, 'fixtures', 'stream', 'template.yaml');
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'local-client-leaves-'));
  api = await startTestApi({ templatePath: TEMPLATE, maxInstances: 1 });
});

afterAll(async () => {
  await api.close();
  rmSync(scratch, { recursive: true, force: true });
});

it("a client that leaves a plain awslambda stream (no 'error' listener) leaves the instance warm for the next request", async () => {
  // The flood case writes until its stream is destroyed, with no 'error' listener, as most handlers do.
  const progress = join(scratch, 'progress');
  const response = await openStream(`${api.url}/cases/flood?progress=${encodeURIComponent(progress)}&total=${64 * 1024 * 1024}`);
  await new Promise<void>((resolve) => {
    response.message.once('data', () => resolve());
    response.message.resume();
  });
  response.message.destroy();

  const next = await sendRequest(`${api.url}/cases/prelude`);
  expect(next.status).toBe(201);
  expect(accessLineFor(api.lines, 'GET', '/cases/prelude')).toMatch(/ StreamCasesFunction warm$/);
  expect(JSON.parse(readFileSync(progress, 'utf8'))).not.toHaveProperty('done');
});

it('an instance that crashes between invocations is logged with its function name', async () => {
  const answer = await sendRequest(`${api.url}/cases/crash-later`);
  expect(answer.status).toBe(200);
  const [line] = await linesMatching(api, (each) => each.includes('crashed after the answer'));
  expect(line).toMatch(/^StreamCasesFunction: /);
});
