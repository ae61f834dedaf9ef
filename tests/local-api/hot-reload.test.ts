import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRequest } from './send-request';
import { startTestApi, type TestApi } from './start-test-api';

// Edits a copy of the fixture while the local API serves it: no restart, no manual build.
let workDir: string;
let api: TestApi;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-api-hot-'));
  await cp(join(__dirname, 'fixtures', 'hot'), workDir, { recursive: true });
  api = await startTestApi({ templatePath: join(workDir, 'template.yaml'), buildDir: join(workDir, '.build') });
});

afterAll(async () => {
  await api.close();
  await rm(workDir, { recursive: true, force: true });
});

const editMessage = (source: string): Promise<void> => writeFile(join(workDir, 'message.ts'), source);

it('answers with the edited code on the next request, 502 while it does not build, and recovers', async () => {
  const first = await sendRequest(`${api.url}/message`);
  expect(first.status).toBe(200);
  expect(first.text).toBe('one');

  await editMessage("export const message = 'two';\n");
  const second = await sendRequest(`${api.url}/message`);
  expect(second.text).toBe('two');

  await editMessage("export const message = 'three;\n");
  const broken = await sendRequest(`${api.url}/message`);
  expect(broken.status).toBe(502);
  expect(broken.json()).toEqual({ message: 'Internal server error' });
  expect(api.errors.some((line) => line.includes('HotFunction: build failed') && line.includes('message.ts'))).toBe(true);

  await editMessage("export const message = 'four';\n");
  const fixed = await sendRequest(`${api.url}/message`);
  expect(fixed.status).toBe(200);
  expect(fixed.text).toBe('four');
});
