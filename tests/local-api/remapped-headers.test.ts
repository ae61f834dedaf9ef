import { sendRequest, type Answer } from './send-request';
import { FIXTURE_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// A REST API's Lambda proxy integration renames or drops some of the function's response headers,
// as API Gateway's "important notes for REST APIs" list them. The fixture function sets each one.
let api: TestApi;
let answer: Answer;

beforeAll(async () => {
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE });
  answer = await sendRequest(`${api.url}/echo/remapped-headers`);
});

afterAll(async () => {
  await api.close();
});

it('keeps the status and body of the function', () => {
  expect(answer.status).toBe(401);
  expect(answer.text).toBe('who are you?');
});

it.each([
  ['WWW-Authenticate', 'Bearer realm="local"'],
  ['Authorization', 'Bearer abc'],
  ['Connection', 'keep-alive'],
  ['Content-MD5', 'bG9jYWw='],
  ['Date', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ['Max-Forwards', '3'],
  ['Server', 'echo/1.0'],
  ['User-Agent', 'echo'],
])('%s arrives as x-amzn-Remapped-<name>, its value %j kept', (name, value) => {
  expect(answer.headers[`x-amzn-remapped-${name.toLowerCase()}`]).toBe(value);
});

it.each(['WWW-Authenticate', 'Authorization', 'Content-MD5', 'Max-Forwards', 'Server', 'User-Agent'])(
  '%s itself does not arrive',
  (name) => {
    expect(answer.headers[name.toLowerCase()]).toBeUndefined();
  },
);

it("Date is the gateway's own, not the function's", () => {
  expect(answer.headers.date).toEqual(expect.any(String));
  expect(answer.headers.date).not.toBe('Wed, 21 Oct 2015 07:28:00 GMT');
});

it.each(['Expect', 'Host', 'Proxy-Authenticate', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'Via'])('%s is dropped', (name) => {
  expect(answer.headers[name.toLowerCase()]).toBeUndefined();
  expect(answer.headers[`x-amzn-remapped-${name.toLowerCase()}`]).toBeUndefined();
});

it.each([
  ['Age', '5'],
  ['Pragma', 'no-cache'],
  ['Content-Type', 'text/plain'],
  ['X-Custom', 'kept'],
])('%s passes as the function set it', (name, value) => {
  expect(answer.headers[name.toLowerCase()]).toBe(value);
});
