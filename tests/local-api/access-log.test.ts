import { connect } from 'node:net';
import { sendRequest } from './send-request';
import { FIXTURE_TEMPLATE, linesMatching, startTestApi, type TestApi } from './start-test-api';

// What the local API prints about each request: enough to follow it, nothing a query carries.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE });
});

afterAll(async () => {
  await api.close();
});

const linesAbout = (path: string): string[] => api.lines.filter((line) => line.includes(path));

describe('the query string', () => {
  it('is logged with each value masked', async () => {
    await sendRequest(`${api.url}/echo/query?token=s3cr3t-token&page=2`);
    expect(linesAbout('/echo/query')).toEqual([
      expect.stringMatching(/^GET \/echo\/query\?token=\*\*\*&page=\*\*\* 200 \d+ ms EchoFunction (cold|warm)$/),
    ]);
    expect(api.lines.join('\n')).not.toContain('s3cr3t');
  });

  it('stays out of the error line of a function that fails', async () => {
    const answer = await sendRequest(`${api.url}/misbehave/throw?token=s3cr3t-too`);
    expect(answer.status).toBe(502);
    expect(api.errors.some((line) => line.includes('/misbehave/throw') && line.includes('thrown on purpose'))).toBe(true);
    expect(api.lines.join('\n')).not.toContain('s3cr3t-too');
  });

  it('stays out of the line of a request API Gateway refuses', async () => {
    await sendRequest(`${api.url}/nowhere?token=s3cr3t-three`);
    expect(linesAbout('/nowhere')).toEqual([expect.stringMatching(/^GET \/nowhere\?token=\*\*\* 403 \d+ ms -$/)]);
    expect(api.lines.join('\n')).not.toContain('s3cr3t-three');
  });
});

it('logs a client that aborts mid-body as one line without a stack, and does not invoke the function', async () => {
  const { port } = new URL(api.url);
  const socket = connect(Number(port), '127.0.0.1');
  // `100 Continue` tells the client that the server has the headers and is reading the body.
  const continued = new Promise((resolve) => socket.once('data', resolve));
  socket.write(
    'POST /echo/aborted HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
  );
  await continued;
  socket.write('only ten b');
  socket.destroy();

  const lines = await linesMatching(api, (line) => line.includes('/echo/aborted'));
  expect(lines).toEqual([expect.stringMatching(/^POST \/echo\/aborted aborted \d+ ms - \(the client closed the connection mid-body\)$/)]);
  expect(api.lines.join('\n')).not.toMatch(/\n\s+at /);
});
