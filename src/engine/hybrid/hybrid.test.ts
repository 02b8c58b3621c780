// The branch shares of lesson 12: the hybrid's branches against a direct
// evaluation of their definitions, the share formula, the λ curve, and the
// Infini branch norms against the engine's infini output.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../cpu';
import { createRng } from '../inputs/random';
import { maxAbsDiff } from '../testing/vectors';
import { eluPlusOne } from '../variants/infini/cpu';
import {
  equalShareLogLambda,
  hybridBranches,
  hybridShares,
  infiniShares,
  infiniStateFloats,
  kvCacheFloats,
  linShareCurve,
  normShare,
} from './hybrid';

function head(seed: number, n: number, d: number) {
  const rng = createRng(seed);
  const draw = () => Float64Array.from({ length: n * d }, () => rng.nextNormal());
  return { n, dk: d, dv: d, q: draw(), k: draw(), v: draw() };
}

describe('sliding-window + linear hybrid', () => {
  it('each branch is its definition, evaluated directly', () => {
    const h = head(1, 30, 4);
    const w = 6;
    const scale = 0.5;
    const b = hybridBranches(h, w, scale);
    for (const t of [0, 5, 6, 7, 29]) {
      // Softmax over t−w < j ≤ t.
      const first = Math.max(0, t - w + 1);
      const e: number[] = [];
      for (let j = first; j <= t; j++) {
        let s = 0;
        for (let a = 0; a < 4; a++) s += h.q[t * 4 + a] * h.k[j * 4 + a];
        e.push(Math.exp(scale * s));
      }
      const total = e.reduce((x, y) => x + y, 0);
      // Linear over j ≤ t − w.
      const lin = [0, 0, 0, 0];
      let den = 0;
      for (let j = 0; j <= t - w; j++) {
        let s = 0;
        for (let a = 0; a < 4; a++) s += eluPlusOne(h.q[t * 4 + a]) * eluPlusOne(h.k[j * 4 + a]);
        den += s;
        for (let c = 0; c < 4; c++) lin[c] += s * h.v[j * 4 + c];
      }
      for (let c = 0; c < 4; c++) {
        let swa = 0;
        for (let j = first; j <= t; j++) swa += (e[j - first] / total) * h.v[j * 4 + c];
        expect(b.aSwa[t * 4 + c]).toBeCloseTo(swa, 12);
        expect(b.aLin[t * 4 + c]).toBeCloseTo(den > 0 ? lin[c] / den : 0, 12);
      }
    }
    // No key is older than the window before token w (0-based): the linear branch is empty.
    for (let i = 0; i < w * 4; i++) expect(b.aLin[i]).toBe(0);
  });

  it('the linear share is λ‖A_lin‖ / (‖A_swa‖ + λ‖A_lin‖), rising with λ from 0 to 1', () => {
    const h = head(2, 64, 8);
    const b = hybridBranches(h, 16, 1 / Math.sqrt(8));
    const s = hybridShares(b, 16, 2);
    expect(s.tokens).toBe(48);
    expect(s.linShare[20]).toBeCloseTo((2 * b.linNorm[20]) / (b.swaNorm[20] + 2 * b.linNorm[20]), 14);
    expect(s.linShare[3]).toBe(0);
    const curve = linShareCurve(b, 16, [-8, -4, 0, 4, 8]);
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThan(curve[i - 1]);
    expect(curve[0]).toBeLessThan(0.01);
    expect(curve[4]).toBeGreaterThan(0.99);
    expect(normShare(0, 0)).toBe(0);
    expect(() => hybridShares(b, 16, 0)).toThrow(/λ/);
  });
});

describe('Infini branch shares', () => {
  it('the two branches add up to the engine output; the first segment has no memory share', () => {
    const h = head(3, 50, 4);
    const options = { segment: 16, beta: 0.7, scale: 0.5 };
    const shares = infiniShares(h, options);
    const engine = runCpu({
      variant: 'infini',
      form: 'parallel',
      problem: { ...h, params: { segment: 16, beta: 0.7, scale: 0.5 } },
    });
    expect(shares.segments).toBe(4);
    expect(shares.gate).toBeCloseTo(1 / (1 + Math.exp(-0.7)), 15);
    for (let t = 0; t < 16; t++) expect(shares.memShare[t]).toBe(0);
    // ‖o_t‖ ≤ ‖mem‖ + ‖local‖ (the triangle inequality of the sum the engine returns).
    for (let t = 0; t < 50; t++) {
      let o = 0;
      for (let c = 0; c < 4; c++) o += engine.o[t * 4 + c] ** 2;
      expect(Math.sqrt(o)).toBeLessThanOrEqual(shares.memNorm[t] + shares.localNorm[t] + 1e-12);
    }
    const segmentMean = shares.memShare.slice(16, 32).reduce((a, b) => a + b, 0) / 16;
    expect(shares.segmentMeans[1]).toBeCloseTo(segmentMean, 14);
    expect(maxAbsDiff([shares.segmentMeans[0]], [0])).toBe(0);
    // The memory after the last segment is the engine's state (the memory over all tokens).
    let state = 0;
    for (const x of engine.state as Float64Array) state += x * x;
    expect(shares.memoryNorms[3]).toBeCloseTo(Math.sqrt(state), 10);
    expect(shares.memoryNorms[0]).toBeLessThan(shares.memoryNorms[3]);
  });

  it('state sizes: the KV cache grows with t, Infini keeps M, z and at most one segment of keys and values', () => {
    expect(kvCacheFloats(100, 32, 32)).toBe(6400);
    expect(infiniStateFloats(1, 64, 32, 32)).toBe(32 * 32 + 32 + 64);
    expect(infiniStateFloats(64, 64, 32, 32)).toBe(32 * 32 + 32 + 64 * 64);
    expect(infiniStateFloats(65, 64, 32, 32)).toBe(32 * 32 + 32 + 64);
    expect(infiniStateFloats(0, 64, 32, 32)).toBe(32 * 32 + 32);
  });
});

describe('equal share', () => {
  it('ln λ of the equal share gives a mean linear share of ½', () => {
    const h = head(4, 80, 8);
    const b = hybridBranches(h, 16, 1 / Math.sqrt(8));
    const l = equalShareLogLambda(b, 16);
    expect(Number.isFinite(l)).toBe(true);
    expect(hybridShares(b, 16, Math.exp(l)).meanLinShare).toBeCloseTo(0.5, 10);
    expect(equalShareLogLambda(b, 80)).toBeNaN();
  });
});
