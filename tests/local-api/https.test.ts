import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_TEMPLATE, startTestApi, type TestApi } from './start-test-api';

// --ssl-cert-file and --ssl-key-file: the local API over HTTPS, with a certificate made here for 127.0.0.1.
let dir: string;
let api: TestApi;
let cert: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-api-tls-'));
  const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  cert = await readFile(certFile);
  api = await startTestApi({ templatePath: AUTH_TEMPLATE, tls: { certFile, keyFile } });
});

afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A GET that trusts only the test's certificate, so a plain-HTTP answer or another certificate fails it. */
function getTrusting(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { ca: cert, headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('HTTPS', () => {
  it('serves on an https:// URL with the given certificate', async () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await getTrusting(`${api.url}/health`);
    expect(answer.status).toBe(200);
    const event = (JSON.parse(answer.body) as { event: { headers: Record<string, string> } }).event;
    expect(event.headers['X-Forwarded-Proto']).toBe('https');
  });

  it('runs authorizers and static files over it too', async () => {
    expect((await getTrusting(`${api.url}/orders/1`)).status).toBe(401);
    expect((await getTrusting(`${api.url}/index.html`)).body).toContain('<h1>shop</h1>');
  });
});
