import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_MISMATCH_WARNING } from '../../dev/lambda-runtime/describe-node-mismatch';
import { sendRequest } from './send-request';

// `npm start` as a user runs it: the command line, its banner, and its errors.
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-api-cli-'));
  await cp(join(__dirname, 'fixtures', 'hot'), workDir, { recursive: true });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
}

/** Starts the CLI and resolves once it has printed its banner, or has exited. */
function startCli(args: string[]): Promise<Run & { exitCode: number | null }> {
  const child = spawn(TSX, ['dev/local-api/cli.ts', '--template', join(workDir, 'template.yaml'), ...args], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'PORT')),
  });
  const run = { child, stdout: '', stderr: '', exitCode: null as number | null };
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (run.stdout.includes('Ctrl+C stops')) resolve(run);
    });
    let rawStderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      rawStderr += chunk.toString();
      // The suite runs on Node 22 as well as 24: that warning depends on the Node running it, not on the test.
      run.stderr = rawStderr
        .split('\n')
        .filter((line) => !line.startsWith(NODE_MISMATCH_WARNING))
        .join('\n');
    });
    child.on('exit', (code) => {
      run.exitCode = code;
      resolve(run);
    });
  });
}

function stopCli(run: Run): Promise<void> {
  if (run.child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => run.child.once('exit', () => resolve()));
  run.child.kill('SIGTERM');
  return exited;
}

describe('--host 0.0.0.0', () => {
  let run: Awaited<ReturnType<typeof startCli>>;

  beforeAll(async () => {
    run = await startCli(['--host', '0.0.0.0', '--port', '0']);
  });

  afterAll(async () => {
    await stopCli(run);
  });

  it('warns in one line that the development server is exposed to the network', () => {
    const warnings = `${run.stdout}${run.stderr}`.split('\n').filter((line) => /^Warning:/.test(line));
    expect(warnings).toEqual([expect.stringMatching(/0\.0\.0\.0.*network.*development server/)]);
  });

  it('shows URLs on a reachable address, not http://0.0.0.0, and they answer', async () => {
    expect(run.stdout).not.toContain('http://0.0.0.0');
    const url = /http:\/\/127\.0\.0\.1:\d+\/message/.exec(run.stdout)?.[0];
    expect(url).toBeDefined();
    const answer = await sendRequest(url as string);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('one');
  });
});

describe('a busy port', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('says which port is busy and how to choose another, and exits with 1', async () => {
    const run = await startCli(['--port', String(port)]);
    await stopCli(run);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is busy`);
    expect(run.stderr).toContain(`PORT=${port + 1} npm start`);
    expect(run.stderr).toContain(`npm start -- --port ${port + 1}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('as the debugger port, says so and how to choose another, and exits with 1', async () => {
    const run = await startCli(['--port', '0', `--inspect=127.0.0.1:${port}`]);
    await stopCli(run);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`The debugger cannot listen on 127.0.0.1:${port}`);
    expect(run.stderr).toContain(`npm start -- --inspect=${port + 1}`);
  });
});

describe('--inspect', () => {
  let run: Awaited<ReturnType<typeof startCli>>;

  beforeAll(async () => {
    run = await startCli(['--port', '0', '--inspect=127.0.0.1:0']);
  });

  afterAll(async () => {
    await stopCli(run);
  });

  it('says in the banner where the debugger listens and how to attach from VS Code', () => {
    expect(run.stdout).toMatch(/^Debugger: listening on ws:\/\/127\.0\.0\.1:\d+\/\S+\. In VS Code, run "Attach to the local API"/m);
    expect(run.stdout).toContain('Function timeouts are off while debugging.');
  });
});

describe('options that cannot be used', () => {
  it.each([
    [
      'a parameter the template does not declare',
      ['--parameter-overrides', 'Stage=qa'],
      /^parameter override Stage: the template declares no such parameter \(it declares none\)$/,
    ],
    ['a malformed parameter override', ['--parameter-overrides', 'Stage'], /^--parameter-overrides: "Stage" is neither Name=value/],
    ['a missing env vars file', ['--env-vars', 'missing-env.json'], /^--env-vars \S+missing-env\.json: no such file$/],
    ['a debug port that is not a port', ['--debug-port', 'abc'], /^--debug-port: not a port: abc$/],
  ])('stops at %s with a one-line message and exit code 1', async (_name, args, message) => {
    const run = await startCli(['--port', '0', ...args]);
    await stopCli(run);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
