import { sendRequest } from './send-request';
import { lineSaying, serveHotCopy, type HotCopy, type TestApi } from './start-test-api';

// Edits a copy of the hot fixture's template.yaml while the local API serves it: a new function needs no restart.
let hot: HotCopy;
let api: TestApi;
let original: string;

beforeAll(async () => {
  hot = await serveHotCopy('local-api-template-');
  ({ api, original } = hot);
});

afterAll(() => hot.close());

// The fixture's function again, under another name and path.
const withSecondFunction = (text: string): string =>
  `${text}\n  SecondFunction:\n${/^ {2}HotFunction:\n((?: {4}.*\n)+)/m.exec(text)?.[1]?.replace('Path: /message', 'Path: /second') ?? ''}`;

it('serves a function added to template.yaml without a restart, says what changed, and keeps serving through a broken save', async () => {
  expect((await sendRequest(`${api.url}/second`)).status).toBe(403);

  await hot.saveTemplate(withSecondFunction(original));
  expect(await lineSaying(api, 'template.yaml changed')).toBe(
    'template.yaml changed: SecondFunction added; route GET /second -> SecondFunction added',
  );
  const second = await sendRequest(`${api.url}/second`);
  expect(second.status).toBe(200);
  expect(second.text).toBe('one');

  await hot.saveTemplate(`${original}\n  Broken: [\n`);
  expect(await lineSaying(api, 'cannot be served')).toMatch(
    /^template\.yaml changed but cannot be served; still serving the last version:\n\S/,
  );
  expect((await sendRequest(`${api.url}/second`)).status).toBe(200);

  await hot.saveTemplate(original);
  await lineSaying(api, 'SecondFunction removed');
  expect((await sendRequest(`${api.url}/second`)).status).toBe(403);
  expect((await sendRequest(`${api.url}/message`)).text).toBe('one');
});
