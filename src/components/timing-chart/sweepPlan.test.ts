import { describe, expect, it } from 'vitest';
import { pointBudgetMs, sweepSizes } from './sweepPlan';

describe('sweep plan', () => {
  it('sweeps powers of two from 64 to the smaller of the reader’s n and the backend cap', () => {
    expect(sweepSizes(1024)).toEqual([64, 128, 256, 512, 1024]);
    expect(sweepSizes(16384, 1024)).toEqual([64, 128, 256, 512, 1024]);
    expect(sweepSizes(100)).toEqual([64]);
    expect(sweepSizes(50)).toEqual([]);
  });

  it('splits the total budget over cases and runs', () => {
    // 60 s over 5 cases: 60000 / (2 · 7 · 5) ms per point.
    expect(pointBudgetMs(60, 5)).toBeCloseTo(857.142857, 5);
    expect(pointBudgetMs(60, 0)).toBeCloseTo(60000 / 14, 6);
  });
});
