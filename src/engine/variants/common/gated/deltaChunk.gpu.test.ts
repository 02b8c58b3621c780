// The delta rule's chunk form on WebGPU: the fast path (delta_prep → delta_transition
// → delta_chain → delta_uprime, keys staged or read from global memory) and the
// two-pass fallback (delta_wy → delta_scan, taken where the fast path's tiles do not
// fit the device's workgroup memory) against the float64 CPU reference, with n not
// a multiple of the chunk, two heads, dk ≠ dv and chunk sizes 16, 32, 64 and 128.
// (gated.gpu.test.ts covers chunk 64 with staged keys at n = 4096.) SwiftShader
// compiles these kernels slowly (seconds per large workgroup array), so each
// chunk size runs once.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../../../cpu';
import { GPU_AVAILABLE, testEngine } from '../../../gpu/testSetup';
import { maxAbsDiff, toleranceFor } from '../../../testing/vectors';
import type { VariantId } from '../../../types';
import { fastDeltaTiles } from './gpu/deltaTiles';
import { gatedTestProblem } from './testProblems';

describe('fastDeltaTiles', () => {
  it('fits the H100 (48 KiB) with staged keys at dk = 64, chunk 64, and falls back where nothing fits', () => {
    expect(fastDeltaTiles(64, 64, 64, 49152)).toEqual({
      columns: 4,
      solve: { SB: 16, XS: 768 },
      perThread: 16,
      stageKeys: true,
      transition: { RM: 4, RN: 8, TD: 16, TC: 16 },
      product: { RM: 4, RN: 8, TI: 16, TC: 16 },
    });
    // SwiftShader's 32 KiB: L/T fits, the staged keys do not.
    expect(fastDeltaTiles(64, 64, 64, 32768)?.stageKeys).toBe(false);
    expect(fastDeltaTiles(8, 4, 16, 32768)).toEqual({
      columns: 4,
      solve: { SB: 16, XS: 1 },
      perThread: 1,
      stageKeys: true,
      transition: { RM: 1, RN: 1, TD: 8, TC: 12 },
      product: { RM: 1, RN: 1, TI: 16, TC: 12 },
    });
    // chunk 128: L/T alone is 64 KiB; dk = 128: the 128×129 transition is 66 KiB.
    expect(fastDeltaTiles(64, 64, 128, 49152)).toBeNull();
    expect(fastDeltaTiles(128, 128, 64, 49152)).toBeNull();
    expect(fastDeltaTiles(300, 8, 16, 1 << 20)).toBeNull();
  });
});

describe.skipIf(!GPU_AVAILABLE)('delta rule chunk form on WebGPU agrees with the CPU reference', () => {
  const cases: readonly (readonly [VariantId, readonly number[]])[] = [
    ['deltanet', [16, 128]],
    ['gated-deltanet', [32, 128]],
  ];
  for (const [variant, chunkSizes] of cases) {
    it(`${variant}: n = 100, dk = 12, dv = 8, 2 heads, chunkSize ${chunkSizes.join(' and ')}`, async () => {
      const engine = await testEngine();
      const problem = gatedTestProblem(variant, { n: 100, dk: 12, dv: 8, heads: 2, seed: 11 });
      const reference = runCpu({ variant, form: 'recurrent', problem });
      const paths = new Set<string>();
      for (const chunkSize of chunkSizes) {
        const tiles = fastDeltaTiles(12, 8, chunkSize, engine.context.limits.maxComputeWorkgroupStorageSize);
        paths.add(tiles ? `fast ${tiles.stageKeys ? 'staged' : 'global'}` : 'fallback');
        const result = await engine.run({
          variant,
          form: 'chunk',
          problem: { ...problem, params: { ...problem.params, chunkSize } },
        });
        expect(maxAbsDiff(result.o, reference.o), `chunk ${chunkSize}`).toBeLessThanOrEqual(
          toleranceFor(reference.o, 1e-4),
        );
        expect(maxAbsDiff(result.state as Float32Array, reference.state as Float64Array)).toBeLessThanOrEqual(
          toleranceFor(reference.state as Float64Array, 1e-4),
        );
      }
      // Both paths ran (on SwiftShader's 32 KiB: fast for 16 and 32, the fallback for 128).
      expect(paths.has('fallback')).toBe(true);
      expect([...paths].some((p) => p.startsWith('fast'))).toBe(true);
    });
  }

  it('dk = dv = 64, chunk 64 (n = 80; keys read from global memory where staging does not fit) and dk = 32, dv = 16', async () => {
    const engine = await testEngine();
    const limit = engine.context.limits.maxComputeWorkgroupStorageSize;
    const runs = [
      ['deltanet', 64, 64, 64],
      ['gated-deltanet', 64, 64, 64],
      ['gated-deltanet', 32, 16, 16],
    ] as const;
    for (const [variant, dk, dv, chunkSize] of runs) {
      const problem = gatedTestProblem(variant, { n: 80, dk, dv, heads: 1, seed: 5 });
      const reference = runCpu({ variant, form: 'recurrent', problem });
      const result = await engine.run({
        variant,
        form: 'chunk',
        problem: { ...problem, params: { ...problem.params, chunkSize } },
      });
      expect(maxAbsDiff(result.o, reference.o), `${variant} dk=${dk} (${limit} B)`).toBeLessThanOrEqual(
        toleranceFor(reference.o, 1e-4),
      );
      expect(maxAbsDiff(result.state as Float32Array, reference.state as Float64Array)).toBeLessThanOrEqual(
        toleranceFor(reference.state as Float64Array, 1e-4),
      );
    }
  });
});
