import { describe, expect, it } from 'vitest';
import { weightError, cpuWeights, runCpu, generateProblem, hla2CaptionChunk, hla2Trace } from '../../engine';
import { analyzeHla } from './analysis';
import { maxAbs, maxAbsDiff } from './numbers';

const inputs = { n: 24, d: 4, seed: 3, temperature: 1, locality: 0.2, clustering: 0.5 };

describe('lesson 11 Worker analysis', () => {
  it('equals the engine references it summarises', async () => {
    const progress: number[] = [];
    const a = await analyzeHla(
      inputs,
      { normalize: true, chunk: 8 },
      { onProgress: (f) => progress.push(f) },
    );
    const p = generateProblem({ ...inputs, dk: 4, dv: 4 });
    const base = { n: 24, dk: 4, dv: 4, q: p.q, k: p.k, v: p.v };
    const soft = cpuWeights({ variant: 'softmax', problem: base }).host as Float64Array;
    const hla = cpuWeights({ variant: 'hla2', problem: { ...base, params: { normalize: true } } })
      .host as Float64Array;
    expect(Array.from(a.hla)).toEqual(Array.from(hla));
    expect(a.hlaError).toEqual(
      weightError({ rows: 24, cols: 24, data: hla }, { rows: 24, cols: 24, data: soft }, { causal: true }),
    );
    const head = {
      n: 24,
      dk: 4,
      dv: 4,
      q: Float64Array.from(p.q),
      k: Float64Array.from(p.k),
      v: Float64Array.from(p.v),
    };
    expect(Array.from(a.gNorms)).toEqual(Array.from(hla2Trace(head, 1e-6, 24).gNorms));
    const exact = runCpu({ variant: 'hla2', form: 'recurrent', problem: base }).o;
    expect(a.captionError).toBe(maxAbsDiff(hla2CaptionChunk(head, 8), exact) / Math.max(1, maxAbs(exact)));
    expect(a.captionError).toBeGreaterThan(1e-2);
    expect(progress.at(-1)).toBeCloseTo(1, 12);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(a.effectiveRank.hla).toBeGreaterThan(1);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      analyzeHla(inputs, { normalize: false, chunk: 8 }, { signal: controller.signal }),
    ).rejects.toThrow(/cancelled/);
  });
});
