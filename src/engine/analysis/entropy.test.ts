import { describe, expect, it } from 'vitest';
import { cpuWeights } from '../cpu';
import { generateProblem } from '../inputs/generate';
import { denseFromHandle } from './dense';
import { histogram, rowEntropies } from './entropy';

describe('rowEntropies', () => {
  it('gives ln n for uniform rows and 0 for one-hot rows (non-causal)', () => {
    const n = 4;
    const data = [0.25, 0.25, 0.25, 0.25, 0, 1, 0, 0, 0.5, 0.5, 0, 0, 0.25, 0.25, 0.25, 0.25];
    const result = rowEntropies({ rows: n, cols: n, data }, { causal: false });
    expect(Array.from(result.entropy)).toEqual([Math.log(4), 0, Math.log(2), Math.log(4)]);
    expect(Array.from(result.maxEntropy)).toEqual([Math.log(4), Math.log(4), Math.log(4), Math.log(4)]);
    expect(result.mean).toBeCloseTo((2 * Math.log(4) + Math.log(2)) / 4, 15);
    expect(result.renormalizedRows).toBe(0);
  });

  it('counts visible keys under the causal mask and a window', () => {
    // Causal uniform rows: row i spreads over i + 1 keys.
    const n = 5;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = 1 / (i + 1);
    const causal = rowEntropies({ rows: n, cols: n, data }, { causal: true });
    for (let i = 0; i < n; i++) {
      expect(causal.entropy[i]).toBeCloseTo(Math.log(i + 1), 14);
      expect(causal.maxEntropy[i]).toBeCloseTo(Math.log(i + 1), 15);
    }
    const windowed = rowEntropies({ rows: n, cols: n, data }, { causal: true, window: 2 });
    expect(Array.from(windowed.maxEntropy)).toEqual([0, Math.log(2), Math.log(2), Math.log(2), Math.log(2)]);
  });

  it('renormalises rows that are not distributions (negatives clipped) and counts them', () => {
    const data = [0.6, 0.6, -0.2, 0, 0, 0, 0.5, 0.3, 0.2];
    const result = rowEntropies({ rows: 3, cols: 3, data }, { causal: false });
    expect(result.entropy[0]).toBeCloseTo(Math.log(2), 15);
    expect(result.entropy[1]).toBeCloseTo(Math.log(3), 15);
    const p = [0.5, 0.3, 0.2];
    expect(result.entropy[2]).toBeCloseTo(-p.reduce((h, x) => h + x * Math.log(x), 0), 15);
    expect(result.renormalizedRows).toBe(2);
  });
});

describe('histogram', () => {
  it('bins equal-width with the last bin closed', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 1, 2], { bins: 4, min: 0, max: 1 });
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.counts)).toEqual([2, 0, 1, 3]);
  });

  it('uses the data range by default and widens a single value', () => {
    expect(Array.from(histogram([1, 2, 3, 4], { bins: 3 }).counts)).toEqual([1, 1, 2]);
    const single = histogram([7, 7], { bins: 2 });
    expect(Array.from(single.edges)).toEqual([6.5, 7, 7.5]);
    expect(Array.from(single.counts)).toEqual([0, 2]);
    expect(() => histogram([1], { bins: 0 })).toThrow(/bins/);
  });
});

describe('row entropy of engine weights', () => {
  it('softmax rows sharpen as the temperature grows, and linear attention stays flatter', () => {
    const meanEntropy = (variant: 'softmax' | 'linear', temperature: number) => {
      const problem = generateProblem({
        seed: 6,
        n: 64,
        dk: 16,
        dv: 4,
        temperature,
        locality: 0,
        clustering: 0.5,
      });
      const weights = denseFromHandle(
        cpuWeights({ variant, problem: { ...problem, params: { causal: false } } }),
      );
      return rowEntropies(weights, { causal: false });
    };
    const cool = meanEntropy('softmax', 0.5);
    const hot = meanEntropy('softmax', 3);
    expect(hot.mean).toBeLessThan(cool.mean - 0.5);
    expect(cool.mean).toBeLessThan(Math.log(64));
    expect(cool.renormalizedRows).toBe(0);
    // elu+1 scores are all positive and grow only linearly with q·k: rows stay near uniform.
    expect(meanEntropy('linear', 3).mean).toBeGreaterThan(hot.mean);
  });
});
