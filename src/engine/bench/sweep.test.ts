// The timing sweep on the CPU backend times the gated variants with their extra
// inputs (gates, β, u) supplied from the seeded generators; every form reports a
// finite positive time and the cost models' FLOP/s (and GB/s for recurrent forms).
import { describe, expect, it } from 'vitest';
import { flopCount, gatedRecurrentBytes } from '../analysis/cost';
import { runCpuSweep, sweepExtraInputs, sweepRequest } from './sweep';
import type { SweepConfig } from './types';
import type { Form, Params, VariantId } from '../types';

const chunkParams = (_variant: VariantId, form: Form): Params => (form === 'chunk' ? { chunkSize: 16 } : {});

const GATED: readonly VariantId[] = ['retnet', 'mamba2', 'gla', 'rwkv6', 'deltanet', 'gated-deltanet'];

const config: SweepConfig = {
  cases: GATED.flatMap((variant) =>
    (['parallel', 'recurrent', 'chunk'] as const).map((form) => ({ variant, form })),
  ),
  ns: [24, 48],
  heads: 2,
  dk: 8,
  dv: 4,
  warmup: 1,
  runs: 3,
  budgetMs: 10_000,
  seed: 1,
};

describe('runCpuSweep with the gated variants', () => {
  it('times every form of all six with finite positive numbers', async () => {
    const result = await runCpuSweep(config, undefined, undefined, {
      params: chunkParams,
    });
    expect(result.skipped).toEqual([]);
    expect(result.points).toHaveLength(GATED.length * 3 * 2);
    for (const p of result.points) {
      const label = `${p.variant} ${p.form} n=${p.n}`;
      expect(p.samples, label).toHaveLength(3);
      for (const ms of [p.ms, p.msMin, p.msMax]) expect(Number.isFinite(ms) && ms > 0, label).toBe(true);
      expect(p.gflops, label).toBeDefined();
      expect(Number.isFinite(p.gflops) && (p.gflops ?? 0) > 0, label).toBe(true);
      const dims = { n: p.n, dk: 8, dv: 4, heads: 2 };
      const chunk = chunkParams(p.variant, p.form);
      expect(p.gflops).toBeCloseTo(flopCount(p.variant, p.form, dims, chunk) / (p.ms * 1e6), 9);
      if (p.form === 'recurrent') {
        expect(p.gbps).toBeCloseTo(gatedRecurrentBytes(p.variant, dims) / (p.ms * 1e6), 9);
      } else {
        expect(p.gbps).toBeUndefined();
      }
    }
  });
});

describe('sweepExtraInputs', () => {
  it('gives each variant the inputs of the contract, heads×n×channels', () => {
    const shapes = (variant: VariantId) =>
      Object.fromEntries(
        Object.entries(sweepExtraInputs(variant, config, 24)).map(([name, values]) => [name, values.length]),
      );
    expect(shapes('retnet')).toEqual({});
    expect(shapes('mamba2')).toEqual({ g: 2 * 24 });
    expect(shapes('gla')).toEqual({ g: 2 * 24 * 8 });
    expect(shapes('rwkv6')).toEqual({ g: 2 * 24 * 8, u: 2 * 8 });
    expect(shapes('deltanet')).toEqual({ beta: 2 * 24 });
    expect(shapes('gated-deltanet')).toEqual({ g: 2 * 24, beta: 2 * 24 });
    const g = sweepExtraInputs('gla', config, 24).g;
    expect(Array.from(g).every((x) => x <= 0 && Number.isFinite(x))).toBe(true);
    expect(Array.from(g).some((x) => x < 0)).toBe(true);
    // The request the sweep builds carries them.
    expect(sweepRequest(config, 'rwkv6', 'chunk', 24, {}).problem.inputs?.u?.length).toBe(16);
  });
});
