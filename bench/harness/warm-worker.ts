// One subject's warm process: loads its bundle once, then on each request from the parent runs
// a batch of sequential invocations and reports µs per invocation. Run as plain JS (no TS loader).
import { basename, dirname } from 'node:path';
import { loadHandler } from '../../dev/sam-model/load-handler';
import { checkResult, type Verdict } from '../check-result';
import { makeScenarios } from '../scenarios';
import { benchContext } from './bench-context';
import { turnEventLoop } from './turn-event-loop';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

export interface BatchRequest {
  readonly scenario: number;
  readonly warmup: number;
  /** How long a timed batch should last: it sets the invocations, once per scenario. */
  readonly batchMs: number;
}

export interface BatchReport {
  readonly usPerInvocation: number;
  readonly invocations: number;
  readonly verdict: Verdict;
}

// Bounds on a batch: enough invocations to average out a GC pause, not so many inputs that memory matters.
const MIN_INVOCATIONS = 50;
const MAX_INVOCATIONS = 20_000;
/** Invocations per batch, per scenario: fixed after the first batch so every sample counts alike. */
const invocationsFor = new Map<number, number>();

const [bundle, framework, inputKind] = process.argv.slice(2) as [string, string, 'event' | 'direct'];
const scenarios = makeScenarios(framework);
const context = benchContext('warm-0001');
const loaded = loadHandler(dirname(bundle), `${basename(bundle, '.js')}.handler`) as Promise<Handler>;

async function runBatch({ scenario: index, warmup, batchMs }: BatchRequest): Promise<BatchReport> {
  const handler = await loaded;
  const scenario = scenarios[index];
  if (!scenario) throw new Error(`no scenario ${index}`);
  // Fresh inputs made before the clock starts: building them is not the subject's cost.
  const makeInput = (): unknown => (inputKind === 'direct' ? scenario.direct : scenario.makeEvent());
  const warmupInputs = Array.from({ length: warmup }, makeInput);
  let verdict: Verdict;
  const warmupStarted = process.hrtime.bigint();
  for (const input of warmupInputs) {
    const result = await handler(input, context);
    verdict ??= checkResult(result, scenario.expected);
    await turnEventLoop();
  }
  const warmupUs = Number(process.hrtime.bigint() - warmupStarted) / 1000 / warmup;
  let invocations = invocationsFor.get(index);
  if (invocations === undefined) {
    invocations = Math.round(Math.min(MAX_INVOCATIONS, Math.max(MIN_INVOCATIONS, (batchMs * 1000) / warmupUs)));
    invocationsFor.set(index, invocations);
  }
  const inputs = Array.from({ length: invocations }, makeInput);

  let last: unknown;
  const started = process.hrtime.bigint();
  for (const input of inputs) {
    last = await handler(input, context);
    await turnEventLoop();
  }
  const elapsedNs = Number(process.hrtime.bigint() - started);
  verdict ??= checkResult(last, scenario.expected);
  return { usPerInvocation: elapsedNs / 1000 / invocations, invocations, verdict };
}

process.on('message', (request: BatchRequest) => {
  runBatch(request).then(
    (report) => process.send?.(report),
    (error: unknown) => process.send?.({ usPerInvocation: Number.NaN, invocations: 0, verdict: `threw: ${String(error)}` }),
  );
});
process.send?.('ready');
