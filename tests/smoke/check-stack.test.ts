import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkPing } from '../../dev/smoke/check-ping';
import { readPingUrls } from '../../dev/smoke/read-ping-urls';

const outputs = (keys: string[]): string =>
  JSON.stringify(keys.map((key) => ({ OutputKey: key, OutputValue: `https://api.example/dev/${key}`, Description: '' })));

const APPS = ['express', 'koa', 'fastify'];

describe('readPingUrls', () => {
  it('finds the three ping URLs among the stack outputs', () => {
    const targets = readPingUrls(outputs(['APIGWEndpoint', 'ExpressPingUrl', 'KoaPingUrl', 'FastifyPingUrl']), APPS);
    expect(targets.map((target) => target.framework)).toEqual(['express', 'koa', 'fastify']);
    expect(targets[1]?.url).toBe('https://api.example/dev/KoaPingUrl');
  });

  it('names the outputs a stack lacks', () => {
    expect(() => readPingUrls(outputs(['ExpressPingUrl']), APPS)).toThrow('KoaPingUrl, FastifyPingUrl');
  });
});

describe('checkPing against a real HTTP server', () => {
  let server: Server;
  let base: string;
  const answers: Record<string, { status: number; type: string; body: string }> = {
    '/good': { status: 200, type: 'application/json; charset=utf-8', body: '{"from":"koa","message":"Wed Nov  5 08:34:08 UTC 2026"}' },
    '/wrong-from': { status: 200, type: 'application/json', body: '{"from":"express","message":"Wed Nov  5 08:34:08 UTC 2026"}' },
    '/iso-date': { status: 200, type: 'application/json', body: '{"from":"koa","message":"2026-11-05T08:34:08Z"}' },
    '/forbidden': { status: 403, type: 'application/json', body: '{"message":"Missing Authentication Token"}' },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const answer = answers[req.url ?? ''] ?? { status: 404, type: 'text/plain', body: 'no' };
      res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['/good', true, '"from":"koa"'],
    ['/wrong-from', false, 'from is "express"'],
    ['/iso-date', false, 'not a UnixDate'],
    ['/forbidden', false, 'status 403'],
  ])('%s is ok=%s', async (path, ok, detail) => {
    const check = await checkPing({ framework: 'koa', url: `${base}${path}` });
    expect(check.ok).toBe(ok);
    expect(check.detail).toContain(detail);
  });

  it('reports an unreachable URL instead of throwing', async () => {
    const check = await checkPing({ framework: 'koa', url: 'http://127.0.0.1:9/ping' }, 2000);
    expect(check.ok).toBe(false);
  });
});

describe('make smoke without a working SAM CLI', () => {
  const tsx = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const script = join(__dirname, '..', '..', 'dev', 'smoke', 'check-stack.ts');
  let binDir: string;

  beforeAll(async () => {
    binDir = await mkdtemp(join(tmpdir(), 'smoke-bin-'));
  });
  afterAll(() => rm(binDir, { recursive: true, force: true }));

  const runSmoke = (path: string) =>
    spawnSync(process.execPath, [tsx, script, '--stack-name', 'some-stack'], { encoding: 'utf8', env: { ...process.env, PATH: path } });

  it('says the SAM CLI is missing, in one line, and exits 1', () => {
    const run = runSmoke(binDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the AWS SAM CLI is not installed');
    expect(run.stderr).not.toContain('ENOENT');
  });

  it("prints sam's own error once when sam fails", async () => {
    const sam = join(binDir, 'sam');
    await writeFile(sam, '#!/bin/sh\necho "Error: Stack does not exist" >&2\nexit 1\n');
    await chmod(sam, 0o755);
    const run = runSmoke(binDir);
    expect(run.status).toBe(1);
    expect(run.stderr.split('Stack does not exist')).toHaveLength(2);
    expect(run.stderr).toContain('sam list stack-outputs failed for stack some-stack');
  });
});
