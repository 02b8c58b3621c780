// The float64 references of the gated and delta-rule variants: the three forms
// agree with each other (n not a multiple of the chunk, several heads), the
// state carries over, strong gates stay finite, weights() reproduces o = W·V,
// the defining recurrences hold on hand-checked cases, and bad inputs are
// rejected with messages that say what is wrong.
import { describe, expect, it } from 'vitest';
import { cpuGatedStateTrace, cpuWeights, runCpu } from '../../../cpu';
import {
  constantGates,
  dataDependentGates,
  forgetAtGates,
  FORGET_LOG_GATE,
  writeStrengths,
} from '../../../inputs/gates';
import { maxAbsDiff } from '../../../testing/vectors';
import { EngineError, type AttentionProblem, type Form, type VariantId } from '../../../types';
import { validateRequest } from '../../../validate';
import type { HeadData } from '../head';
import { gatedChunk, gatedHead as gatedHeadOf, gatedRecurrent, retainedFraction } from './cpu';
import { getDefinition, type GatedVariant } from '../../registry';
import type { ResolvedParams } from '../descriptor';

import { gatedTestProblem } from './testProblems';

/** The shared setup of a variant's head, under its rule. */
function gatedHead(variant: GatedVariant, head: HeadData, params: ResolvedParams) {
  const rule = getDefinition(variant).gated;
  if (!rule) throw new Error(`${variant} has no gated rule`);
  return gatedHeadOf(rule, head, params);
}

const GATED: readonly GatedVariant[] = ['retnet', 'mamba2', 'gla', 'rwkv6', 'deltanet', 'gated-deltanet'];
const FORMS: readonly Form[] = ['parallel', 'recurrent', 'chunk'];

function headOf(p: AttentionProblem, h = 0): HeadData {
  const { n, dk, dv } = p;
  const heads = p.heads ?? 1;
  const slice = (x: ArrayLike<number>, per: number) => Float64Array.from(x).slice(h * per, (h + 1) * per);
  return {
    n,
    dk,
    dv,
    q: slice(p.q, n * dk),
    k: slice(p.k, n * dk),
    v: slice(p.v, n * dv),
    inputs: Object.fromEntries(
      Object.entries(p.inputs ?? {}).map(([name, x]) => [name, slice(x, x.length / heads)]),
    ),
  };
}

/** Rows [from, to) of one head (gates and β sliced by token; u is per head). */
function rows(h: HeadData, from: number, to: number): HeadData {
  const inputs: Record<string, Float64Array> = {};
  for (const [name, x] of Object.entries(h.inputs ?? {})) {
    const per = name === 'u' ? 0 : x.length / h.n;
    inputs[name] = per === 0 ? x : x.slice(from * per, to * per);
  }
  return {
    n: to - from,
    dk: h.dk,
    dv: h.dv,
    q: h.q.slice(from * h.dk, to * h.dk),
    k: h.k.slice(from * h.dk, to * h.dk),
    v: h.v.slice(from * h.dv, to * h.dv),
    inputs,
  };
}

function paramsFor(variant: VariantId, p: AttentionProblem, chunkSize = 64) {
  return validateRequest({ variant, form: 'chunk', problem: { ...p, params: { ...p.params, chunkSize } } })
    .params;
}

describe('gated variants: the three forms agree (float64)', () => {
  for (const variant of GATED) {
    for (const n of [1, 2, 15, 16, 17, 50, 130]) {
      it(`${variant} n=${n}, 3 heads, chunk sizes 1, 7, 16, 64`, () => {
        const problem = gatedTestProblem(variant, { n, dk: 6, dv: 5, heads: 3, seed: n + 11 });
        const reference = runCpu({ variant, form: 'recurrent', problem });
        expect(reference.state).toHaveLength(3 * 6 * 5);
        const parallel = runCpu({ variant, form: 'parallel', problem });
        expect(maxAbsDiff(parallel.o, reference.o)).toBeLessThan(1e-10);
        expect(maxAbsDiff(parallel.state as Float64Array, reference.state as Float64Array)).toBeLessThan(
          1e-10,
        );
        for (const chunkSize of [1, 7, 16, 64]) {
          const chunk = runCpu({ variant, form: 'chunk', problem: { ...problem, params: { chunkSize } } });
          expect(maxAbsDiff(chunk.o, reference.o)).toBeLessThan(1e-10);
          expect(maxAbsDiff(chunk.state as Float64Array, reference.state as Float64Array)).toBeLessThan(
            1e-10,
          );
        }
      });
    }
  }

  it('heads are independent: head 1 alone gives the same rows', () => {
    for (const variant of GATED) {
      const problem = gatedTestProblem(variant, { n: 20, dk: 4, dv: 3, heads: 2, seed: 5 });
      const both = runCpu({ variant, form: 'chunk', problem: { ...problem, params: { chunkSize: 8 } } });
      const h = headOf(problem, 1);
      const alone = runCpu({
        variant,
        form: 'chunk',
        problem: { n: 20, dk: 4, dv: 3, q: h.q, k: h.k, v: h.v, inputs: h.inputs, params: { chunkSize: 8 } },
      });
      expect(maxAbsDiff(both.o.subarray(60, 120), alone.o)).toBe(0);
    }
  });
});

describe('gated variants: state carry-over', () => {
  for (const variant of GATED) {
    it(`${variant}: [x1; x2] equals x1 then x2 from the saved state (recurrent and chunk)`, () => {
      const problem = gatedTestProblem(variant, { n: 45, dk: 5, dv: 4, heads: 1, seed: 21 });
      const params = paramsFor(variant, problem, 8);
      const whole = gatedHead(variant, headOf(problem), params);
      const full = gatedRecurrent(whole);
      const first = gatedHead(variant, rows(headOf(problem), 0, 19), params);
      const second = gatedHead(variant, rows(headOf(problem), 19, 45), params);
      for (const run of [
        (h: typeof whole, s?: Float64Array) => gatedRecurrent(h, s),
        (h: typeof whole, s?: Float64Array) => gatedChunk(h, 8, s),
      ]) {
        const a = run(first);
        const b = run(second, a.state);
        expect(maxAbsDiff(a.o, full.o.subarray(0, 19 * 4))).toBeLessThan(1e-12);
        expect(maxAbsDiff(b.o, full.o.subarray(19 * 4))).toBeLessThan(1e-12);
        expect(maxAbsDiff(b.state, full.state)).toBeLessThan(1e-12);
      }
    });
  }
});

describe('gated variants: definitions on small cases', () => {
  it('retnet: o_i = scale·Σ_j γ^{i−j} (q_i·k_j) v_j', () => {
    const problem: AttentionProblem = {
      n: 3,
      dk: 1,
      dv: 1,
      q: [1, 2, 3],
      k: [1, 1, 2],
      v: [1, 10, 100],
      params: { gamma: 0.5, scale: 1 },
    };
    const expected = [1, 2 * (0.5 + 10), 3 * (0.25 + 0.5 * 10 + 2 * 100)];
    for (const form of FORMS) {
      expect(maxAbsDiff(runCpu({ variant: 'retnet', form, problem }).o, expected)).toBeLessThan(1e-12);
    }
  });

  it('rwkv6 reads S_{t−1} plus the bonus; gla reads S_t (the off-by-one of §16)', () => {
    const base = { n: 2, dk: 1, dv: 1, q: [1, 1], k: [1, 1], v: [2, 3], params: { scale: 1 } };
    const g = [Math.log(0.5), Math.log(0.25)];
    const rwkv = runCpu({ variant: 'rwkv6', form: 'chunk', problem: { ...base, inputs: { g, u: [4] } } });
    // o_1 = u·k_1 v_1 = 8; o_2 = S_1 + u·k_2 v_2 = 2 + 12 = 14 (w_2 is not applied to token 2's read).
    expect(Array.from(rwkv.o)).toEqual([8, 14]);
    const gla = runCpu({ variant: 'gla', form: 'chunk', problem: { ...base, inputs: { g } } });
    // o_1 = 0.5·0 + 2 = 2; o_2 = 0.25·2 + 3 = 3.5.
    expect(maxAbsDiff(gla.o, [2, 3.5])).toBeLessThan(1e-15);
  });

  it('deltanet overwrites: writing the same key twice reads back the newer value (β → 1)', () => {
    // k = e_1 twice with values 5 then 9; query e_1. Linear attention would read 5 + 9.
    const problem: AttentionProblem = {
      n: 2,
      dk: 2,
      dv: 1,
      q: [1, 0, 1, 0],
      k: [1, 0, 1, 0],
      v: [5, 9],
      params: { scale: 1 },
      inputs: { beta: [0.999999, 0.999999] },
    };
    for (const form of FORMS) {
      const { o } = runCpu({ variant: 'deltanet', form, problem });
      expect(o[1]).toBeCloseTo(9, 4);
    }
  });

  it('a forget gate erases everything before its token', () => {
    const base = gatedTestProblem('mamba2', { n: 30, dk: 4, dv: 3, heads: 1, seed: 2 });
    const g = forgetAtGates({ n: 30, at: 12 });
    const full = runCpu({
      variant: 'mamba2',
      form: 'chunk',
      problem: { ...base, inputs: { g }, params: { chunkSize: 8 } },
    });
    // Tokens 12.. see only tokens 12..: the same as a run on those tokens alone.
    const tail = rows(headOf({ ...base, inputs: { g } }), 11, 30);
    const alone = runCpu({
      variant: 'mamba2',
      form: 'recurrent',
      problem: { n: 19, dk: 4, dv: 3, q: tail.q, k: tail.k, v: tail.v, inputs: { g: new Array(19).fill(0) } },
    });
    expect(maxAbsDiff(full.o.subarray(11 * 3), alone.o)).toBeLessThan(1e-12);
  });
});

describe('gated variants: strong gates and long sequences stay finite', () => {
  for (const variant of GATED) {
    it(`${variant}: g = −20 (and ${FORGET_LOG_GATE}) per step, n = 2000, every form`, () => {
      for (const value of [-20, FORGET_LOG_GATE]) {
        const base = gatedTestProblem(variant, { n: 2000, dk: 4, dv: 2, heads: 1, seed: 4 });
        const g = base.inputs?.g;
        const problem = g
          ? { ...base, inputs: { ...base.inputs, g: new Array<number>(g.length).fill(value) } }
          : base;
        const reference = runCpu({ variant, form: 'recurrent', problem });
        for (const form of ['parallel', 'chunk'] as const) {
          const { o } = runCpu({ variant, form, problem });
          expect(o.every(Number.isFinite)).toBe(true);
          expect(maxAbsDiff(o, reference.o)).toBeLessThan(1e-9);
        }
      }
    });
  }
});

describe('gated variants: weights() is the matrix applied to V', () => {
  for (const variant of GATED) {
    it(`${variant}: o = W·V for head 0, zero above the diagonal`, () => {
      const problem = gatedTestProblem(variant, { n: 23, dk: 4, dv: 3, heads: 2, seed: 8 });
      const { o } = runCpu({ variant, form: 'recurrent', problem });
      const weights = cpuWeights({ variant, problem });
      const W = weights.host as Float64Array;
      const v = Float64Array.from(problem.v);
      const product = new Float64Array(23 * 3);
      for (let i = 0; i < 23; i++) {
        for (let j = 0; j < 23; j++) {
          if (j > i) expect(W[i * 23 + j]).toBe(0);
          for (let e = 0; e < 3; e++) product[i * 3 + e] += W[i * 23 + j] * v[j * 3 + e];
        }
      }
      expect(maxAbsDiff(product, o.subarray(0, 23 * 3))).toBeLessThan(1e-12);
    });
  }

  it('retnet weights are scale·(q_i·k_j)·γ^{i−j}', () => {
    const problem = gatedTestProblem('retnet', {
      n: 10,
      dk: 3,
      dv: 2,
      heads: 1,
      seed: 1,
      params: { gamma: 0.8 },
    });
    const W = cpuWeights({ variant: 'retnet', problem }).host as Float64Array;
    const q = Float64Array.from(problem.q);
    const k = Float64Array.from(problem.k);
    const i = 7;
    const j = 3;
    const dot = q[21] * k[9] + q[22] * k[10] + q[23] * k[11];
    expect(W[i * 10 + j]).toBeCloseTo((dot / Math.sqrt(3)) * 0.8 ** 4, 12);
  });
});

describe('gated variants: validation', () => {
  const base = (variant: VariantId) => gatedTestProblem(variant, { n: 4, dk: 2, dv: 2, heads: 1, seed: 1 });
  const cases: [string, VariantId, (p: AttentionProblem) => AttentionProblem, RegExp][] = [
    [
      'a positive gate',
      'mamba2',
      (p) => ({ ...p, inputs: { g: [0, -1, 0.5, -1] } }),
      /inputs\.g\[2\] = 0\.5 is positive/,
    ],
    [
      'a positive per-channel gate',
      'gla',
      (p) => ({ ...p, inputs: { g: [0, 0, 0, 0, 0, 0, 0, 1e-9] } }),
      /inputs\.g\[7\]/,
    ],
    ['missing gates', 'gla', (p) => ({ ...p, inputs: {} }), /missing input "g" for variant "gla"/],
    [
      'gates of the wrong length',
      'mamba2',
      (p) => ({ ...p, inputs: { g: [0, 0, 0] } }),
      /inputs\.g must hold heads·4·1 = 4 numbers \(got 3\)/,
    ],
    [
      'per-channel gates of scalar length',
      'rwkv6',
      (p) => ({ ...p, inputs: { ...p.inputs, g: [0, 0, 0, 0] } }),
      /inputs\.g must hold heads·4·2 = 8/,
    ],
    [
      'a bonus of the wrong length',
      'rwkv6',
      (p) => ({ ...p, inputs: { ...p.inputs, u: [1] } }),
      /inputs\.u must hold heads·1·2 = 2/,
    ],
    [
      'β = 0',
      'deltanet',
      (p) => ({ ...p, inputs: { beta: [0.5, 0, 0.5, 0.5] } }),
      /inputs\.beta\[1\] = 0 is outside \(0, 1\)/,
    ],
    [
      'β = 1 for deltanet',
      'deltanet',
      (p) => ({ ...p, inputs: { beta: [0.5, 1, 0.5, 0.5] } }),
      /outside \(0, 1\)/,
    ],
    [
      'β = 2 for gated-deltanet',
      'gated-deltanet',
      (p) => ({ ...p, inputs: { ...p.inputs, beta: [2, 0.5, 0.5, 0.5] } }),
      /inputs\.beta\[0\] = 2 is outside \(0, 2\)/,
    ],
    [
      'non-finite β',
      'gated-deltanet',
      (p) => ({ ...p, inputs: { ...p.inputs, beta: [Number.NaN, 0.5, 0.5, 0.5] } }),
      /inputs\.beta\[0\] is not a finite number/,
    ],
    ['γ = 0', 'retnet', (p) => ({ ...p, params: { gamma: 0 } }), /params\.gamma must be > 0/],
    ['γ > 1', 'retnet', (p) => ({ ...p, params: { gamma: 1.5 } }), /params\.gamma must be ≤ 1/],
    ['non-causal', 'gla', (p) => ({ ...p, params: { causal: false } }), /causal only/],
    ['chunkSize 0', 'gla', (p) => ({ ...p, params: { chunkSize: 0 } }), /params\.chunkSize must be ≥ 1/],
    [
      'an input of another variant',
      'retnet',
      (p) => ({ ...p, inputs: { g: [0, 0, 0, 0] } }),
      /unknown input "g" for variant "retnet"/,
    ],
  ];
  for (const [what, variant, edit, message] of cases) {
    it(`rejects ${what}`, () => {
      const request = { variant, form: 'chunk' as const, problem: edit(base(variant)) };
      expect(() => runCpu(request)).toThrow(EngineError);
      expect(() => runCpu(request)).toThrow(message);
    });
  }

  it('accepts β in (1, 2) for gated-deltanet (its stable range) and g = 0', () => {
    const p = base('gated-deltanet');
    const { o } = runCpu({
      variant: 'gated-deltanet',
      form: 'chunk',
      problem: { ...p, inputs: { g: [0, 0, 0, 0], beta: [1.5, 1.9, 0.1, 1] } },
    });
    expect(o.every(Number.isFinite)).toBe(true);
  });
});

describe('gate generators', () => {
  it('constant gates fill every entry and reject positive values', () => {
    const g = constantGates({ n: 5, heads: 2, channels: 3, value: -0.25 });
    expect(g).toHaveLength(30);
    expect(new Set(g)).toEqual(new Set([-0.25]));
    expect(() => constantGates({ n: 5, value: 0.1 })).toThrow(/≤ 0/);
  });

  it('data-dependent gates are seeded, ≤ 0, and vary by token', () => {
    const a = dataDependentGates({ seed: 3, n: 200, channels: 4 });
    const b = dataDependentGates({ seed: 3, n: 200, channels: 4 });
    const c = dataDependentGates({ seed: 4, n: 200, channels: 4 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((x) => x <= 0)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(700);
    // logsigmoid(x)/16 with x ~ N(0, 1): mean ≈ E[logsigmoid]/16 ≈ −0.81/16.
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).toBeGreaterThan(-0.07);
    expect(mean).toBeLessThan(-0.035);
    const faster = dataDependentGates({ seed: 3, n: 200, normalizer: 1, bias: -2 });
    expect(faster.reduce((s, x) => s + x, 0) / 200).toBeLessThan(-1.5);
  });

  it('forget-at gates erase at exactly one token per head', () => {
    const g = forgetAtGates({ n: 6, at: 4, heads: 2, channels: 2, base: -0.1 });
    const erased = Array.from(g.keys()).filter((i) => g[i] === FORGET_LOG_GATE);
    expect(erased).toEqual([6, 7, 18, 19]);
    expect(g[0]).toBeCloseTo(-0.1, 6);
    expect(() => forgetAtGates({ n: 6, at: 7 })).toThrow(/from 1 to n = 6/);
  });

  it('write strengths lie inside (0, max)', () => {
    const beta = writeStrengths({ seed: 1, n: 500, max: 2 });
    expect(beta.every((b) => b > 0 && b < 2)).toBe(true);
    expect(Math.max(...beta)).toBeGreaterThan(1);
    expect(writeStrengths({ seed: 1, n: 500 }).every((b) => b > 0 && b < 1)).toBe(true);
  });
});

describe('view helpers: state trace and memory horizon', () => {
  it('the state trace of a forget gate drops to the single write of that token', () => {
    const base = gatedTestProblem('mamba2', { n: 12, dk: 3, dv: 2, heads: 1, seed: 6 });
    const g = forgetAtGates({ n: 12, at: 6 });
    const problem = { ...base, inputs: { g } };
    const trace = cpuGatedStateTrace('mamba2', problem, 6);
    expect([trace.rows, trace.cols]).toEqual([3, 2]);
    // S_6 = k_6ᵀ v_6 exactly (everything before token 6 erased).
    const k = Float64Array.from(problem.k);
    const v = Float64Array.from(problem.v);
    const outer = [0, 1, 2].flatMap((a) => [0, 1].map((b) => k[15 + a] * v[10 + b]));
    expect(maxAbsDiff(trace.state, outer)).toBeLessThan(1e-15);
    const final = runCpu({ variant: 'mamba2', form: 'recurrent', problem }).state as Float64Array;
    let norm = 0;
    for (const x of final) norm += x * x;
    expect(trace.norms[11]).toBeCloseTo(Math.sqrt(norm), 12);
    expect(() => cpuGatedStateTrace('linear', problem, 1)).toThrow(/not a gated/);
    expect(() => cpuGatedStateTrace('mamba2', problem, 13)).toThrow(/from 1 to n = 12/);
  });

  it('the memory horizon is e^{Σ g} after the write, per channel', () => {
    const g = [-0.1, -1, -0.2, -2, -0.3, -3]; // n = 3, 2 channels
    const left = retainedFraction(g, 3, 2, 1);
    expect(Array.from(left.subarray(0, 2))).toEqual([1, 1]);
    expect(left[2]).toBeCloseTo(Math.exp(-0.2), 15);
    expect(left[5]).toBeCloseTo(Math.exp(-2 - 3), 15);
    const later = retainedFraction(g, 3, 2, 3);
    expect(Array.from(later)).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
