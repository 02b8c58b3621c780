import { describe, expect, it } from 'vitest';
import { decayMask, gateSetup, horizonSteps, horizonSummary, inputsForPrefix, retention } from './gates';

const view = {
  n: 32,
  d: 4,
  seed: 7,
  gamma: 0.9,
  gate: 'data' as const,
  gateStrength: 0.2,
  forgetAt: 10,
  beta: 0.5,
};

describe('gates of the gating labs', () => {
  it('a constant gate has the horizon ln(1/threshold)/ln(1/γ)', () => {
    const setup = gateSetup({ ...view, n: 64, variant: 'retnet' });
    for (const threshold of [Math.exp(-1), 0.01]) {
      const h = horizonSteps(setup.logGates, 64, 1, 0, 1, threshold);
      expect(h).toBeCloseTo(Math.log(1 / threshold) / Math.log(1 / 0.9), 10);
    }
  });

  it('the decay mask is the product of the decays between write and read', () => {
    const setup = gateSetup({ ...view, variant: 'gla' });
    expect(setup.channels).toBe(4);
    const mask = decayMask(setup.logGates, 32, 4);
    const curves = retention(setup.logGates, 32, 4, 3);
    // Row i = 10 (1-based 11), column j = 2 (1-based 3): mean over channels of e^{g_4 + … + g_11}.
    const mean = curves.reduce((s, c) => s + c[8], 0) / 4;
    expect(mask[10 * 32 + 2]).toBeCloseTo(mean, 12);
    expect(mask[5 * 32 + 5]).toBe(1);
    expect(mask[2 * 32 + 5]).toBe(0);
  });

  it('data-dependent gates have mean |g| ≈ gateStrength and scale with it', () => {
    const weak = gateSetup({ ...view, n: 4096, d: 1, variant: 'mamba2' }).logGates;
    const strong = gateSetup({ ...view, n: 4096, d: 1, variant: 'mamba2', gateStrength: 0.4 }).logGates;
    let total = 0;
    for (const g of weak) total -= g;
    const mean = total / weak.length;
    expect(mean).toBeGreaterThan(0.18);
    expect(mean).toBeLessThan(0.22);
    for (let i = 0; i < 10; i++) expect(strong[i]).toBeCloseTo(2 * weak[i], 6);
  });

  it('a forget gate ends every earlier write at its token', () => {
    const setup = gateSetup({ ...view, variant: 'mamba2', gate: 'forget' });
    expect(horizonSteps(setup.logGates, 32, 1, 0, 1, 0.01)).toBeCloseTo(8 + Math.log(100) / 1000, 12);
    const summary = horizonSummary(setup.logGates, 32, 1, 12, 0.01);
    expect(summary.median).toBeNull();
    expect(summary.unreached).toBe(1);
  });

  it('inputs of a prefix cut the per-token arrays only', () => {
    const setup = gateSetup({ ...view, variant: 'rwkv6' });
    const prefix = inputsForPrefix(setup, 5);
    expect(prefix.g.length).toBe(5 * 4);
    expect(prefix.u.length).toBe(4);
    const delta = inputsForPrefix(gateSetup({ ...view, variant: 'gated-deltanet' }), 5);
    expect(delta.beta.length).toBe(5);
    expect(delta.g.length).toBe(5);
  });
});
