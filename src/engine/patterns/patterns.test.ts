// The pattern definitions on small cases written out by hand, the O(n) pair
// counts against the masks, LSH's rules, and the float64 masked softmax against
// the engine's softmax and swa variants where they coincide.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../cpu';
import { createRng } from '../inputs/random';
import { maxAbsDiff } from '../testing/vectors';
import {
  buildMask,
  lshAssign,
  lshMask,
  lshPairs,
  maskPairs,
  resolvePatternParams,
  runPatternCpu,
  structuredPairs,
  type PatternId,
  type PatternParams,
} from './index';

function rows(mask: Uint8Array, n: number): string[] {
  return Array.from({ length: n }, (_, i) => Array.from(mask.subarray(i * n, i * n + n)).join(''));
}

function problem(n: number, d: number, seed: number, heads = 1) {
  const rng = createRng(seed);
  const fill = (len: number) => Float64Array.from({ length: len }, () => rng.nextNormal());
  return { n, dk: d, dv: d, heads, q: fill(heads * n * d), k: fill(heads * n * d), v: fill(heads * n * d) };
}

const mask = (pattern: PatternId, params: PatternParams, n: number, q?: Float64Array, dk = 0) =>
  buildMask(pattern, resolvePatternParams(pattern, params, dk || 1), n, q, dk);

describe('pattern masks, written out', () => {
  it('window: |i − j| < w, causal i − w < j ≤ i', () => {
    expect(rows(mask('window', { window: 2 }, 5), 5)).toEqual(['11000', '11100', '01110', '00111', '00011']);
    expect(rows(mask('window', { window: 2, causal: true }, 5), 5)).toEqual([
      '10000',
      '11000',
      '01100',
      '00110',
      '00011',
    ]);
  });
  it('block: ⌊i/b⌋ = ⌊j/b⌋ (last block shorter)', () => {
    expect(rows(mask('block', { block: 2 }, 5), 5)).toEqual(['11000', '11000', '00110', '00110', '00001']);
    expect(rows(mask('block', { block: 2, causal: true }, 5), 5)).toEqual([
      '10000',
      '11000',
      '00100',
      '00110',
      '00001',
    ]);
  });
  it('strided: |i − j| < b or (i − j) mod b = 0', () => {
    expect(rows(mask('strided', { block: 3, causal: true }, 8), 8)).toEqual([
      '10000000',
      '11000000',
      '11100000',
      '11110000',
      '01111000',
      '00111100',
      '10011110',
      '01001111',
    ]);
  });
  it('longformer: |i − j| < w or i < g or j < g', () => {
    expect(rows(mask('longformer', { window: 2, globals: 1 }, 6), 6)).toEqual([
      '111111',
      '111000',
      '111100',
      '101110',
      '100111',
      '100011',
    ]);
  });
});

describe('pair counts in O(n) equal the masks', () => {
  const cases: [Exclude<PatternId, 'lsh'>, PatternParams][] = [
    ['window', { window: 1 }],
    ['window', { window: 5 }],
    ['window', { window: 100 }],
    ['block', { block: 4 }],
    ['block', { block: 7 }],
    ['strided', { block: 3 }],
    ['strided', { block: 8 }],
    ['strided', { block: 64 }],
    ['longformer', { window: 3, globals: 0 }],
    ['longformer', { window: 3, globals: 2 }],
    ['longformer', { window: 10, globals: 5 }],
    ['longformer', { window: 2, globals: 50 }],
  ];
  for (const [pattern, params] of cases) {
    for (const causal of [false, true]) {
      for (const n of [1, 9, 37, 64]) {
        it(`${pattern} ${JSON.stringify(params)} causal=${causal} n=${n}`, () => {
          const p = resolvePatternParams(pattern, { ...params, causal }, 4);
          expect(structuredPairs(pattern, p, n)).toBe(maskPairs(buildMask(pattern, p, n)));
        });
      }
    }
  }
  it('window and block stay linear in n, full attention is n²', () => {
    const p = resolvePatternParams('window', { window: 16, block: 16 }, 4);
    expect(structuredPairs('window', p, 4096)).toBe(4096 * 31 - (2 * (15 * 16)) / 2);
    expect(structuredPairs('block', p, 4096)).toBe(4096 * 16);
  });
});

describe('LSH (Reformer, one round)', () => {
  const { q, n, dk } = problem(48, 6, 3);
  const p = resolvePatternParams('lsh', { buckets: 4, block: 8, seed: 5 }, dk);
  const a = lshAssign(q, n, dk, p.buckets, p.block, p.seed);

  it('buckets come from argmax([xR, −xR]), are deterministic per seed and scale-invariant', () => {
    const again = lshAssign(q, n, dk, 4, 8, 5);
    expect(Array.from(again.bucket)).toEqual(Array.from(a.bucket));
    const scaled = lshAssign(
      q.map((x) => 3 * x),
      n,
      dk,
      4,
      8,
      5,
    );
    expect(Array.from(scaled.bucket)).toEqual(Array.from(a.bucket));
    const other = lshAssign(q, n, dk, 4, 8, 6);
    expect(Array.from(other.bucket)).not.toEqual(Array.from(a.bucket));
    expect(new Set(a.bucket).size).toBeGreaterThan(1);
    // A query and its negation land in opposite halves.
    const neg = lshAssign(
      q.map((x) => -x),
      n,
      dk,
      4,
      8,
      5,
    );
    for (let i = 0; i < n; i++) expect(neg.bucket[i]).toBe((a.bucket[i] + 2) % 4);
  });
  it('the sort is stable by (bucket, position) and chunks are ⌊rank/block⌋', () => {
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a.bucket[x] - a.bucket[y] || x - y);
    order.forEach((token, position) => expect(a.rank[token]).toBe(position));
    for (let i = 0; i < n; i++) expect(a.chunk[i]).toBe(Math.floor(a.rank[i] / 8));
  });
  for (const causal of [false, true]) {
    it(`mask rules (causal=${causal}): same bucket, own or previous chunk, self only when alone`, () => {
      const m = lshMask(a, n, causal);
      for (let i = 0; i < n; i++) {
        let others = 0;
        for (let j = 0; j < n; j++) {
          const expected =
            j !== i &&
            a.bucket[i] === a.bucket[j] &&
            (a.chunk[j] === a.chunk[i] || a.chunk[j] + 1 === a.chunk[i]) &&
            (!causal || j <= i);
          if (j !== i) expect(m[i * n + j]).toBe(expected ? 1 : 0);
          if (expected) others++;
        }
        expect(m[i * n + i]).toBe(others === 0 ? 1 : 0);
      }
      expect(lshPairs(a, n, 8, causal)).toBe(maskPairs(m));
    });
  }
});

describe('masked softmax reference', () => {
  it('causal window equals the swa variant', () => {
    const pr = problem(30, 4, 7, 2);
    const got = runPatternCpu('window', { window: 5, causal: true }, pr);
    const swa = runCpu({ variant: 'swa', form: 'parallel', problem: { ...pr, params: { window: 5 } } });
    expect(maxAbsDiff(got.o, swa.o)).toBeLessThan(1e-12);
  });
  it('block = n, window ≥ n and strided b = n are full softmax', () => {
    const pr = problem(16, 4, 8, 2);
    const full = runCpu({
      variant: 'softmax',
      form: 'parallel',
      problem: { ...pr, params: { causal: false } },
    });
    for (const [pattern, params] of [
      ['block', { block: 16 }],
      ['window', { window: 16 }],
      ['strided', { block: 16 }],
      ['longformer', { window: 1, globals: 16 }],
    ] as const) {
      const got = runPatternCpu(pattern, params, pr);
      expect(maxAbsDiff(got.o, full.o)).toBeLessThan(1e-12);
      expect(got.density).toBe(1);
    }
  });
  it('rows sum to 1, weights vanish outside the mask, o = W·V, density = pairs/n²', () => {
    const pr = problem(24, 3, 9);
    for (const pattern of ['window', 'block', 'strided', 'longformer', 'lsh'] as const) {
      const r = runPatternCpu(pattern, { window: 3, block: 4, globals: 2, buckets: 4 }, pr);
      const n = 24;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) {
          const w = r.weights[i * n + j];
          if (!r.mask[i * n + j]) expect(w).toBe(0);
          else expect(w).toBeGreaterThan(0);
          s += w;
        }
        expect(s).toBeCloseTo(1, 12);
        for (let c = 0; c < 3; c++) {
          let acc = 0;
          for (let j = 0; j < n; j++) acc += r.weights[i * n + j] * pr.v[j * 3 + c];
          expect(acc).toBeCloseTo(r.o[i * 3 + c], 12);
        }
      }
      expect(r.density).toBeCloseTo(r.pairs / (n * n), 15);
    }
  });
  it('lsh scores against the normalised queries and ignores k', () => {
    const pr = problem(20, 4, 10);
    const a = runPatternCpu('lsh', { buckets: 2, block: 20 }, pr);
    const b = runPatternCpu('lsh', { buckets: 2, block: 20 }, { ...pr, k: pr.k.map(() => 0) });
    expect(maxAbsDiff(a.o, b.o)).toBe(0);
  });
  it('rejects bad parameters and inputs with a reason', () => {
    const pr = problem(8, 2, 11);
    expect(() => runPatternCpu('lsh', { buckets: 3 }, pr)).toThrow(/even/);
    expect(() => runPatternCpu('block', { block: 0 }, pr)).toThrow(/block must be an integer ≥ 1/);
    expect(() => runPatternCpu('nope' as PatternId, {}, pr)).toThrow(/unknown pattern/);
    expect(() => runPatternCpu('window', {}, { ...pr, q: pr.q.slice(1) })).toThrow(/q has 15 entries/);
    const bad = Float64Array.from(pr.v);
    bad[3] = NaN;
    expect(() => runPatternCpu('window', {}, { ...pr, v: bad })).toThrow(/v\[3\] is not a finite/);
  });
});
