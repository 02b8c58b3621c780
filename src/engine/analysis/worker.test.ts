import { afterEach, describe, expect, it } from 'vitest';
import { cpuGatedStateTrace, cpuLinearStateTrace } from '../cpu';
import { hybridBranches, hybridShares, infiniShares } from '../hybrid/hybrid';
import { constantGates } from '../inputs/gates';
import { generateProblem } from '../inputs/generate';
import { lasp2FormulaFloats, meanPerDevice, ringFormulaFloats } from '../seqpar';
import { performerErrorSweep } from './performerSweep';
import { analyzeFeatureMap, focusSweep, performerSweep } from './pipelines/featureMap';
import { computeCostCurves, computeGallery } from './pipelines/familyGallery';
import { analyzeHla } from './pipelines/hlaState';
import { float64Head, generatedProblem } from './pipelines/inputs';
import { spectrum } from './spectrum';
import { positiveFeatures } from './testMatrices';
import { connectAnalysisClient } from './worker/client';
import { serveAnalysis, transferables } from './worker/host';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './worker/protocol';

const channels: MessageChannel[] = [];

function connected() {
  const channel = new MessageChannel();
  channels.push(channel);
  serveAnalysis(channel.port1 as unknown as AnalysisPort<AnalysisCall, AnalysisReply>);
  return connectAnalysisClient(channel.port2 as unknown as AnalysisPort<AnalysisReply, AnalysisCall>);
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const inputs = { seed: 3, n: 32, d: 8, temperature: 1, locality: 0.2, clustering: 0 };

describe('analysis worker protocol (over a MessageChannel)', () => {
  it('returns the same spectrum as the direct call, with progress up to 1', async () => {
    const client = connected();
    const matrix = { rows: 90, cols: 60, data: positiveFeatures(90, 60, 3, 1) };
    const fractions: number[] = [];
    const summary = await client.run('spectrum', matrix, { onProgress: (f) => fractions.push(f) });
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
    const pending = client.run('spectrum', matrix, {
      signal: controller.signal,
      onProgress: (f) => (last = f),
    });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBeLessThan(1);
    // The port still serves calls afterwards.
    const small = await client.run('spectrum', { rows: 2, cols: 2, data: Float64Array.from([3, 0, 0, 4]) });
    expect(Array.from(small.values)).toEqual([4, 3]);
  });

  it('an already aborted signal rejects at once; an aborted call drops its late result', async () => {
    const client = connected();
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      client.run('linearStateNorms', { inputs, featureMap: 'elu1' }, { signal: aborted.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    // A synchronous pipeline cannot stop midway: its answer arrives, and is dropped.
    const controller = new AbortController();
    const call = client.run(
      'linearStateNorms',
      { inputs, featureMap: 'elu1' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports engine errors by name and message', async () => {
    const client = connected();
    await expect(
      client.run('spectrum', { rows: 2, cols: 2, data: Float64Array.from([1, NaN, 0, 1]) }),
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
    const points = await client.run('performerErrorSweep', sweep);
    const direct = performerErrorSweep(sweep);
    expect(points.map((p) => p.relativeFrobenius.mean)).toEqual(direct.map((p) => p.relativeFrobenius.mean));
  });

  it('the transfer list holds every typed array buffer of a result once', () => {
    const shared = new Float64Array(4);
    const found = transferables({ a: shared, b: [shared.subarray(1), new Float32Array(2)], c: 'x', d: 1 });
    expect(found).toHaveLength(2);
    expect(found).toContain(shared.buffer);
  });
});

describe('the labs’ pipelines through the worker', () => {
  it('featureMap, performerSweep and focusSweep: the direct calls’ numbers', async () => {
    const client = connected();
    const settings = { choice: 'performer', causal: true, m: 16, p: 3 } as const;
    const analysis = await client.run('featureMap', { inputs, settings });
    expect(analysis).toEqual(await analyzeFeatureMap(inputs, settings));
    expect(analysis.map.numericalRank).toBeLessThanOrEqual(inputs.n);
    expect(analysis.difference).toHaveLength(inputs.n * inputs.n);
    const sweep = await client.run('performerSweep', { inputs, causal: false });
    expect(sweep).toEqual(await performerSweep(inputs, false));
    const focus = await client.run('focusSweep', { inputs, causal: true });
    expect(focus).toEqual(await focusSweep(inputs, true));
  });

  it('familyGallery and familyCosts: the direct calls’ numbers', async () => {
    const client = connected();
    const settings = { window: 8, block: 8, globals: 2, buckets: 4, kproj: 16, landmarks: 8 };
    const gallery = await client.run('familyGallery', { inputs, settings });
    expect(gallery).toEqual(await computeGallery(inputs, settings));
    // window |i−j| < 8 on 32 tokens: 32·15 − 2·(7·8/2).
    expect(gallery.entries.find((e) => e.id === 'window')?.scores).toBe(32 * 15 - 56);
    const { n: _n, ...costInputs } = inputs;
    const costs = await client.run('familyCosts', { inputs: costInputs, settings });
    expect(costs).toEqual(await computeCostCurves(costInputs, settings));
  });

  it('hlaState: the direct call’s numbers', async () => {
    const client = connected();
    const settings = { normalize: true, chunk: 8 };
    const analysis = await client.run('hlaState', { inputs, settings });
    expect(analysis).toEqual(await analyzeHla(inputs, settings));
    expect(analysis.gNorms).toHaveLength(inputs.n);
  });

  it('linearStateNorms and gatedStateNorms: the engine’s state traces', async () => {
    const client = connected();
    const problem = generatedProblem(inputs);
    const linear = await client.run('linearStateNorms', { inputs, featureMap: 'relu' });
    const params = { causal: true, featureMap: 'relu', normalize: true };
    expect(linear).toEqual(Array.from(cpuLinearStateTrace({ ...problem, params }, 1).norms));
    const g = constantGates({ n: inputs.n, channels: inputs.d, value: -0.1 });
    const gated = await client.run('gatedStateNorms', {
      variant: 'gla',
      inputs,
      params: {},
      extraInputs: { g },
    });
    const trace = cpuGatedStateTrace('gla', { ...problem, inputs: { g } }, 1);
    expect(gated).toEqual(Array.from(trace.norms));
    expect(gated).toHaveLength(inputs.n);
  });

  it('infiniBranches and hybridAnalysis: the hybrid module’s shares', async () => {
    const client = connected();
    const head = float64Head(generatedProblem(inputs));
    const scale = 1 / Math.sqrt(inputs.d);
    const infini = await client.run('infiniBranches', { inputs, segment: 8, beta: 0.5 });
    expect(infini.shares).toEqual(infiniShares(head, { segment: 8, beta: 0.5, scale }));
    expect(infini.aMem).toHaveLength(inputs.n * inputs.d);
    expect(infini.shares.segmentMeans[0]).toBe(0);
    const hybrid = await client.run('hybridAnalysis', { inputs, window: 8, lambda: 2, logLambdas: [0, 1] });
    const branches = hybridBranches(head, 8, scale);
    expect(hybrid.shares).toEqual(hybridShares(branches, 8, 2));
    expect(hybrid.curve[0]).toBe(hybridShares(branches, 8, 1).meanLinShare);
    expect(hybrid.equalLogLambda).toBeGreaterThan(-30);
  });

  it('seqParallel: outputs equal one device, traffic equals §23 and the sweep', async () => {
    const client = connected();
    const d = 8;
    const W = 4;
    const result = await client.run('seqParallel', {
      seed: 42,
      n: 64,
      d,
      temperature: 1,
      devices: W,
      featureMap: 'elu1',
      decay: false,
      gamma: 1,
      sweepNs: [8, 64, 1024],
    });
    expect(result.lasp.diff).toBeLessThanOrEqual(1e-12);
    expect(result.ring.diff).toBeLessThanOrEqual(1e-12);
    expect(result.lasp.scale).toBeGreaterThan(0);
    expect(meanPerDevice(result.lasp.run.traffic.received)).toBe(lasp2FormulaFloats(W, d, d));
    expect(meanPerDevice(result.ring.run.traffic.received)).toBe(ringFormulaFloats(64, W, d, d));
    expect(result.sweep.map((p) => p.n)).toEqual([8, 64, 1024]);
    for (const p of result.sweep) expect(p.ringSimulated).toBe(p.ringFormula);
  });
});
