import { readTemplate } from '../../dev/sam-model/read-template';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';
import { ndjsonLines, openStream, readStream } from './read-stream';
import { sendRequest } from './send-request';
import { REAL_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// The repository's streaming routes (`GET /<framework>/stream`, REST STREAM integrations) as
// `make local` serves them: the lines reach the client as each framework's app writes them.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: REAL_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const streamRoutes = readTemplate(REAL_TEMPLATE)
  .routes.filter((route) => route.responseStreaming)
  .map((route) => [route.path, route.functionId] as const);

it('the template has a streaming route per framework', () => {
  expect(streamRoutes.map(([path]) => path).sort()).toEqual(['/express/stream', '/fastify/stream', '/koa/stream']);
});

it.each(streamRoutes)("POST %s (%s) is API Gateway's 403, as README says: the template routes only GET there", async (path) => {
  const answer = await sendRequest(`${api.url}${path}`, { method: 'POST' });
  expect(answer.status).toBe(403);
  expect(answer.json()).toEqual({ message: 'Missing Authentication Token' });
});

it.each(streamRoutes)(
  'GET %s (%s) streams NDJSON in chunks as written: the first arrives before the app writes the last line',
  async (path) => {
    const framework = path.split('/')[1];
    const count = 4;
    const response = await openStream(`${api.url}${path}?count=${count}&intervalMs=300`);
    const read = await readStream(response);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(read.complete).toBe(true);
    const lines = ndjsonLines(read.body);
    expect(lines).toEqual(
      Array.from({ length: count }, (_, i) => ({
        from: framework,
        seq: i + 1,
        message: expect.stringMatching(UNIX_DATE_PATTERN) as unknown,
      })),
    );
    // Buffered, the whole body would come at once, after the last line was written.
    expect(ndjsonLines(read.chunks[0] ?? Buffer.alloc(0)).length).toBeLessThan(count);
    expect(read.chunks.length).toBeGreaterThan(1);
    expect(api.errors).toEqual([]);
  },
);
