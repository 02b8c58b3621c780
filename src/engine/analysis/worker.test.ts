import { afterEach, describe, expect, it } from 'vitest';
import { generateProblem } from '../inputs/generate';
import { performerErrorSweep } from './performerSweep';
import { spectrum } from './spectrum';
import { positiveFeatures } from './testMatrices';
import { createAnalysisClient } from './worker/client';
import { serveAnalysis } from './worker/host';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './worker/protocol';

const channels: MessageChannel[] = [];

function connected() {
  const channel = new MessageChannel();
  channels.push(channel);
  serveAnalysis(channel.port1 as unknown as AnalysisPort<AnalysisCall, AnalysisReply>);
  return createAnalysisClient(channel.port2 as unknown as AnalysisPort<AnalysisReply, AnalysisCall>);
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('analysis worker protocol (over a MessageChannel)', () => {
  it('returns the same spectrum as the direct call, with progress up to 1', async () => {
    const client = connected();
    const matrix = { rows: 90, cols: 60, data: positiveFeatures(90, 60, 3, 1) };
    const fractions: number[] = [];
    const summary = await client.spectrum(matrix, { onProgress: (f) => fractions.push(f) });
    const direct = spectrum(matrix);
    expect(Array.from(summary.values)).toEqual(Array.from(direct.values));
    expect(summary.numericalRank).toBe(direct.numericalRank);
    expect(summary.effectiveRank).toBe(direct.effectiveRank);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('cancels a running spectrum: the promise rejects and the worker stops', async () => {
    const client = connected();
    const matrix = { rows: 500, cols: 500, data: positiveFeatures(500, 500, 5, 0) };
    const controller = new AbortController();
    let last = 0;
    const pending = client.spectrum(matrix, { signal: controller.signal, onProgress: (f) => (last = f) });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBeLessThan(1);
    // The port still serves calls afterwards.
    const small = await client.spectrum({ rows: 2, cols: 2, data: Float64Array.from([3, 0, 0, 4]) });
    expect(Array.from(small.values)).toEqual([4, 3]);
  });

  it('reports engine errors by name and message', async () => {
    const client = connected();
    await expect(
      client.spectrum({ rows: 2, cols: 2, data: Float64Array.from([1, NaN, 0, 1]) }),
    ).rejects.toMatchObject({
      name: 'EngineError',
      message: expect.stringMatching(/not finite/),
    });
  });

  it('runs a Performer sweep with the same numbers as the direct call', async () => {
    const client = connected();
    const problem = {
      ...generateProblem({ seed: 9, n: 16, dk: 4, dv: 2, temperature: 0.5, locality: 0, clustering: 0 }),
      params: { causal: true },
    };
    const sweep = { problem, featureCounts: [4, 32], seeds: [1, 2] };
    const points = await client.performerSweep(sweep);
    const direct = performerErrorSweep(sweep);
    expect(points.map((p) => p.relativeFrobenius.mean)).toEqual(direct.map((p) => p.relativeFrobenius.mean));
  });
});
