import { describe, expect, it } from 'vitest';
import { EngineError, VARIANT_IDS, type AttentionProblem, type RunRequest } from './types';
import { findVariant, implementedVariants } from './variants/registry';

/** The registry's list as errors print it (it grows as variants land). */
const IMPLEMENTED = implementedVariants.map((d) => d.id).join(', ');
/** A contract variant this build does not implement yet, if any is left. */
const NOT_BUILT = VARIANT_IDS.find((id) => !findVariant(id));
import {
  checkFitsLimits,
  largestFittingN,
  problemFromJson,
  validateProblem,
  validateRequest,
} from './validate';

const problem: AttentionProblem = { n: 2, dk: 2, dv: 1, q: [1, 2, 3, 4], k: [0, 1, 1, 0], v: [5, 6] };

function request(patch: Partial<RunRequest> = {}, problemPatch: Partial<AttentionProblem> = {}): RunRequest {
  return { variant: 'softmax', form: 'parallel', ...patch, problem: { ...problem, ...problemPatch } };
}

/** The EngineError message of a request that must fail. */
function rejection(req: RunRequest): string {
  try {
    validateRequest(req);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return (error as EngineError).message;
  }
  throw new Error('the request was accepted');
}

describe('validateRequest fills the contract defaults', () => {
  it('softmax: causal true, scale 1/√dk, heads 1', () => {
    const req = validateRequest(request({}, { dk: 2 }));
    expect(req.params).toEqual({ causal: true, scale: 1 / Math.sqrt(2) });
    expect(req.heads).toBe(1);
    expect(req.form).toBe('parallel');
  });

  it('swa: window 64', () => {
    expect(validateRequest(request({ variant: 'swa' })).params.window).toBe(64);
  });

  it('linear: elu1, normalize, eps 1e-6, chunkSize 64; given values win', () => {
    const req = validateRequest(
      request({ variant: 'linear', form: 'chunk' }, { params: { featureMap: 'relu' } }),
    );
    expect(req.params).toEqual({
      causal: true,
      featureMap: 'relu',
      normalize: true,
      eps: 1e-6,
      chunkSize: 64,
    });
  });

  it('accepts typed arrays and several heads', () => {
    const req = validateRequest(
      request({}, { heads: 2, q: new Float32Array(8), k: new Float64Array(8), v: new Float32Array(4) }),
    );
    expect(req.heads).toBe(2);
  });

  it('validateProblem needs no form', () => {
    expect(validateProblem('linear', problem).params.featureMap).toBe('elu1');
  });
});

describe('validateRequest rejects what is wrong, saying what', () => {
  const cases: [string, RunRequest, string][] = [
    [
      'an unknown variant',
      request({ variant: 'nope' as RunRequest['variant'] }),
      `unknown variant "nope" (implemented: ${IMPLEMENTED})`,
    ],
    ...(NOT_BUILT
      ? [
          [
            'a contract variant not built yet',
            request({ variant: NOT_BUILT }),
            `variant "${NOT_BUILT}" is not implemented yet (implemented: ${IMPLEMENTED})`,
          ] as [string, RunRequest, string],
        ]
      : []),
    [
      'an unknown form',
      request({ form: 'fast' as RunRequest['form'] }),
      'unknown form "fast" (forms: parallel, recurrent, chunk, flash)',
    ],
    [
      'a form the variant lacks',
      request({ variant: 'swa', form: 'recurrent' }),
      'variant "swa" has no recurrent form (its forms: parallel, flash)',
    ],
    [
      'chunk for softmax',
      request({ form: 'chunk' }),
      'variant "softmax" has no chunk form (its forms: parallel, recurrent, flash)',
    ],
    [
      'non-causal swa',
      request({ variant: 'swa' }, { params: { causal: false } }),
      'variant "swa" is causal only: params.causal must be true',
    ],
    ['n = 0', request({}, { n: 0 }), 'n must be an integer ≥ 1 (got 0)'],
    ['n = -5', request({}, { n: -5 }), 'n must be an integer ≥ 1 (got -5)'],
    ['fractional dk', request({}, { dk: 1.5 }), 'dk must be an integer ≥ 1 (got 1.5)'],
    ['a string dv', request({}, { dv: '1' as unknown as number }), 'dv must be an integer ≥ 1 (got "1")'],
    ['heads = 0', request({}, { heads: 0 }), 'heads must be an integer ≥ 1 (got 0)'],
    ['q too short', request({}, { q: [1, 2, 3] }), 'q must hold heads·n·dk = 1·2·2 = 4 numbers (got 3)'],
    ['v too long', request({}, { v: [1, 2, 3] }), 'v must hold heads·n·dv = 1·2·1 = 2 numbers (got 3)'],
    ['k missing', request({}, { k: undefined as unknown as number[] }), 'missing input k'],
    ['k not an array', request({}, { k: 'abc' as unknown as number[] }), 'k must be an array of numbers'],
    ['NaN in q', request({}, { q: [1, NaN, 3, 4] }), 'q[1] is not a finite number (got NaN)'],
    ['Infinity in v', request({}, { v: [1, Infinity] }), 'v[1] is not a finite number (got Infinity)'],
    [
      'null in k (from JSON)',
      request({}, { k: [0, null, 1, 0] as unknown as number[] }),
      'k[1] is not a finite number (got null)',
    ],
    ['window 0', request({ variant: 'swa' }, { params: { window: 0 } }), 'params.window must be ≥ 1 (got 0)'],
    [
      'window 2.5',
      request({ variant: 'swa' }, { params: { window: 2.5 } }),
      'params.window must be an integer (got 2.5)',
    ],
    [
      'window as text',
      request({ variant: 'swa' }, { params: { window: '8' } }),
      'params.window must be a finite number (got "8")',
    ],
    [
      'an unknown feature map',
      request({ variant: 'linear' }, { params: { featureMap: 'tanh' } }),
      'params.featureMap must be one of elu1, relu, identity (got "tanh")',
    ],
    ['eps 0', request({ variant: 'linear' }, { params: { eps: 0 } }), 'params.eps must be > 0 (got 0)'],
    [
      'chunkSize 0',
      request({ variant: 'linear', form: 'chunk' }, { params: { chunkSize: 0 } }),
      'params.chunkSize must be ≥ 1 (got 0)',
    ],
    [
      'causal as a number',
      request({}, { params: { causal: 1 } }),
      'params.causal must be true or false (got 1)',
    ],
    [
      'a misspelt parameter',
      request({ variant: 'swa' }, { params: { windw: 3 } }),
      'unknown parameter "windw" for variant "swa" (its parameters: causal, scale, window)',
    ],
    [
      'a parameter of another variant',
      request({}, { params: { featureMap: 'relu' } }),
      'unknown parameter "featureMap" for variant "softmax" (its parameters: causal, scale)',
    ],
    [
      'an extra input',
      request({}, { inputs: { g: [0, 0] } }),
      'unknown input "g" for variant "softmax" (it takes none beyond q, k, v)',
    ],
  ];
  for (const [what, req, message] of cases) {
    it(what, () => expect(rejection(req)).toBe(message));
  }

  it('never crashes on a problem that is not an object', () => {
    expect(
      rejection({ variant: 'softmax', form: 'parallel', problem: null as unknown as AttentionProblem }),
    ).toMatch(/must be an object/);
  });
});

describe('checkFitsLimits', () => {
  const limits = { maxStorageBufferBindingSize: 128 * 2 ** 20, maxBufferSize: 256 * 2 ** 20 };

  it('accepts what fits', () => {
    const req = validateRequest(sized('softmax', 'parallel', 4096, 64));
    expect(() => checkFitsLimits(req, limits)).not.toThrow(); // 4096² · 4 B = 64 MiB
  });

  it('rejects the n×n matrix beyond the binding limit with the largest n that fits', () => {
    const req = validateRequest(sized('softmax', 'parallel', 8192, 64));
    let error: EngineError | undefined;
    try {
      checkFitsLimits(req, limits);
    } catch (e) {
      error = e as EngineError;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect(error?.maxN).toBe(5792); // floor(√(128 MiB / 4 B))
    expect(error?.message).toBe(
      'softmax parallel at n=8192 needs 256.0 MiB for the n×n matrix, but this device allows 128.0 MiB per buffer; the largest n that fits is 5792',
    );
  });

  it('flash at the same n fits (no n×n buffer)', () => {
    expect(() => checkFitsLimits(validateRequest(sized('softmax', 'flash', 8192, 64)), limits)).not.toThrow();
  });

  it('linear recurrent is limited by q, k, v only (linear in n)', () => {
    const req = validateRequest(sized('linear', 'recurrent', 600_000, 64));
    expect(() => checkFitsLimits(req, limits)).toThrow(EngineError);
    try {
      checkFitsLimits(req, limits);
    } catch (e) {
      expect((e as EngineError).maxN).toBe(524_288); // 128 MiB / (64 · 4 B)
    }
  });

  it('uses the backend model it is given', () => {
    const req = validateRequest(sized('softmax', 'flash', 100, 4));
    const model = (dims: { n: number }) => [{ label: 'a scratch buffer', bytes: dims.n * 2 ** 21 }];
    expect(() => checkFitsLimits(req, limits, model)).toThrow(/a scratch buffer.*largest n that fits is 64$/);
  });

  it('says when no n fits', () => {
    const req = validateRequest(sized('softmax', 'flash', 4, 4));
    try {
      checkFitsLimits(req, { maxStorageBufferBindingSize: 8, maxBufferSize: 8 });
      expect.unreachable();
    } catch (e) {
      expect((e as EngineError).maxN).toBe(0);
      expect((e as EngineError).message).toMatch(/no n fits/);
    }
  });

  it('largestFittingN bisects a monotone predicate', () => {
    expect(largestFittingN(1000, (n) => n * n <= 5000)).toBe(70);
    expect(largestFittingN(1000, () => true)).toBe(1000);
    expect(largestFittingN(1000, () => false)).toBe(0);
  });
});

describe('problemFromJson', () => {
  it('reads the contract JSON', () => {
    const p = problemFromJson({
      n: 1,
      dk: 1,
      dv: 1,
      q: [1],
      k: [2],
      v: [3],
      params: { causal: false },
      inputs: {},
    });
    expect(p.params).toEqual({ causal: false });
    expect(validateRequest({ variant: 'softmax', form: 'flash', problem: p }).params.causal).toBe(false);
  });

  it('rejects structures that are not the contract JSON', () => {
    expect(() => problemFromJson([1, 2])).toThrow('the input must be a JSON object with n, dk, dv, q, k, v');
    expect(() => problemFromJson({ n: 1, params: [] })).toThrow('params must be a JSON object');
    expect(() => problemFromJson({ n: 1, params: { causal: null } })).toThrow(
      'params.causal must be a number, boolean or string (got null)',
    );
    expect(() => problemFromJson({ n: 1, inputs: { g: 5 } })).toThrow('inputs.g must be an array of numbers');
  });
});

function sized(variant: RunRequest['variant'], form: RunRequest['form'], n: number, d: number): RunRequest {
  // Validation reads every element, so use one shared zero array of the right length.
  const qk = new Float32Array(n * d);
  return { variant, form, problem: { n, dk: d, dv: d, q: qk, k: qk, v: qk } };
}
