// Runs one subject's scenario many times in a row and profiles only those invocations (V8's
// sampling profiler through node:inspector), so setup is not in the profile. Run as plain JS by
// profile-warm.ts; writes the .cpuprofile to the path it is given.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { basename, dirname } from 'node:path';
import { loadHandler } from '../../dev/lambda-runtime/instance/load-handler';
import { benchContext } from '../harness/bench-context';
import { turnEventLoop } from '../harness/turn-event-loop';
import { makeScenarios } from '../scenarios';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

const CHUNK = 64;

async function main(): Promise<void> {
  const [bundle, framework, input, scenarioIndex, count, outFile] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const scenario = makeScenarios(framework)[Number(scenarioIndex)];
  if (!scenario) throw new Error(`no scenario ${scenarioIndex}`);
  const handler = (await loadHandler(dirname(bundle), `${basename(bundle, '.js')}.handler`)) as Handler;
  const context = benchContext('profile-0001');
  const makeInput = (): unknown => (input === 'direct' ? scenario.direct : scenario.makeEvent());
  // Warm up first: the profile is of the optimized, steady state the warm benchmark measures.
  for (let i = 0; i < 2000; i += 1) {
    await handler(makeInput(), context);
    await turnEventLoop();
  }

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  // As in the warm benchmark, events are built a chunk at a time, never the whole run at once (that
  // would keep thousands alive and inflate every collection); building them shows as the harness.
  let elapsedNs = 0n;
  for (let done = 0; done < Number(count); done += CHUNK) {
    const inputs = Array.from({ length: CHUNK }, makeInput);
    const started = process.hrtime.bigint();
    for (const each of inputs) {
      await handler(each, context);
      await turnEventLoop();
    }
    elapsedNs += process.hrtime.bigint() - started;
  }
  const elapsedUs = Number(elapsedNs) / 1000;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(outFile, JSON.stringify({ ...profile, elapsedUs }));
  process.exit(0);
}

void main();
