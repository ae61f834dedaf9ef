/** A sample's middle and spread: median with its 25th and 75th percentiles. */
export interface Spread {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly n: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.ceil(at);
  return (sorted[below] as number) + ((sorted[above] as number) - (sorted[below] as number)) * (at - below);
}

export function summarize(samples: readonly number[]): Spread {
  const sorted = samples.filter((sample) => Number.isFinite(sample)).sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: sorted.length };
}

/** The subjects in another order each round (a rotation), so none always runs right after the same one. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** How ours compares with another subject on one run: a ratio of medians and its bootstrap interval. */
export interface RatioEstimate {
  /** median(ours) ÷ median(other) over every batch both answered. */
  readonly ratio: number;
  readonly low: number;
  readonly high: number;
  /** Paired batches used. */
  readonly n: number;
}

/** `ahead` and `behind` only when the whole interval is on one side of 1. */
export type Verdict = 'ahead' | 'behind' | 'not separable' | 'too few batches';

/**
 * Below this many paired batches a percentile bootstrap has too few distinct resamples to mean
 * anything (3 batches give 10), so no verdict is given: a quick run only smoke-checks.
 */
export const MIN_PAIRS_FOR_VERDICT = 8;

export interface BootstrapPlan {
  readonly resamples: number;
  /** Two-sided coverage of the interval, e.g. 0.95. */
  readonly confidence: number;
  /** The same seed gives the same interval for the same samples, so a report can be re-derived. */
  readonly seed: number;
}

export const BOOTSTRAP: BootstrapPlan = { resamples: 2000, confidence: 0.95, seed: 12 };

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

function medianOf(values: number[]): number {
  return quantile(
    values.sort((a, b) => a - b),
    0.5,
  );
}

/**
 * The ratio of medians, ours ÷ other, with a percentile bootstrap interval. Batch i of every
 * subject ran in the same round, next to each other, so the batches are resampled as pairs: noise
 * that slows a whole round (another process on the core) then moves both sides together instead of
 * widening the interval. Pairs where either side has no finite figure are left out.
 */
export function bootstrapRatio(ours: readonly number[], other: readonly number[], plan: BootstrapPlan = BOOTSTRAP): RatioEstimate {
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(ours.length, other.length); i += 1) {
    const a = ours[i] as number;
    const b = other[i] as number;
    if (Number.isFinite(a) && Number.isFinite(b)) pairs.push([a, b]);
  }
  const n = pairs.length;
  if (n === 0) return { ratio: Number.NaN, low: Number.NaN, high: Number.NaN, n };
  const ratio = medianOf(pairs.map(([a]) => a)) / medianOf(pairs.map(([, b]) => b));
  const random = seededRandom(plan.seed);
  const ratios: number[] = [];
  const a = new Array<number>(n);
  const b = new Array<number>(n);
  for (let resample = 0; resample < plan.resamples; resample += 1) {
    for (let i = 0; i < n; i += 1) {
      const pair = pairs[Math.floor(random() * n)] as [number, number];
      a[i] = pair[0];
      b[i] = pair[1];
    }
    ratios.push(medianOf(a) / medianOf(b));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - plan.confidence) / 2;
  return { ratio, low: quantile(ratios, tail), high: quantile(ratios, 1 - tail), n };
}

export function verdictOf(estimate: RatioEstimate): Verdict {
  if (estimate.n < MIN_PAIRS_FOR_VERDICT) return 'too few batches';
  if (estimate.high < 1) return 'ahead';
  if (estimate.low > 1) return 'behind';
  return 'not separable';
}
