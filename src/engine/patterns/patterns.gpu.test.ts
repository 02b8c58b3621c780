// The pattern kernel (f32, mask computed in the kernel or from uploaded LSH
// buckets) against the float64 reference: outputs of H = 2 heads, head 0's
// weights, and exactly the reference mask as the kernel's support.
import { describe, expect, it } from 'vitest';
import { createRng } from '../inputs/random';
import { GPU_AVAILABLE, testDevice } from '../gpu/testSetup';
import { maxAbsDiff, toleranceFor } from '../testing/vectors';
import { runPatternCpu, type PatternId, type PatternParams } from './index';
import { runPatternGpu } from './gpu';

function problem(n: number, d: number, seed: number, heads: number) {
  const rng = createRng(seed);
  const fill = (len: number) => Float64Array.from({ length: len }, () => rng.nextNormal());
  return { n, dk: d, dv: d, heads, q: fill(heads * n * d), k: fill(heads * n * d), v: fill(heads * n * d) };
}

const cases: [PatternId, PatternParams][] = [
  ['window', { window: 5 }],
  ['block', { block: 8 }],
  ['strided', { block: 6 }],
  ['longformer', { window: 4, globals: 3 }],
  ['lsh', { buckets: 4, block: 8, seed: 11 }],
];

describe.skipIf(!GPU_AVAILABLE)('pattern kernel on WebGPU', () => {
  for (const [pattern, params] of cases) {
    for (const causal of [false, true]) {
      it(`${pattern} causal=${causal}`, async () => {
        const { device } = await testDevice();
        const pr = problem(40, 8, pattern.length + (causal ? 100 : 0), 2);
        const cpu = runPatternCpu(pattern, { ...params, causal }, pr);
        const gpu = await runPatternGpu(device, pattern, { ...params, causal }, pr);
        expect(gpu.backend).toBe('webgpu');
        expect(maxAbsDiff(gpu.o, cpu.o)).toBeLessThanOrEqual(toleranceFor(cpu.o, 1e-3));
        expect(maxAbsDiff(gpu.weights, cpu.weights)).toBeLessThanOrEqual(1e-3);
        for (let i = 0; i < cpu.mask.length; i++) expect(gpu.weights[i] > 0 ? 1 : 0).toBe(cpu.mask[i]);
        expect(gpu.pairs).toBe(cpu.pairs);
      });
    }
  }
});
