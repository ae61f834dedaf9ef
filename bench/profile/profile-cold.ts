// npm run profile:cold [-- --runs N] [framework]: where a cold start's milliseconds go, per buffered
// function of template.yaml, from V8 CPU profiles of fresh Node 24 processes (see bench/README.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildArtifact } from '../../dev/sam-build/build-artifact';
import { appNameOf } from '../../dev/sam-model/frameworks';
import { readTemplate } from '../../dev/sam-model/read-template';
import { sampleEvents } from '../../dev/sample-events/sample-events';
import { findNode24 } from '../../dev/runtime-client/install-runtime-client';
import { bundleHarness } from '../build-bundles';
import { rotate } from '../stats';
import { renderColdTable, type ProfiledFunction } from './render-cold-table';
import { runColdProfile, type ColdRun } from './run-cold-profile';

const ROOT = path.resolve(__dirname, '..', '..');
const WORK = path.join(ROOT, '.build', 'bench', 'profile-cold');
const RESULT = path.join(ROOT, 'bench', 'results', 'cold-profile.md');

function readArguments(args: readonly string[]): { runs: number; framework: string | undefined } {
  const at = args.indexOf('--runs');
  const runs = at === -1 ? 5 : Number(args[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
  return { runs, framework: args.find((arg, index) => !arg.startsWith('--') && index !== at + 1) };
}

const loadAverage = (): string => os.loadavg()[0]?.toFixed(1) ?? '?';

async function main(): Promise<void> {
  const { runs, framework } = readArguments(process.argv.slice(2));
  const template = readTemplate(path.join(ROOT, 'template.yaml'));
  // Buffered functions only: a streaming one needs the runtime's awslambda global.
  const functions = template.functions.filter((fn) => !fn.responseStreaming && (framework === undefined || appNameOf(fn) === framework));
  if (functions.length === 0) throw new Error(`no buffered function of template.yaml is built from functions/${String(framework)}/`);
  mkdirSync(WORK, { recursive: true });
  const node = findNode24();
  const nodeVersion = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  const child = await bundleHarness(path.join(__dirname, 'cold-profile-child.ts'), path.join(WORK, 'cold-profile-child.js'));
  const events = sampleEvents(template);

  const plans = [];
  for (const fn of functions) {
    const app = appNameOf(fn);
    process.stderr.write(`building ${fn.logicalId} as sam build does, unminified and shipped\n`);
    // Minify off keeps esbuild's `// node_modules/x/y.js` comments and the names the profile reports.
    const unminified = await buildArtifact(fn, path.join(WORK, app, 'unminified'), { Minify: false });
    const shipped = await buildArtifact(fn, path.join(WORK, app, 'shipped'));
    const event = events.find((sample) => sample.file === `${app}-ping.json`);
    if (!event) throw new Error(`no sample event ${app}-ping.json`);
    const eventFile = path.join(WORK, app, event.file);
    writeFileSync(eventFile, JSON.stringify(event.event));
    const entry = fn.build.EntryPoints[0] ?? '';
    const bundle = path.join(unminified.dir, `${path.basename(entry, path.extname(entry))}.js`);
    plans.push({ app, bundle, eventFile, unminifiedBytes: unminified.bytes, shippedBytes: shipped.bytes });
  }

  const loadBefore = loadAverage();
  const results = new Map<string, ColdRun[]>(plans.map((plan) => [plan.app, []]));
  for (let run = 0; run < runs; run += 1) {
    process.stderr.write(`run ${run + 1}/${runs}\n`);
    // Rotated, as the benchmark's cold starts: machine drift lands on every function alike.
    for (const plan of rotate(plans, run)) {
      const workDir = path.join(WORK, plan.app);
      results.get(plan.app)?.push(runColdProfile({ node, child, bundle: plan.bundle, eventFile: plan.eventFile, workDir }));
    }
  }
  const profiled: ProfiledFunction[] = plans.map((plan) => ({
    framework: plan.app,
    runs: results.get(plan.app) ?? [],
    unminifiedBytes: plan.unminifiedBytes,
    shippedBytes: plan.shippedBytes,
  }));
  const report = renderColdTable(profiled, {
    date: new Date().toISOString().slice(0, 10),
    node: nodeVersion,
    loadAverage: `${loadBefore} before, ${loadAverage()} after (1-minute, ${os.cpus().length} cores)`,
  });
  process.stdout.write(report);
  mkdirSync(path.dirname(RESULT), { recursive: true });
  writeFileSync(RESULT, report);
  process.stderr.write(`written to ${path.relative(ROOT, RESULT)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
