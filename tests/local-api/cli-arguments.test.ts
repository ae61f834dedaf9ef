import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` as a user mistypes it: each slip is answered with its fix and the usage text.
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const RECORD_LOADS = join(__dirname, 'fixtures', 'record-loads.cjs');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'local-api-cli-args-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The variables of the test runner's own npm are left out: each case sets what npm would.
const cleanEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_config_') && name !== 'PORT'));

function runCli(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  const child = spawn(TSX, ['dev/local-api/cli.ts', ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env } });
  const exit: Exit = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (exit.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (exit.stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...exit, code })));
}

describe.each([
  // `npm start --port 3100`: npm keeps --port (npm_config_port=true) and passes 3100 alone.
  [
    'flags given to npm start without --',
    ['3100'],
    { npm_config_port: 'true' },
    'npm passes flags to the script only after --: npm start -- --port 3100',
  ],
  ['a mistyped flag', ['--prot', '3100'], {}, '--prot is not an option: did you mean --port?'],
  ['a mistyped flag given to npm start without --', ['3100'], { npm_config_prot: 'true' }, 'did you mean --port? '],
  ['a stray value', ['--port', '3100', 'extra'], {}, "Unexpected argument 'extra'"],
])('%s', (_slip, args, env, fix) => {
  let exit: Exit;

  beforeAll(async () => {
    exit = await runCli(args, env);
  });

  it('is answered with its fix and the usage, and exits with 1', () => {
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(fix);
    expect(exit.stderr).toContain('Usage: npm start -- [--port 3000]');
  });
});

it('also names the whole fixed command for a mistyped flag given to npm start without --', async () => {
  const exit = await runCli(['3100'], { npm_config_prot: 'true' });
  expect(exit.stderr).toContain('npm start -- --port 3100');
});

it('--help loads nothing of the server (its modules, the YAML reader), so it answers at once', async () => {
  const recordIn = async (name: string) => {
    const dir = join(scratch, name);
    await mkdir(dir);
    return { NODE_OPTIONS: `--require ${RECORD_LOADS}`, RECORD_LOADS_TO: dir };
  };
  const loadsIn = async (name: string) => {
    const dir = join(scratch, name);
    const files = await readdir(dir);
    const lists = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as string[]));
    return lists.flat();
  };
  const help = await runCli(['--help'], await recordIn('help'));
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: npm start --');
  // The control: a start that gets as far as the template loads both.
  const start = await runCli(['--template', join(scratch, 'missing.yaml'), '--port', '0'], await recordIn('start'));
  expect(start.code).toBe(1);
  // (esbuild is no sign: tsx itself loads it to compile the CLI.)
  const server = (loads: string[]) => loads.filter((name) => name === 'yaml' || /start-local-api(\.js)?$/.test(name));
  expect(server(await loadsIn('start'))).toEqual(expect.arrayContaining(['yaml']));
  expect(server(await loadsIn('help'))).toEqual([]);
});
