// npm run bench:cold -- <commit> [--runs N]: the buffered functions as sam build builds them now
// against the same functions built from <commit>, cold-started interleaved on Node 24, in a fresh
// process and under the real runtime client; writes results/cold-start-vs-<short sha>.md.
// npm run bench:cold -- --build '{"Minify":false}': against today's functions built with those
// BuildProperties instead (what one build setting buys); writes results/cold-start-vs-<setting>.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findNode24 } from '../dev/runtime-client/install-runtime-client';
import { appNameOf } from '../dev/sam-model/frameworks';
import { readTemplate } from '../dev/sam-model/read-template';
import type { BuildProperties } from '../dev/sam-model/sam-template';
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

interface Baseline {
  /** Where the baseline's template and sources are. */
  readonly root: string;
  /** BuildProperties the baseline is built with on top of its template's own. */
  readonly overrides: Partial<BuildProperties>;
  /** How the report names it: a short sha, or the changed settings. */
  readonly label: string;
  /** The results file's suffix. */
  readonly slug: string;
}

const USAGE = `usage: npm run bench:cold -- <commit> [--runs N]
       npm run bench:cold -- --build '{"Minify":false}' [--runs N]`;

function valueAfter(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at === -1 ? undefined : argv[at + 1];
}

/** `--build` names settings: today's functions built with them are the baseline. */
function readBuildOverrides(json: string): Baseline {
  let overrides: unknown;
  try {
    overrides = JSON.parse(json);
  } catch {
    throw new Error(`--build takes BuildProperties as JSON, e.g. '{"Minify":false}'; got ${json}\n${USAGE}`);
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides) || Object.keys(overrides).length === 0) {
    throw new Error(`--build takes a JSON object of BuildProperties; got ${json}\n${USAGE}`);
  }
  const label = Object.entries(overrides)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ');
  const slug = label
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-|-$/g, '');
  return { root: ROOT, overrides: overrides as Partial<BuildProperties>, label, slug };
}

function parseArguments(argv: readonly string[]): { baseline: Baseline; runs: number } {
  const values = new Set([valueAfter(argv, '--runs'), valueAfter(argv, '--build')]);
  const commit = argv.find((arg) => !arg.startsWith('--') && !values.has(arg));
  const runsArg = valueAfter(argv, '--runs');
  const runs = runsArg === undefined ? 30 : Number(runsArg);
  const build = valueAfter(argv, '--build');
  if (!Number.isInteger(runs) || runs < 1 || (commit === undefined) === (build === undefined)) throw new Error(USAGE);
  if (build !== undefined) return { baseline: readBuildOverrides(build), runs };
  const { short, dir } = materialiseCommit(commit as string);
  return { baseline: { root: dir, overrides: {}, label: short, slug: short }, runs };
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
async function buildSide(root: string, side: Side, workDir: string, overrides: Partial<BuildProperties> = {}): Promise<SideFunction[]> {
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
    const bundle = await bundleFunction(fn, path.join(workDir, side, framework), overrides);
    const sourcemap = overrides.Sourcemap ?? fn.build.Sourcemap;
    const inputFile = path.join(workDir, 'inputs', `${side}-${framework}.json`);
    writeFileSync(inputFile, JSON.stringify({ kind: 'event', value: event }));
    // The function's own environment, and what SAM adds for a function built with Sourcemap: true.
    const env = { ...fn.environment, ...(sourcemap === true ? { NODE_OPTIONS: '--enable-source-maps' } : {}) };
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
  const { baseline, runs } = parseArguments(process.argv.slice(2));
  const workDir = path.join(WORK, `cold-vs-${baseline.slug}`);
  mkdirSync(path.join(workDir, 'inputs'), { recursive: true });
  mkdirSync(RESULTS, { recursive: true });

  const functions = [
    ...(await buildSide(baseline.root, 'baseline', workDir, baseline.overrides)),
    ...(await buildSide(ROOT, 'current', workDir)),
  ];
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
    commit: baseline.label,
    runs,
    startedAt: new Date(Date.now() - performance.now()).toISOString(),
    machine: `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${nodeVersion}, load average ${os.loadavg()[0]?.toFixed(1)}`,
    ...(typeof client === 'string' ? { runtimeClientSkipped: client } : {}),
    functions: comparisons,
  };
  const markdown = renderColdComparison(run);
  process.stdout.write(`${markdown}\n`);
  writeFileSync(path.join(RESULTS, `cold-start-vs-${baseline.slug}.md`), `${markdown}\n`);
  // Raw samples beside it, ignored by git like run.ts's.
  writeFileSync(path.join(RESULTS, `cold-start-vs-${baseline.slug}.json`), JSON.stringify({ ...run, markdown }, null, 1));
  progress(`done; results in ${path.relative(ROOT, RESULTS)}/cold-start-vs-${baseline.slug}.md`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
