// CPU references of second-order HLA: the shared vector in every form, the three
// forms against each other (n not a multiple of the chunk, normalised too), the
// paper's identities (the normaliser is the output with v ≡ 1, the state packs
// [S^K, C, G]) and the [disagree] note of attention-math.md §18.3: the Fig. 1(C)
// chunk formula without the middle term is wrong by O(1).
import { describe, expect, it } from 'vitest';
import { runCpu, cpuWeights } from '../../cpu';
import { generateProblem } from '../../inputs/generate';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../../testing/vectors';
import type { AttentionProblem, Form } from '../../types';
import { hla2CaptionChunk, hla2Trace, hla2StateFloats } from './cpu';
import { flopCount, memoryFootprint } from '../../analysis/cost';

const FORMS: readonly Form[] = ['parallel', 'recurrent', 'chunk'];

function problem(n: number, dk: number, dv: number, seed: number, heads = 1): AttentionProblem {
  return generateProblem({ seed, n, dk, dv, heads, temperature: 1, locality: 0.2, clustering: 0.3 });
}

function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

describe('hla2 CPU reference', () => {
  const [vector] = loadVectors(['hla2']);

  it('has the shared vector', () => {
    expect(vector?.name).toBe('hla2-basic');
  });

  for (const request of vector ? vectorRequests(vector) : []) {
    it(`hla2-basic ${request.form} matches expected o and state to 1e-9`, () => {
      const result = runCpu(request);
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThan(1e-9);
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      expect(vector.expectedState).not.toBeNull();
      expect(result.state).toHaveLength(4 * 4 + 2 * 4 * 4);
      expect(maxAbsDiff(result.state as Float64Array, vector.expectedState ?? [])).toBeLessThan(1e-9);
    });
  }

  const sizes = [
    { n: 1, dk: 3, dv: 2, chunk: 4 },
    { n: 37, dk: 5, dv: 3, chunk: 8 },
    { n: 50, dk: 4, dv: 6, chunk: 7 },
    { n: 64, dk: 8, dv: 8, chunk: 16 },
    { n: 23, dk: 6, dv: 1, chunk: 64 },
  ];
  for (const { n, dk, dv, chunk } of sizes) {
    for (const normalize of [false, true]) {
      it(`forms agree at n=${n}, dk=${dk}, dv=${dv}, chunk ${chunk}, normalize=${normalize}, 2 heads`, () => {
        const base = problem(n, dk, dv, 100 + n, 2);
        const params = { normalize, chunkSize: chunk };
        const runs = FORMS.map((form) => runCpu({ variant: 'hla2', form, problem: { ...base, params } }));
        const scale = Math.max(1, maxAbs(runs[1].o));
        expect(maxAbsDiff(runs[0].o, runs[1].o) / scale).toBeLessThan(1e-10);
        expect(maxAbsDiff(runs[2].o, runs[1].o) / scale).toBeLessThan(1e-10);
        // Same final state from every form ([S^K, C, G] per head).
        expect(runs[1].state).toHaveLength(2 * hla2StateFloats(dk, dv, false));
        const stateScale = Math.max(1, maxAbs(runs[1].state ?? []));
        expect(maxAbsDiff(runs[2].state ?? [], runs[1].state ?? []) / stateScale).toBeLessThan(1e-10);
        expect(maxAbsDiff(runs[0].state ?? [], runs[1].state ?? [])).toBe(0);
      });
    }
  }

  it('equals the brute-force double sum Σ_{j≤t} Σ_{i≤j} (q_t·k_i)(q_j·k_i) v_j', () => {
    const n = 9;
    const dk = 3;
    const dv = 2;
    const p = problem(n, dk, dv, 7);
    const dot = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number) => {
      let s = 0;
      for (let c = 0; c < dk; c++) s += a[i * dk + c] * b[j * dk + c];
      return s;
    };
    const expected = new Float64Array(n * dv);
    for (let t = 0; t < n; t++)
      for (let j = 0; j <= t; j++)
        for (let i = 0; i <= j; i++)
          for (let c = 0; c < dv; c++)
            expected[t * dv + c] += dot(p.q, t, p.k, i) * dot(p.q, j, p.k, i) * p.v[j * dv + c];
    const got = runCpu({ variant: 'hla2', form: 'recurrent', problem: p });
    expect(maxAbsDiff(got.o, expected)).toBeLessThan(1e-12);
  });

  it('weights(): the implied map times V is the output; normalised rows sum to ≈1', async () => {
    const base = problem(30, 4, 3, 11);
    for (const normalize of [false, true]) {
      const params = { normalize };
      const w = cpuWeights({ variant: 'hla2', problem: { ...base, params } });
      const host = w.host as Float64Array;
      const o = runCpu({ variant: 'hla2', form: 'recurrent', problem: { ...base, params } }).o;
      const wv = new Float64Array(30 * 3);
      for (let t = 0; t < 30; t++)
        for (let j = 0; j < 30; j++)
          for (let c = 0; c < 3; c++) wv[t * 3 + c] += host[t * 30 + j] * base.v[j * 3 + c];
      expect(maxAbsDiff(wv, o) / Math.max(1, maxAbs(o))).toBeLessThan(1e-10);
      // Causal: nothing above the diagonal.
      for (let t = 0; t < 30; t++) for (let j = t + 1; j < 30; j++) expect(host[t * 30 + j]).toBe(0);
      if (normalize) {
        for (let t = 0; t < 30; t++) {
          let sum = 0;
          for (let j = 0; j <= t; j++) sum += host[t * 30 + j];
          expect(sum).toBeCloseTo(1, 4);
        }
      }
    }
  });

  it('the normaliser is the unnormalised output of v ≡ 1, and the trace reproduces the outputs', () => {
    const n = 20;
    const base = problem(n, 4, 2, 5);
    const ones = { ...base, dv: 1, v: new Float64Array(n).fill(1) };
    const den = runCpu({ variant: 'hla2', form: 'chunk', problem: { ...ones, params: { chunkSize: 6 } } }).o;
    const trace = hla2Trace(
      {
        n,
        dk: 4,
        dv: 2,
        q: Float64Array.from(base.q),
        k: Float64Array.from(base.k),
        v: Float64Array.from(base.v),
      },
      1e-6,
      7,
    );
    expect(maxAbsDiff(trace.normalizers, den)).toBeLessThan(1e-10);
    const raw = runCpu({ variant: 'hla2', form: 'parallel', problem: base }).o;
    for (let t = 0; t < n; t++) {
      expect(trace.rawNorms[t]).toBeCloseTo(Math.hypot(raw[2 * t], raw[2 * t + 1]), 10);
    }
    // The state after token 7 is the final state of the first 7 tokens.
    const prefix = {
      ...base,
      n: 7,
      q: Float64Array.from(base.q).slice(0, 7 * 4),
      k: Float64Array.from(base.k).slice(0, 7 * 4),
      v: Float64Array.from(base.v).slice(0, 7 * 2),
    };
    const state = runCpu({ variant: 'hla2', form: 'recurrent', problem: prefix }).state as Float64Array;
    expect(maxAbsDiff(trace.state.s, state.subarray(0, 16))).toBeLessThan(1e-12);
    expect(maxAbsDiff(trace.state.c, state.subarray(16, 24))).toBeLessThan(1e-12);
    expect(maxAbsDiff(trace.state.g, state.subarray(24, 32))).toBeLessThan(1e-12);
  });

  it('the Fig. 1(C) caption formula (no middle term) is wrong by O(1) while ours is exact', () => {
    // Two chunks: O_B without Q_B S_A Q_Bᵀ ⊙ M must differ from the truth by the middle term.
    const n = 16;
    const dk = 4;
    const dv = 4;
    const base = problem(n, dk, dv, 42);
    const exact = runCpu({ variant: 'hla2', form: 'parallel', problem: base }).o;
    const chunked = runCpu({
      variant: 'hla2',
      form: 'chunk',
      problem: { ...base, params: { chunkSize: 8 } },
    }).o;
    expect(maxAbsDiff(chunked, exact)).toBeLessThan(1e-12);
    // Middle term for the second chunk: Σ_{8≤j≤t} (q_t S_A q_jᵀ) v_j, S_A = Σ_{i<8} k_iᵀk_i.
    let middleMax = 0;
    for (let t = 8; t < n; t++) {
      for (let c = 0; c < dv; c++) {
        let sum = 0;
        for (let j = 8; j <= t; j++) {
          let w = 0;
          for (let i = 0; i < 8; i++) {
            let a = 0;
            let b = 0;
            for (let d = 0; d < dk; d++) {
              a += base.q[t * dk + d] * base.k[i * dk + d];
              b += base.q[j * dk + d] * base.k[i * dk + d];
            }
            w += a * b;
          }
          sum += w * base.v[j * dv + c];
        }
        middleMax = Math.max(middleMax, Math.abs(sum));
      }
    }
    expect(middleMax).toBeGreaterThan(1e-2 * Math.max(1, maxAbs(exact)));
  });

  it('hla2CaptionChunk (Fig. 1(C) without the middle term): exact with one chunk, O(1) off with several', () => {
    const base = problem(40, 4, 3, 17);
    const head = {
      n: 40,
      dk: 4,
      dv: 3,
      q: Float64Array.from(base.q),
      k: Float64Array.from(base.k),
      v: Float64Array.from(base.v),
    };
    const exact = runCpu({ variant: 'hla2', form: 'recurrent', problem: base }).o;
    const scale = Math.max(1, maxAbs(exact));
    expect(maxAbsDiff(hla2CaptionChunk(head, 64), exact) / scale).toBeLessThan(1e-12);
    const wrong8 = maxAbsDiff(hla2CaptionChunk(head, 8), exact) / scale;
    expect(wrong8).toBeGreaterThan(1e-2);
  });

  it('cost model: recurrent FLOPs 4d² + 10·d·dv per token, parallel keeps two n×n matrices', () => {
    expect(flopCount('hla2', 'recurrent', { n: 10, dk: 4, dv: 3 }, { normalize: false })).toBe(
      10 * (64 + 120),
    );
    expect(flopCount('hla2', 'recurrent', { n: 10, dk: 4, dv: 3, heads: 2 }, { normalize: true })).toBe(
      2 * 10 * (64 + 160),
    );
    // One chunk covering everything costs the parallel work plus the state terms.
    expect(
      flopCount('hla2', 'chunk', { n: 8, dk: 2, dv: 2 }, { chunkSize: 8, normalize: false }),
    ).toBeGreaterThan(flopCount('hla2', 'parallel', { n: 8, dk: 2, dv: 2 }, { normalize: false }));
    const parallel = memoryFootprint('hla2', 'parallel', { n: 100, dk: 8, dv: 8 }, { normalize: false });
    expect(parallel.workBytes).toBe(2 * 100 * 100 * 4);
    expect(
      memoryFootprint('hla2', 'recurrent', { n: 100, dk: 8, dv: 8 }, { normalize: false }).workBytes,
    ).toBe((64 + 128) * 4);
  });

  it('is causal-only and rejects unknown parameters', () => {
    const base = problem(4, 2, 2, 1);
    expect(() =>
      runCpu({ variant: 'hla2', form: 'parallel', problem: { ...base, params: { causal: false } } }),
    ).toThrow(/causal/);
    expect(() =>
      runCpu({ variant: 'hla2', form: 'parallel', problem: { ...base, params: { scale: 2 } } }),
    ).toThrow(/scale/);
  });
});
