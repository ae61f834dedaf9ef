import { sendRequest, type Answer } from './send-request';
import { SOURCES_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// Header and query names that are also the names of Object.prototype's members: API Gateway and
// Function URLs pass them through like any other name, so the local API must too.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: SOURCES_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const urlOf = (functionId: string): string => api.functionUrls().get(functionId) ?? '';

interface EchoedEvent {
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string> | null;
}

const ownValue = (map: Record<string, string> | null | undefined, name: string): string | undefined =>
  map && Object.hasOwn(map, name) ? map[name] : undefined;

// The fixture answers with the event it got; a streaming Function URL streams that whole result as JSON.
const eventOf = (answer: Answer): EchoedEvent => answer.json<EchoedEvent>();
const streamedEventOf = (answer: Answer): EchoedEvent => JSON.parse(answer.json<{ body: string }>().body) as EchoedEvent;

describe.each([
  ['REST API', () => `${api.url}/rest/ping`, eventOf],
  ['HTTP API, payload 2.0', () => `${api.url}/pets/dog/7`, eventOf],
  ['HTTP API, payload 1.0', () => `${api.url}/legacy/ana`, eventOf],
  ['Function URL', () => urlOf('UrlFunction'), eventOf],
  ['Function URL in RESPONSE_STREAM mode', () => urlOf('StreamFunction'), streamedEventOf],
])('%s', (_source, base, readEvent) => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a header named %s reaches the function like any other',
    async (name) => {
      const answer = await sendRequest(base(), { headers: { [name]: 'x' } });
      expect(answer.status).toBe(200);
      const event = readEvent(answer);
      const sent = Object.keys(event.headers).find((key) => key.toLowerCase() === name.toLowerCase());
      expect(sent === undefined ? undefined : event.headers[sent]).toBe('x');
    },
  );

  it.each(['constructor', '__proto__', 'toString'])('a query parameter named %s reaches the function like any other', async (name) => {
    const answer = await sendRequest(`${base()}?${name}=1`);
    expect(answer.status).toBe(200);
    expect(ownValue(readEvent(answer).queryStringParameters, name)).toBe('1');
  });
});
