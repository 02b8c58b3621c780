// The WebGPU fit (f32) against the float64 CPU fit: same losses, W and map
// within f32 tolerances. Small sizes: SwiftShader runs about 0.2 GFLOP/s.
import { describe, expect, it } from 'vitest';
import { GPU_AVAILABLE, testDevice } from '../gpu/testSetup';
import { createGpuFit } from './gpu';
import { HedgehogFit, fitProblemFromInputs, type FitSettings } from './session';

describe.skipIf(!GPU_AVAILABLE)('Hedgehog fit on WebGPU', () => {
  for (const [settings, n, d] of [
    [{ r: 8, loss: 'output', lr: 0.05 }, 32, 8],
    [{ r: 4, loss: 'weights', lr: 0.05 }, 32, 8],
    // The largest r the lab offers (2r = 256 floats per row in registers), and an odd n.
    [{ r: 128, loss: 'output', lr: 0.05 }, 13, 4],
  ] as [FitSettings, number, number][]) {
    it(`follows the float64 fit (${settings.loss}, n ${n}, d ${d}, r ${settings.r})`, async () => {
      const { device } = await testDevice();
      const inputs = { seed: 11, n, d, temperature: 1, locality: 0.5, clustering: 0.5 };
      const problem = fitProblemFromInputs(inputs);
      const cpu = new HedgehogFit(problem, settings, inputs.seed);
      const gpu = await createGpuFit(device, problem, settings, inputs.seed, cpu.target);
      try {
        const start = await gpu.advance(0);
        expect(start.step).toBe(0);
        expect(start.points[0].loss).toBeCloseTo(cpu.history[0].loss, 6);
        expect(Math.abs(start.points[0].loss / cpu.history[0].loss - 1)).toBeLessThan(1e-5);
        const after = await gpu.advance(10);
        cpu.advance(10);
        expect(after.step).toBe(10);
        expect(after.points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (const point of after.points) {
          const reference = cpu.history[point.step].loss;
          expect(Math.abs(point.loss / reference - 1)).toBeLessThan(1e-3);
        }
        for (let i = 0; i < cpu.w.length; i++) expect(Math.abs(after.w[i] - cpu.w[i])).toBeLessThan(1e-3);
        const last = after.points[after.points.length - 1];
        expect(Math.abs(last.mapRms / cpu.errors.mapRms - 1)).toBeLessThan(1e-3);
        let maxMap = 0;
        for (let i = 0; i < after.map.length; i++)
          maxMap = Math.max(maxMap, Math.abs(after.map[i] - cpu.current.map[i]));
        expect(maxMap).toBeLessThan(1e-4);
        expect(last.loss).toBeLessThan(cpu.history[0].loss);
      } finally {
        gpu.destroy();
      }
    });
  }
});
