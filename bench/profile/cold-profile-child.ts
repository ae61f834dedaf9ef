// One profiled cold start, run as plain JS under `node --cpu-prof` by profile-cold.ts: loads the
// bundle's handler as the runtime's init phase does, answers one event, and writes the phase marks.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadHandler } from '../../dev/lambda-runtime/instance/load-handler';
import { benchContext } from '../harness/bench-context';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const [bundle, eventFile, outFile] = process.argv.slice(2) as [string, string, string];
  const event = JSON.parse(readFileSync(eventFile, 'utf8')) as unknown;
  const context = benchContext('cold-profile-0001');

  // The profile's timestamps are µs of the same monotonic clock as hrtime: this pair maps one onto
  // performance.now(), read back to back (a few µs apart at most).
  const clockNs = process.hrtime.bigint();
  const clockMs = performance.now();
  const requireStartMs = performance.now();
  const handler = (await loadHandler(dirname(bundle), `${basename(bundle, '.js')}.handler`)) as Handler;
  const requireEndMs = performance.now();
  const result = (await handler(event, context)) as { statusCode?: unknown };
  const answeredMs = performance.now();

  const { nodeStart, v8Start, environment, bootstrapComplete } = performance.nodeTiming;
  writeFileSync(
    outFile,
    JSON.stringify({
      clock: { hrtimeUs: Number(clockNs / 1000n), performanceMs: clockMs },
      nodeTiming: { nodeStart, v8Start, environment, bootstrapComplete },
      requireStartMs,
      requireEndMs,
      answeredMs,
      statusCode: result.statusCode,
    }),
  );
  // Apps may leave timers or sockets behind; the runtime would freeze them, we end the process.
  process.exit(0);
}

void main();
