import { describe, expect, it } from 'vitest';
import {
  defaultRankTolerance,
  effectiveRank,
  featureRankBound,
  FLOAT32_EPSILON,
  FLOAT64_EPSILON,
  numericalRank,
} from './rank';
import { spectrum } from './spectrum';
import { positiveFeatures, productWithTranspose, withSingularValues } from './testMatrices';

describe('effectiveRank', () => {
  it('is k for k equal singular values and 1 for rank one', () => {
    expect(effectiveRank([2, 2, 2, 0, 0])).toBeCloseTo(3, 14);
    expect(effectiveRank([5])).toBe(1);
    expect(effectiveRank([5, 0, 0])).toBe(1);
  });

  it('is exp(H(σ/Σσ)) in between: (2, 1) gives 3/2^(2/3)', () => {
    // p = (2/3, 1/3): H = ln 3 − (2/3) ln 2.
    expect(effectiveRank([2, 1])).toBeCloseTo(3 / 2 ** (2 / 3), 14);
  });

  it('is 0 for the zero matrix and the empty spectrum', () => {
    expect(effectiveRank([0, 0])).toBe(0);
    expect(effectiveRank([])).toBe(0);
  });
});

describe('numericalRank', () => {
  it('counts σ_i > tolerance·σ_max', () => {
    expect(numericalRank([10, 1e-3, 1e-10, 0], 1e-12)).toBe(3);
    expect(numericalRank([10, 1e-3, 1e-10, 0], 1e-5)).toBe(2);
    expect(numericalRank([0, 0], 1e-12)).toBe(0);
  });

  it('defaults to max(rows, cols)·ε', () => {
    expect(defaultRankTolerance(1024, 512)).toBe(1024 * 2 ** -52);
    expect(defaultRankTolerance(3, 7, FLOAT32_EPSILON)).toBe(7 * 2 ** -23);
    expect(FLOAT64_EPSILON).toBe(Number.EPSILON);
  });
});

describe('spectrum summary', () => {
  it('finds rank r = 5 in φ(Q)φ(K)ᵀ of 80 tokens, and the tolerance follows the data type', () => {
    const n = 80;
    const r = 5;
    const map = productWithTranspose(positiveFeatures(n, r, 8, 0), positiveFeatures(n, r, 8, 1), n, n, r);
    const summary = spectrum(map);
    expect(summary.numericalRank).toBe(r);
    expect(summary.relativeTolerance).toBe(n * 2 ** -52);
    expect(summary.absoluteTolerance).toBeCloseTo(summary.values[0] * n * 2 ** -52, 20);
    expect(summary.effectiveRank).toBeGreaterThan(1);
    expect(summary.effectiveRank).toBeLessThan(r);
    const asF32 = spectrum({ ...map, data: Float32Array.from(map.data) });
    expect(asF32.relativeTolerance).toBe(n * 2 ** -23);
    expect(asF32.numericalRank).toBe(r);
  });

  it('effective rank of U·diag(1,1,1,1)·Vᵀ is 4', () => {
    const summary = spectrum(withSingularValues(9, 6, [1, 1, 1, 1], 2));
    expect(summary.effectiveRank).toBeCloseTo(4, 12);
    expect(summary.numericalRank).toBe(4);
  });
});

describe('featureRankBound', () => {
  it('is r without the mask when r < n', () => {
    expect(featureRankBound({ n: 256, featureDim: 64, causal: false })).toMatchObject({
      bound: 64,
      limitedByFeatures: true,
    });
    expect(featureRankBound({ n: 256, featureDim: 64, causal: false, extraRankOne: 1 }).bound).toBe(65);
  });

  it('is n when r ≥ n or when causal', () => {
    expect(featureRankBound({ n: 32, featureDim: 64, causal: false })).toMatchObject({
      bound: 32,
      limitedByFeatures: false,
    });
    const causal = featureRankBound({ n: 256, featureDim: 4, causal: true });
    expect(causal.bound).toBe(256);
    expect(causal.limitedByFeatures).toBe(false);
    expect(causal.reason).toMatch(/causal mask/);
  });
});
