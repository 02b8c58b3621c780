import { describe, expect, it } from 'vitest';
import { compareWithSoftmax, spectrum, cpuWeights } from '../../engine';
import {
  analyzeFeatureMap,
  choiceOf,
  focusSweep,
  FOCUS_POWERS,
  inverseSqrtAnchor,
  logLogSlope,
  MAP_CHOICES,
  mapRequest,
  problemOf,
  viewPatchOf,
} from './featureAnalysis';

const inputs = { seed: 3, n: 32, d: 8, temperature: 1, locality: 0, clustering: 0 };

describe('feature-map choices', () => {
  it('round-trip through the store fields', () => {
    for (const choice of MAP_CHOICES) {
      const patch = viewPatchOf(choice);
      expect(choiceOf(patch.variant, patch.featureMap ?? 'elu1')).toBe(choice);
    }
    expect(choiceOf('softmax', 'elu1')).toBeNull();
    expect(viewPatchOf('relu')).toEqual({ variant: 'linear', featureMap: 'relu' });
  });

  it('gives Performer m projection rows and Focused its p', () => {
    const problem = problemOf(inputs);
    const performer = mapRequest(problem, { choice: 'performer', causal: false, m: 12, p: 3 }, 3);
    expect(performer.problem.inputs?.projection?.length).toBe(12 * inputs.d);
    const focused = mapRequest(problem, { choice: 'focused', causal: true, m: 4, p: 2.5 }, 3);
    expect(focused.problem.params).toEqual({ causal: true, p: 2.5 });
    expect(mapRequest(problem, { choice: 'rala', causal: true, m: 4, p: 1 }, 3).problem.params).toEqual({
      causal: false,
    });
  });
});

describe('analyzeFeatureMap', () => {
  it('prints the engine’s numbers for the same inputs', async () => {
    const settings = { choice: 'elu1', causal: false, m: 16, p: 3 } as const;
    const fractions: number[] = [];
    const analysis = await analyzeFeatureMap(inputs, settings, { onProgress: (f) => fractions.push(f) });
    const request = mapRequest(problemOf(inputs), settings, inputs.seed);
    const weights = cpuWeights(request).host;
    if (!weights) throw new Error('no host weights');
    const map = spectrum({ rows: 32, cols: 32, data: weights });
    expect(analysis.map.effectiveRank).toBeCloseTo(map.effectiveRank, 12);
    expect(analysis.map.numericalRank).toBe(map.numericalRank);
    expect(analysis.map.numericalRank).toBeLessThanOrEqual(inputs.d);
    expect(analysis.rankBound.bound).toBe(inputs.d);
    expect(analysis.comparison).toEqual(compareWithSoftmax(request));
    // The difference map is weights − softmax's weights.
    const softmax = cpuWeights({
      variant: 'softmax',
      problem: { ...problemOf(inputs), params: { causal: false } },
    });
    expect(analysis.difference[5]).toBeCloseTo(weights[5] - (softmax.host?.[5] ?? NaN), 14);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      analyzeFeatureMap(inputs, { choice: 'relu', causal: false, m: 4, p: 1 }, { signal: controller.signal }),
    ).rejects.toThrow();
  });

  it('InLine adds one rank-one term to the bound', async () => {
    const analysis = await analyzeFeatureMap(inputs, { choice: 'inline', causal: false, m: 4, p: 1 });
    expect(analysis.rankBound.bound).toBe(inputs.d + 1);
  });
});

describe('sweeps', () => {
  it('Focused: one point per p, entropy falls from p = 1 to p = 8', async () => {
    const points = await focusSweep(inputs, false);
    expect(points.map((p) => p.p)).toEqual([...FOCUS_POWERS]);
    expect(points.at(-1)?.meanEntropy).toBeLessThan(points[0].meanEntropy);
  });

  it('slope and anchor of an exact 1/√m law', () => {
    const points = [4, 16, 64, 256].map((m) => ({ m, error: 3 / Math.sqrt(m) }));
    expect(logLogSlope(points)).toBeCloseTo(-0.5, 12);
    expect(inverseSqrtAnchor(points)).toBeCloseTo(3, 12);
    expect(logLogSlope(points.slice(0, 1))).toBeNaN();
  });
});
