// The gated and delta-rule variants on WebGPU (SwiftShader in CI): every shared
// vector in every form, agreement with the float64 CPU reference (n not a
// multiple of the chunk, several heads), weights(), and finite outputs under
// strong gates (g = −20 per step). Sizes stay small: SwiftShader is slow.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../../../cpu';
import { createGpuEngine } from '../../../gpu/engine';
import { GPU_AVAILABLE, testDevice, testEngine } from '../../../gpu/testSetup';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../../../testing/vectors';
import type { AttentionProblem, Form, RunRequest, VariantId } from '../../../types';
import { gatedTestProblem } from './testProblems';

const GATED: readonly VariantId[] = ['retnet', 'mamba2', 'gla', 'rwkv6', 'deltanet', 'gated-deltanet'];
const FORMS: readonly Form[] = ['parallel', 'recurrent', 'chunk'];
const vectors = loadVectors(GATED);

describe.skipIf(!GPU_AVAILABLE)('gated variants on WebGPU: shared vectors', () => {
  it('finds a vector of every gated variant', () => {
    expect(new Set(vectors.map((v) => v.variant))).toEqual(new Set(GATED));
  });

  for (const vector of vectors) {
    for (const request of vectorRequests(vector)) {
      it(`${vector.name} ${request.form}`, async () => {
        const engine = await testEngine();
        const result = await engine.run(request);
        expect(result.o).toBeInstanceOf(Float32Array);
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
          toleranceFor(vector.expectedO, vector.tol),
        );
        if (request.form !== 'parallel') {
          expect(result.state).toBeDefined();
          expect(maxAbsDiff(result.state as Float32Array, vector.expectedState ?? [])).toBeLessThanOrEqual(
            toleranceFor(vector.expectedState ?? [], vector.tol),
          );
        }
      });
    }
  }
});

describe.skipIf(!GPU_AVAILABLE)('gated variants on WebGPU agree with the CPU reference', () => {
  for (const variant of GATED) {
    it(`${variant}: n = 37, 2 heads, chunkSize 8 and 16, every form; weights() of head 0`, async () => {
      const engine = await testEngine();
      const problem = gatedTestProblem(variant, { n: 37, dk: 8, dv: 4, heads: 2, seed: 3 });
      const reference = runCpu({ variant, form: 'recurrent', problem });
      const bound = toleranceFor(reference.o, 1e-3);
      for (const form of FORMS) {
        for (const chunkSize of form === 'chunk' ? [8, 16] : [undefined]) {
          const request: RunRequest = {
            variant,
            form,
            problem: chunkSize ? { ...problem, params: { ...problem.params, chunkSize } } : problem,
          };
          const result = await engine.run(request);
          expect(maxAbsDiff(result.o, reference.o), `${form} ${chunkSize ?? ''}`).toBeLessThanOrEqual(bound);
          if (form !== 'parallel') {
            expect(
              maxAbsDiff(result.state as Float32Array, reference.state as Float64Array),
            ).toBeLessThanOrEqual(toleranceFor(reference.state as Float64Array, 1e-3));
          }
        }
      }
      const weights = await engine.weights({ variant, problem });
      const expected = (await import('../../../cpu')).cpuWeights({ variant, problem });
      const host = expected.host as Float64Array;
      expect(weights.rows).toBe(37);
      expect(Math.abs(weights.maxValue - expected.maxValue)).toBeLessThanOrEqual(
        1e-3 * Math.max(1, expected.maxAbs),
      );
      for (const [i, j] of [
        [0, 0],
        [5, 3],
        [36, 0],
        [36, 36],
        [20, 19],
        [3, 10],
      ] as const) {
        expect(Math.abs((await weights.at(i, j)) - host[i * 37 + j])).toBeLessThanOrEqual(
          1e-3 * Math.max(1, expected.maxAbs),
        );
      }
    });
  }
});

describe.skipIf(!GPU_AVAILABLE)('gated variants on WebGPU: the subgroup recurrent kernel', () => {
  // recurrent_sg.wgsl runs where the device has subgroups and dk is 16, 32 or 64
  // (SwiftShader has 4-lane subgroups); the one-thread-per-column kernel otherwise.
  // dv = 70 leaves a second, partial workgroup of columns; n = 45 is no multiple of
  // the staged tokens.
  for (const variant of GATED) {
    it(`${variant}: dk = 16, 32, 64, dv = 70, 2 heads: output and state match the CPU, with and without subgroups`, async () => {
      const { device } = await testDevice();
      expect(device.features.has('subgroups')).toBe(true);
      const engines = [await testEngine(), createGpuEngine(device, { withoutSubgroups: true })];
      for (const dk of [16, 32, 64]) {
        const problem = gatedTestProblem(variant, { n: 45, dk, dv: 70, heads: 2, seed: 11 + dk });
        const reference = runCpu({ variant, form: 'recurrent', problem });
        for (const engine of engines) {
          const result = await engine.run({ variant, form: 'recurrent', problem });
          expect(maxAbsDiff(result.o, reference.o), `dk ${dk}`).toBeLessThanOrEqual(
            toleranceFor(reference.o, 1e-3),
          );
          expect(
            maxAbsDiff(result.state as Float32Array, reference.state as Float64Array),
          ).toBeLessThanOrEqual(toleranceFor(reference.state as Float64Array, 1e-3));
        }
      }
    });
  }
});

describe.skipIf(!GPU_AVAILABLE)('gated variants on WebGPU: strong gates stay finite', () => {
  // g = −20 at every step: e^{G_t} over the sequence would underflow at once and
  // its inverse overflow; every form must still return finite numbers equal to the
  // reference. Recurrent and chunk run at n = 4096 (as long as SwiftShader allows
  // in a unit test; longcheck.ts runs n = 65,536 on a real GPU), parallel at n = 300
  // (its n×n matrix is what limits it).
  for (const variant of ['mamba2', 'gla', 'rwkv6', 'gated-deltanet'] as const) {
    it(`${variant}: g = −20 per step, recurrent and chunk at n = 4096, parallel at n = 300`, async () => {
      const engine = await testEngine();
      for (const [n, forms] of [
        [4096, ['recurrent', 'chunk']],
        [300, ['parallel']],
      ] as const) {
        const base = gatedTestProblem(variant, { n, dk: 4, dv: 4, heads: 1, seed: 9 });
        const problem: AttentionProblem = {
          ...base,
          inputs: { ...base.inputs, g: new Array<number>((base.inputs?.g ?? []).length).fill(-20) },
        };
        const reference = runCpu({ variant, form: 'recurrent', problem });
        for (const form of forms) {
          const result = await engine.run({
            variant,
            form,
            problem: { ...problem, params: { chunkSize: 64 } },
          });
          expect(result.o.every(Number.isFinite)).toBe(true);
          expect(maxAbsDiff(result.o, reference.o)).toBeLessThanOrEqual(toleranceFor(reference.o, 1e-3));
        }
      }
    });
  }
});
