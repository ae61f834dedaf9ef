import { rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { sendRequest } from './send-request';
import { AUTH_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// --static-dir: the template folder's public/ served at `/`, ahead of the APIs, and nothing outside it.
let api: TestApi;

// A link inside public/ that points at the template beside it: its target is outside the folder.
const LINK = join(dirname(AUTH_TEMPLATE), 'public', 'template-link.yaml');

beforeAll(async () => {
  rmSync(LINK, { force: true });
  symlinkSync(join('..', 'template.yaml'), LINK);
  api = await startTestApi({ templatePath: AUTH_TEMPLATE });
});

afterAll(async () => {
  await api.close();
  rmSync(LINK, { force: true });
});

/** A request target sent byte for byte: an HTTP client would tidy `..` away before it left. */
function sendRawTarget(target: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

describe('static files', () => {
  it('does not follow a symbolic link in public/ to a file outside it', async () => {
    const answer = await sendRequest(`${api.url}/template-link.yaml`);
    expect(answer.status).not.toBe(200);
    expect(answer.text).not.toContain('AWSTemplateFormatVersion');
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8', '<h1>shop</h1>'],
    ['/css/site.css', 'text/css; charset=utf-8', 'color: teal'],
  ])('serves %s from public/ with its type', async (path, type, content) => {
    const answer = await sendRequest(`${api.url}${path}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.text).toContain(content);
  });

  it('leaves paths that are no file to the APIs', async () => {
    expect((await sendRequest(`${api.url}/health`)).status).toBe(200);
    // The HTTP API's $default stage owns what no REST route takes: its Not Found.
    expect((await sendRequest(`${api.url}/missing.html`)).status).toBe(404);
  });

  it.each([
    '/../template.yaml',
    '/%2e%2e/template.yaml',
    '/css/..%2f..%2ftemplate.yaml',
    '/..%5ctemplate.yaml',
    '/css/%2e%2e/%2e%2e/shop.ts',
    '/index.html%00.css',
  ])('never serves a file outside public/ for %s', async (target) => {
    const answer = await sendRawTarget(target);
    expect(answer.status).not.toBe(200);
    expect(answer.text).not.toContain('AWSTemplateFormatVersion');
    expect(answer.text).not.toContain('export async function handler');
  });

  it('serves nothing when --static-dir names a folder that does not exist', async () => {
    const none = await startTestApi({ templatePath: AUTH_TEMPLATE, staticDir: 'no-such-folder' });
    try {
      expect((await sendRequest(`${none.url}/index.html`)).status).toBe(404);
    } finally {
      await none.close();
    }
  });
});
