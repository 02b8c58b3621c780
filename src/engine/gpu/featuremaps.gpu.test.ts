// The feature-map variants (performer, cosformer, based, hedgehog, focused,
// inline, rala) on WebGPU: every shared vector in every form, every form against
// the float64 CPU reference with several heads and n not a multiple of the chunk,
// weights() against the CPU matrix, Performer's exponent shifts on inputs whose
// features would overflow f32 unshifted, and the limit errors. Small n: SwiftShader is slow.
import { describe, expect, it } from 'vitest';
import { cpuWeights, runCpu } from '../cpu';
import { generateProblem } from '../inputs/generate';
import { hedgehogProjection, performerProjection } from '../inputs/randomFeatures';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../testing/vectors';
import { EngineError, type AttentionProblem, type Form, type Params, type VariantId } from '../types';
import { readBuffer, GPU_AVAILABLE, testEngine } from './testSetup';

const FEATURE_VARIANTS = [
  'performer',
  'cosformer',
  'based',
  'hedgehog',
  'focused',
  'inline',
  'rala',
] as const;
type FeatureVariant = (typeof FEATURE_VARIANTS)[number];
const vectors = loadVectors([...FEATURE_VARIANTS]);

/** The vector of a variant: the other tests reuse its sizes, so SwiftShader compiles each pipeline once. */
function vectorOf(variant: FeatureVariant) {
  const vector = vectors.find((v) => v.variant === variant);
  if (!vector) throw new Error(`no vector for ${variant}`);
  return vector;
}

/**
 * A generated problem with the sizes of the variant's vector (dk, dv and the
 * projection's shape), `heads` heads and n tokens; the projection is seeded.
 */
function problemLike(
  variant: FeatureVariant,
  n: number,
  heads: number,
  params: Params,
  seed = 21,
): AttentionProblem {
  const { dk, dv, inputs } = vectorOf(variant).problem;
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
  const projectionLength = inputs?.projection?.length ?? 0;
  let projection: Float32Array | undefined;
  if (variant === 'performer') projection = performerProjection({ seed, m: projectionLength / dk, dk });
  if (variant === 'hedgehog') {
    projection = hedgehogProjection({ dk, r: projectionLength / dk, seed, noise: 0.3 });
  }
  return { ...generated, params, inputs: projection ? { projection } : {} };
}

function formsOf(variant: VariantId): Form[] {
  return variant === 'rala' ? ['parallel'] : ['parallel', 'recurrent', 'chunk'];
}

describe.skipIf(!GPU_AVAILABLE)('WebGPU feature-map variants on the shared vectors', () => {
  it('finds one vector per variant', () => {
    expect(vectors.map((v) => v.variant).sort()).toEqual([...FEATURE_VARIANTS].sort());
  });

  for (const vector of vectors) {
    for (const request of vectorRequests(vector)) {
      it(`${vector.name} ${request.form}`, async () => {
        const engine = await testEngine();
        const result = await engine.run(request);
        expect(result.backend).toBe('webgpu');
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
          toleranceFor(vector.expectedO, vector.tol),
        );
        if (request.form !== 'parallel' && vector.expectedState) {
          expect(result.state).toBeDefined();
          expect(maxAbsDiff(result.state ?? [], vector.expectedState)).toBeLessThanOrEqual(
            toleranceFor(vector.expectedState, vector.tol),
          );
        }
      });
    }
  }
});

describe.skipIf(!GPU_AVAILABLE)('WebGPU feature-map forms against the CPU reference', () => {
  for (const variant of FEATURE_VARIANTS) {
    const causal = variant !== 'rala';
    it(`${variant}: every form, 3 heads, n = 45 (chunk 16), matches float64 and reports S`, async () => {
      const engine = await testEngine();
      const p = problemLike(variant, 45, 3, { causal });
      for (const form of formsOf(variant)) {
        const request = {
          variant,
          form,
          problem: form === 'chunk' ? { ...p, params: { ...p.params, chunkSize: 16 } } : p,
        };
        const reference = runCpu(request);
        const result = await engine.run(request);
        expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
        if (form !== 'parallel' && reference.state) {
          expect(result.state).toHaveLength(reference.state.length);
          expect(maxAbsDiff(result.state ?? [], reference.state)).toBeLessThanOrEqual(
            toleranceFor(reference.state, 1e-3),
          );
        }
      }
    });
  }

  it('non-causal recurrent and chunk forms (one head, n = 20, chunk 16)', async () => {
    const engine = await testEngine();
    for (const variant of ['performer', 'cosformer', 'based', 'hedgehog', 'focused', 'inline'] as const) {
      const p = problemLike(variant, 20, 1, { causal: false, chunkSize: 16 }, 8);
      for (const form of ['recurrent', 'chunk'] as const) {
        const reference = runCpu({ variant, form, problem: p });
        const result = await engine.run({ variant, form, problem: p });
        expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
      }
    }
  });

  it('parameters reach the kernels: cosFormer maxLen, focusing power p, InLine elu1/relu and scale, unnormalised Performer', async () => {
    const engine = await testEngine();
    const cases: [FeatureVariant, Params][] = [
      ['cosformer', { maxLen: 64 }],
      ['focused', { p: 1.5 }],
      ['focused', { p: 8 }],
      ['inline', { featureMap: 'elu1', scale: 0.7 }],
      ['inline', { featureMap: 'relu' }],
      ['performer', { normalize: false }],
    ];
    for (const [variant, params] of cases) {
      const p = problemLike(variant, 21, 2, { ...params, chunkSize: 16 }, 17);
      for (const form of formsOf(variant)) {
        const reference = runCpu({ variant, form, problem: p });
        const result = await engine.run({ variant, form, problem: p });
        expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
      }
    }
  });

  // The largest exponent w·x̃ − ‖x̃‖²/2 = ‖w‖²/2 − ‖x̃ − w‖²/2 reaches ‖w‖²/2 when x̃ = w, so rows near
  // dk^{1/4}·w_0 with W scaled up put feature 0 near e^{‖w_0‖²/2}, far beyond f32.
  const { dk: performerDk } = vectorOf('performer').problem;
  const performerM = 16;
  /** Largest exponent over features of each row of x (n×dk). */
  function rowExponents(x: ArrayLike<number>, projection: Float32Array, n: number): number[] {
    const dk = performerDk;
    return Array.from({ length: n }, (_, t) => {
      const scaled = Array.from({ length: dk }, (_, d) => dk ** -0.25 * Number(x[t * dk + d]));
      const halfSq = scaled.reduce((sum, value) => sum + value * value, 0) / 2;
      let largest = -Infinity;
      for (let f = 0; f < performerM; f++) {
        const dot = scaled.reduce((sum, value, d) => sum + value * projection[f * dk + d], 0);
        largest = Math.max(largest, dot - halfSq);
      }
      return largest;
    });
  }
  async function expectPerformerMatches(p: AttentionProblem): Promise<void> {
    const engine = await testEngine();
    for (const form of ['parallel', 'recurrent', 'chunk'] as const) {
      const request = { variant: 'performer' as const, form, problem: { ...p, params: { chunkSize: 16 } } };
      const reference = runCpu(request);
      const result = await engine.run(request);
      for (const value of result.o) expect(Number.isFinite(value)).toBe(true);
      expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
    }
  }

  it('Performer with exponents far beyond f32 (e^{>88}): the shifts keep it exact and finite', async () => {
    const dk = performerDk;
    const projection = Float32Array.from(performerProjection({ seed: 4, m: performerM, dk }), (x) => 5 * x);
    const base = problemLike('performer', 24, 1, {}, 9);
    const lift = (values: ArrayLike<number>) =>
      Float32Array.from(values, (x, i) => dk ** 0.25 * projection[i % dk] + 0.3 * x);
    const p: AttentionProblem = { ...base, q: lift(base.q), k: lift(base.k), inputs: { projection } };
    expect(Math.max(...rowExponents(p.k, projection, 24))).toBeGreaterThan(88.7); // not a finite f32
    await expectPerformerMatches(p);
  });

  it('Performer keys spanning more than f32 range (later keys e^{~100} above earlier ones): causal rows stay exact', async () => {
    // One shift for all keys must not flush the earlier keys to 0: the shift leaves
    // headroom, so the first rows (which see only the small keys) keep their weights.
    const dk = performerDk;
    const spanned = (scale: number) => {
      const projection = Float32Array.from(
        performerProjection({ seed: 4, m: performerM, dk }),
        (x) => scale * x,
      );
      const base = problemLike('performer', 24, 1, {}, 9);
      const liftFrom12 = (values: ArrayLike<number>) =>
        Float32Array.from(values, (x, i) => (i >= 12 * dk ? dk ** 0.25 * projection[i % dk] + 0.3 * x : x));
      const p: AttentionProblem = {
        ...base,
        q: liftFrom12(base.q),
        k: liftFrom12(base.k),
        inputs: { projection },
      };
      const keys = rowExponents(p.k, projection, 24);
      return { p, span: Math.max(...keys.slice(12)) - Math.max(...keys.slice(0, 12)) };
    };
    // A span of ~100 nats: beyond f32's 87 below the largest key, within the 40 of headroom.
    const within = spanned(5);
    expect(within.span).toBeGreaterThan(95);
    expect(within.span).toBeLessThan(120);
    await expectPerformerMatches(within.p);
    // Far beyond even that (the early keys underflow whatever one shift does; a running
    // max would be needed): the early rows degrade to 0, but nothing is NaN or infinite.
    const beyond = spanned(6.5);
    expect(beyond.span).toBeGreaterThan(127);
    const engine = await testEngine();
    for (const form of ['parallel', 'recurrent', 'chunk'] as const) {
      const problem = { ...beyond.p, params: { chunkSize: 16 } };
      const result = await engine.run({ variant: 'performer', form, problem });
      for (const value of result.o) expect(Number.isFinite(value)).toBe(true);
    }
  });
});

describe.skipIf(!GPU_AVAILABLE)('WebGPU feature-map weights()', () => {
  for (const variant of FEATURE_VARIANTS) {
    it(`${variant}: head 0's n×n weights equal the CPU matrix`, async () => {
      const engine = await testEngine();
      const causal = variant !== 'rala';
      const p = problemLike(variant, 19, 2, { causal }, 13);
      const expected = cpuWeights({ variant, problem: p });
      const handle = await engine.weights({ variant, problem: p });
      expect([handle.rows, handle.cols]).toEqual([19, 19]);
      const gpu = handle.gpu;
      if (!gpu) throw new Error('expected a GPU-resident matrix');
      const got = await readBuffer(gpu.device, gpu.buffer, 19 * 19 * 4);
      const host = expected.host as Float64Array;
      expect(maxAbsDiff(got, host)).toBeLessThanOrEqual(toleranceFor(host, 1e-3));
      expect(handle.maxValue).toBeCloseTo(expected.maxValue, 4);
      expect(await handle.at(5, 2)).toBeCloseTo(host[5 * 19 + 2], 4);
    });
  }
});

describe.skipIf(!GPU_AVAILABLE)('WebGPU feature-map limits', () => {
  // (The paper's d' = 16 gives r = 273 and works too, but SwiftShader takes ~15 s to compile it.)
  it('Based at dk = 12 (r = 1 + 12 + 144 = 157 features, beyond 32 staged tokens): every form matches float64', async () => {
    const engine = await testEngine();
    const generated = generateProblem({
      seed: 6,
      n: 40,
      dk: 12,
      dv: 8,
      temperature: 1,
      locality: 0.3,
      clustering: 0,
    });
    for (const form of ['parallel', 'recurrent', 'chunk'] as const) {
      const request = {
        variant: 'based' as const,
        form,
        problem: { ...generated, params: { chunkSize: 16 } },
      };
      const reference = runCpu(request);
      const result = await engine.run(request);
      expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
      if (reference.state && form !== 'parallel') {
        expect(result.state).toHaveLength(157 * 8);
        expect(maxAbsDiff(result.state ?? [], reference.state)).toBeLessThanOrEqual(
          toleranceFor(reference.state, 1e-3),
        );
      }
    }
  });

  it('a feature dimension no kernel can stage is refused, saying what fits', async () => {
    const engine = await testEngine();
    const storage = engine.context.limits.maxComputeWorkgroupStorageSize;
    const m = storage / (2 * 4) + 1; // not even one token of φ(q), φ(k) fits
    const { dk } = vectorOf('performer').problem;
    const p = {
      ...problemLike('performer', 4, 1, {}),
      inputs: { projection: performerProjection({ seed: 1, m, dk }) },
    };
    const error = await engine
      .run({ variant: 'performer', form: 'recurrent', problem: p })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toBe(
      `performer recurrent on WebGPU stages φ(q), φ(k) of at least one token in workgroup memory: ` +
        `feature dimension r = ${m} needs ${((2 * m * 4) / 1024).toFixed(1)} KiB, this device has ` +
        `${(storage / 1024).toFixed(1)} KiB (r ≤ ${m - 1} fits; the parallel form takes any r)`,
    );
    await expect(engine.run({ variant: 'performer', form: 'chunk', problem: p })).rejects.toThrow(
      /^performer chunk on WebGPU stages 16 tokens of φ in workgroup memory: feature dimension r = /,
    );
  });

  it('validation errors reach the GPU backend unchanged (causal rala)', async () => {
    const engine = await testEngine();
    const p = problemLike('rala', 4, 1, { causal: true });
    await expect(engine.run({ variant: 'rala', form: 'parallel', problem: p })).rejects.toThrow(
      'variant "rala" is non-causal only: set params.causal to false',
    );
  });
});
