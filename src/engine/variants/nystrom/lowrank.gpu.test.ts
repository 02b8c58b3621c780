// Linformer and Nyströmformer on WebGPU (f32) against the float64 references:
// the shared vectors, H = 2 heads in one dispatch, weights(), a rank-deficient
// landmark kernel (the Jacobi pseudo-inverse drops its null space), and the
// workgroup-reduction kernels that real GPUs use for sums over n.
import { describe, expect, it } from 'vitest';
import { cpuWeights, runCpu } from '../../cpu';
import { createRng } from '../../inputs/random';
import { linformerProjections } from '../../inputs/projections';
import { GPU_AVAILABLE, testDevice, testEngine, readBuffer } from '../../gpu/testSetup';
import { createGpuEngine } from '../../gpu/engine';
import { LONG_REDUCTION } from '../linformer/kernels';
import { loadVectors, maxAbsDiff, toleranceFor } from '../../testing/vectors';
import type { AttentionProblem, RunRequest } from '../../types';

const vectors = loadVectors(['linformer', 'nystrom']);

function randomProblem(n: number, d: number, seed: number, heads: number): AttentionProblem {
  const rng = createRng(seed);
  const fill = (len: number) => Array.from({ length: len }, () => rng.nextNormal());
  return { n, dk: d, dv: d, heads, q: fill(heads * n * d), k: fill(heads * n * d), v: fill(heads * n * d) };
}

describe.skipIf(!GPU_AVAILABLE)('linformer and nystrom on WebGPU', () => {
  for (const vector of vectors) {
    it(`${vector.name} passes the contract tolerance`, async () => {
      const engine = await testEngine();
      const result = await engine.run({ variant: vector.variant, form: 'parallel', problem: vector.problem });
      expect(result.backend).toBe('webgpu');
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
    });
  }

  const n = 48;
  const { E, F } = linformerProjections({ n, kproj: 12, seed: 3 });
  const requests: RunRequest[] = [
    { variant: 'linformer', form: 'parallel', problem: { ...randomProblem(n, 8, 1, 2), inputs: { E, F } } },
    {
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...randomProblem(n, 8, 2, 2), params: { landmarks: 16 } },
    },
    {
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...randomProblem(n, 8, 4, 2), params: { landmarks: 3 } },
    },
  ];
  for (const request of requests) {
    it(`${request.variant} ${JSON.stringify(request.problem.params ?? {})}: H = 2 heads and weights() match the CPU`, async () => {
      const engine = await testEngine();
      const gpu = await engine.run(request);
      const cpu = runCpu(request);
      expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
      // Head 1 differs from head 0 (heads are really independent problems).
      expect(maxAbsDiff(cpu.o.subarray(0, n * 8), cpu.o.subarray(n * 8))).toBeGreaterThan(0.1);
      const w = await engine.weights(request);
      const ref = cpuWeights(request).host as Float64Array;
      const host =
        w.host ?? (w.gpu ? await readBuffer(w.gpu.device, w.gpu.buffer, n * n * 4) : new Float32Array());
      expect(maxAbsDiff(host, ref)).toBeLessThanOrEqual(toleranceFor(ref, 1e-3));
    });
  }

  it('nystrom with identical tokens (rank-1 landmark kernel) stays finite and matches the CPU', async () => {
    const engine = await testEngine();
    const base = randomProblem(32, 4, 5, 1);
    const q = Array.from({ length: 32 * 4 }, (_, i) => [0.5, -0.25, 0.125, 1][i % 4]);
    const request: RunRequest = {
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...base, q, k: q, params: { landmarks: 8 } },
    };
    const gpu = await engine.run(request);
    const cpu = runCpu(request);
    expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
  });

  it('64 landmarks at n = 128 still meet the contract tolerance in f32', async () => {
    const engine = await testEngine();
    const request: RunRequest = {
      variant: 'nystrom',
      form: 'parallel',
      problem: { ...randomProblem(128, 16, 8, 1), params: { landmarks: 64 } },
    };
    const gpu = await engine.run(request);
    const cpu = runCpu(request);
    expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
  });

  it('the reduction kernels of real GPUs (sums over n ≥ LONG_REDUCTION) agree with the CPU', async () => {
    const { device } = await testDevice();
    const tiled = createGpuEngine(device, { kernels: 'tiled' });
    // n/m = 300 ≥ LONG_REDUCTION tokens per landmark, and n is no multiple of 8 columns'
    // worth of lanes; dv = 12 leaves a partial block of columns.
    const long = 2 * LONG_REDUCTION + 88;
    expect(long / 2).toBeGreaterThanOrEqual(LONG_REDUCTION);
    const projections = linformerProjections({ n: long, kproj: 5, seed: 9 });
    const cases: RunRequest[] = [
      {
        variant: 'linformer',
        form: 'parallel',
        problem: { ...randomProblem(long, 12, 11, 2), inputs: { E: projections.E, F: projections.F } },
      },
      {
        variant: 'nystrom',
        form: 'parallel',
        problem: { ...randomProblem(long, 12, 12, 2), params: { landmarks: 2 } },
      },
    ];
    for (const request of cases) {
      const cpu = runCpu(request);
      const gpu = await tiled.run(request);
      expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
    }
  });

  it('rejects causal runs before touching the GPU', async () => {
    const engine = await testEngine();
    await expect(
      engine.run({
        ...requests[1],
        problem: { ...requests[1].problem, params: { causal: true, landmarks: 16 } },
      }),
    ).rejects.toThrow(/causal/);
  });
});
