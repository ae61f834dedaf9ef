// npm run bench:cold -- <commit> [--runs N]: the buffered functions as sam build builds them now
// against the same functions built from <commit>, cold-started interleaved on Node 24, in a fresh
// process and under the real runtime client; writes results/cold-start-vs-<short sha>.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findNode24 } from '../dev/runtime-client/install-runtime-client';
import { appNameOf } from '../dev/sam-model/frameworks';
import { readTemplate } from '../dev/sam-model/read-template';
import { sampleEvents } from '../dev/sample-events/sample-events';
import { bundleFunction, bundleHarness, type Bundle } from './build-bundles';
import { measureColdStartOnce, type ColdStartSample, type ColdStartSubject } from './measure-cold-start';
import {
  findRuntimeClient,
  measureRuntimeClientColdStartOnce,
  type RuntimeClientColdStartSample,
} from './measure-runtime-client-cold-start';
import { renderColdComparison, type ColdComparison } from './render-cold-comparison';
import { makeScenarios } from './scenarios';
import { rotate } from './stats';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.build', 'bench');
const RESULTS = path.join(__dirname, 'results');

type Side = 'baseline' | 'current';

interface SideFunction {
  readonly framework: string;
  readonly side: Side;
  readonly bundle: Bundle;
  readonly subject: ColdStartSubject;
}

function progress(message: string): void {
  process.stderr.write(`[cold ${((performance.now() / 1000) | 0).toString().padStart(3)} s] ${message}\n`);
}

function parseArguments(argv: readonly string[]): { commit: string; runs: number } {
  const commit = argv.find((arg, index) => !arg.startsWith('--') && argv[index - 1] !== '--runs');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt === -1 ? 30 : Number(argv[runsAt + 1]);
  if (!commit || !Number.isInteger(runs) || runs < 1) throw new Error('usage: npm run bench:cold -- <commit> [--runs N]');
  return { commit, runs };
}

/** The commit's tree in `.build/bench/baseline-<short sha>/`, extracted once (git archive, no checkout). */
function materialiseCommit(commit: string): { short: string; dir: string } {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const short = sha.slice(0, 7);
  const dir = path.join(WORK, `baseline-${short}`);
  const done = path.join(dir, '.extracted');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', 'git archive "$1" | tar -x -C "$2"', 'sh', sha, dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(done, `${sha}\n`);
  }
  return { short, dir };
}

/** Every buffered function of the template at `root`, built with its own BuildProperties, with its own sample ping. */
async function buildSide(root: string, side: Side, workDir: string): Promise<SideFunction[]> {
  const template = readTemplate(path.join(root, 'template.yaml'));
  const events = sampleEvents(template);
  const built: SideFunction[] = [];
  // A streaming function needs the runtime's awslambda global and answers no ping (bench:stream measures those).
  for (const fn of template.functions.filter((each) => !each.responseStreaming)) {
    const framework = appNameOf(fn);
    const ping = makeScenarios(framework)[0];
    const event = events.find((sample) => sample.file === `${framework}-ping.json`)?.event;
    if (!ping || !event) throw new Error(`no ping scenario or sample event for ${framework} (${side})`);
    progress(`building ${side} functions/${framework} as sam build does`);
    const bundle = await bundleFunction(fn, path.join(workDir, side, framework));
    const inputFile = path.join(workDir, 'inputs', `${side}-${framework}.json`);
    writeFileSync(inputFile, JSON.stringify({ kind: 'event', value: event }));
    // The function's own environment, and what SAM adds for a function built with Sourcemap: true.
    const env = { ...fn.environment, ...(fn.build.Sourcemap === true ? { NODE_OPTIONS: '--enable-source-maps' } : {}) };
    built.push({
      framework,
      side,
      bundle,
      subject: { id: `${side} ${framework}`, bundle: bundle.file, inputFile, expected: ping.expected, env },
    });
  }
  return built;
}

async function main(): Promise<void> {
  const { commit, runs } = parseArguments(process.argv.slice(2));
  const { short, dir } = materialiseCommit(commit);
  const workDir = path.join(WORK, `cold-vs-${short}`);
  mkdirSync(path.join(workDir, 'inputs'), { recursive: true });
  mkdirSync(RESULTS, { recursive: true });

  const functions = [...(await buildSide(dir, 'baseline', workDir)), ...(await buildSide(ROOT, 'current', workDir))];
  const childScript = await bundleHarness(
    path.join(__dirname, 'harness', 'cold-start-child.ts'),
    path.join(WORK, 'harness', 'cold-start-child.js'),
  );
  const node = findNode24();
  const client = findRuntimeClient();
  if (typeof client === 'string') progress(`measuring in-process only: ${client}`);

  const ways = typeof client === 'string' ? (['in-process'] as const) : (['in-process', 'runtime client'] as const);
  const plan = functions.flatMap((fn) => ways.map((way) => ({ fn, way })));
  const inProcess = new Map<SideFunction, ColdStartSample[]>(functions.map((fn) => [fn, []]));
  const underClient = new Map<SideFunction, RuntimeClientColdStartSample[]>(functions.map((fn) => [fn, []]));
  const outFile = path.join(workDir, 'cold-start-result.json');
  for (let run = 0; run < runs; run += 1) {
    progress(`run ${run + 1}/${runs}`);
    for (const { fn, way } of rotate(plan, run)) {
      if (way === 'in-process') inProcess.get(fn)?.push(measureColdStartOnce(fn.subject, childScript, outFile, node));
      else if (typeof client !== 'string') underClient.get(fn)?.push(await measureRuntimeClientColdStartOnce(fn.subject, client));
    }
  }

  const sideOf = (framework: string, side: Side) => {
    const fn = functions.find((each) => each.framework === framework && each.side === side);
    if (!fn) throw new Error(`functions/${framework} is in one template only`);
    const samples = { bundle: fn.bundle, inProcess: inProcess.get(fn) ?? [] };
    return typeof client === 'string' ? samples : { ...samples, runtimeClient: underClient.get(fn) ?? [] };
  };
  const frameworks = [...new Set(functions.filter((fn) => fn.side === 'current').map((fn) => fn.framework))];
  const comparisons: ColdComparison[] = frameworks.map((framework) => ({
    framework,
    baseline: sideOf(framework, 'baseline'),
    current: sideOf(framework, 'current'),
  }));
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const run = {
    commit: short,
    runs,
    startedAt: new Date(Date.now() - performance.now()).toISOString(),
    machine: `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${nodeVersion}, load average ${os.loadavg()[0]?.toFixed(1)}`,
    ...(typeof client === 'string' ? { runtimeClientSkipped: client } : {}),
    functions: comparisons,
  };
  const markdown = renderColdComparison(run);
  process.stdout.write(`${markdown}\n`);
  writeFileSync(path.join(RESULTS, `cold-start-vs-${short}.md`), `${markdown}\n`);
  // Raw samples beside it, ignored by git like run.ts's.
  writeFileSync(path.join(RESULTS, `cold-start-vs-${short}.json`), JSON.stringify({ ...run, markdown }, null, 1));
  progress(`done; results in ${path.relative(ROOT, RESULTS)}/cold-start-vs-${short}.md`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
