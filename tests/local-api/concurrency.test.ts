import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate } from '../../dev/sam-model/read-template';
import { sendRequest } from './send-request';
import { REAL_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// The repository's own template and functions, under a burst of concurrent requests.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: REAL_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const apps = readTemplate(REAL_TEMPLATE).functions.map(appNameOf);

it("serves 200 concurrent requests across every function's ping route with none failing", async () => {
  const paths = Array.from({ length: 200 }, (_, i) => apps[i % apps.length] as string);
  const answers = await Promise.all(paths.map((framework) => sendRequest(`${api.url}/${framework}/ping`)));

  const failures = answers.filter((answer) => answer.status !== 200);
  expect(failures).toEqual([]);
  answers.forEach((answer, i) => {
    expect(answer.json()).toEqual({ from: paths[i], message: expect.any(String) });
  });
  expect(api.errors).toEqual([]);
});
