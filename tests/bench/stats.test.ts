import { bootstrapRatio, MIN_PAIRS_FOR_VERDICT, seededRandom, summarize, verdictOf, type BootstrapPlan } from '../../bench/stats';

const PLAN: BootstrapPlan = { resamples: 2000, confidence: 0.95, seed: 7 };

/** Normal draws (Box-Muller) from a seeded generator: synthetic batches with a known centre. */
function normalSamples(count: number, mean: number, sd: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => mean + sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const first = Array.from({ length: 1000 }, seededRandom(42));
    const again = Array.from({ length: 1000 }, seededRandom(42));
    expect(again).toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, seededRandom(43))).not.toEqual(first);
  });

  it('spreads its draws evenly: each tenth of [0, 1) gets about a tenth', () => {
    const random = seededRandom(1);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const bin = Math.floor(random() * 10);
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    for (const count of bins) expect(Math.abs(count - 1000)).toBeLessThan(100);
  });
});

describe('bootstrapRatio', () => {
  it('a subject exactly twice as slow in every batch: ratio 2, interval [2, 2], behind', () => {
    const peer = normalSamples(20, 100, 10, 1);
    const estimate = bootstrapRatio(
      peer.map((us) => us * 2),
      peer,
      PLAN,
    );
    expect(estimate.ratio).toBeCloseTo(2, 12);
    expect(estimate.low).toBeCloseTo(2, 12);
    expect(estimate.high).toBeCloseTo(2, 12);
    expect(verdictOf(estimate)).toBe('behind');
  });

  it('the same batches on both sides: ratio 1, not separable', () => {
    const samples = normalSamples(20, 100, 10, 2);
    const estimate = bootstrapRatio(samples, samples, PLAN);
    expect(estimate).toMatchObject({ ratio: 1, low: 1, high: 1, n: 20 });
    expect(verdictOf(estimate)).toBe('not separable');
  });

  it('80 µs against 100 µs with small independent noise: an interval around 0.8, ahead', () => {
    const estimate = bootstrapRatio(normalSamples(20, 80, 2, 3), normalSamples(20, 100, 2, 4), PLAN);
    expect(estimate.low).toBeGreaterThan(0.75);
    expect(estimate.high).toBeLessThan(0.85);
    expect(estimate.low).toBeLessThanOrEqual(estimate.ratio);
    expect(estimate.high).toBeGreaterThanOrEqual(estimate.ratio);
    expect(verdictOf(estimate)).toBe('ahead');
  });

  it('two draws from one distribution with wide noise: the interval holds 1, not separable', () => {
    const estimate = bootstrapRatio(normalSamples(20, 100, 15, 5), normalSamples(20, 100, 15, 6), PLAN);
    expect(estimate.low).toBeLessThan(1);
    expect(estimate.high).toBeGreaterThan(1);
    expect(verdictOf(estimate)).toBe('not separable');
  });

  it('resamples batches as pairs: a slowdown shared by both sides of a round does not blur a 5% lead', () => {
    // Shaped like the twice-as-slow case above (duplicates lists the pair): there the ratio is fixed
    // across rounds, here the load moves. Each round's load moves both subjects (x1 to x3); ours is 0.95 of the peer within every round.
    const load = normalSamples(20, 2, 0.5, 8).map((factor) => Math.max(1, factor));
    const peer = load.map((factor) => 100 * factor);
    const estimate = bootstrapRatio(
      peer.map((us) => us * 0.95),
      peer,
      PLAN,
    );
    expect(estimate.low).toBeCloseTo(0.95, 12);
    expect(estimate.high).toBeCloseTo(0.95, 12);
    expect(verdictOf(estimate)).toBe('ahead');
  });

  it('covers the true ratio in about 95% of repeated synthetic runs', () => {
    // True medians 90 and 100: the ratio is 0.9. A 95% interval should miss it rarely.
    let covered = 0;
    const trials = 100;
    for (let trial = 0; trial < trials; trial += 1) {
      const estimate = bootstrapRatio(normalSamples(20, 90, 6, 1000 + trial), normalSamples(20, 100, 6, 5000 + trial), {
        ...PLAN,
        resamples: 500,
      });
      if (estimate.low <= 0.9 && 0.9 <= estimate.high) covered += 1;
    }
    expect(covered).toBeGreaterThanOrEqual(85);
    expect(covered).toBeLessThanOrEqual(100);
  });

  it('gives the same interval for the same seed, and may move with another', () => {
    const ours = normalSamples(20, 95, 8, 9);
    const peer = normalSamples(20, 100, 8, 10);
    expect(bootstrapRatio(ours, peer, PLAN)).toEqual(bootstrapRatio(ours, peer, PLAN));
    expect(bootstrapRatio(ours, peer, { ...PLAN, seed: 8 }).low).not.toBe(bootstrapRatio(ours, peer, PLAN).low);
  });

  it('leaves out batches where either side failed (NaN), pairing the rest by round', () => {
    const estimate = bootstrapRatio([50, Number.NaN, 50, 50], [100, 100, Number.NaN, 100], PLAN);
    expect(estimate).toMatchObject({ ratio: 0.5, low: 0.5, high: 0.5, n: 2 });
  });

  it('has no estimate and no verdict when no batch pairs up', () => {
    const estimate = bootstrapRatio([Number.NaN], [100], PLAN);
    expect(estimate.n).toBe(0);
    expect(estimate.ratio).toBeNaN();
    expect(verdictOf(estimate)).toBe('too few batches');
  });

  it('gives no verdict from fewer than 8 paired batches, however far apart they are', () => {
    const peer = normalSamples(MIN_PAIRS_FOR_VERDICT - 1, 100, 1, 11);
    const estimate = bootstrapRatio(
      peer.map((us) => us * 3),
      peer,
      PLAN,
    );
    expect(estimate.low).toBeGreaterThan(1);
    expect(verdictOf(estimate)).toBe('too few batches');
    expect(
      verdictOf(
        bootstrapRatio(
          [...peer, 100].map((us) => us * 3),
          [...peer, 100],
          PLAN,
        ),
      ),
    ).toBe('behind');
  });
});

describe('summarize', () => {
  it('gives the median and quartiles of the finite samples', () => {
    expect(summarize([4, 1, 3, 2, 5, Number.NaN])).toEqual({ median: 3, p25: 2, p75: 4, n: 5 });
  });
});
