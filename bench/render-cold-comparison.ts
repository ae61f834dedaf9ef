import type { Bundle } from './build-bundles';
import type { ColdStartSample } from './measure-cold-start';
import type { RuntimeClientColdStartSample } from './measure-runtime-client-cold-start';
import { firstWrong, formatInterval, formatSpread, table } from './report';
import { BOOTSTRAP, bootstrapRatio, MIN_PAIRS_FOR_VERDICT, summarize, type RatioEstimate } from './stats';

/** What the issue asks of each function: current ÷ baseline wholly below this. */
export const GOAL_RATIO = 0.75;

/** One side's cold starts of one function, both ways, run i of each side paired with the other's. */
export interface ColdStartsOfSide {
  readonly bundle: Bundle;
  readonly inProcess: readonly ColdStartSample[];
  /** Absent when the runtime client could not be run. */
  readonly runtimeClient?: readonly RuntimeClientColdStartSample[];
}

export interface ColdComparison {
  readonly framework: string;
  readonly baseline: ColdStartsOfSide;
  readonly current: ColdStartsOfSide;
}

export interface ComparisonRun {
  /** The baseline: a short sha, or the BuildProperties it was built with. */
  readonly commit: string;
  readonly runs: number;
  readonly startedAt: string;
  readonly machine: string;
  /** Why the runtime client's rows are missing, when they are. */
  readonly runtimeClientSkipped?: string;
  readonly functions: readonly ColdComparison[];
}

/** `goal met` only when the whole interval is below the goal; otherwise which side of 1 it lies on, if any. */
export function judgeColdRatio(estimate: RatioEstimate): string {
  if (estimate.n < MIN_PAIRS_FOR_VERDICT) return `too few runs for a verdict (${estimate.n})`;
  if (estimate.high < GOAL_RATIO) return `**goal met** (wholly below ${GOAL_RATIO})`;
  if (estimate.high < 1) return 'shorter';
  if (estimate.low > 1) return 'longer';
  return 'not separable';
}

interface Figures {
  readonly values: readonly number[];
  readonly wrong: string | undefined;
}

function compareRow(measure: string, baseline: Figures, current: Figures): string[] {
  const spread = (figures: Figures): string => (figures.wrong ? `✗ ${figures.wrong}` : formatSpread(summarize(figures.values as number[])));
  const row = [measure, spread(baseline), spread(current)];
  if (baseline.wrong !== undefined || current.wrong !== undefined) return [...row, '–', 'a wrong answer is not ranked'];
  const estimate = bootstrapRatio(current.values, baseline.values);
  return [...row, `${estimate.ratio.toFixed(2)}× ${formatInterval(estimate.low, estimate.high)}`, judgeColdRatio(estimate)];
}

function rowsOf(comparison: ColdComparison): string[][] {
  const inProcess = (side: ColdStartsOfSide): Figures => ({
    values: side.inProcess.map((sample) => sample.requireMs + sample.firstInvocationMs),
    wrong: firstWrong(side.inProcess.map((sample) => sample.verdict)),
  });
  const rows = [compareRow('require + first ping, in-process', inProcess(comparison.baseline), inProcess(comparison.current))];
  const baseline = comparison.baseline.runtimeClient;
  const current = comparison.current.runtimeClient;
  if (!baseline || !current) return rows;
  const underClient = (
    samples: readonly RuntimeClientColdStartSample[],
    pick: (sample: RuntimeClientColdStartSample) => number,
  ): Figures => ({
    values: samples.map(pick),
    wrong: firstWrong(samples.map((sample) => sample.verdict)),
  });
  for (const [measure, pick] of [
    ['spawn → response, runtime client', (sample: RuntimeClientColdStartSample) => sample.totalMs],
    ['INIT, runtime client', (sample: RuntimeClientColdStartSample) => sample.initMs],
    ['first invoke, runtime client', (sample: RuntimeClientColdStartSample) => sample.firstInvokeMs],
  ] as const) {
    rows.push(compareRow(measure, underClient(baseline, pick), underClient(current, pick)));
  }
  return rows;
}

/** The comparison as markdown: per function, current ÷ baseline for each way of counting a cold start. */
export function renderColdComparison(run: ComparisonRun): string {
  const kb = (bundle: Bundle): string => `${(bundle.bytes / 1024).toFixed(1)} KB`;
  const sections = run.functions.map((comparison) =>
    [
      `### functions/${comparison.framework}: bundle ${kb(comparison.baseline.bundle)} for ${run.commit}, ${kb(comparison.current.bundle)} now`,
      '',
      table(
        ['cold start, ms', `baseline ${run.commit}`, 'current', `current ÷ baseline [${BOOTSTRAP.confidence * 100}%]`, 'verdict'],
        rowsOf(comparison),
      ),
    ].join('\n'),
  );
  return [
    `## Cold start: the functions as sam build builds them now, against ${run.commit}`,
    '',
    `Run: ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${run.runs} interleaved runs. Machine: ${run.machine}.`,
    '',
    `Each side's functions are built from its own template's BuildProperties and answer its own sample ping event (\`<framework>-ping.json\`). Every run starts each function of both sides once in each way, in a rotated order, on Node 24: **in-process** is a fresh \`node\` that requires the bundle and answers the first event; **runtime client** is aws-lambda-ric spawned against the local Runtime API, INIT = spawn → its first \`GET /invocation/next\`, first invoke = that → the response received. Figures are medians (p25–p75); ratios are medians' ratios with a percentile bootstrap interval, runs resampled in pairs (${BOOTSTRAP.resamples} resamples, seed ${BOOTSTRAP.seed}). **goal met**: the whole interval is below ${GOAL_RATIO}; shorter / longer: wholly below / above 1; no verdict from fewer than ${MIN_PAIRS_FOR_VERDICT} runs.`,
    ...(run.runtimeClientSkipped ? ['', `Runtime client not measured: ${run.runtimeClientSkipped}.`] : []),
    '',
    sections.join('\n\n'),
  ].join('\n');
}
