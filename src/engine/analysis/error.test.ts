import { describe, expect, it } from 'vitest';
import { generateProblem } from '../inputs/generate';
import { compareWithSoftmax } from './compare';
import { KL_UNIFORM_MIX, maxAbsDifference, weightError } from './error';

describe('weightError', () => {
  it('is zero for identical weights', () => {
    const w = { rows: 2, cols: 2, data: [0.3, 0.7, 0.5, 0.5] };
    expect(weightError(w, w, { causal: false })).toEqual({ relativeFrobenius: 0, meanRowKl: 0, maxRowKl: 0 });
  });

  it('gives the hand-computed Frobenius error and row KL', () => {
    const reference = { rows: 2, cols: 2, data: [0.5, 0.5, 1, 0] };
    const approx = { rows: 2, cols: 2, data: [0.25, 0.75, 1, 0] };
    const result = weightError(approx, reference, { causal: false });
    // ‖diff‖² = 0.0625·2, ‖ref‖² = 1.5.
    expect(result.relativeFrobenius).toBeCloseTo(Math.sqrt(0.125 / 1.5), 15);
    const row0 = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
    expect(result.maxRowKl).toBeCloseTo(row0, 15);
    expect(result.meanRowKl).toBeCloseTo(row0 / 2, 15);
  });

  it('keeps KL finite where the approximation puts zero (or negative) weight', () => {
    const reference = { rows: 1, cols: 2, data: [0.5, 0.5] };
    const approx = { rows: 1, cols: 2, data: [1.2, -0.2] };
    const lambda = KL_UNIFORM_MIX;
    const expected = 0.5 * Math.log(0.5 / (1 - lambda + lambda / 2)) + 0.5 * Math.log(0.5 / (lambda / 2));
    expect(weightError(approx, reference, { causal: false }).meanRowKl).toBeCloseTo(expected, 10);
    expect(expected).toBeGreaterThan(9.6);
  });

  it('spreads the guard over visible keys only (causal)', () => {
    const reference = { rows: 2, cols: 2, data: [1, 0, 0.5, 0.5] };
    const approx = { rows: 2, cols: 2, data: [1, 0, 0.5, 0.5] };
    expect(weightError(approx, reference, { causal: true }).maxRowKl).toBe(0);
  });

  it('maxAbsDifference', () => {
    expect(maxAbsDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(() => maxAbsDifference([1], [1, 2])).toThrow(/lengths/);
  });
});

describe('compareWithSoftmax', () => {
  const problem = generateProblem({
    seed: 5,
    n: 24,
    dk: 8,
    dv: 4,
    temperature: 1,
    locality: 0.3,
    clustering: 0.5,
  });

  it('is zero for softmax itself and for swa whose window covers every key', () => {
    const self = compareWithSoftmax({ variant: 'softmax', problem });
    expect(self).toEqual({ relativeFrobenius: 0, meanRowKl: 0, maxRowKl: 0, maxOutputError: 0 });
    const wide = compareWithSoftmax({ variant: 'swa', problem: { ...problem, params: { window: 24 } } });
    expect(wide.relativeFrobenius).toBe(0);
    expect(wide.maxOutputError).toBe(0);
  });

  it('is positive for linear attention, and a narrow window loses mass that softmax has', () => {
    const linear = compareWithSoftmax({
      variant: 'linear',
      problem: { ...problem, params: { causal: false } },
    });
    expect(linear.relativeFrobenius).toBeGreaterThan(0.01);
    expect(linear.meanRowKl).toBeGreaterThan(0);
    expect(linear.maxOutputError).toBeGreaterThan(0);
    // swa compares against causal softmax with the same window, so it is exact.
    const narrow = compareWithSoftmax({ variant: 'swa', problem: { ...problem, params: { window: 4 } } });
    expect(narrow.relativeFrobenius).toBe(0);
  });
});
