import { describe, expect, it } from 'vitest';
import { cpuWeights, generateProblem } from '../../engine';
import { computeCostCurves, computeGallery, FAMILY_IDS } from './gallery';

const inputs = { seed: 3, n: 64, d: 8, temperature: 1, locality: 0.3, clustering: 0 };
const settings = { window: 8, block: 8, globals: 2, buckets: 4, kproj: 16, landmarks: 8 };

describe('family gallery', () => {
  it('computes every family with sane numbers', async () => {
    const g = await computeGallery(inputs, settings);
    expect(g.entries.map((e) => e.id)).toEqual([...FAMILY_IDS]);
    const by = Object.fromEntries(g.entries.map((e) => [e.id, e]));
    // window |i−j| < 8 on 64 tokens: 64·15 − 2·(7·8/2).
    expect(by.window.scores).toBe(64 * 15 - 56);
    expect(by.block.scores).toBe(64 * 8);
    expect(by.linformer.scores).toBe(64 * 16);
    expect(by.nystrom.scores).toBe(2 * 64 * 8 + 64);
    expect(by.linear.scores).toBe(0);
    for (const e of g.entries) {
      expect(e.map).not.toBeNull();
      expect(e.relFrobenius).toBeGreaterThan(0);
      expect(e.relFrobenius).toBeLessThan(20);
    }
    // The maps are the engine's weights.
    const lin = cpuWeights({
      variant: 'linear',
      problem: {
        ...generateProblem({ ...inputs, dk: 8, dv: 8 }),
        params: { causal: false, featureMap: 'elu1' },
      },
    }).host as Float64Array;
    expect(Array.from(by.linear.map as Float64Array)).toEqual(Array.from(lin));
  });
  it('nystrom is unavailable with a reason when n is not a multiple of m', async () => {
    const g = await computeGallery({ ...inputs, n: 60 }, settings);
    const ny = g.entries.find((e) => e.id === 'nystrom');
    expect(ny?.map).toBeNull();
    expect(ny?.unavailable).toMatch(/multiple of landmarks/);
  });
  it('cost curves: softmax and strided quadratic, the others linear', async () => {
    const curves = await computeCostCurves(inputs, settings);
    const slope = Object.fromEntries(curves.map((c) => [c.id, c.slope]));
    expect(slope.softmax).toBeCloseTo(2, 10);
    for (const id of ['window', 'block', 'longformer', 'linformer', 'linear'] as const)
      expect(slope[id]).toBeCloseTo(1, 2);
    expect(slope.nystrom).toBeCloseTo(1, 1);
    expect(slope.lsh).toBeGreaterThan(0.9);
    expect(slope.lsh).toBeLessThan(1.2);
    expect(slope.strided).toBeGreaterThan(1.8);
  });
});
