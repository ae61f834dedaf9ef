import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { attributeSample, type ColdRow, type PhaseBounds } from './attribute-cold-sample';
import { readCpuProfile } from './read-cpu-profile';
import { readModuleMap } from './read-module-map';

/** What the child writes: its clock pair, Node's own timings and the three marks, in performance.now() ms. */
interface ChildMarks {
  clock: { hrtimeUs: number; performanceMs: number };
  nodeTiming: { nodeStart: number; v8Start: number; environment: number; bootstrapComplete: number };
  requireStartMs: number;
  requireEndMs: number;
  answeredMs: number;
  statusCode: unknown;
}

/** One profiled cold start, split: ms per row and, within each row, ms per detail. */
export interface ColdRun {
  readonly rows: ReadonlyMap<ColdRow, number>;
  readonly details: ReadonlyMap<ColdRow, ReadonlyMap<string, number>>;
  /** Wall ms from the marks: process start to the require, the require, the first request. */
  readonly wall: {
    readonly toRequire: number;
    readonly bootstrapComplete: number;
    readonly require: number;
    readonly firstRequest: number;
  };
  /** Samples under the child's `loadHandler`, and how many of them fall between the require marks. */
  readonly alignment: { readonly underLoad: number; readonly inside: number };
}

/** How to start a profiled cold start of one bundle. */
export interface ColdStartPlan {
  readonly node: string;
  readonly child: string;
  readonly bundle: string;
  readonly eventFile: string;
  readonly workDir: string;
}

/** The environment of a profiled process: UTC as Lambda's, no NODE_ENV, none of this process's loaders. */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: ':UTC' };
  delete env['NODE_ENV'];
  delete env['NODE_OPTIONS'];
  return env;
}

/**
 * Starts one fresh Node process under `--cpu-prof` (one sample per 50 µs) that loads the bundle's
 * handler and answers the event, then splits its profile into rows. Throws unless it answered 200.
 */
export function runColdProfile(plan: ColdStartPlan): ColdRun {
  const profileDir = path.join(plan.workDir, 'cpu-profile');
  const marksFile = path.join(plan.workDir, 'marks.json');
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(marksFile, { force: true });
  mkdirSync(profileDir, { recursive: true });
  const args = [
    '--cpu-prof',
    '--cpu-prof-interval',
    '50',
    '--cpu-prof-dir',
    profileDir,
    plan.child,
    plan.bundle,
    plan.eventFile,
    marksFile,
  ];
  const child = spawnSync(plan.node, args, { env: childEnvironment(), stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  if (child.status !== 0)
    throw new Error(`profiled cold start failed (exit ${String(child.status)}): ${child.stderr.toString().slice(0, 500)}`);
  const marks = JSON.parse(readFileSync(marksFile, 'utf8')) as ChildMarks;
  if (marks.statusCode !== 200) throw new Error(`${plan.bundle} answered ${String(marks.statusCode)}, not 200`);
  const [profileFile] = readdirSync(profileDir);
  if (!profileFile) throw new Error(`no .cpuprofile in ${profileDir}`);

  // Both clocks are monotonic: one offset moves a performance.now() mark onto the profile's µs.
  const toProfileUs = (ms: number): number => marks.clock.hrtimeUs + (ms - marks.clock.performanceMs) * 1000;
  const bounds: PhaseBounds = {
    requireStartUs: toProfileUs(marks.requireStartMs),
    requireEndUs: toProfileUs(marks.requireEndMs),
    answeredUs: toProfileUs(marks.answeredMs),
  };
  const bundle = { url: pathToFileURL(plan.bundle).href, moduleAt: readModuleMap(plan.bundle) };
  const childUrl = pathToFileURL(plan.child).href;
  const rows = new Map<ColdRow, number>();
  const details = new Map<ColdRow, Map<string, number>>();
  const alignment = { underLoad: 0, inside: 0 };
  for (const sample of readCpuProfile(path.join(profileDir, profileFile))) {
    const { row, detail } = attributeSample(sample, bounds, bundle);
    const ms = sample.us / 1000;
    rows.set(row, (rows.get(row) ?? 0) + ms);
    const byDetail = details.get(row) ?? new Map<string, number>();
    byDetail.set(detail, (byDetail.get(detail) ?? 0) + ms);
    details.set(row, byDetail);
    if (sample.stack.some((frame) => frame.url === childUrl && frame.functionName === 'loadHandler')) {
      alignment.underLoad += 1;
      if (sample.atUs >= bounds.requireStartUs && sample.atUs <= bounds.requireEndUs) alignment.inside += 1;
    }
  }
  return {
    rows,
    details,
    wall: {
      toRequire: marks.requireStartMs,
      bootstrapComplete: marks.nodeTiming.bootstrapComplete,
      require: marks.requireEndMs - marks.requireStartMs,
      firstRequest: marks.answeredMs - marks.requireEndMs,
    },
    alignment,
  };
}
