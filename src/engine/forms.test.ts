// The forms of each variant are independent implementations of one function:
// they must agree with each other (to float64 rounding) at many sizes, with n
// not a multiple of the chunk or tile size, and with the defining formulas.
import { describe, expect, it } from 'vitest';
import { cpuLinearStateTrace, cpuWeights, createCpuEngine, runCpu } from './cpu';
import { generateProblem } from './inputs/generate';
import { maxAbsDiff } from './testing/vectors';
import { EngineError, type AttentionProblem, type Form, type Params, type RunRequest } from './types';
import type { HeadData } from './variants/common/head';
import { linearChunk, linearRecurrent, type LinearOptions } from './variants/linear/cpu';
import { FEATURE_MAPS } from './variants/linear/descriptor';

function problem(
  n: number,
  dk: number,
  dv: number,
  params: Params = {},
  seed = 7,
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
  return { ...generated, params };
}

function run(variant: RunRequest['variant'], form: Form, p: AttentionProblem) {
  return runCpu({ variant, form, problem: p });
}

function head(p: AttentionProblem): HeadData {
  return {
    n: p.n,
    dk: p.dk,
    dv: p.dv,
    q: Float64Array.from(p.q),
    k: Float64Array.from(p.k),
    v: Float64Array.from(p.v),
  };
}

/** Rows a..b of a one-head problem (for state carry-over). */
function slice(h: HeadData, from: number, to: number): HeadData {
  return {
    n: to - from,
    dk: h.dk,
    dv: h.dv,
    q: h.q.slice(from * h.dk, to * h.dk),
    k: h.k.slice(from * h.dk, to * h.dk),
    v: h.v.slice(from * h.dv, to * h.dv),
  };
}

const SIZES = [1, 2, 15, 16, 17, 33, 64, 100];

describe('softmax forms agree', () => {
  for (const causal of [true, false]) {
    for (const n of SIZES) {
      it(`n=${n} causal=${causal}: recurrent and flash equal parallel`, () => {
        const p = problem(n, 8, 5, { causal }, n, 2);
        const parallel = run('softmax', 'parallel', p).o;
        expect(maxAbsDiff(run('softmax', 'recurrent', p).o, parallel)).toBeLessThan(1e-12);
        expect(maxAbsDiff(run('softmax', 'flash', p).o, parallel)).toBeLessThan(1e-12);
      });
    }
  }

  it('matches a hand-computed two-token example', () => {
    // q = k = [[1], [2]], v = [[10], [20]], scale 1 (dk = 1).
    const p: AttentionProblem = { n: 2, dk: 1, dv: 1, q: [1, 2], k: [1, 2], v: [10, 20] };
    const w = Math.exp(4) / (Math.exp(2) + Math.exp(4)); // token 2: scores 2 and 4
    for (const form of ['parallel', 'recurrent', 'flash'] as const) {
      const { o } = run('softmax', form, p);
      expect(o[0]).toBe(10); // token 1 sees only itself
      expect(o[1]).toBeCloseTo(10 * (1 - w) + 20 * w, 14);
    }
  });

  it('scale multiplies the scores', () => {
    const p = problem(20, 4, 3);
    const doubled = { ...p, q: Array.from(p.q, (x) => 2 * x) };
    const scaled = { ...p, params: { scale: 2 / Math.sqrt(4) } };
    expect(maxAbsDiff(run('softmax', 'flash', scaled).o, run('softmax', 'parallel', doubled).o)).toBeLessThan(
      1e-12,
    );
  });
});

describe('sliding window agrees with itself and with softmax', () => {
  for (const window of [1, 3, 16, 17, 40]) {
    for (const n of [1, 16, 31, 70]) {
      it(`window=${window} n=${n}: flash equals parallel`, () => {
        const p = problem(n, 6, 4, { window });
        expect(maxAbsDiff(run('swa', 'flash', p).o, run('swa', 'parallel', p).o)).toBeLessThan(1e-12);
      });
    }
  }

  it('window 1 returns v itself (each token sees only itself)', () => {
    const p = problem(30, 4, 3, { window: 1 });
    expect(maxAbsDiff(run('swa', 'flash', p).o, Array.from(p.v))).toBeLessThan(1e-15);
  });

  it('a window of at least n is causal softmax', () => {
    const p = problem(40, 4, 3, { window: 40 });
    const softmax = run('softmax', 'parallel', { ...p, params: {} }).o;
    expect(maxAbsDiff(run('swa', 'flash', p).o, softmax)).toBeLessThan(1e-12);
  });

  it('the weights vanish outside the window and each row sums to 1', async () => {
    const n = 20;
    const window = 5;
    const matrix = await createCpuEngine().weights({ variant: 'swa', problem: problem(n, 4, 3, { window }) });
    const w = matrix.host as Float64Array;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const visible = j <= i && j > i - window;
        if (!visible) expect(w[i * n + j]).toBe(0);
        else expect(w[i * n + j]).toBeGreaterThan(0);
        sum += w[i * n + j];
      }
      expect(sum).toBeCloseTo(1, 14);
    }
  });
});

describe('linear attention forms agree', () => {
  for (const featureMap of FEATURE_MAPS) {
    for (const normalize of [true, false]) {
      for (const causal of [true, false]) {
        // identity + normalize can divide by ~0 on random inputs; use it unnormalised or with positive inputs.
        const label = `${featureMap} normalize=${normalize} causal=${causal}`;
        it(`${label}: recurrent and chunk (C = 1, 5, 16, 64, 128) equal parallel`, () => {
          for (const n of SIZES) {
            const base = problem(n, 8, 6, { featureMap, normalize, causal }, 100 + n, 2);
            const p =
              featureMap === 'identity' && normalize
                ? { ...base, q: Array.from(base.q, Math.abs), k: Array.from(base.k, Math.abs) }
                : base;
            const parallel = run('linear', 'parallel', p);
            const scale = Math.max(1, ...Array.from(parallel.o, Math.abs));
            const recurrent = run('linear', 'recurrent', p);
            expect(maxAbsDiff(recurrent.o, parallel.o) / scale).toBeLessThan(1e-12);
            expect(maxAbsDiff(recurrent.state as Float64Array, parallel.state as Float64Array)).toBeLessThan(
              1e-10,
            );
            for (const chunkSize of [1, 5, 16, 64, 128]) {
              const chunk = run('linear', 'chunk', { ...p, params: { ...p.params, chunkSize } });
              expect(maxAbsDiff(chunk.o, parallel.o) / scale).toBeLessThan(1e-12);
              expect(maxAbsDiff(chunk.state as Float64Array, parallel.state as Float64Array)).toBeLessThan(
                1e-10,
              );
            }
          }
        });
      }
    }
  }

  it('matches the defining formula on a hand-computed example (elu1, normalised)', () => {
    // dk = dv = 1: φ(q) = elu(q)+1. Token 2: o = (φq2·φk1·v1 + φq2·φk2·v2) / (φq2·(φk1+φk2) + eps).
    const p: AttentionProblem = { n: 2, dk: 1, dv: 1, q: [0.5, -1], k: [2, -0.5], v: [3, 7] };
    const phi = (x: number) => (x > 0 ? x + 1 : Math.exp(x));
    const eps = 1e-6;
    const o1 = (phi(0.5) * phi(2) * 3) / (phi(0.5) * phi(2) + eps);
    const o2 = (phi(-1) * (phi(2) * 3 + phi(-0.5) * 7)) / (phi(-1) * (phi(2) + phi(-0.5)) + eps);
    for (const form of ['parallel', 'recurrent', 'chunk'] as const) {
      const { o, state } = run('linear', form, p);
      expect(o[0]).toBeCloseTo(o1, 14);
      expect(o[1]).toBeCloseTo(o2, 14);
      expect(state?.[0]).toBeCloseTo(phi(2) * 3 + phi(-0.5) * 7, 14);
    }
  });

  it('relu with all queries ≤ 0 gives 0, not 0/0', () => {
    const p: AttentionProblem = {
      n: 3,
      dk: 2,
      dv: 1,
      q: [-1, -2, -3, 0, -1, -1],
      k: [1, 1, 1, 1, 1, 1],
      v: [1, 2, 3],
    };
    for (const form of ['parallel', 'recurrent', 'chunk'] as const) {
      expect(Array.from(run('linear', form, { ...p, params: { featureMap: 'relu' } }).o)).toEqual([0, 0, 0]);
    }
  });

  it('the state is Σ φ(k)ᵀv per head, heads stacked', () => {
    const p = problem(9, 3, 2, { featureMap: 'identity' }, 3, 2);
    const { state } = run('linear', 'recurrent', p);
    expect(state).toHaveLength(2 * 3 * 2);
    for (let h = 0; h < 2; h++) {
      for (let a = 0; a < 3; a++) {
        for (let c = 0; c < 2; c++) {
          let sum = 0;
          for (let t = 0; t < 9; t++)
            sum += Number(p.k[(h * 9 + t) * 3 + a]) * Number(p.v[(h * 9 + t) * 2 + c]);
          expect(state?.[h * 6 + a * 2 + c]).toBeCloseTo(sum, 12);
        }
      }
    }
  });
});

describe('state carry-over (linear)', () => {
  const opts: LinearOptions = { featureMap: 'elu1', normalize: true, eps: 1e-6, causal: true };
  const whole = head(problem(50, 6, 4));

  it('recurrent: [x1; x2] equals x1, then x2 from the saved state', () => {
    const full = linearRecurrent(whole, opts);
    const first = linearRecurrent(slice(whole, 0, 21), opts);
    const second = linearRecurrent(slice(whole, 21, 50), opts, first.state);
    expect(maxAbsDiff(first.o, full.o.subarray(0, 21 * 4))).toBeLessThan(1e-14);
    expect(maxAbsDiff(second.o, full.o.subarray(21 * 4))).toBeLessThan(1e-12);
    expect(maxAbsDiff(second.state.S, full.state.S)).toBeLessThan(1e-11);
    expect(maxAbsDiff(second.state.z, full.state.z)).toBeLessThan(1e-11);
  });

  it('chunk: the same, with a split inside a chunk', () => {
    const full = linearChunk(whole, opts, 8);
    const first = linearChunk(slice(whole, 0, 13), opts, 8);
    const second = linearChunk(slice(whole, 13, 50), opts, 8, first.state);
    expect(maxAbsDiff(second.o, full.o.subarray(13 * 4))).toBeLessThan(1e-12);
    expect(maxAbsDiff(second.state.S, full.state.S)).toBeLessThan(1e-11);
  });

  it('does not modify the initial state it is given', () => {
    const first = linearRecurrent(slice(whole, 0, 10), opts);
    const saved = first.state.S.slice();
    linearRecurrent(slice(whole, 10, 20), opts, first.state);
    expect(Array.from(first.state.S)).toEqual(Array.from(saved));
  });

  it('onToken sees S_t after each write', () => {
    const norms: number[] = [];
    linearRecurrent(slice(whole, 0, 5), opts, undefined, (_t, state) => {
      norms.push(Math.hypot(...state.S));
    });
    expect(norms).toHaveLength(5);
    expect(norms[0]).toBeGreaterThan(0);
  });
});

describe('cpuLinearStateTrace (lesson 4)', () => {
  it('S_t equals the state of a run over the first t tokens; norms grow for positive features', () => {
    const p = problem(40, 6, 4, {}, 11, 2);
    const trace = cpuLinearStateTrace(p, 17);
    expect([trace.rows, trace.cols]).toEqual([6, 4]);
    const prefix: AttentionProblem = {
      n: 17,
      dk: 6,
      dv: 4,
      q: Array.from(p.q).slice(0, 17 * 6),
      k: Array.from(p.k).slice(0, 17 * 6),
      v: Array.from(p.v).slice(0, 17 * 4),
    };
    expect(maxAbsDiff(trace.state, run('linear', 'recurrent', prefix).state as Float64Array)).toBeLessThan(
      1e-13,
    );
    expect(trace.norms).toHaveLength(40);
    expect(trace.norms[16]).toBeCloseTo(Math.hypot(...trace.state), 12);
    const full = run('linear', 'recurrent', p).state as Float64Array;
    expect(trace.norms[39]).toBeCloseTo(Math.hypot(...full.subarray(0, 24)), 12);
  });

  it('rejects a token index outside 1..n', () => {
    expect(() => cpuLinearStateTrace(problem(5, 2, 2), 6)).toThrow(
      'the token index must be an integer from 1 to n = 5 (got 6)',
    );
    expect(() => cpuLinearStateTrace(problem(5, 2, 2), 0)).toThrow(EngineError);
  });
});

describe('heads are independent', () => {
  for (const [variant, form] of [
    ['softmax', 'flash'],
    ['swa', 'parallel'],
    ['linear', 'chunk'],
  ] as const) {
    it(`${variant} ${form}: three heads at once equal three single-head runs`, () => {
      const p = problem(19, 4, 3, {}, 5, 3);
      const all = run(variant, form, p);
      for (let h = 0; h < 3; h++) {
        const single: AttentionProblem = {
          n: 19,
          dk: 4,
          dv: 3,
          q: Array.from(p.q).slice(h * 76, (h + 1) * 76),
          k: Array.from(p.k).slice(h * 76, (h + 1) * 76),
          v: Array.from(p.v).slice(h * 57, (h + 1) * 57),
        };
        expect(maxAbsDiff(run(variant, form, single).o, all.o.subarray(h * 57, (h + 1) * 57))).toBe(0);
      }
    });
  }
});

describe('weights()', () => {
  it('softmax: causal probabilities of head 0, rows sum to 1, P·V is the output', async () => {
    const p = problem(24, 4, 3, {}, 9, 2);
    const matrix = await createCpuEngine().weights({ variant: 'softmax', problem: p });
    const w = matrix.host as Float64Array;
    expect([matrix.rows, matrix.cols]).toEqual([24, 24]);
    const o = run('softmax', 'parallel', p).o;
    for (let i = 0; i < 24; i++) {
      let sum = 0;
      for (let j = 0; j < 24; j++) {
        if (j > i) expect(w[i * 24 + j]).toBe(0);
        sum += w[i * 24 + j];
      }
      expect(sum).toBeCloseTo(1, 14);
      for (let c = 0; c < 3; c++) {
        let value = 0;
        for (let j = 0; j <= i; j++) value += w[i * 24 + j] * Number(p.v[j * 3 + c]);
        expect(value).toBeCloseTo(o[i * 3 + c], 13);
      }
    }
    expect(matrix.maxValue).toBe(1); // row 0 puts all weight on token 0
    expect(matrix.minValue).toBe(0);
    expect(matrix.maxAbs).toBe(1);
    expect(await matrix.at(3, 2)).toBe(w[3 * 24 + 2]);
    await expect(matrix.at(24, 0)).rejects.toThrow(EngineError);
  });

  it('linear: normalised weights times V reproduce the output; unnormalised can be negative', () => {
    const p = problem(16, 4, 2, { featureMap: 'identity', normalize: false });
    const matrix = cpuWeights({ variant: 'linear', problem: p });
    const w = matrix.host as Float64Array;
    const o = run('linear', 'recurrent', p).o;
    for (let i = 0; i < 16; i++) {
      let value = 0;
      for (let j = 0; j < 16; j++) value += w[i * 16 + j] * Number(p.v[j * 2]);
      expect(value).toBeCloseTo(o[i * 2], 12);
    }
    expect(matrix.minValue).toBeLessThan(0);
    const normalised = cpuWeights({ variant: 'linear', problem: { ...p, params: { featureMap: 'elu1' } } });
    const rowSum = Array.from((normalised.host as Float64Array).subarray(5 * 16, 6 * 16)).reduce(
      (a, b) => a + b,
    );
    expect(rowSum).toBeCloseTo(1, 5); // 1 − eps/(row sum + eps)
    expect(rowSum).toBeLessThan(1);
  });

  it('rejects a bad request like run() does', () => {
    expect(() =>
      cpuWeights({ variant: 'swa', problem: { ...problem(4, 2, 2), params: { window: 0 } } }),
    ).toThrow('params.window must be ≥ 1 (got 0)');
  });
});

describe('results are finite or rejected', () => {
  it('linear: a normaliser that cancels to 0 is an EngineError, not Infinity', () => {
    const p: AttentionProblem = {
      n: 1,
      dk: 1,
      dv: 1,
      q: [1],
      k: [-1e-6],
      v: [1],
      params: { featureMap: 'identity' },
    };
    expect(() => run('linear', 'recurrent', p)).toThrow(/not finite.*eps/);
  });

  it('softmax: scores that overflow float64 are an EngineError', () => {
    const p: AttentionProblem = { n: 2, dk: 1, dv: 1, q: [1e200, 1e200], k: [1e200, 1e200], v: [1, 2] };
    expect(() => run('softmax', 'parallel', p)).toThrow(EngineError);
  });

  it('a run whose n×n matrix exceeds the CPU budget is refused with maxN', () => {
    const engine = createCpuEngine({ maxBufferBytes: 8 * 1000 * 1000 });
    const p = problem(1001, 2, 2);
    return engine.run({ variant: 'softmax', form: 'parallel', problem: p }).then(
      () => expect.unreachable(),
      (error: unknown) => {
        expect(error).toBeInstanceOf(EngineError);
        expect((error as EngineError).maxN).toBe(1000);
        expect((error as EngineError).message).toMatch(/n×n matrix.*largest n that fits is 1000/);
      },
    );
  });

  it('the flash form of the same size is not refused (it holds no n×n matrix)', async () => {
    const engine = createCpuEngine({ maxBufferBytes: 8 * 1000 * 1000 });
    const result = await engine.run({ variant: 'softmax', form: 'flash', problem: problem(1001, 2, 2) });
    expect(result.o).toHaveLength(1001 * 2);
    expect(result.backend).toBe('cpu');
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });
});
