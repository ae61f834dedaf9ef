import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSamconfig } from '../../dev/local-api/command-line/merge-samconfig';
import { sendRequest } from './send-request';

// samconfig.toml's [<env>.local_start_api.parameters], read as the SAM CLI reads it, with flags winning.
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-api-samconfig-'));
  await cp(join(__dirname, 'fixtures', 'hot'), workDir, { recursive: true });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `npm start`'s command until its banner is out; returns what it printed and a way to stop it. */
async function runCli(args: string[]): Promise<{ output: string; stop: () => Promise<void> }> {
  const child = spawn(TSX, ['dev/local-api/cli.ts', '--template', join(workDir, 'template.yaml'), ...args], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'PORT')),
  });
  let output = '';
  await new Promise<void>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl+C stops')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => resolve());
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return { output: output + '', stop };
}

describe('samconfig.toml', () => {
  let port: number;
  let configFile: string;

  beforeAll(async () => {
    port = await freePort();
    configFile = join(workDir, 'custom.toml');
    await writeFile(
      configFile,
      [
        'version = 0.1',
        '[dev.global.parameters]',
        'stack_name = "not-an-option-here"',
        '[dev.local_start_api.parameters]',
        `port = ${port}`,
        'warm_containers = "EAGER"',
        'docker_network = "lambda-net"',
        'skip_pull_image = true',
        'no_such_option = 1',
        '[default.local_start_api.parameters]',
        'port = 1',
      ].join('\n'),
    );
  });

  it('--config-env and --config-file pick the table: its port, EAGER instances, a note per Docker-only or unknown key', async () => {
    const run = await runCli(['--config-file', configFile, '--config-env', 'dev']);
    try {
      expect(run.output).toContain(`Options from ${configFile}`);
      expect(run.output).toContain(`http://127.0.0.1:${port}/message`);
      expect(run.output).toContain('HotFunction: instance started (--warm-containers EAGER)');
      expect(run.output).toContain('Note: --docker-network has no effect here');
      expect(run.output).toContain('Note: --skip-pull-image has no effect here');
      expect(run.output).toContain('no_such_option is not an option of the local API');
      expect(run.output).not.toContain('stack_name');
      const answer = await sendRequest(`http://127.0.0.1:${port}/message`);
      expect(answer.text).toBe('one');
    } finally {
      await run.stop();
    }
  });

  it('lets command-line flags win over the file', async () => {
    const run = await runCli(['--config-file', configFile, '--config-env', 'dev', '--port', '0', '--warm-containers', 'LAZY']);
    try {
      expect(run.output).not.toContain(`http://127.0.0.1:${port}/`);
      expect(run.output).not.toContain('instance started');
    } finally {
      await run.stop();
    }
  });

  it.each([
    [['--config-file', 'missing.toml'], 'no such file'],
    [['--config-file', 'CONFIG', '--config-env', 'qa'], 'has no [qa.*] tables'],
    [['--warm-containers', 'SOMETIMES'], 'EAGER or LAZY'],
    [['--ssl-cert-file', 'cert.pem'], 'go together'],
  ])('refuses %j: %s', async (args, message) => {
    const run = await runCli(['--port', '0', ...args.map((arg) => (arg === 'CONFIG' ? configFile : arg))]);
    await run.stop();
    expect(run.output).toContain(message);
  });
});

describe('merging samconfig.toml into the command line', () => {
  const options = {
    template: { type: 'string' },
    'parameter-overrides': { type: 'string', multiple: true },
    'disable-authorizer': { type: 'boolean' },
    port: { type: 'string' },
  } as const;
  const config = (values: Record<string, unknown>) => ({ file: 'samconfig.toml', values, ownKeys: new Set(Object.keys(values)) });

  it.each([
    ['template_file fills --template', {}, { template_file: 'api.yaml' }, { template: 'api.yaml' }],
    ['parameter_overrides as a string', {}, { parameter_overrides: 'A=1 B=2' }, { 'parameter-overrides': ['A=1 B=2'] }],
    ['parameter_overrides as a list', {}, { parameter_overrides: ['A=1', 'B=2'] }, { 'parameter-overrides': ['A=1', 'B=2'] }],
    ['a boolean', {}, { disable_authorizer: true }, { 'disable-authorizer': true }],
    ['a number as a flag takes it', {}, { port: 4000 }, { port: '4000' }],
    ['the command line wins', { port: '5000' }, { port: 4000 }, { port: '5000' }],
  ])('%s', (_case, given, values, expected) => {
    expect(mergeSamconfig(given, config(values), options).values).toEqual(expected);
  });
});
