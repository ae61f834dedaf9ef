import { sendRequest } from './send-request';
import { FIXTURE_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// API Gateway's limits on what precedes the body: the URL's length and the headers' combined size.
// Each file starts its own local API (its own template, its own console): the lifecycle lines repeat by design.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const HEADERS_TOO_LARGE = { message: 'Request Header Fields Too Large' };
const URI_TOO_LONG = { message: 'Request URI too long' };

/** A header whose line (`name: value\r\n`) takes `bytes` bytes. */
function headerOfLine(bytes: number): Record<string, string> {
  const name = 'x-filler';
  return { [name]: 'a'.repeat(bytes - name.length - 4) };
}

const query = (count: number): string => Array.from({ length: count }, (_, i) => `p${i}=${i}`).join('&');

describe('the combined size of the request headers', () => {
  it('reaches the function just under 10,240 bytes', async () => {
    const answer = await sendRequest(`${api.url}/echo/heads`, { headers: headerOfLine(9_500) });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['between API Gateway and Node limits', 12_000],
    ['past the size Node parses', 40_000],
    ['far past it', 200_000],
  ])('%s (%i bytes) answers 431 without invoking the function', async (_, bytes) => {
    const answer = await sendRequest(`${api.url}/echo/heads-${bytes}`, { headers: headerOfLine(bytes) });
    expect(answer.status).toBe(431);
    expect(answer.json()).toEqual(HEADERS_TOO_LARGE);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(api.lines.some((line) => line.includes(`heads-${bytes}`) && / \d{3} \d+ ms [A-Z]/.test(line))).toBe(false);
  });
});

describe('the length of the URL', () => {
  it('reaches the function with a query just under 8,192 characters', async () => {
    const path = `/echo/url?${'q='.padEnd(8_000, 'x')}`;
    const answer = await sendRequest(`${api.url}${path}`);
    expect(answer.status).toBe(200);
  });

  it('answers 414 past 8,192 characters without invoking the function', async () => {
    const answer = await sendRequest(`${api.url}/echo/long?${'q='.padEnd(9_000, 'x')}`);
    expect(answer.status).toBe(414);
    expect(answer.json()).toEqual(URI_TOO_LONG);
    expect(api.lines.find((line) => line.startsWith('GET /echo/long'))).toMatch(/ 414 \d+ ms -$/);
  });

  // Koa's query parser is quadratic (seconds for 20,000 parameters); the URL limit keeps such a
  // query from any function, locally as in the cloud.
  it('refuses a query of 20,000 parameters with 414 before any function parses it', async () => {
    const answer = await sendRequest(`${api.url}/echo/many?${query(20_000)}`);
    expect(answer.status).toBe(414);
    expect(answer.json()).toEqual(URI_TOO_LONG);
    expect(api.lines.some((line) => line.includes('/echo/many') && / \d{3} \d+ ms [A-Z]/.test(line))).toBe(false);
  });
});
