import { describe, expect, it } from 'vitest';
import { findCrossover } from './crossover';
import { fitLogLog } from './fit';
import { spreadLabels } from './labels';

describe('fitLogLog', () => {
  it('recovers the exponent of a power law', () => {
    const quadratic = [128, 256, 512, 1024, 2048].map((n) => ({ n, ms: 3e-6 * n * n }));
    const fit = fitLogLog(quadratic);
    expect(fit?.slope).toBeCloseTo(2, 10);
    expect(fit?.intercept).toBeCloseTo(Math.log10(3e-6), 10);
    expect(fit?.r2).toBeCloseTo(1, 10);
    const linear = [128, 256, 512].map((n) => ({ n, ms: 0.01 * n }));
    expect(fitLogLog(linear)?.slope).toBeCloseTo(1, 10);
  });

  it('needs two usable points', () => {
    expect(fitLogLog([{ n: 128, ms: 1 }])).toBeNull();
    expect(
      fitLogLog([
        { n: 128, ms: 1 },
        { n: 256, ms: 0 },
      ]),
    ).toBeNull();
  });

  it('reports a poor fit for a noisy curve', () => {
    const noisy = [
      { n: 128, ms: 1 },
      { n: 256, ms: 0.2 },
      { n: 512, ms: 3 },
      { n: 1024, ms: 0.5 },
    ];
    expect(fitLogLog(noisy)!.r2).toBeLessThan(0.5);
  });
});

describe('findCrossover', () => {
  it('finds where a quadratic curve overtakes a linear one', () => {
    const ns = [128, 256, 512, 1024, 2048, 4096];
    // n²/1e5 equals n/100 at n = 1000.
    const quad = ns.map((n) => ({ n, ms: (n * n) / 1e5 }));
    const lin = ns.map((n) => ({ n, ms: n / 100 }));
    const cross = findCrossover(quad, lin);
    expect(cross).not.toBeNull();
    expect(cross!.n).toBeCloseTo(1000, 6);
    expect(cross!.ms).toBeCloseTo(10, 6);
  });

  it('handles curves sampled at different n and reports none when they never cross', () => {
    const quad = [128, 512, 2048].map((n) => ({ n, ms: (n * n) / 1e5 }));
    const lin = [256, 1024, 4096].map((n) => ({ n, ms: n / 100 }));
    expect(findCrossover(quad, lin)!.n).toBeCloseTo(1000, 6);
    const faster = [128, 512, 2048].map((n) => ({ n, ms: n / 1000 }));
    expect(findCrossover(faster, lin)).toBeNull();
  });
});

describe('spreadLabels', () => {
  it('keeps labels at least a gap apart and inside the range, in their original order', () => {
    expect(spreadLabels([50, 52, 100], 12, 0, 200)).toEqual([50, 62, 100]);
    const crowded = spreadLabels([195, 196, 197], 10, 0, 200);
    expect(crowded).toEqual([180, 190, 200]);
    expect(spreadLabels([30, 10], 12, 0, 100)).toEqual([30, 10]);
  });
});

describe('smallestStep', () => {
  it('is the smallest nonzero gap between two runs of one point', async () => {
    const { smallestStep } = await import('./resolution');
    const point = (samples: number[]) =>
      ({ samples }) as unknown as Parameters<typeof smallestStep>[0]['points'][number];
    expect(smallestStep({ points: [point([0.3, 0.1, 0.2, 0.2]), point([1.0, 1.05])] })).toBeCloseTo(0.05, 12);
    expect(smallestStep({ points: [point([0.1, 0.1, 0.1])] })).toBeUndefined();
  });
});
