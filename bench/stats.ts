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
