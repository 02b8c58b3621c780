// Infini-attention on WebGPU (SwiftShader in CI): the shared vector in both forms
// (chunkSize 16 as the vectors README prescribes, and other chunk sizes, which
// have no effect), agreement with the float64 CPU reference at H = 2 with n not a
// multiple of the segment and several β, the state (memory over all tokens), and
// weights(). Sizes stay small: SwiftShader is slow.
import { describe, expect, it } from 'vitest';
import { cpuWeights, runCpu } from '../../cpu';
import { createGpuEngine } from '../../gpu/engine';
import { GPU_AVAILABLE, testDevice, testEngine } from '../../gpu/testSetup';
import { createRng } from '../../inputs/random';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../../testing/vectors';
import type { Form } from '../../types';

const [vector] = loadVectors(['infini']);

function randomProblem(seed: number, heads: number, n: number, dk: number, dv: number) {
  const rng = createRng(seed);
  const draw = (count: number) => Float32Array.from({ length: count }, () => rng.nextNormal());
  return { n, dk, dv, heads, q: draw(heads * n * dk), k: draw(heads * n * dk), v: draw(heads * n * dv) };
}

describe.skipIf(!GPU_AVAILABLE)('infini on WebGPU', () => {
  it('finds the shared vector', () => {
    expect(vector.name).toBe('infini-seg16');
  });

  for (const request of vectorRequests(vector)) {
    it(`infini-seg16 ${request.form}`, async () => {
      const engine = await testEngine();
      const result = await engine.run(request);
      expect(result.backend).toBe('webgpu');
      expect(result.o).toBeInstanceOf(Float32Array);
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
      expect(result.state).toBeDefined();
      const expectedState = vector.expectedState ?? [];
      expect(result.state).toHaveLength(expectedState.length);
      expect(maxAbsDiff(result.state as Float32Array, expectedState)).toBeLessThanOrEqual(
        toleranceFor(expectedState, vector.tol),
      );
    });
  }

  it('infini-seg16 chunk at chunkSize 5 and 64 (the segment decides)', async () => {
    const engine = await testEngine();
    for (const chunkSize of [5, 64]) {
      const result = await engine.run({
        variant: 'infini',
        form: 'chunk',
        problem: { ...vector.problem, params: { ...vector.problem.params, chunkSize } },
      });
      expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
        toleranceFor(vector.expectedO, vector.tol),
      );
    }
  });

  const cases: [n: number, dk: number, dv: number, segment: number, beta: number][] = [
    [29, 8, 8, 8, 0],
    [45, 4, 6, 16, -1.5],
    [23, 6, 4, 5, 2.5],
    [12, 4, 4, 32, 0.7],
  ];
  for (const [n, dk, dv, segment, beta] of cases) {
    for (const form of ['parallel', 'chunk'] as Form[]) {
      it(`${form} matches the CPU reference at H=2, n=${n}, dk=${dk}, dv=${dv}, N_s=${segment}, β=${beta}`, async () => {
        const engine = await testEngine();
        const problem = { ...randomProblem(n + segment, 2, n, dk, dv), params: { segment, beta } };
        const reference = runCpu({ variant: 'infini', form: 'parallel', problem });
        const result = await engine.run({ variant: 'infini', form, problem });
        expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
        // Heads are independent: head 1 is not head 0 (the dispatch really covers both).
        expect(maxAbsDiff(result.o.subarray(0, n * dv), result.o.subarray(n * dv))).toBeGreaterThan(1e-2);
        const state = reference.state as Float64Array;
        expect(result.state).toHaveLength(state.length);
        expect(maxAbsDiff(result.state as Float32Array, state)).toBeLessThanOrEqual(
          toleranceFor(state, 1e-3),
        );
      });
    }
  }

  it('weights() is the implied map of the CPU reference', async () => {
    const engine = await testEngine();
    const problem = { ...randomProblem(4, 1, 21, 4, 4), params: { segment: 6, beta: 0.4 } };
    const got = await engine.weights({ variant: 'infini', problem });
    const expected = cpuWeights({ variant: 'infini', problem });
    expect(got.rows).toBe(21);
    for (const [i, j] of [
      [0, 0],
      [5, 3],
      [6, 0],
      [6, 6],
      [20, 2],
      [20, 18],
      [20, 19],
      [3, 10],
    ]) {
      expect(await got.at(i, j)).toBeCloseTo(await expected.at(i, j), 5);
    }
    expect(got.maxValue).toBeCloseTo(expected.maxValue, 5);
  });

  it('the parallel form with the tiled weights × V kernel (real GPUs) agrees with the CPU', async () => {
    const { device } = await testDevice();
    const tiled = createGpuEngine(device, { kernels: 'tiled' });
    const problem = { ...randomProblem(17, 2, 37, 8, 8), params: { segment: 10, beta: -0.3 } };
    const reference = runCpu({ variant: 'infini', form: 'parallel', problem });
    const result = await tiled.run({ variant: 'infini', form: 'parallel', problem });
    expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
  });
});
