import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FUNCTION_ENV } from '../../dev/runtime-client/function-environment';
import { RUNTIME_CLIENT_ENTRY, findNode24 } from '../../dev/runtime-client/install-runtime-client';
import { startRuntimeApi, type Invocation, type Outcome, type RuntimeApi } from '../../dev/runtime-client/start-runtime-api';

export interface RunningFunction {
  readonly api: RuntimeApi;
  /** Where the function's files are (LAMBDA_TASK_ROOT). */
  readonly taskRoot: string;
  /** The function's stdout and stderr lines, in order per stream; complete once `stop()` resolved. */
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code when the client process ends on its own (an init error ends it). */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface FunctionSpec {
  /** The task root: the directory the `Handler` string is resolved against. */
  readonly taskRoot: string;
  /** The `Handler` property, e.g. `handler.handler` or `src/app.routes.main`. */
  readonly handler: string;
  /** Added to (or overriding) FUNCTION_ENV, e.g. `AWS_LAMBDA_LOG_FORMAT: 'JSON'`. */
  readonly env?: Readonly<Record<string, string>>;
  /** The runtime's entry script; the real client's unless a test runs another runtime (the local API's) the same way. */
  readonly entry?: string;
}

function collectLines(into: string[]): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    into.push(...parts);
  };
}

/** Runs a handler under the real runtime interface client on Node 24, against a fresh local Runtime API. */
export async function launchRuntimeClient(spec: FunctionSpec): Promise<RunningFunction> {
  const api = await startRuntimeApi();
  const child = spawn(findNode24(), [spec.entry ?? RUNTIME_CLIENT_ENTRY], {
    cwd: spec.taskRoot,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...FUNCTION_ENV,
      LAMBDA_TASK_ROOT: spec.taskRoot,
      _HANDLER: spec.handler,
      AWS_LAMBDA_RUNTIME_API: api.address,
      ...spec.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', collectLines(stdout));
  child.stderr.on('data', collectLines(stderr));
  // 'close' (not 'exit') comes after the last byte of stdout and stderr was read, so the lines are complete.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  return {
    api,
    taskRoot: spec.taskRoot,
    stdout,
    stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await api.close();
    },
  };
}

/** A temp task root holding `files` (name -> source), removed by the returned cleanup. */
export async function writeTaskRoot(files: Readonly<Record<string, string>>): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ric-task-'));
  for (const [name, source] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, source);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `use` against a function made of `files`, then stops it and removes its files. */
export async function withFunction<T>(
  files: Readonly<Record<string, string>>,
  spec: Omit<FunctionSpec, 'taskRoot'>,
  use: (running: RunningFunction) => Promise<T>,
): Promise<T> {
  const root = await writeTaskRoot(files);
  const running = await launchRuntimeClient({ ...spec, taskRoot: root.dir });
  try {
    return await use(running);
  } finally {
    await running.stop();
    await root.remove();
  }
}

/** What one invocation of a fresh function produced: its outcome, its console, and the Runtime API's timeline. */
export interface InvocationRecord {
  readonly outcome: Outcome;
  readonly stdout: readonly string[];
  readonly timeline: RuntimeApi['timeline'];
}

/** Starts a function made of `files`, invokes it once, and stops it once the next invocation is asked for. */
export async function invokeFunction(
  files: Readonly<Record<string, string>>,
  spec: Omit<FunctionSpec, 'taskRoot'>,
  invocation: Invocation,
): Promise<InvocationRecord> {
  return withFunction(files, spec, async (running) => {
    const outcome = await running.api.invoke(invocation);
    // The client asks for the next invocation only when it is done with this one (logs included).
    await running.api.nextRequested(2);
    // Live arrays: withFunction stops the process before returning, which completes stdout.
    return { outcome, stdout: running.stdout, timeline: running.api.timeline };
  });
}
