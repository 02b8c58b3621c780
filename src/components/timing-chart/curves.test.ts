import { describe, expect, it } from 'vitest';
import { VARIANT_IDS, type SweepPoint, type Form, type VariantId } from '../../engine';
import { crossovers, headlineCrossover, isQuadratic, timingCurves } from './curves';

function point(variant: VariantId, form: Form, n: number, ms: number): SweepPoint {
  return {
    variant,
    form,
    n,
    heads: 1,
    dk: 64,
    dv: 64,
    ms,
    msMin: ms * 0.9,
    msMax: ms * 1.1,
    samples: [ms],
    bytes: n,
  };
}

describe('timing curves', () => {
  const ns = [256, 128, 1024, 512, 2048];
  const points = [
    ...ns.map((n) => point('softmax', 'flash', n, (n * n) / 1e5)),
    ...ns.map((n) => point('softmax', 'parallel', n, (n * n) / 5e4)),
    ...ns.map((n) => point('linear', 'chunk', n, n / 100)),
  ];

  it('groups points per variant and form, sorted by n, with their slopes', () => {
    const curves = timingCurves({ points });
    expect(curves.map((c) => c.id)).toEqual(['softmax flash', 'softmax parallel', 'linear chunk']);
    expect(curves[0].points.map((p) => p.n)).toEqual([128, 256, 512, 1024, 2048]);
    expect(curves[0].fit!.slope).toBeCloseTo(2, 8);
    expect(curves[2].fit!.slope).toBeCloseTo(1, 8);
  });

  it('finds softmax/linear crossovers and picks flash against chunk as the headline', () => {
    const found = crossovers(timingCurves({ points }));
    expect(found).toHaveLength(2);
    const headline = headlineCrossover(found)!;
    expect(headline.quadratic).toBe('softmax flash');
    expect(headline.n).toBeCloseTo(1000, 4);
    expect(found.find((c) => c.quadratic === 'softmax parallel')!.n).toBeCloseTo(500, 4);
  });
});

describe('isQuadratic', () => {
  it('marks softmax alone (every other variant has a form linear in n)', () => {
    expect(VARIANT_IDS.filter((variant) => isQuadratic({ variant }))).toEqual(['softmax']);
  });
});
