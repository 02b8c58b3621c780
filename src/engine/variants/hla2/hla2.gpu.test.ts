// Second-order HLA on WebGPU (f32) against the float64 references: the shared
// vector in every form, every form at H = 2 heads with n not a multiple of the
// chunk, normalised and not, the final state [S^K, C, G], and weights().
import { describe, expect, it } from 'vitest';
import { runCpu, cpuWeights } from '../../cpu';
import { generateProblem } from '../../inputs/generate';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../../testing/vectors';
import type { AttentionProblem, Form } from '../../types';
import { GPU_AVAILABLE, testDevice, testEngine } from '../../gpu/testSetup';
import { createGpuEngine } from '../../gpu/engine';
import { EngineError } from '../../types';

const FORMS: readonly Form[] = ['parallel', 'recurrent', 'chunk'];
const vectors = loadVectors(['hla2']);

function problem(n: number, dk: number, dv: number, seed: number, heads: number): AttentionProblem {
  return generateProblem({ seed, n, dk, dv, heads, temperature: 1, locality: 0.2, clustering: 0.3 });
}

describe.skipIf(!GPU_AVAILABLE)('hla2 on WebGPU', () => {
  it('finds the shared vector', () => {
    expect(vectors.map((v) => v.name)).toEqual(['hla2-basic']);
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
        expect(result.state).toBeDefined();
        expect(maxAbsDiff(result.state ?? [], vector.expectedState ?? [])).toBeLessThanOrEqual(
          toleranceFor(vector.expectedState ?? [], vector.tol),
        );
      });
    }
  }

  for (const normalize of [false, true]) {
    for (const form of FORMS) {
      it(`${form} matches the CPU at H=2, n=45 (chunk 16), dk=6, dv=5, normalize=${normalize}`, async () => {
        const engine = await testEngine();
        const base = problem(45, 6, 5, 900, 2);
        const request = {
          variant: 'hla2' as const,
          form,
          problem: { ...base, params: { normalize, chunkSize: 16 } },
        };
        const gpu = await engine.run(request);
        const cpu = runCpu(request);
        expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
        expect(gpu.state).toHaveLength(2 * (36 + 2 * 30));
        expect(maxAbsDiff(gpu.state ?? [], cpu.state ?? [])).toBeLessThanOrEqual(
          toleranceFor(cpu.state ?? [], 1e-3),
        );
      });
    }
  }

  it('recurrent with dv larger than one workgroup (dv = 70) matches the CPU', async () => {
    const engine = await testEngine();
    const request = {
      variant: 'hla2' as const,
      form: 'recurrent' as const,
      problem: problem(12, 3, 70, 5, 1),
    };
    const gpu = await engine.run(request);
    const cpu = runCpu(request);
    expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
  });

  it('weights() is the CPU implied map, normalised and not', async () => {
    const engine = await testEngine();
    const base = problem(40, 4, 3, 31, 1);
    for (const normalize of [false, true]) {
      const request = { variant: 'hla2' as const, problem: { ...base, params: { normalize } } };
      const handle = await engine.weights(request);
      const cpu = cpuWeights(request).host as Float64Array;
      const got = new Float64Array(40 * 40);
      for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) got[i * 40 + j] = await handle.at(i, j);
      expect(maxAbsDiff(got, cpu)).toBeLessThanOrEqual(toleranceFor(cpu, 1e-3));
    }
  });

  it('rejects a non-causal request, and a too-large n before allocating (with maxN)', async () => {
    const engine = await testEngine();
    const base = problem(4, 2, 2, 1, 1);
    await expect(
      engine.run({ variant: 'hla2', form: 'chunk', problem: { ...base, params: { causal: false } } }),
    ).rejects.toThrow(/causal/);
    // A 64 KiB budget: the parallel form's two n×n buffers (X and P) pass it at n = 64 only barely.
    const { device } = await testDevice();
    const small = createGpuEngine(device, { memoryBudget: 64 * 1024 });
    const big = problem(120, 2, 2, 3, 1);
    const error = await small
      .run({ variant: 'hla2', form: 'parallel', problem: big })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    const maxN = (error as EngineError).maxN ?? 0;
    expect(maxN).toBeGreaterThan(0);
    expect(maxN).toBeLessThan(120);
    // Its maxN really runs.
    const fits = problem(maxN, 2, 2, 3, 1);
    const ok = await small.run({ variant: 'hla2', form: 'parallel', problem: fits });
    expect(maxAbsDiff(ok.o, runCpu({ variant: 'hla2', form: 'parallel', problem: fits }).o)).toBeLessThan(
      1e-2,
    );
  });
});
