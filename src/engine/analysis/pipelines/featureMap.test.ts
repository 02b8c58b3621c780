import { describe, expect, it } from 'vitest';
import { compareWithSoftmax } from '../compare';
import { spectrum } from '../spectrum';
import { cpuWeights } from '../../cpu';
import {
  analyzeFeatureMap,
  choiceVariant,
  focusSweep,
  FOCUS_POWERS,
  mapRequest,
  problemOf,
} from './featureMap';

const inputs = { seed: 3, n: 32, d: 8, temperature: 1, locality: 0, clustering: 0 };

describe('feature-map choices', () => {
  it('elu1 and relu are the linear variant; the others are their own', () => {
    expect(choiceVariant('relu')).toBe('linear');
    expect(choiceVariant('elu1')).toBe('linear');
    expect(choiceVariant('rala')).toBe('rala');
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
});
