import { describe, expect, it } from 'vitest';
import { inverseSqrtAnchor, logLogSlope } from './errorTrend';

describe('error trend', () => {
  it('slope and anchor of an exact 1/√m law', () => {
    const points = [4, 16, 64, 256].map((m) => ({ m, error: 3 / Math.sqrt(m) }));
    expect(logLogSlope(points)).toBeCloseTo(-0.5, 12);
    expect(inverseSqrtAnchor(points)).toBeCloseTo(3, 12);
    expect(logLogSlope(points.slice(0, 1))).toBeNaN();
  });
});
