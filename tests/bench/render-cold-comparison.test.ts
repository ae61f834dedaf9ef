import { GOAL_RATIO, judgeColdRatio } from '../../bench/render-cold-comparison';
import { MIN_PAIRS_FOR_VERDICT } from '../../bench/stats';

const estimate = (low: number, high: number, n = 30) => ({ ratio: (low + high) / 2, low, high, n });

describe('judgeColdRatio', () => {
  it('says the goal is met only when the whole interval is below 0.75', () => {
    expect(judgeColdRatio(estimate(0.6, 0.74))).toMatch(/goal met/);
    expect(judgeColdRatio(estimate(0.6, GOAL_RATIO))).toBe('shorter');
  });

  it('calls an interval wholly below 1 that reaches 0.75 shorter, not the goal', () => {
    expect(judgeColdRatio(estimate(0.7, 0.9))).toBe('shorter');
  });

  it('separates only what the interval separates', () => {
    expect(judgeColdRatio(estimate(0.9, 1.1))).toBe('not separable');
    expect(judgeColdRatio(estimate(1.05, 1.2))).toBe('longer');
  });

  it('gives no verdict from fewer runs than a bootstrap can use', () => {
    expect(judgeColdRatio(estimate(0.5, 0.6, MIN_PAIRS_FOR_VERDICT - 1))).toMatch(/too few runs/);
  });
});
