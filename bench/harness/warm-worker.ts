// One subject's warm process: loads its bundle once, then on each request from the parent runs
// a batch of sequential invocations and reports µs per invocation. Run as plain JS (no TS loader).
import { basename, dirname, extname } from 'node:path';
import { loadHandler } from '../../dev/lambda-runtime/instance/load-handler';
import { checkResult, type Verdict } from '../check-result';
import { makeScenarios } from '../scenarios';
import { benchContext } from './bench-context';
import { turnEventLoop } from './turn-event-loop';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

export interface BatchRequest {
  readonly scenario: number;
  readonly warmup: number;
  /** How long a timed batch lasts, on the wall clock (whole chunks of invocations). */
  readonly batchMs: number;
}

export interface BatchReport {
  /** Wall-clock µs per invocation. */
  readonly usPerInvocation: number;
  /** CPU µs per invocation (user + system, every thread of the process): other processes' load inflates it less. */
  readonly cpuUsPerInvocation: number;
  readonly invocations: number;
  readonly verdict: Verdict;
}

/**
 * A batch runs whole chunks until its clock reaches `batchMs`: sized by time, not by a count fixed
 * from a first warm-up, which on a fresh process (unoptimized code, a busy machine) came out so low
 * that batches lasted a few milliseconds and measured the scheduler. The bounds keep a GC pause
 * averaged out and a slow subject from running forever.
 */
const MIN_INVOCATIONS = 64;
const MAX_INVOCATIONS = 20_000;
/**
 * Inputs are built this many at a time, off the clock. Building a whole batch first kept up to
 * 20,000 events (3 to 5 KB each) alive through the timed loop, so every scavenge copied them: a
 * GC cost Lambda, with one event live at a time, does not have. One shared event will not do
 * either: some adapters write into the event they are given.
 */
const INPUTS_PER_CHUNK = 64;

const [bundle, framework, inputKind] = process.argv.slice(2) as [string, string, 'event' | 'direct'];
const scenarios = makeScenarios(framework);
const context = benchContext('warm-0001');
const loaded = loadHandler(dirname(bundle), `${basename(bundle, extname(bundle))}.handler`) as Promise<Handler>;

async function runBatch({ scenario: index, warmup, batchMs }: BatchRequest): Promise<BatchReport> {
  const handler = await loaded;
  const scenario = scenarios[index];
  if (!scenario) throw new Error(`no scenario ${index}`);
  // A fresh input per invocation, made off the clock: building it is not the subject's cost.
  const makeInput = (): unknown => (inputKind === 'direct' ? scenario.direct : scenario.makeEvent());
  let verdict: Verdict;
  for (let done = 0; done < warmup; done += 1) {
    const result = await handler(makeInput(), context);
    verdict ??= checkResult(result, scenario.expected);
    await turnEventLoop();
  }

  let last: unknown;
  let invocations = 0;
  let elapsedNs = 0n;
  let cpuUs = 0;
  const budgetNs = BigInt(Math.round(batchMs * 1e6));
  while ((elapsedNs < budgetNs || invocations < MIN_INVOCATIONS) && invocations < MAX_INVOCATIONS) {
    const inputs = Array.from({ length: INPUTS_PER_CHUNK }, makeInput);
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const input of inputs) {
      last = await handler(input, context);
      await turnEventLoop();
    }
    elapsedNs += process.hrtime.bigint() - started;
    const cpu = process.cpuUsage(cpuStarted);
    cpuUs += cpu.user + cpu.system;
    invocations += inputs.length;
  }
  verdict ??= checkResult(last, scenario.expected);
  return { usPerInvocation: Number(elapsedNs) / 1000 / invocations, cpuUsPerInvocation: cpuUs / invocations, invocations, verdict };
}

process.on('message', (request: BatchRequest) => {
  runBatch(request).then(
    (report) => process.send?.(report),
    (error: unknown) =>
      process.send?.({ usPerInvocation: Number.NaN, cpuUsPerInvocation: Number.NaN, invocations: 0, verdict: `threw: ${String(error)}` }),
  );
});
process.send?.('ready');
