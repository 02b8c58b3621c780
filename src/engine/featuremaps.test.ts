// The feature-map variants of issue 3 (performer, cosformer, based, hedgehog,
// focused, inline, rala) on the CPU: forms agree with each other, the weights
// reproduce the output, the maps match their defining formulas, the seeded
// projections have the promised structure, and bad requests are refused clearly.
import { describe, expect, it } from 'vitest';
import { featureDimension, flopCount, memoryFootprint } from './analysis/cost';
import { cpuWeights, runCpu } from './cpu';
import { generateProblem } from './inputs/generate';
import { hedgehogProjection, performerProjection } from './inputs/randomFeatures';
import { maxAbsDiff } from './testing/vectors';
import { EngineError, type AttentionProblem, type ExtraInputs, type Params, type RunRequest } from './types';
import { getVariant, implementedVariants } from './variants/registry';
import { FORMS_BY_VARIANT } from '../state/limits';
import { basedFeatures, focusedFeatures, performerFeatures } from './variants/common/featuremap/maps';

type FeatureVariant = 'performer' | 'cosformer' | 'based' | 'hedgehog' | 'focused' | 'inline' | 'rala';

function problem(
  n: number,
  dk: number,
  dv: number,
  params: Params = {},
  inputs: ExtraInputs = {},
  seed = 11,
  heads = 1,
): AttentionProblem {
  const generated = generateProblem({
    seed,
    n,
    dk,
    dv,
    heads,
    temperature: 1,
    locality: 0.3,
    clustering: 0.3,
  });
  return { ...generated, params, inputs };
}

/** The inputs each variant needs at head dimension dk. */
function inputsFor(variant: FeatureVariant, dk: number): ExtraInputs {
  if (variant === 'performer') return { projection: performerProjection({ seed: 5, m: 2 * dk + 3, dk }) };
  if (variant === 'hedgehog')
    return { projection: hedgehogProjection({ dk, r: dk + 2, seed: 5, noise: 0.3 }) };
  return {};
}

function run(variant: FeatureVariant, form: RunRequest['form'], p: AttentionProblem) {
  return runCpu({ variant, form, problem: p });
}

const RECURRENT_VARIANTS: readonly FeatureVariant[] = [
  'performer',
  'cosformer',
  'based',
  'hedgehog',
  'focused',
  'inline',
];

describe('feature-map variants: forms agree', () => {
  for (const variant of RECURRENT_VARIANTS) {
    for (const causal of [true, false]) {
      it(`${variant} causal=${causal}: recurrent and chunk (1, 5, 16, 64) equal parallel, 2 heads, n=1, 17, 37`, () => {
        for (const n of [1, 17, 37]) {
          const p = problem(n, 4, 3, { causal }, inputsFor(variant, 4), n, 2);
          const parallel = run(variant, 'parallel', p);
          const scale = Math.max(1, ...Array.from(parallel.o, Math.abs));
          const recurrent = run(variant, 'recurrent', p);
          expect(maxAbsDiff(recurrent.o, parallel.o) / scale).toBeLessThan(1e-12);
          expect(maxAbsDiff(recurrent.state as Float64Array, parallel.state as Float64Array)).toBeLessThan(
            1e-10,
          );
          for (const chunkSize of [1, 5, 16, 64]) {
            const chunk = run(variant, 'chunk', { ...p, params: { ...p.params, chunkSize } });
            expect(maxAbsDiff(chunk.o, parallel.o) / scale).toBeLessThan(1e-12);
            expect(maxAbsDiff(chunk.state as Float64Array, parallel.state as Float64Array)).toBeLessThan(
              1e-10,
            );
          }
        }
      });
    }
  }

  it('inline with elu1 and relu maps: forms agree too', () => {
    for (const featureMap of ['elu1', 'relu']) {
      const p = problem(23, 4, 3, { featureMap }, {}, 3, 2);
      const parallel = run('inline', 'parallel', p).o;
      expect(maxAbsDiff(run('inline', 'recurrent', p).o, parallel)).toBeLessThan(1e-12);
      expect(
        maxAbsDiff(run('inline', 'chunk', { ...p, params: { featureMap, chunkSize: 6 } }).o, parallel),
      ).toBeLessThan(1e-12);
    }
  });

  it("the app's FORMS_BY_VARIANT lists exactly each implemented variant's forms", () => {
    for (const descriptor of implementedVariants) {
      expect(FORMS_BY_VARIANT[descriptor.id]).toEqual(descriptor.forms);
    }
  });

  it('every variant reports a state of the shape its descriptor states', () => {
    for (const variant of RECURRENT_VARIANTS) {
      const p = problem(9, 4, 3, {}, inputsFor(variant, 4), 2, 2);
      const descriptor = getVariant(variant);
      const [rows, cols] = descriptor.stateShape?.({ n: 9, dk: 4, dv: 3, heads: 2 }, {}, p.inputs) ?? [0, 0];
      expect(run(variant, 'recurrent', p).state).toHaveLength(2 * rows * cols);
    }
    expect(run('rala', 'parallel', problem(9, 4, 3, { causal: false })).state).toBeUndefined();
  });
});

describe('feature-map variants: weights', () => {
  const variants: readonly FeatureVariant[] = [...RECURRENT_VARIANTS, 'rala'];
  for (const variant of variants) {
    it(`${variant}: weights of head 0 times V give the output`, async () => {
      const causal = variant !== 'rala';
      const p = problem(21, 4, 3, { causal }, inputsFor(variant, 4), 4, 2);
      const weights = cpuWeights({ variant, problem: p });
      expect([weights.rows, weights.cols]).toEqual([21, 21]);
      const host = weights.host as Float64Array;
      const o = run(variant, 'parallel', p).o;
      for (let i = 0; i < 21; i++) {
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let j = 0; j < 21; j++) sum += host[i * 21 + j] * Number(p.v[j * 3 + c]);
          expect(sum).toBeCloseTo(o[i * 3 + c], 12);
        }
        if (causal) for (let j = i + 1; j < 21; j++) expect(host[i * 21 + j]).toBe(0);
      }
      expect(await weights.at(3, 2)).toBe(host[3 * 21 + 2]);
    });
  }

  it('InLine rows sum to exactly 1, with negative entries allowed', () => {
    for (const causal of [true, false]) {
      const w = cpuWeights({ variant: 'inline', problem: problem(30, 4, 2, { causal }) })
        .host as Float64Array;
      for (let i = 0; i < 30; i++) {
        let sum = 0;
        for (let j = 0; j < 30; j++) sum += w[i * 30 + j];
        expect(sum).toBeCloseTo(1, 12);
      }
      expect(Math.min(...w)).toBeLessThan(0);
    }
  });

  it('T1 rows sum to den/(den + eps) ≈ 1 and are non-negative', () => {
    // (cosformer is left out: a query with relu(q) = 0 has an all-zero row by design.)
    // Sums are den/(den + eps): ≤ 1, and ≈ 1 unless den is as small as eps.
    for (const variant of ['performer', 'based', 'hedgehog', 'focused', 'rala'] as const) {
      const causal = variant !== 'rala';
      const w = cpuWeights({ variant, problem: problem(20, 4, 2, { causal }, inputsFor(variant, 4)) })
        .host as Float64Array;
      expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < 20; i++) {
        let sum = 0;
        for (let j = 0; j < 20; j++) sum += w[i * 20 + j];
        expect(sum).toBeLessThanOrEqual(1);
        // Focused features of an all-negative query are ~1e-6, so eps is not negligible there.
        if (variant !== 'focused') expect(sum).toBeCloseTo(1, 4);
      }
    }
  });
});

describe('feature maps match their definitions', () => {
  it('based: φ(q)·φ(k) = 1 + s + s²/2 with s = q·k/√dk', () => {
    const q = Float64Array.from([0.3, -1.2, 2, 0.7]);
    const k = Float64Array.from([1.1, 0.4, -0.5, 0.9]);
    const fq = basedFeatures(q, 1, 4);
    const fk = basedFeatures(k, 1, 4);
    expect(fq).toHaveLength(21);
    let dot = 0;
    for (let i = 0; i < 21; i++) dot += fq[i] * fk[i];
    const s = (0.3 * 1.1 - 1.2 * 0.4 - 2 * 0.5 + 0.7 * 0.9) / 2;
    expect(dot).toBeCloseTo(1 + s + (s * s) / 2, 14);
  });

  it('cosformer: weight(i, j) ∝ relu(q_i)·relu(k_j)·cos(π(i−j)/(2M))', () => {
    const p: AttentionProblem = {
      n: 3,
      dk: 2,
      dv: 1,
      q: [1, -1, 0.5, 2, -3, 1],
      k: [2, 1, -1, 1, 0.5, 0.5],
      v: [1, 0, 0],
      params: { maxLen: 5 },
    };
    const w = cpuWeights({ variant: 'cosformer', problem: p }).host as Float64Array;
    const relu = (x: number) => Math.max(x, 0);
    const raw = (i: number, j: number) =>
      (relu(Number(p.q[2 * i])) * relu(Number(p.k[2 * j])) +
        relu(Number(p.q[2 * i + 1])) * relu(Number(p.k[2 * j + 1]))) *
      Math.cos((Math.PI * (i - j)) / 10);
    const row2 = [raw(2, 0), raw(2, 1), raw(2, 2)];
    const den = row2[0] + row2[1] + row2[2];
    for (let j = 0; j < 3; j++) expect(w[2 * 3 + j]).toBeCloseTo(row2[j] / Math.max(den, 1e-6), 14);
  });

  it('cosformer clamps the denominator at eps instead of adding it', () => {
    // relu(q) = 0 everywhere: num = den = 0, o = 0/max(0, eps) = 0; a tiny den is not inflated by eps.
    const p: AttentionProblem = {
      n: 2,
      dk: 1,
      dv: 1,
      q: [1, 1],
      k: [1, 1],
      v: [2, 4],
      params: { eps: 1e-6 },
    };
    const o = run('cosformer', 'recurrent', p).o;
    expect(o[0]).toBeCloseTo(2, 14); // one key: weight exactly 1, no eps in the denominator
  });

  it('focused: φ_p keeps the norm of x⁺ and is finite for any p', () => {
    const x = Float64Array.from([3, -1, 0.5, 2]);
    for (const p of [0.5, 1, 3, 40, 1000]) {
      const f = focusedFeatures(x, 1, 4, p);
      const norm = Math.hypot(...f);
      expect(norm).toBeCloseTo(Math.hypot(3 + 1e-6, 1e-6, 0.5 + 1e-6, 2 + 1e-6), 12);
      for (const value of f) expect(Number.isFinite(value)).toBe(true);
    }
    // p = 1 is relu(x) + 1e-6 itself.
    expect(maxAbsDiff(focusedFeatures(x, 1, 4, 1), [3 + 1e-6, 1e-6, 0.5 + 1e-6, 2 + 1e-6])).toBeLessThan(
      1e-15,
    );
    // An all-negative row (every entry 1e-6) stays finite: the power of a ratio never underflows to 0/0.
    const negative = focusedFeatures(Float64Array.from([-1, -2, -3, -4]), 1, 4, 50);
    for (const value of negative) expect(value).toBeCloseTo(1e-6, 18);
  });

  it('performer: φ(q)·φ(k) estimates exp(q·k/√dk), better with more features', () => {
    const dk = 4;
    const q = Float64Array.from([0.5, -0.3, 0.8, 0.1]);
    const k = Float64Array.from([0.2, 0.4, 0.6, -0.5]);
    const exact = Math.exp((0.1 - 0.12 + 0.48 - 0.05) / 2);
    const meanError = (m: number) => {
      let total = 0;
      for (let seed = 0; seed < 20; seed++) {
        const w = Float64Array.from(performerProjection({ seed, m, dk }));
        const fq = performerFeatures(q, 1, dk, w);
        const fk = performerFeatures(k, 1, dk, w);
        let dot = 0;
        for (let i = 0; i < m; i++) dot += fq[i] * fk[i];
        total += Math.abs(dot - exact);
      }
      return total / 20;
    };
    // The error falls like 1/√m: from m = 4 to m = 4096 that is 32× in expectation.
    const coarse = meanError(4);
    const fine = meanError(4096);
    expect(fine).toBeLessThan(coarse / 8);
    expect(fine).toBeLessThan(0.04 * exact);
  });
});

describe('seeded projections', () => {
  it('performer: deterministic, f32, orthogonal rows inside each block, chi lengths', () => {
    const w = performerProjection({ seed: 42, m: 11, dk: 4 });
    expect(w).toBeInstanceOf(Float32Array);
    expect(w).toHaveLength(44);
    expect(Array.from(performerProjection({ seed: 42, m: 11, dk: 4 }))).toEqual(Array.from(w));
    expect(Array.from(performerProjection({ seed: 43, m: 11, dk: 4 }))).not.toEqual(Array.from(w));
    const row = (i: number) => Array.from(w.subarray(i * 4, i * 4 + 4));
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    for (const block of [0, 4]) {
      for (let i = block; i < block + 4; i++) {
        for (let j = i + 1; j < block + 4; j++) expect(Math.abs(dot(row(i), row(j)))).toBeLessThan(1e-5);
      }
    }
    // Rows of different blocks are independent draws, not orthogonal in general.
    expect(Math.abs(dot(row(0), row(4)))).toBeGreaterThan(1e-3);
    // The first m rows of a larger draw are the same rows (a lesson's m slider adds features, never reshuffles).
    const more = performerProjection({ seed: 42, m: 16, dk: 4 });
    expect(Array.from(more.subarray(0, 44))).toEqual(Array.from(w));
  });

  it('performer: sqrt-dk scaling gives every row length √dk; iid rows are not orthogonal', () => {
    const w = performerProjection({ seed: 1, m: 8, dk: 4, scaling: 'sqrt-dk' });
    for (let i = 0; i < 8; i++) expect(Math.hypot(...w.subarray(i * 4, i * 4 + 4))).toBeCloseTo(2, 5);
    const iid = performerProjection({ seed: 1, m: 4, dk: 4, orthogonal: false });
    const r0 = iid.subarray(0, 4);
    const r1 = iid.subarray(4, 8);
    expect(Math.abs(r0.reduce((s, x, i) => s + x * r1[i], 0))).toBeGreaterThan(1e-3);
  });

  it('hedgehog: identity-like, repeated past dk, noise from the seed', () => {
    expect(Array.from(hedgehogProjection({ dk: 2, r: 3 }))).toEqual([1, 0, 1, 0, 1, 0]);
    const noisy = hedgehogProjection({ dk: 2, r: 3, seed: 9, noise: 0.1 });
    expect(Array.from(noisy)).toEqual(Array.from(hedgehogProjection({ dk: 2, r: 3, seed: 9, noise: 0.1 })));
    expect(maxAbsDiff(noisy, [1, 0, 1, 0, 1, 0])).toBeGreaterThan(0);
    expect(maxAbsDiff(noisy, [1, 0, 1, 0, 1, 0])).toBeLessThan(0.5);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => performerProjection({ seed: 1, m: 0, dk: 4 })).toThrow(/m must be an integer ≥ 1/);
    expect(() => hedgehogProjection({ dk: 4, r: 1.5 })).toThrow(/r must be an integer ≥ 1/);
  });
});

describe('feature-map variants: bad requests are refused, saying what is wrong', () => {
  const base = problem(6, 4, 2);
  const rejection = (variant: FeatureVariant, form: RunRequest['form'], p: AttentionProblem): string => {
    try {
      runCpu({ variant, form, problem: p });
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      return (error as Error).message;
    }
    return 'accepted';
  };
  const cases: [string, FeatureVariant, RunRequest['form'], AttentionProblem, string][] = [
    [
      'performer without a projection',
      'performer',
      'parallel',
      base,
      'missing input "projection" for variant "performer" (the random features W, m×dk (m rows, any m ≥ 1), shared by all heads)',
    ],
    [
      'a performer projection that is not m×dk',
      'performer',
      'parallel',
      { ...base, inputs: { projection: [1, 2, 3, 4, 5, 6] } },
      'inputs.projection must hold a rows×4 matrix (a positive multiple of 4 numbers; got 6)',
    ],
    [
      'an empty performer projection',
      'performer',
      'recurrent',
      { ...base, inputs: { projection: [] } },
      'inputs.projection must hold a rows×4 matrix (a positive multiple of 4 numbers; got 0)',
    ],
    [
      'a non-finite projection entry',
      'performer',
      'chunk',
      { ...base, inputs: { projection: [1, 2, NaN, 4] } },
      'inputs.projection[2] is not a finite number (got NaN)',
    ],
    [
      'a hedgehog projection that is not dk×r',
      'hedgehog',
      'parallel',
      { ...base, inputs: { projection: [1, 0, 0, 1, 1] } },
      'inputs.projection must hold a 4×cols matrix (a positive multiple of 4 numbers; got 5)',
    ],
    [
      'causal rala',
      'rala',
      'parallel',
      { ...base, params: { causal: true } },
      'variant "rala" is non-causal only: set params.causal to false',
    ],
    [
      'rala in the recurrent form',
      'rala',
      'recurrent',
      base,
      'variant "rala" has no recurrent form (its forms: parallel)',
    ],
    ['p = 0', 'focused', 'parallel', { ...base, params: { p: 0 } }, 'params.p must be > 0 (got 0)'],
    ['p negative', 'focused', 'parallel', { ...base, params: { p: -2 } }, 'params.p must be > 0 (got -2)'],
    [
      'p as text',
      'focused',
      'parallel',
      { ...base, params: { p: '3' } },
      'params.p must be a finite number (got "3")',
    ],
    [
      'cosformer maxLen below n',
      'cosformer',
      'recurrent',
      { ...base, params: { maxLen: 5 } },
      'params.maxLen must be ≥ n = 6 (got 5): cosFormer needs M ≥ n',
    ],
    [
      'cosformer fractional maxLen',
      'cosformer',
      'parallel',
      { ...base, params: { maxLen: 6.5 } },
      'params.maxLen must be an integer (got 6.5)',
    ],
    [
      'an unknown inline feature map',
      'inline',
      'parallel',
      { ...base, params: { featureMap: 'exp' } },
      'params.featureMap must be one of elu1, relu, identity (got "exp")',
    ],
    [
      'eps for inline (it has no denominator)',
      'inline',
      'parallel',
      { ...base, params: { eps: 1e-6 } },
      'unknown parameter "eps" for variant "inline" (its parameters: causal, featureMap, scale, chunkSize)',
    ],
    [
      'a projection for based',
      'based',
      'parallel',
      { ...base, inputs: { projection: [1, 2, 3, 4] } },
      'unknown input "projection" for variant "based" (it takes none beyond q, k, v)',
    ],
    [
      'chunkSize 0',
      'based',
      'chunk',
      { ...base, params: { chunkSize: 0 } },
      'params.chunkSize must be ≥ 1 (got 0)',
    ],
  ];
  for (const [what, variant, form, p, message] of cases) {
    it(what, () => expect(rejection(variant, form, p)).toBe(message));
  }

  it("Based's 1 + dk + dk² features count against the CPU's buffer limit (with the largest n that fits)", () => {
    const p = problem(600, 16, 2);
    let error: unknown;
    try {
      runCpu({ variant: 'based', form: 'recurrent', problem: p }, 2 ** 20);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toBe(
      'based recurrent at n=600 needs 1.2 MiB for φ(Q) (n×r, feature dimension r = 273), ' +
        'but this device allows 1.0 MiB per buffer; the largest n that fits is 480',
    );
    expect((error as EngineError).maxN).toBe(480);
  });

  it('rala is non-causal by default, so a request need not say so', () => {
    expect(run('rala', 'parallel', base).o).toHaveLength(12);
  });

  it('a performer projection shared by all heads has m·dk numbers, not heads·m·dk', () => {
    const p = problem(6, 4, 2, {}, { projection: performerProjection({ seed: 3, m: 5, dk: 4 }) }, 1, 3);
    const o = run('performer', 'parallel', p).o;
    expect(o).toHaveLength(3 * 6 * 2);
    // Head 1 alone gives the same rows as head 1 of the batch: the projection is shared.
    const headOne: AttentionProblem = {
      ...p,
      heads: 1,
      q: Array.from(p.q).slice(24, 48),
      k: Array.from(p.k).slice(24, 48),
      v: Array.from(p.v).slice(12, 24),
    };
    expect(maxAbsDiff(run('performer', 'parallel', headOne).o, o.subarray(12, 24))).toBeLessThan(1e-15);
  });
});

describe('feature-map variants: cost model', () => {
  const dims = { n: 100, dk: 8, dv: 4 };

  it('feature dimensions: dk, 2dk, 1 + dk + dk², or the projection’s', () => {
    expect(featureDimension('focused', dims)).toBe(8);
    expect(featureDimension('inline', dims)).toBe(8);
    expect(featureDimension('rala', dims)).toBe(8);
    expect(featureDimension('cosformer', dims)).toBe(16);
    expect(featureDimension('based', dims)).toBe(73);
    expect(featureDimension('performer', { ...dims, features: 256 })).toBe(256);
    expect(() => featureDimension('hedgehog', dims)).toThrow(
      'the cost of hedgehog needs dims.features (its feature dimension, set by the projection)',
    );
  });

  it('FLOPs: linear attention on r features plus the projections of q and k', () => {
    // Recurrent: per token 4·r·(dv + 1); Performer projects q and k: 2·(2·n·dk·m).
    expect(flopCount('performer', 'recurrent', { ...dims, features: 32 })).toBe(
      100 * 4 * 32 * 5 + 4 * 100 * 8 * 32,
    );
    expect(flopCount('performer', 'recurrent', { ...dims, features: 32 }, { normalize: false })).toBe(
      100 * 4 * 32 * 4 + 4 * 100 * 8 * 32,
    );
    // Hedgehog's 2r features come from r projected columns.
    expect(flopCount('hedgehog', 'recurrent', { ...dims, features: 16, heads: 2 })).toBe(
      2 * (100 * 4 * 16 * 5 + 4 * 100 * 8 * 8),
    );
    // Parallel: the kept pairs times 2·(r + dv + 1).
    expect(flopCount('based', 'parallel', dims)).toBe(((100 * 101) / 2) * 2 * (73 + 5));
    expect(flopCount('rala', 'parallel', dims, { causal: false })).toBe(100 * 100 * 2 * (8 + 5));
    // The chunk form equals the recurrent one when every chunk is one token.
    expect(flopCount('cosformer', 'chunk', dims, { chunkSize: 1 })).toBe(
      flopCount('cosformer', 'recurrent', dims) + 100 * 2 * (16 + 5),
    );
  });

  it('memory: the n×n matrix for parallel, S and z (InLine: also Σv and N) otherwise', () => {
    expect(memoryFootprint('based', 'parallel', dims).materializesMatrix).toBe(true);
    const recurrent = memoryFootprint('based', 'recurrent', dims);
    expect([recurrent.workBytes, recurrent.materializesMatrix]).toEqual([(73 * 4 + 73) * 4, false]);
    expect(memoryFootprint('inline', 'recurrent', dims).workBytes).toBe((8 * 4 + 8 + 4 + 1) * 4);
    expect(
      memoryFootprint('performer', 'chunk', { ...dims, features: 16 }, { chunkSize: 10 }).workBytes,
    ).toBe((16 * 4 + 16 + 10 * 10) * 4);
  });
});
