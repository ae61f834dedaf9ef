import { fork, type ChildProcess } from 'node:child_process';
import type { Verdict } from './check-result';
import type { BatchReport, BatchRequest } from './harness/warm-worker';
import { rotate } from './stats';
import type { Subject } from './subjects';

export interface WarmPlan {
  readonly rounds: number;
  readonly warmup: number;
  /** Target length of one timed batch; each worker turns it into a fixed count per scenario. */
  readonly batchMs: number;
  readonly scenarioCount: number;
}

export interface WarmSamples {
  /** Wall-clock µs per invocation, one number per batch. */
  readonly us: number[];
  /** CPU µs per invocation (the subject's process, user + system), one number per batch. */
  readonly cpuUs: number[];
  /** Invocations in each batch. */
  readonly invocations: number[];
  readonly verdicts: Verdict[];
}

interface Worker {
  readonly subject: Subject;
  readonly process: ChildProcess;
}

function startWorker(subject: Subject, bundle: string, workerScript: string): Promise<Worker> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env['NODE_OPTIONS'];
  // execArgv [] keeps tsx's loader out of the measured process.
  const child = fork(workerScript, [bundle, subject.framework, subject.input], {
    execArgv: [],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve({ subject, process: child }));
    child.once('exit', (code) => reject(new Error(`${subject.id} worker exited (${String(code)}) before it was ready`)));
  });
}

// A subject that never answers would stall the whole run; no batch comes near this.
const BATCH_TIMEOUT_MS = 60_000;

/** One batch; a worker that dies or hangs is ended and reported as answering wrongly. */
function runBatch(worker: Worker, request: BatchRequest): Promise<BatchReport> {
  return new Promise((resolve) => {
    const give = (verdict: string): void => {
      worker.process.removeAllListeners('message');
      worker.process.kill();
      resolve({ usPerInvocation: Number.NaN, cpuUsPerInvocation: Number.NaN, invocations: 0, verdict });
    };
    const onExit = (code: number | null): void => give(`the process exited (${String(code)})`);
    const timer = setTimeout(() => give('no answer within 60 s'), BATCH_TIMEOUT_MS);
    worker.process.once('exit', onExit);
    worker.process.once('message', (report: BatchReport) => {
      clearTimeout(timer);
      worker.process.off('exit', onExit);
      resolve(report);
    });
    if (worker.process.connected) worker.process.send(request);
    else give('the process is gone');
  });
}

/**
 * Warm invocations. Every subject gets its own long-lived process (its own heap and JIT), but
 * only one process runs at a time: for each round, each framework and each scenario, every
 * subject of that framework runs one batch, in a rotated order. One batch is one sample.
 */
export async function measureWarm(
  subjects: readonly Subject[],
  bundles: ReadonlyMap<string, string>,
  workerScript: string,
  plan: WarmPlan,
  onRound: (round: number) => void,
): Promise<Map<string, WarmSamples[]>> {
  const workers: Worker[] = [];
  for (const subject of subjects) workers.push(await startWorker(subject, bundles.get(subject.id) as string, workerScript));
  const samples = new Map<string, WarmSamples[]>(
    subjects.map((subject) => [
      subject.id,
      Array.from({ length: plan.scenarioCount }, () => ({ us: [], cpuUs: [], invocations: [], verdicts: [] })),
    ]),
  );
  const frameworks = [...new Set(subjects.map((subject) => subject.framework))];
  try {
    for (let round = 0; round < plan.rounds; round += 1) {
      onRound(round);
      for (const framework of frameworks) {
        const group = workers.filter((worker) => worker.subject.framework === framework);
        for (let scenario = 0; scenario < plan.scenarioCount; scenario += 1) {
          for (const worker of rotate(group, round + scenario)) {
            const report = await runBatch(worker, { scenario, warmup: plan.warmup, batchMs: plan.batchMs });
            const cell = samples.get(worker.subject.id)?.[scenario];
            cell?.us.push(report.usPerInvocation);
            cell?.cpuUs.push(report.cpuUsPerInvocation);
            cell?.invocations.push(report.invocations);
            cell?.verdicts.push(report.verdict);
          }
        }
      }
    }
  } finally {
    for (const worker of workers) worker.process.kill();
  }
  return samples;
}
