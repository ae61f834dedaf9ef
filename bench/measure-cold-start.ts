import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkResult, type Verdict } from './check-result';
import type { Expected } from './scenarios';
import { rotate } from './stats';

export interface ColdStartSubject {
  readonly id: string;
  readonly bundle: string;
  /** JSON file with `{ kind, value }`: the first request, as an event or (floor) in Node's terms. */
  readonly inputFile: string;
  readonly expected: Expected;
  /** Added to the child's environment, e.g. NODE_OPTIONS for sourcemaps. */
  readonly env: Readonly<Record<string, string>>;
}

export interface ColdStartSample {
  /** From process start to the handler module's `require`: Node's own boot, the same for all. */
  readonly bootMs: number;
  readonly requireMs: number;
  readonly firstInvocationMs: number;
  readonly peakRssKb: number;
  readonly verdict: Verdict;
}

/** What the Lambda runtime starts with: production, and none of this process's loaders (tsx). */
function childEnvironment(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  if (!('NODE_OPTIONS' in extra)) delete env['NODE_OPTIONS'];
  return env;
}

/**
 * One cold start in a fresh `node` process (this one's binary unless another is given, e.g. Node 24),
 * its answer checked; a crash or a wrong answer comes back as the verdict, with NaN figures for a crash.
 */
export function measureColdStartOnce(
  subject: ColdStartSubject,
  childScript: string,
  outFile: string,
  node = process.execPath,
): ColdStartSample {
  rmSync(outFile, { force: true });
  const child = spawnSync(node, [childScript, subject.bundle, subject.inputFile, outFile], {
    env: childEnvironment(subject.env),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 30_000,
  });
  let report: Omit<ColdStartSample, 'verdict'> & { result: unknown };
  try {
    report = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    const reason = `cold start failed (exit ${String(child.status)}): ${child.stderr.toString().slice(0, 300)}`;
    return { bootMs: Number.NaN, requireMs: Number.NaN, firstInvocationMs: Number.NaN, peakRssKb: Number.NaN, verdict: reason };
  }
  const result = report.result as { written?: string[] };
  const restored =
    result && Array.isArray(result.written) ? { ...result, written: result.written.map((chunk) => Buffer.from(chunk, 'base64')) } : result;
  return { ...report, result: undefined, verdict: checkResult(restored, subject.expected) } as ColdStartSample;
}

/**
 * Cold starts, interleaved: each run starts every subject once, in a rotated order, one
 * process at a time, so machine drift lands on all subjects alike.
 */
export function measureColdStarts(
  subjects: readonly ColdStartSubject[],
  runs: number,
  childScript: string,
  workDir: string,
  onRun: (run: number) => void,
  node = process.execPath,
): Map<string, ColdStartSample[]> {
  const samples = new Map<string, ColdStartSample[]>(subjects.map((subject) => [subject.id, []]));
  const outFile = path.join(workDir, 'cold-start-result.json');
  for (let run = 0; run < runs; run += 1) {
    onRun(run);
    for (const subject of rotate(subjects, run)) samples.get(subject.id)?.push(measureColdStartOnce(subject, childScript, outFile, node));
  }
  return samples;
}
