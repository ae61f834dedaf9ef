import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplate } from '../../dev/sam-model/read-template';
import { sampleEvents } from '../../dev/sample-events/sample-events';

// `npm run invoke` as a user runs it: a process per call, the result on standard output, the logs on
// standard error, and the exit code a script can test.
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const REAL_TEMPLATE = join(ROOT, 'template.yaml');
const FIXTURE_DIR = join(ROOT, 'tests', 'lambda-service', 'fixtures');
// A copy, since invoke builds into .build/ beside the template, and the fixtures stay clean.
let workDir: string;
let FIXTURE_TEMPLATE: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-invoke-'));
  await cp(FIXTURE_DIR, workDir, { recursive: true });
  FIXTURE_TEMPLATE = join(workDir, 'template.yaml');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function invoke(args: string[], stdin?: string): Promise<Run> {
  const child = spawn(TSX, ['dev/local-invoke/cli.ts', ...args], { cwd: ROOT });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr })));
}

const template = readTemplate(REAL_TEMPLATE);
const streaming = new Set(template.functions.filter((fn) => fn.responseStreaming).map((fn) => fn.logicalId));
const events = sampleEvents(template).map((event) => [event.functionId, event.file] as const);

describe('every function of template.yaml with its events file', () => {
  it.each(events.filter(([functionId]) => !streaming.has(functionId)))(
    '%s with events/%s prints its 200 result as one JSON document on standard output and exits 0',
    async (functionId, file) => {
      const run = await invoke([functionId, '--template', REAL_TEMPLATE, '-e', join('events', file)]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout.toString())).toMatchObject({ statusCode: 200 });
    },
  );

  it.each(events.filter(([functionId]) => streaming.has(functionId)))(
    '%s with events/%s writes its stream, prelude and NDJSON lines, to standard output and exits 0',
    async (functionId, file) => {
      const run = await invoke([functionId, '--template', REAL_TEMPLATE, '-e', join('events', file)]);
      expect(run.code).toBe(0);
      const [prelude, body] = run.stdout.toString().split('\0'.repeat(8));
      expect(JSON.parse(prelude ?? '')).toMatchObject({ statusCode: 200 });
      expect(
        (body ?? '')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { seq: number })
          .map((line) => line.seq),
      ).toEqual([1, 2, 3]);
    },
  );
});

describe('where the event comes from', () => {
  it.each([
    ['a built REST API event', ['-e', 'rest:GET:/express/ping'], 'express'],
    ['a built HTTP API event', ['-e', 'http:GET:/koa/ping'], 'koa'],
  ])('%s reaches the function', async (_case, args, from) => {
    const functionId = from === 'express' ? 'ExpressFunction' : 'KoaFunction';
    const run = await invoke([functionId, '--template', REAL_TEMPLATE, ...args]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout.toString()) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ from });
  });

  it.each([
    ['standard input', ['-e', '-'], '{"from":"stdin"}', { echoed: { from: 'stdin' } }],
    ['no event at all, which is {}', [], undefined, { echoed: {} }],
  ])('takes %s', async (_case, args, stdin, expected) => {
    const run = await invoke(['EchoFunction', '--template', FIXTURE_TEMPLATE, ...args], stdin);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.toString())).toEqual(expected);
  });
});

describe('standard output, standard error and the exit code', () => {
  it("keeps the function's log lines on standard error, the result alone on standard output", async () => {
    const run = await invoke(['EchoFunction', '--template', FIXTURE_TEMPLATE, '-e', '-'], '{"log":["a line for stderr"]}');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('a line for stderr');
    expect(JSON.parse(run.stdout.toString())).toEqual({ echoed: { log: ['a line for stderr'] } });
  });

  it("prints Lambda's error object on standard output and exits 1 when the function fails", async () => {
    const run = await invoke(['EchoFunction', '--template', FIXTURE_TEMPLATE, '-e', '-'], '{"fail":"on purpose"}');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.toString())).toMatchObject({ errorType: 'TypeError', errorMessage: 'on purpose' });
    expect(run.stderr).toContain('on purpose');
  });

  it.each([
    ['an event that is not JSON', ['EchoFunction', '-e', '-'], '{not json', /the event in standard input is not JSON/],
    [
      'an event file that does not exist',
      ['EchoFunction', '-e', 'no-such-event.json'],
      undefined,
      /cannot read the event from no-such-event.json/,
    ],
    ['an unknown function', ['NoSuchFunction'], undefined, /NoSuchFunction: no such function/],
    ['a flag out of range', ['EchoFunction', '--max-instances', 'none'], undefined, /--max-instances wants a positive integer/],
    ['no function', [], undefined, /Usage: npm run invoke/],
  ])('exits 2 with a clear message for %s, writing nothing to standard output', async (_case, args, stdin, message) => {
    const run = await invoke([...args, '--template', FIXTURE_TEMPLATE], stdin);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout.length).toBe(0);
  });
});
