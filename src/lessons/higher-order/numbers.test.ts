import { describe, expect, it } from 'vitest';
import { growthExponent, keyMetric, nonPositiveCount, rowNorms, splitState, stateSizes } from './numbers';

describe('lesson 11 numbers', () => {
  it('state sizes: d² + 2·d·dv (+2d), d·dv (+d), 2·t·d', () => {
    expect(stateSizes(16, 16, 64, false)).toEqual({ hla: 768, linear: 256, kvCache: 2048 });
    expect(stateSizes(8, 4, 10, true)).toEqual({ hla: 64 + 64 + 16, linear: 32 + 8, kvCache: 120 });
  });

  it('growth exponent: 2 for ‖o_t‖ = t², 1 for t, 0 for a constant', () => {
    const n = 200;
    const of = (f: (t: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1));
    expect(growthExponent(of((t) => 3 * t * t))).toBeCloseTo(2, 12);
    expect(growthExponent(of((t) => t))).toBeCloseTo(1, 12);
    expect(growthExponent(of(() => 5))).toBeCloseTo(0, 12);
    expect(growthExponent([1])).toBeNaN();
  });

  it('key metric: S^K = cI keeps the query direction (cos 1, gain c); a rank-one S^K bends it', () => {
    const q = [3, 4];
    const iso = [2, 0, 0, 2];
    expect(keyMetric(q, iso, 2).gain).toBeCloseTo(2, 12);
    expect(keyMetric(q, iso, 2).cosine).toBeCloseTo(1, 12);
    const oneKey = [1, 0, 0, 0]; // S^K = e₁ᵀe₁: u = (3, 0)
    expect(Array.from(keyMetric(q, oneKey, 2).u)).toEqual([3, 0]);
    expect(keyMetric(q, oneKey, 2).cosine).toBeCloseTo(0.6, 12);
  });

  it('row norms, non-positive count and the packed state split', () => {
    expect(rowNorms([3, 4, 0, 0], 2, 2)).toEqual([5, 0]);
    expect(nonPositiveCount([1, 0, -2, 3])).toBe(2);
    const packed = Float64Array.from({ length: 4 + 2 * 6 }, (_, i) => i);
    const { s, c, g } = splitState(packed, 2, 3);
    expect(Array.from(s)).toEqual([0, 1, 2, 3]);
    expect(Array.from(c)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(Array.from(g)).toEqual([10, 11, 12, 13, 14, 15]);
  });
});
