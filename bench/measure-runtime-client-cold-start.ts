// Cold start as Lambda counts it: the real runtime interface client (aws-lambda-ric) on Node 24
// against the project's local Runtime API, from spawning the process to the first response posted.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findNode24, RUNTIME_CLIENT_ENTRY } from '../dev/runtime-client/install-runtime-client';
import { FUNCTION_ENV } from '../dev/runtime-client/function-environment';
import { startRuntimeApi, type Outcome } from '../dev/runtime-client/start-runtime-api';
import { checkResult, type Verdict } from './check-result';
import type { ColdStartSubject } from './measure-cold-start';
import { rotate } from './stats';

export interface RuntimeClientColdStartSample {
  /** Spawn to the client's first `GET /invocation/next`: Lambda's INIT phase. */
  readonly initMs: number;
  /** That request to the first response's body fully received: the first invoke. */
  readonly firstInvokeMs: number;
  /** Spawn to the response received. */
  readonly totalMs: number;
  /** VmHWM of the client process once it has answered. */
  readonly peakRssKb: number;
  readonly verdict: Verdict;
}

/** The Node 24 binary and the client's entry script the measured processes run. */
export interface RuntimeClient {
  readonly node: string;
  readonly entry: string;
}

// Long enough for a cold start on a loaded machine; a hung client is reported, not waited for.
const TIMEOUT_MS = 30_000;

/** The installed client and Node 24, or one line saying what is missing and how to get it. */
export function findRuntimeClient(): RuntimeClient | string {
  // The install copies its compiled addon last: without it the install did not finish.
  if (!existsSync(path.join(path.dirname(RUNTIME_CLIENT_ENTRY), 'rapid-client.node')))
    return 'aws-lambda-ric is not installed in .build/runtime-client/ (`npm run test:runtime-client` installs it)';
  try {
    return { node: findNode24(), entry: RUNTIME_CLIENT_ENTRY };
  } catch (error) {
    return `no Node 24 (\`npx -y -p node@24\` failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

const failed = (verdict: string): RuntimeClientColdStartSample => ({
  initMs: Number.NaN,
  firstInvokeMs: Number.NaN,
  totalMs: Number.NaN,
  peakRssKb: Number.NaN,
  verdict,
});

/** VmHWM (peak resident set) of a live process, in KB; NaN where /proc is not there. */
function readPeakRssKb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    return Number(/^VmHWM:\s*(\d+)\s*kB/m.exec(status)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/** The framework floor's `written` Buffers arrive as JSON's `{ type: 'Buffer', data }`; checkResult wants bytes. */
function restoreWritten(result: unknown): unknown {
  const written = (result as { written?: unknown } | null)?.written;
  if (!Array.isArray(written)) return result;
  return { ...(result as object), written: written.map((chunk: { data: number[] }) => Buffer.from(chunk.data)) };
}

function judge(outcome: Outcome, subject: ColdStartSubject): Verdict {
  if (outcome.kind === 'error') return `invocation error: ${outcome.body.toString('utf8').slice(0, 200)}`;
  return checkResult(restoreWritten(outcome.json), subject.expected);
}

/**
 * One cold start under the runtime client: a fresh Runtime API with the first invocation queued,
 * the client spawned with the environment Lambda gives a nodejs24.x function, then stopped once it
 * answered. A crash, an init error, a timeout or a wrong answer comes back as the verdict.
 */
export async function measureRuntimeClientColdStartOnce(
  subject: ColdStartSubject,
  client: RuntimeClient,
): Promise<RuntimeClientColdStartSample> {
  const input = JSON.parse(readFileSync(subject.inputFile, 'utf8')) as { value: unknown };
  const taskRoot = path.dirname(subject.bundle);
  const api = await startRuntimeApi();
  const nextAt = api.nextRequested(1).then(() => performance.now());
  const answered = api.invoke({ event: input.value }).then((outcome) => ({ outcome, at: performance.now() }));
  const stderr: string[] = [];

  const startedAt = performance.now();
  const child = spawn(client.node, [client.entry], {
    cwd: taskRoot,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      ...FUNCTION_ENV,
      // What the template's Globals set, as the in-process cold start does.
      NODE_ENV: 'production',
      LAMBDA_TASK_ROOT: taskRoot,
      _HANDLER: `${path.basename(subject.bundle, path.extname(subject.bundle))}.handler`,
      AWS_LAMBDA_RUNTIME_API: api.address,
      ...subject.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<string>((resolve) => child.once('close', (code, signal) => resolve(`exit ${String(code ?? signal)}`)));

  let timer: NodeJS.Timeout | undefined;
  const stopped = Promise.race([
    exited.then((how) => `the client ended (${how}) before answering: ${stderr.join('').slice(-300)}`),
    api.initError.then((post) => `init error: ${post.body.toString('utf8').slice(0, 200)}`),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer in ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS))),
  ]);
  try {
    const ended = await Promise.race([answered, stopped]);
    if (typeof ended === 'string') return failed(ended);
    const peakRssKb = readPeakRssKb(child.pid);
    const initAt = await nextAt;
    return {
      initMs: initAt - startedAt,
      firstInvokeMs: ended.at - initAt,
      totalMs: ended.at - startedAt,
      peakRssKb,
      verdict: judge(ended.outcome, subject),
    };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await api.close();
  }
}

/**
 * Cold starts under the runtime client, interleaved as the in-process ones are: each run starts
 * every subject once, in a rotated order, one process at a time.
 */
export async function measureRuntimeClientColdStarts(
  subjects: readonly ColdStartSubject[],
  runs: number,
  client: RuntimeClient,
  onRun: (run: number) => void,
): Promise<Map<string, RuntimeClientColdStartSample[]>> {
  const samples = new Map<string, RuntimeClientColdStartSample[]>(subjects.map((subject) => [subject.id, []]));
  for (let run = 0; run < runs; run += 1) {
    onRun(run);
    for (const subject of rotate(subjects, run)) samples.get(subject.id)?.push(await measureRuntimeClientColdStartOnce(subject, client));
  }
  return samples;
}
