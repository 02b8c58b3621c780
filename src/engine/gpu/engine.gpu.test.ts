// The WebGPU engine against the float64 CPU reference on generated inputs: sizes
// that are not multiples of the tiles or chunks, several heads, sharp softmax
// (large logits), windows larger and smaller than a tile; weights() against the
// CPU weights; size-limit rejection before any allocation.
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../cpu';
import { generateProblem } from '../inputs/generate';
import { maxAbsDiff, toleranceFor } from '../testing/vectors';
import { EngineError, type Form, type Params, type RunRequest, type VariantId } from '../types';
import { createGpuEngine } from './engine';
import { chooseFlashTiles, setFlashTileOverride } from './kernels';
import { perBufferBytes } from './memory';
import { GPU_AVAILABLE, readBuffer, testDevice, testEngine } from './testSetup';

const cpu = createCpuEngine();
const pick = ({ q, k, v }: { q: Float32Array; k: Float32Array; v: Float32Array }) => ({ q, k, v });
const CONTRACT_TOL = 1e-3;

interface Case {
  readonly variant: VariantId;
  readonly form: Form;
  readonly n: number;
  readonly heads: number;
  readonly dk: number;
  readonly dv: number;
  readonly params?: Params;
  readonly temperature?: number;
}

function request(c: Case, seed: number): RunRequest {
  const problem = generateProblem({
    seed,
    n: c.n,
    dk: c.dk,
    dv: c.dv,
    heads: c.heads,
    temperature: c.temperature ?? 1,
    locality: 0.3,
    clustering: 0.3,
  });
  return { variant: c.variant, form: c.form, problem: { ...problem, params: c.params ?? {} } };
}

const CASES: Case[] = [];
for (const n of [1, 37, 70]) {
  CASES.push({ variant: 'softmax', form: 'parallel', n, heads: 2, dk: 16, dv: 8 });
  CASES.push({ variant: 'softmax', form: 'recurrent', n, heads: 2, dk: 16, dv: 8 });
  CASES.push({ variant: 'softmax', form: 'flash', n, heads: 2, dk: 16, dv: 8 });
  CASES.push({ variant: 'linear', form: 'parallel', n, heads: 2, dk: 16, dv: 8 });
  CASES.push({ variant: 'linear', form: 'recurrent', n, heads: 2, dk: 16, dv: 8 });
  CASES.push({ variant: 'linear', form: 'chunk', n, heads: 2, dk: 16, dv: 8, params: { chunkSize: 16 } });
}
CASES.push(
  // Flash with several key blocks, head dims of a real model, sharp logits.
  { variant: 'softmax', form: 'flash', n: 133, heads: 1, dk: 64, dv: 64, temperature: 6 },
  { variant: 'softmax', form: 'recurrent', n: 133, heads: 1, dk: 64, dv: 64, temperature: 6 },
  { variant: 'softmax', form: 'flash', n: 100, heads: 3, dk: 12, dv: 20, params: { causal: false } },
  { variant: 'softmax', form: 'recurrent', n: 100, heads: 1, dk: 12, dv: 70, params: { causal: false } },
  // Windows: one key, smaller than a tile, spanning tiles, longer than the sequence.
  { variant: 'swa', form: 'flash', n: 90, heads: 2, dk: 8, dv: 8, params: { window: 1 } },
  { variant: 'swa', form: 'flash', n: 90, heads: 2, dk: 8, dv: 8, params: { window: 20 } },
  { variant: 'swa', form: 'flash', n: 150, heads: 1, dk: 16, dv: 16, params: { window: 70 } },
  { variant: 'swa', form: 'parallel', n: 90, heads: 2, dk: 8, dv: 8, params: { window: 20 } },
  { variant: 'swa', form: 'parallel', n: 50, heads: 1, dk: 8, dv: 8, params: { window: 200 } },
  // Linear: every feature map, unnormalised, non-causal, chunk sizes that do not divide n.
  // Shapes repeat (dk 16, dv 8, chunk 16) so SwiftShader compiles few pipelines.
  { variant: 'linear', form: 'chunk', n: 130, heads: 2, dk: 64, dv: 64, params: { chunkSize: 64 } },
  // 10 chunks of 10: more chunks than the scan unrolls (8), a size that is not a multiple of 16.
  {
    variant: 'linear',
    form: 'chunk',
    n: 100,
    heads: 1,
    dk: 8,
    dv: 8,
    params: { chunkSize: 10, featureMap: 'relu' },
  },
  {
    variant: 'linear',
    form: 'chunk',
    n: 45,
    heads: 2,
    dk: 16,
    dv: 8,
    params: { causal: false, chunkSize: 16 },
  },
  {
    variant: 'linear',
    form: 'recurrent',
    n: 45,
    heads: 2,
    dk: 8,
    dv: 8,
    params: { causal: false, featureMap: 'relu' },
  },
  {
    variant: 'linear',
    form: 'parallel',
    n: 45,
    heads: 1,
    dk: 8,
    dv: 8,
    params: { featureMap: 'identity', normalize: false },
  },
  {
    variant: 'linear',
    form: 'chunk',
    n: 45,
    heads: 1,
    dk: 16,
    dv: 8,
    params: { featureMap: 'identity', normalize: false, chunkSize: 16 },
  },
  { variant: 'linear', form: 'recurrent', n: 60, heads: 1, dk: 70, dv: 33, params: { featureMap: 'elu1' } },
  // The subgroup recurrent kernel (dk 16, 32, 64): a second, partial group of 64
  // columns (dv 70), non-causal two sweeps, unnormalised.
  { variant: 'linear', form: 'recurrent', n: 45, heads: 2, dk: 64, dv: 70, params: { featureMap: 'elu1' } },
  {
    variant: 'linear',
    form: 'recurrent',
    n: 45,
    heads: 2,
    dk: 32,
    dv: 12,
    params: { causal: false, normalize: false, featureMap: 'identity' },
  },
);

describe.skipIf(!GPU_AVAILABLE)('WebGPU engine against the CPU reference', () => {
  CASES.forEach((c, index) => {
    const label = `${c.variant} ${c.form} n=${c.n} H=${c.heads} dk=${c.dk} dv=${c.dv} ${JSON.stringify(c.params ?? {})}`;
    it(label, async () => {
      const gpu = await testEngine();
      const req = request(c, 1000 + index);
      const [got, want] = await Promise.all([gpu.run(req), cpu.run(req)]);
      expect(got.o.length).toBe(c.heads * c.n * c.dv);
      expect(got.o.every(Number.isFinite)).toBe(true);
      expect(maxAbsDiff(got.o, want.o)).toBeLessThanOrEqual(toleranceFor(want.o, CONTRACT_TOL));
      if (want.state && (c.form === 'recurrent' || c.form === 'chunk')) {
        expect(got.state).toBeDefined();
        expect(maxAbsDiff(got.state ?? [], want.state)).toBeLessThanOrEqual(
          toleranceFor(want.state, CONTRACT_TOL),
        );
      }
    });
  });

  it.each([
    ['softmax', {}],
    ['swa', { window: 7 }],
    ['linear', { featureMap: 'relu' }],
    ['linear', { causal: false, normalize: false, featureMap: 'identity' }],
  ] as const)('weights() of %s %j match the CPU weights, min/max from the GPU', async (variant, params) => {
    const { device } = await testDevice();
    const gpu = await testEngine();
    const problem = generateProblem({
      seed: 7,
      n: 45,
      dk: 8,
      dv: 8,
      heads: 2,
      temperature: 2,
      locality: 0.5,
      clustering: 0.5,
    });
    const req = { variant, problem: { ...problem, params } };
    const [handle, reference] = await Promise.all([gpu.weights(req), cpu.weights(req)]);
    expect(handle.rows).toBe(45);
    expect(handle.cols).toBe(45);
    expect(handle.host).toBeUndefined();
    expect(handle.gpu?.buffer).toBeDefined();
    const all = await readBuffer(device, handle.gpu!.buffer, 45 * 45 * 4);
    const host = reference.host!;
    expect(maxAbsDiff(all, host)).toBeLessThanOrEqual(toleranceFor(host, CONTRACT_TOL));
    expect(handle.minValue).toBeCloseTo(reference.minValue, 4);
    expect(handle.maxValue).toBeCloseTo(reference.maxValue, 4);
    expect(handle.maxAbs).toBeCloseTo(reference.maxAbs, 4);
    expect(await handle.at(44, 3)).toBeCloseTo(host[44 * 45 + 3], 4);
    expect(await handle.at(3, 44)).toBeCloseTo(host[3 * 45 + 44], 4);
  });

  it('rejects a matrix larger than the device allows with maxN, before allocating anything', async () => {
    const { device, limits } = await testDevice();
    const gpu = createGpuEngine(device);
    // Smallest n whose n×n f32 matrix exceeds the per-buffer rule (15/16 of the limits, memory.ts).
    const perBuffer = perBufferBytes(limits);
    const n = Math.floor(Math.sqrt(perBuffer / 4)) + 1;
    const zeros = new Float32Array(n);
    const ones = new Float32Array(n).fill(1);
    let created = 0;
    const original = device.createBuffer.bind(device);
    device.createBuffer = (descriptor: GPUBufferDescriptor) => {
      created++;
      return original(descriptor);
    };
    try {
      const problem = { n, dk: 1, dv: 1, q: ones, k: ones, v: zeros };
      const error = await gpu.run({ variant: 'softmax', form: 'parallel', problem }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).maxN).toBe(n - 1);
      expect((error as EngineError).message).toMatch(/n×n/);
      const weightsError = await gpu.weights({ variant: 'softmax', problem }).catch((e: unknown) => e);
      expect(weightsError).toBeInstanceOf(EngineError);
      expect((weightsError as EngineError).maxN).toBe(n - 1);
      expect(created).toBe(0);
    } finally {
      device.createBuffer = original;
    }
  });

  it('refuses one n above the memory budget with maxN, then runs at maxN', async () => {
    const { device } = await testDevice();
    // A 1 MiB budget: the n×n matrix alone allows n ≤ 512.
    const gpu = createGpuEngine(device, { memoryBudget: 1 << 20 });
    const sized = (n: number) =>
      generateProblem({ seed: 3, n, dk: 4, dv: 4, temperature: 1, locality: 0, clustering: 0 });
    const over = await gpu
      .run({ variant: 'softmax', form: 'parallel', problem: { ...pick(sized(512)), n: 512, dk: 4, dv: 4 } })
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(EngineError);
    const maxN = (over as EngineError).maxN ?? 0;
    // q, k, v, o (4·n·4 floats each), the matrix and the o read-back must fit 1 MiB.
    const bytes = (n: number) => 4 * (n * n + 5 * n * 4);
    expect(bytes(maxN)).toBeLessThanOrEqual(1 << 20);
    expect(bytes(maxN + 1)).toBeGreaterThan(1 << 20);
    expect((over as EngineError).message).toMatch(/at once.*largest n that fits is \d+/);
    const inputs = sized(maxN);
    const problem = { n: maxN, dk: 4, dv: 4, q: inputs.q, k: inputs.k, v: inputs.v };
    const result = await gpu.run({ variant: 'softmax', form: 'parallel', problem });
    const reference = await cpu.run({ variant: 'softmax', form: 'parallel', problem });
    expect(maxAbsDiff(result.o, reference.o)).toBeLessThan(CONTRACT_TOL);
    const weightsOver = await gpu
      .weights({ variant: 'softmax', problem: { ...pick(sized(1100)), n: 1100, dk: 4, dv: 4 } })
      .catch((e: unknown) => e);
    expect(weightsOver).toBeInstanceOf(EngineError);
    expect((weightsOver as EngineError).maxN).toBeGreaterThan(500);
  });

  it('turns a failed allocation into an EngineError with a smaller maxN, and stays usable', async () => {
    const { device } = await testDevice();
    const gpu = createGpuEngine(device);
    const n = 96;
    const inputs = generateProblem({ seed: 5, n, dk: 8, dv: 8, temperature: 1, locality: 0, clustering: 0 });
    const problem = { n, dk: 8, dv: 8, q: inputs.q, k: inputs.k, v: inputs.v };
    const original = device.createBuffer.bind(device);
    // The n×n matrix "fails": a size above maxBufferSize makes WebGPU return an invalid
    // buffer with a validation error, as a refused allocation does.
    device.createBuffer = (descriptor: GPUBufferDescriptor) =>
      original(
        descriptor.size === n * n * 4
          ? { ...descriptor, size: device.limits.maxBufferSize + 16 }
          : descriptor,
      );
    let runError: unknown;
    let weightsError: unknown;
    try {
      runError = await gpu.run({ variant: 'softmax', form: 'parallel', problem }).catch((e: unknown) => e);
      weightsError = await gpu.weights({ variant: 'softmax', problem }).catch((e: unknown) => e);
    } finally {
      device.createBuffer = original;
    }
    expect(runError).toBeInstanceOf(EngineError);
    expect((runError as EngineError).message).toMatch(
      /WebGPU could not run softmax parallel at n=96.*try n = \d+/,
    );
    const maxN = (runError as EngineError).maxN ?? 0;
    expect(maxN).toBeGreaterThan(0);
    expect(maxN).toBeLessThan(n);
    expect(weightsError).toBeInstanceOf(EngineError);
    expect((weightsError as EngineError).maxN).toBeLessThan(n);
    // The engine still works at the offered size, and its pool holds no invalid buffer.
    const smaller = generateProblem({
      seed: 5,
      n: maxN,
      dk: 8,
      dv: 8,
      temperature: 1,
      locality: 0,
      clustering: 0,
    });
    const ok = { n: maxN, dk: 8, dv: 8, q: smaller.q, k: smaller.k, v: smaller.v };
    const result = await gpu.run({ variant: 'softmax', form: 'parallel', problem: ok });
    const reference = await cpu.run({ variant: 'softmax', form: 'parallel', problem: ok });
    expect(maxAbsDiff(result.o, reference.o)).toBeLessThan(CONTRACT_TOL);
    const matrix = await gpu.weights({ variant: 'softmax', problem: ok });
    expect(matrix.rows).toBe(maxN);
    expect(matrix.maxValue).toBeGreaterThan(0);
  });

  it('the tiled kernels (real GPUs) and the barrier-free ones (CPU adapters) agree with the CPU', async () => {
    const { device } = await testDevice();
    const n = 70;
    const inputs = generateProblem({
      seed: 9,
      n,
      dk: 20,
      dv: 12,
      temperature: 1,
      locality: 0,
      clustering: 0,
    });
    const problem = { n, dk: 20, dv: 12, q: inputs.q, k: inputs.k, v: inputs.v };
    for (const kernels of ['tiled', 'simple'] as const) {
      const gpu = createGpuEngine(device, { kernels });
      expect(gpu.context.simpleKernels).toBe(kernels === 'simple');
      for (const [variant, params] of [
        ['softmax', { causal: true }],
        ['swa', { causal: true, window: 9 }],
        ['linear', { causal: false, featureMap: 'elu1' }],
      ] as const) {
        const req: RunRequest = {
          variant,
          form: 'parallel',
          problem: { ...problem, params: params as Params },
        };
        const result = await gpu.run(req);
        const reference = await cpu.run(req);
        expect(maxAbsDiff(result.o, reference.o)).toBeLessThan(CONTRACT_TOL);
        const w = await gpu.weights(req);
        const wRef = await cpu.weights(req);
        expect(Math.abs(w.maxValue - wRef.maxValue)).toBeLessThan(1e-4);
        expect(Math.abs((await w.at(40, 3)) - (await wRef.at(40, 3)))).toBeLessThan(1e-4);
      }
    }
  });

  it('rejects a chunk size whose tile does not fit workgroup memory, naming the largest that does', async () => {
    const { device } = await testDevice();
    const gpu = createGpuEngine(device);
    const problem = generateProblem({
      seed: 1,
      n: 20,
      dk: 4,
      dv: 4,
      temperature: 1,
      locality: 0,
      clustering: 0,
    });
    const error = await gpu
      .run({ variant: 'linear', form: 'chunk', problem: { ...problem, params: { chunkSize: 4096 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(/chunkSize 4096 needs .* \(chunkSize ≤ \d+ fits\)/);
  });

  // Small problems take the smallest tiles automatically; force the larger ones too.
  it.each([
    [64, 32],
    [32, 64],
    [32, 32],
  ] as const)('flash with forced %i×%i tiles matches the CPU reference', async (br, bc) => {
    const gpu = await testEngine();
    setFlashTileOverride([br, bc]);
    try {
      for (const [index, params] of ([{}, { causal: false }] as Params[]).entries()) {
        const req = request(
          { variant: 'softmax', form: 'flash', n: 150, heads: 2, dk: 8, dv: 12, params },
          77 + index,
        );
        const [got, want] = await Promise.all([gpu.run(req), cpu.run(req)]);
        expect(maxAbsDiff(got.o, want.o)).toBeLessThanOrEqual(toleranceFor(want.o, CONTRACT_TOL));
      }
      const swa = request(
        { variant: 'swa', form: 'flash', n: 150, heads: 1, dk: 8, dv: 12, params: { window: 40 } },
        79,
      );
      const [got, want] = await Promise.all([gpu.run(swa), cpu.run(swa)]);
      expect(maxAbsDiff(got.o, want.o)).toBeLessThanOrEqual(toleranceFor(want.o, CONTRACT_TOL));
    } finally {
      setFlashTileOverride(undefined);
    }
  });

  it('chooses flash tiles from the workgroup-memory limit and the problem size', () => {
    expect(chooseFlashTiles(64, 64, 49152)).toMatchObject({ br: 64, bc: 32 });
    expect(chooseFlashTiles(64, 64, 49152, 16384 * 16)).toMatchObject({ br: 64, bc: 32 });
    // n = 4096, H = 1: 64 workgroups of 64 rows would leave most of a large GPU idle.
    expect(chooseFlashTiles(64, 64, 49152, 4096)).toMatchObject({ br: 32, bc: 32 });
    expect(chooseFlashTiles(64, 64, 32768)).toMatchObject({ br: 32, bc: 32 });
    expect(chooseFlashTiles(64, 64, 16384).storageBytes).toBeLessThanOrEqual(16384);
    expect(() => chooseFlashTiles(256, 256, 16384)).toThrow(EngineError);
  });
});
