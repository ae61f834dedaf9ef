// npm run bench [-- --quick]: bundles every subject as `sam build` would, then measures bundle
// bytes, cold starts and warm invocations, interleaved, and writes the tables and raw samples.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appNameOf } from '../dev/sam-model/frameworks';
import { sampleEvents } from '../dev/sample-events/sample-events';
import { readTemplate } from '../dev/sam-model/read-template';
import { bundleFunction, bundleHarness, bundleSubject, type Bundle } from './build-bundles';
import { measureColdStarts, type ColdStartSubject } from './measure-cold-start';
import { findRuntimeClient, measureRuntimeClientColdStarts } from './measure-runtime-client-cold-start';
import { measureWarm } from './measure-warm';
import { describeMachine, renderReport, type Results } from './report';
import { makeScenarios } from './scenarios';
import { SUBJECTS } from './subjects';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.build', 'bench');
const RESULTS = path.join(__dirname, 'results');

const quick = process.argv.includes('--quick');
const PLAN = quick ? { coldRuns: 3, rounds: 3, warmup: 200, batchMs: 10 } : { coldRuns: 25, rounds: 20, warmup: 300, batchMs: 40 };

function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() / 1000) | 0).toString().padStart(3)} s] ${message}\n`);
}

function writeInput(name: string, input: { kind: 'event' | 'direct'; value: unknown }): string {
  const file = path.join(WORK, 'inputs', `${name}.json`);
  writeFileSync(file, JSON.stringify(input));
  return file;
}

async function main(): Promise<void> {
  mkdirSync(path.join(WORK, 'inputs'), { recursive: true });
  mkdirSync(RESULTS, { recursive: true });

  const template = readTemplate(path.join(ROOT, 'template.yaml'));
  // The buffered functions: a streaming one needs the runtime's awslambda global (bench:stream measures those).
  const buffered = template.functions.filter((fn) => !fn.responseStreaming);
  const functionOf = (app: string) => {
    const found = buffered.find((fn) => appNameOf(fn) === app);
    if (!found) throw new Error(`template.yaml has no function built from functions/${app}/`);
    return found;
  };
  progress('bundling subjects as sam build does');
  const bundles = new Map<string, Bundle>();
  for (const subject of SUBJECTS) {
    bundles.set(subject.id, await bundleSubject(functionOf(subject.framework), subject.entry, path.join(WORK, 'bundles', subject.id)));
  }
  const functionBundles = new Map<string, Bundle>();
  for (const fn of buffered) {
    const app = appNameOf(fn);
    for (const sourcemap of [false, true]) {
      const outDir = path.join(WORK, 'functions', `${app}-sourcemap-${sourcemap}`);
      functionBundles.set(`${app} Sourcemap: ${sourcemap}`, await bundleFunction(fn, outDir, { Sourcemap: sourcemap }));
    }
  }
  const childScript = await bundleHarness(
    path.join(__dirname, 'harness', 'cold-start-child.ts'),
    path.join(WORK, 'harness', 'cold-start-child.js'),
  );
  const workerScript = await bundleHarness(path.join(__dirname, 'harness', 'warm-worker.ts'), path.join(WORK, 'harness', 'warm-worker.js'));

  // Cold start: the first REST v1 GET /ping of every subject, and of the deployed functions
  // (their real events, base path and all) with and without Sourcemap.
  const coldSubjects: ColdStartSubject[] = [];
  for (const subject of SUBJECTS) {
    const ping = makeScenarios(subject.framework)[0];
    if (!ping) throw new Error('no ping scenario');
    const input =
      subject.input === 'direct'
        ? { kind: 'direct' as const, value: { ...ping.direct, body: ping.direct.body.toString('base64') } }
        : { kind: 'event' as const, value: ping.makeEvent() };
    coldSubjects.push({
      id: subject.id,
      bundle: (bundles.get(subject.id) as Bundle).file,
      inputFile: writeInput(`${subject.framework}-${subject.input}`, input),
      expected: ping.expected,
      env: {},
    });
  }
  const events = sampleEvents(template);
  for (const fn of buffered) {
    const framework = appNameOf(fn);
    const ping = makeScenarios(framework)[0];
    const event = events.find((sample) => sample.file === `${framework}-ping.json`)?.event;
    if (!ping || !event) throw new Error(`no ping scenario or sample event for ${framework}`);
    const inputFile = writeInput(`${framework}-function-ping`, { kind: 'event', value: event });
    for (const sourcemap of [false, true]) {
      const id = `${framework} Sourcemap: ${sourcemap}`;
      // What SAM sets for a function built with Sourcemap: true.
      const env: Record<string, string> = sourcemap ? { NODE_OPTIONS: '--enable-source-maps' } : {};
      coldSubjects.push({ id, bundle: (functionBundles.get(id) as Bundle).file, inputFile, expected: ping.expected, env });
    }
  }
  progress(`cold starts: ${PLAN.coldRuns} runs x ${coldSubjects.length} subjects`);
  const cold = measureColdStarts(coldSubjects, PLAN.coldRuns, childScript, WORK, (run) => {
    if (run % 5 === 0) progress(`cold start run ${run + 1}/${PLAN.coldRuns}`);
  });

  // The same first request under the real runtime client, spawn to response; Sourcemap: true is the table above's.
  const client = findRuntimeClient();
  const clientSubjects = coldSubjects.filter((subject) => !subject.id.endsWith('Sourcemap: true'));
  let runtimeClient: Results['runtimeClient'];
  if (typeof client === 'string') {
    progress(`skipping cold starts under the runtime client: ${client}`);
    runtimeClient = { skipped: client };
  } else {
    progress(`cold starts under the runtime client: ${PLAN.coldRuns} runs x ${clientSubjects.length} subjects`);
    const samples = await measureRuntimeClientColdStarts(clientSubjects, PLAN.coldRuns, client, (run) => {
      if (run % 5 === 0) progress(`runtime client cold start run ${run + 1}/${PLAN.coldRuns}`);
    });
    runtimeClient = { samples: Object.fromEntries(samples) };
  }

  const scenarios = makeScenarios('express').map(({ name, version }) => ({ name, version }));
  progress(`warm: ${PLAN.rounds} rounds x ${SUBJECTS.length} subjects x ${scenarios.length} scenarios`);
  const warm = await measureWarm(
    SUBJECTS,
    new Map([...bundles].map(([id, bundle]) => [id, bundle.file])),
    workerScript,
    { rounds: PLAN.rounds, warmup: PLAN.warmup, batchMs: PLAN.batchMs, scenarioCount: scenarios.length },
    (round) => progress(`warm round ${round + 1}/${PLAN.rounds}`),
  );

  const results: Results = {
    machine: describeMachine(),
    mode: quick ? 'quick' : 'full',
    plan: PLAN,
    startedAt: new Date(Date.now() - performance.now()).toISOString(),
    durationS: performance.now() / 1000,
    subjects: SUBJECTS,
    scenarios,
    bundles: Object.fromEntries(bundles),
    functionBundles: Object.fromEntries(functionBundles),
    cold: Object.fromEntries(cold),
    runtimeClient,
    warm: Object.fromEntries(warm),
  };
  const markdown = renderReport(results);
  process.stdout.write(`${markdown}\n`);
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify({ ...results, markdown }, null, 1);
  writeFileSync(path.join(RESULTS, `${stamp}-${results.mode}.json`), json);
  writeFileSync(path.join(RESULTS, `latest-${results.mode}.json`), json);
  // Only a full run replaces the committed table: a smoke check's figures are too few to quote.
  if (!quick) writeFileSync(path.join(RESULTS, 'latest.md'), `${markdown}\n`);
  progress(`done in ${results.durationS.toFixed(0)} s; results in ${path.relative(ROOT, RESULTS)}/`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
