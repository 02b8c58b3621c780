// Infini-attention's float64 references: the two forms agree at sizes that are
// not multiples of the segment, the implied map reproduces the output, the first
// segment reads an empty memory (no 0/0), and the state is the memory of all tokens.
import { describe, expect, it } from 'vitest';
import { flopCount, memoryFootprint } from '../../analysis/cost';
import { cpuWeights, runCpu } from '../../cpu';
import { createRng } from '../../inputs/random';
import { loadVectors, maxAbsDiff } from '../../testing/vectors';
import { eluPlusOne, infiniParts, sigmoid } from './cpu';

function randomProblem(seed: number, n: number, dk: number, dv: number, spread = 1) {
  const rng = createRng(seed);
  const draw = (count: number) => Array.from({ length: count }, () => spread * rng.nextNormal());
  return { n, dk, dv, q: draw(n * dk), k: draw(n * dk), v: draw(n * dv) };
}

describe('infini CPU reference', () => {
  const cases: [n: number, dk: number, dv: number, segment: number, beta: number][] = [
    [1, 4, 4, 16, 0],
    [17, 4, 3, 16, 0.3],
    [37, 8, 8, 5, -2],
    [50, 6, 5, 7, 3],
    [64, 8, 8, 64, 1],
    [70, 8, 4, 1, -0.5],
    [33, 3, 6, 100, 0],
  ];
  for (const [n, dk, dv, segment, beta] of cases) {
    it(`parallel = chunk at n=${n}, dk=${dk}, dv=${dv}, segment=${segment}, β=${beta}`, () => {
      const problem = { ...randomProblem(n * 31 + dk, n, dk, dv), params: { segment, beta } };
      const parallel = runCpu({ variant: 'infini', form: 'parallel', problem });
      const chunk = runCpu({ variant: 'infini', form: 'chunk', problem });
      expect(maxAbsDiff(parallel.o, chunk.o)).toBeLessThan(1e-12);
      expect(maxAbsDiff(parallel.state as Float64Array, chunk.state as Float64Array)).toBeLessThan(1e-10);
      // The implied map times V is the output.
      const w = cpuWeights({ variant: 'infini', problem }).host as Float64Array;
      const o = new Float64Array(n * dv);
      for (let t = 0; t < n; t++)
        for (let j = 0; j < n; j++)
          for (let c = 0; c < dv; c++) o[t * dv + c] += w[t * n + j] * problem.v[j * dv + c];
      expect(maxAbsDiff(o, parallel.o)).toBeLessThan(1e-12);
      // Rows: causal, summing to 1 − g in the first segment (A_mem = 0 there) and to 1 after it.
      const g = sigmoid(beta);
      for (let t = 0; t < n; t++) {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          if (j > t) expect(w[t * n + j]).toBe(0);
          sum += w[t * n + j];
        }
        expect(sum).toBeCloseTo(t < segment ? 1 - g : 1, 12);
      }
    });
  }

  it('β → −∞ is segment-local causal softmax; β → +∞ reads only the memory', () => {
    const n = 24;
    const d = 4;
    const base = randomProblem(5, n, d, d);
    const local = runCpu({
      variant: 'infini',
      form: 'chunk',
      problem: { ...base, params: { segment: 8, beta: -40 } },
    });
    // Segment 2 (tokens 8..15) alone through softmax gives the same rows.
    const slice = (x: number[], a: number, b: number) => x.slice(a * d, b * d);
    const soft = runCpu({
      variant: 'softmax',
      form: 'parallel',
      problem: {
        n: 8,
        dk: d,
        dv: d,
        q: slice(base.q, 8, 16),
        k: slice(base.k, 8, 16),
        v: slice(base.v, 8, 16),
      },
    });
    expect(maxAbsDiff(local.o.subarray(8 * d, 16 * d), soft.o)).toBeLessThan(1e-12);
    const memory = runCpu({
      variant: 'infini',
      form: 'chunk',
      problem: { ...base, params: { segment: 8, beta: 40 } },
    });
    // The first segment has an empty memory: its output is 0 (no 0/0), the rest is the memory read.
    expect(maxAbsDiff(memory.o.subarray(0, 8 * d), new Float64Array(8 * d))).toBeLessThan(1e-15);
    const t = 20;
    const sq = base.q.slice(t * d, (t + 1) * d).map(eluPlusOne);
    const expected = new Float64Array(d);
    let den = 0;
    for (let j = 0; j < 16; j++) {
      let w = 0;
      for (let a = 0; a < d; a++) w += sq[a] * eluPlusOne(base.k[j * d + a]);
      den += w;
      for (let c = 0; c < d; c++) expected[c] += w * base.v[j * d + c];
    }
    for (let c = 0; c < d; c++) expect(memory.o[t * d + c]).toBeCloseTo(expected[c] / den, 12);
    for (const x of memory.o) expect(Number.isFinite(x)).toBe(true);
  });

  it('chunkSize has no effect (the chunk is the segment)', () => {
    const problem = { ...randomProblem(9, 45, 4, 4), params: { segment: 16, beta: 0.5 } };
    const reference = runCpu({ variant: 'infini', form: 'chunk', problem });
    for (const chunkSize of [1, 7, 16, 64, 1000]) {
      const result = runCpu({
        variant: 'infini',
        form: 'chunk',
        problem: { ...problem, params: { ...problem.params, chunkSize } },
      });
      expect(maxAbsDiff(result.o, reference.o)).toBe(0);
    }
  });

  it('the memory after each segment is the running sum σ(K)ᵀV, z = Σσ(k); its size does not grow', () => {
    const n = 40;
    const d = 4;
    const problem = randomProblem(3, n, d, d);
    const parts = infiniParts(
      {
        n,
        dk: d,
        dv: d,
        q: Float64Array.from(problem.q),
        k: Float64Array.from(problem.k),
        v: Float64Array.from(problem.v),
      },
      { segment: 16, beta: 0, scale: 0.5 },
    );
    expect(parts.segments).toBe(3);
    expect(parts.memory).toHaveLength(3 * d * d);
    // z after segment 2 (32 tokens), entry 1.
    let z = 0;
    for (let j = 0; j < 32; j++) z += eluPlusOne(problem.k[j * d + 1]);
    expect(parts.normalizer[1 * d + 1]).toBeCloseTo(z, 12);
    // The first segment reads nothing from memory.
    for (let i = 0; i < 16 * d; i++) expect(parts.aMem[i]).toBe(0);
  });

  it('the shared vector infini-seg16 gives the memory over all tokens in both forms', () => {
    const [vector] = loadVectors(['infini']);
    for (const form of ['parallel', 'chunk'] as const) {
      const result = runCpu({ variant: 'infini', form, problem: vector.problem });
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThan(1e-9);
      expect(maxAbsDiff(result.state as Float64Array, vector.expectedState as number[])).toBeLessThan(1e-9);
    }
  });

  it('rejects non-causal requests and a segment below 1', () => {
    const problem = randomProblem(1, 8, 4, 4);
    expect(() =>
      runCpu({ variant: 'infini', form: 'parallel', problem: { ...problem, params: { causal: false } } }),
    ).toThrow(/causal only/);
    expect(() =>
      runCpu({ variant: 'infini', form: 'chunk', problem: { ...problem, params: { segment: 0 } } }),
    ).toThrow(/segment/);
    expect(() => runCpu({ variant: 'infini', form: 'recurrent', problem })).toThrow(/no recurrent form/);
  });
});

describe('infini cost model', () => {
  it('counts the causal pairs (parallel) and the segment blocks plus memory read and update (chunk)', () => {
    const dims = { n: 100, dk: 8, dv: 4, heads: 2 };
    expect(flopCount('infini', 'parallel', dims, { segment: 32 })).toBe(2 * ((100 * 101) / 2) * 2 * (8 + 4));
    // Segments of 32, 32, 32, 4 tokens.
    const block = (c: number) => ((c * (c + 1)) / 2) * 2 * 12 + 2 * (2 * c * 8 * 5);
    expect(flopCount('infini', 'chunk', dims, { segment: 32 })).toBe(2 * (3 * block(32) + block(4)));
    const chunk = memoryFootprint('infini', 'chunk', dims, { segment: 32 });
    expect(chunk.workBytes).toBe(2 * (8 * 4 + 8 + 32 * 32) * 4);
    expect(chunk.materializesMatrix).toBe(false);
    expect(memoryFootprint('infini', 'parallel', dims).materializesMatrix).toBe(true);
  });
});
