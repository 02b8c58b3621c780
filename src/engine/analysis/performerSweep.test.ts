import { describe, expect, it } from 'vitest';
import { generateProblem } from '../inputs/generate';
import { performerErrorSweep, performerErrorSweepAsync } from './performerSweep';
import { sampleStats } from './stats';

describe('sampleStats', () => {
  it('gives mean, sample standard deviation, min and max', () => {
    const stats = sampleStats([1, 2, 3, 4]);
    expect(stats.mean).toBe(2.5);
    expect(stats.std).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect([stats.min, stats.max]).toEqual([1, 4]);
    expect(sampleStats([7]).std).toBe(0);
    expect(() => sampleStats([])).toThrow(/no samples/);
  });
});

describe('performerErrorSweep', () => {
  const problem = {
    ...generateProblem({ seed: 2, n: 32, dk: 8, dv: 4, temperature: 0.5, locality: 0, clustering: 0 }),
    params: { causal: false },
  };
  const seeds = [1, 2, 3, 4, 5, 6];

  it('errors fall with m; the weight KL about as 1/m (the squared error of a 1/√m estimator)', () => {
    const fractions: number[] = [];
    const points = performerErrorSweep({
      problem,
      featureCounts: [16, 256, 4096],
      seeds,
      onProgress: (f) => fractions.push(f),
    });
    expect(points.map((p) => p.m)).toEqual([16, 256, 4096]);
    for (const point of points) expect(point.relativeFrobenius.values.length).toBe(seeds.length);
    for (let i = 1; i < points.length; i++) {
      expect(points[i].relativeFrobenius.mean).toBeLessThan(points[i - 1].relativeFrobenius.mean);
      expect(points[i].meanRowKl.mean).toBeLessThan(points[i - 1].meanRowKl.mean);
      expect(points[i].maxOutputError.mean).toBeLessThan(points[i - 1].maxOutputError.mean);
    }
    // 256× the features: KL ideally 256× smaller; the estimator's heavy tail at small m costs some of that.
    const klRatio = points[0].meanRowKl.mean / points[2].meanRowKl.mean;
    expect(klRatio).toBeGreaterThan(16);
    expect(klRatio).toBeLessThan(1024);
    expect(points[0].relativeFrobenius.std).toBeGreaterThan(0);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('is deterministic for given seeds, and each seed gives a different W', () => {
    const once = performerErrorSweep({ problem, featureCounts: [8], seeds: [1, 2] });
    const again = performerErrorSweep({ problem, featureCounts: [8], seeds: [1, 2] });
    expect(Array.from(again[0].relativeFrobenius.values)).toEqual(
      Array.from(once[0].relativeFrobenius.values),
    );
    expect(once[0].relativeFrobenius.values[0]).not.toBe(once[0].relativeFrobenius.values[1]);
  });

  it('async version can be cancelled', async () => {
    const controller = new AbortController();
    const pending = performerErrorSweepAsync({
      problem,
      featureCounts: [8, 16, 32, 64],
      seeds,
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.25) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
