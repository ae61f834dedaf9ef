// tsx bench/profile/profile-warm.ts <framework/subject> <scenario index 0-5> [invocations]
// Profiles a subject's warm path with `node --cpu-prof` on an unminified bundle (names kept) and
// prints self time by module and function, and time spent inside each of the helper's functions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { makeScenarios } from '../scenarios';
import { SUBJECTS } from '../subjects';
import { readModuleMap } from './read-module-map';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Wall time of the profiled invocations, measured by the child. */
  elapsedUs: number;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The module of a bundle line, without its `node_modules/` prefix; the harness's own code before the first. */
function moduleMapOf(bundle: string): (line: number) => string {
  const moduleAt = readModuleMap(bundle);
  return (line) => (moduleAt(line) ?? '(bench harness)').replace(/^.*node_modules\//, '');
}

const ADAPTERS = ['shared/', 'serverless-http/', '@codegenie/', '@fastify/aws-lambda/', 'light-my-request/', 'bench/floors/'];

/** Which layer a module belongs to: the adapter under test, Node itself, the framework and app, or the VM. */
function layerOf(module: string): string {
  if (module === 'profile-child.js') return 'bench harness (building events)';
  if (ADAPTERS.some((prefix) => module.startsWith(prefix))) return 'adapter (the Lambda translation)';
  if (module.startsWith('node:')) return 'Node core (http, events, streams, timers)';
  if (module.startsWith('((garbage')) return 'garbage collector';
  if (module.startsWith('((idle') || module.startsWith('((program') || module.startsWith('(dispatch')) return 'idle, profiler, VM';
  if (module.startsWith('(')) return 'VM builtins (microtasks, natives)';
  return 'framework and app';
}

function top(map: Map<string, number>, count: number, totalUs: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${name}`);
}

async function main(): Promise<void> {
  const [id, scenarioArg = '0', countArg = '20000'] = process.argv.slice(2);
  const subject = SUBJECTS.find((each) => each.id === id);
  if (!subject) throw new Error(`unknown subject ${String(id)}; one of ${SUBJECTS.map((each) => each.id).join(', ')}`);
  const scenario = makeScenarios(subject.framework)[Number(scenarioArg)];
  const work = path.join(ROOT, '.build', 'bench', 'profile', subject.id.replace('/', '-'));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // As sam builds it, but readable: no minification, so the profile names functions (keepNames
  // would add a call per closure created, which is itself a cost on the hot path).
  const bundle = path.join(work, 'handler.js');
  await build({
    entryPoints: [subject.entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    logLevel: 'error',
  });
  const child = path.join(work, 'profile-child.js');
  await build({
    entryPoints: [path.join(__dirname, 'profile-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env['NODE_OPTIONS'];
  const file = path.join(work, 'warm.cpuprofile');
  execFileSync(process.execPath, [child, bundle, subject.framework, subject.input, scenarioArg, countArg, file], { env, stdio: 'inherit' });
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const moduleAt = moduleMapOf(bundle);

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const where = (node: ProfileNode): string => {
    const { url, functionName, lineNumber } = node.callFrame;
    if (url.endsWith('handler.js') && url.includes('profile')) return moduleAt(lineNumber);
    if (url.startsWith('node:')) return url;
    return url === '' ? `(${functionName || 'native'})` : path.basename(url);
  };
  const label = (node: ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'} [${where(node)}:${node.callFrame.lineNumber + 1}]`;

  const selfByModule = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const callersOf = new Map<string, Map<string, number>>();
  const insideShared = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((sampleId, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const node = byId.get(sampleId);
    if (!node) return;
    totalUs += us;
    selfByModule.set(where(node), (selfByModule.get(where(node)) ?? 0) + us);
    selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + us);
    const caller = byId.get(parent.get(node.id) ?? -1);
    const callers = callersOf.get(label(node)) ?? new Map<string, number>();
    callers.set(caller ? label(caller) : '(root)', (callers.get(caller ? label(caller) : '(root)') ?? 0) + us);
    callersOf.set(label(node), callers);
    // Inclusive time of the helper's own functions: each counted once per sample.
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      if (where(at).startsWith('shared/') && !seen.has(label(at))) {
        seen.add(label(at));
        insideShared.set(label(at), (insideShared.get(label(at)) ?? 0) + us);
      }
    }
  });

  const selfByLayer = new Map<string, number>();
  for (const [module, us] of selfByModule) selfByLayer.set(layerOf(module), (selfByLayer.get(layerOf(module)) ?? 0) + us);
  const busyUs = totalUs - (selfByLayer.get('idle, profiler, VM') ?? 0);
  const invocations = Number(countArg);
  const hottest = [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, 6);
  process.stdout.write(
    [
      `${subject.id}, ${scenario?.version} ${scenario?.name}: ${invocations} invocations, ${(profile.elapsedUs / invocations).toFixed(1)} µs per invocation (wall, profiler on)`,
      '',
      'self time by layer, µs per invocation (share of busy time); idle and profiler left out:',
      ...[...selfByLayer]
        .filter(([layer]) => layer !== 'idle, profiler, VM')
        .sort((a, b) => b[1] - a[1])
        .map(
          ([layer, us]) => `${(us / invocations).toFixed(2).padStart(7)} µs  ${((100 * us) / busyUs).toFixed(1).padStart(5)}%  ${layer}`,
        ),
      '',
      'self time by module:',
      ...top(selfByModule, 18, totalUs),
      '',
      'self time by function:',
      ...top(selfByFunction, 30, totalUs),
      '',
      'time inside the helper (shared/) functions, callees included:',
      ...top(insideShared, 30, totalUs),
      '',
      'callers of the hottest functions:',
      ...hottest.flatMap(([name]) => [`  ${name}`, ...top(callersOf.get(name) ?? new Map(), 4, totalUs).map((line) => `    ${line}`)]),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
