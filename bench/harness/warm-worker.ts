// One subject's warm process: loads its bundle once, then on each request from the parent runs
// a batch of sequential invocations and reports µs per invocation. Run as plain JS (no TS loader).
import { createRequire } from 'node:module';
import { checkResult, type Verdict } from '../check-result';
import { makeScenarios } from '../scenarios';
import { makeContext } from './lambda-context';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

export interface BatchRequest {
  readonly scenario: number;
  readonly warmup: number;
  readonly invocations: number;
}

export interface BatchReport {
  readonly usPerInvocation: number;
  readonly verdict: Verdict;
}

const [bundle, framework, inputKind] = process.argv.slice(2) as [string, string, 'event' | 'direct'];
const scenarios = makeScenarios(framework);
const context = makeContext('warm-0001');
const { handler } = createRequire(__filename)(bundle) as { handler: Handler };

async function runBatch({ scenario: index, warmup, invocations }: BatchRequest): Promise<BatchReport> {
  const scenario = scenarios[index];
  if (!scenario) throw new Error(`no scenario ${index}`);
  // Fresh inputs made before the clock starts: building them is not the subject's cost.
  const inputs = Array.from({ length: warmup + invocations }, () => (inputKind === 'direct' ? scenario.direct : scenario.makeEvent()));
  let verdict: Verdict;
  for (let i = 0; i < warmup; i += 1) {
    const result = await handler(inputs[i], context);
    verdict ??= checkResult(result, scenario.expected);
  }
  let last: unknown;
  const started = process.hrtime.bigint();
  for (let i = warmup; i < inputs.length; i += 1) last = await handler(inputs[i], context);
  const elapsedNs = Number(process.hrtime.bigint() - started);
  verdict ??= checkResult(last, scenario.expected);
  return { usPerInvocation: elapsedNs / 1000 / invocations, verdict };
}

process.on('message', (request: BatchRequest) => {
  runBatch(request).then(
    (report) => process.send?.(report),
    (error: unknown) => process.send?.({ usPerInvocation: Number.NaN, verdict: `threw: ${String(error)}` }),
  );
});
process.send?.('ready');
