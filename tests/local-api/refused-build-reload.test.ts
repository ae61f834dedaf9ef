import { sendRequest } from './send-request';
import { linesMatching, serveHotCopy, type HotCopy, type TestApi } from './start-test-api';

// A template edit that esbuild refuses (a Target it does not know) must leave the last good
// version serving, and the next save must be tried again.
let hot: HotCopy;
let api: TestApi;
let original: string;

beforeAll(async () => {
  hot = await serveHotCopy('local-api-refused-');
  ({ api, original } = hot);
});

afterAll(() => hot.close());

const saveTemplate = (text: string) => hot.saveTemplate(text);

it('a build the template edit breaks leaves the last good version serving, and the next save is tried again', async () => {
  expect((await sendRequest(`${api.url}/message`)).text).toBe('one');

  await saveTemplate(original.replace('Target: node20', 'Target: nod24'));
  await linesMatching(api, (line) => line.includes('cannot be served; still serving the last version'));
  const during = await sendRequest(`${api.url}/message`);
  expect(during.status).toBe(200);
  expect(during.text).toBe('one');

  // A save that changes the function again is tried again, and served.
  await saveTemplate(original.replace('Target: node20', 'Target: node22'));
  await linesMatching(api, (line) => line === 'template.yaml changed: HotFunction changed');
  expect((await sendRequest(`${api.url}/message`)).text).toBe('one');

  // Breaking it again, then undoing the typo, serves the function without a restart.
  await saveTemplate(original.replace('Target: node20', 'Target: nod24'));
  await linesMatching(api, (line) => line.includes('cannot be served'), 2);
  await saveTemplate(original.replace('Target: node20', 'Target: node22'));
  const after = await sendRequest(`${api.url}/message`);
  expect(after.status).toBe(200);
  expect(after.text).toBe('one');
});

it('a template that does not parse is reported at the line of the mistake, and the save that fixes it says so', async () => {
  const broken = original.replace('            Path: /message', '              Path: /message');
  const mistakeLine = broken.split('\n').findIndex((line) => line === '              Path: /message') + 1;
  await saveTemplate(broken);
  const [refusal] = (await linesMatching(api, (line) => line.includes(`template.yaml line ${mistakeLine}:`))) as [string];
  expect(refusal).toMatch(/^template\.yaml changed but cannot be served; still serving the last version:\ntemplate\.yaml line \d+: /);

  await saveTemplate(original);
  await linesMatching(api, (line) => line.startsWith('template.yaml is good again and served'));
  expect((await sendRequest(`${api.url}/message`)).text).toBe('one');
});
