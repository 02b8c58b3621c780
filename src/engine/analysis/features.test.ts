import { describe, expect, it } from 'vitest';
import { cpuWeights } from '../cpu';
import { generateProblem } from '../inputs/generate';
import { hedgehogProjection, performerProjection } from '../inputs/randomFeatures';
import type { AttentionProblem } from '../types';
import { denseFromHandle } from './dense';
import { featureMatrices, FEATURE_MAP_VARIANTS, type FeatureMapVariant } from './features';
import { featureRankBound } from './rank';
import { spectrum } from './spectrum';
import { productWithTranspose } from './testMatrices';

const n = 40;
const dk = 4;
const base = generateProblem({ seed: 12, n, dk, dv: 3, temperature: 1, locality: 0.2, clustering: 0.4 });

function problemFor(variant: FeatureMapVariant, causal: boolean): AttentionProblem {
  const inputs =
    variant === 'performer'
      ? { projection: performerProjection({ seed: 4, m: 6, dk }) }
      : variant === 'hedgehog'
        ? { projection: hedgehogProjection({ dk, r: 3, seed: 2, noise: 0.3 }) }
        : undefined;
  return { ...base, params: { causal }, inputs };
}

/** The engine's row rule applied to φ(Q)φ(K)ᵀ (non-causal), per variant. */
function normalised(
  variant: FeatureMapVariant,
  scores: ArrayLike<number>,
  problem: AttentionProblem,
): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let den = 0;
    for (let j = 0; j < n; j++) den += scores[i * n + j];
    for (let j = 0; j < n; j++) {
      const a = scores[i * n + j];
      if (variant === 'inline') {
        const scale = Number(problem.params?.scale ?? 1 / Math.sqrt(dk));
        out[i * n + j] = (scale / n) * (a - den / n) + 1 / n;
      } else if (variant === 'cosformer') {
        out[i * n + j] = a / Math.max(den, 1e-6);
      } else {
        out[i * n + j] = a / (den + 1e-6);
      }
    }
  }
  return out;
}

describe('featureMatrices', () => {
  it.each(FEATURE_MAP_VARIANTS)(
    '%s: normalised φ(Q)φ(K)ᵀ equals the engine weights (non-causal)',
    (variant) => {
      const problem = problemFor(variant, false);
      const { r, phiQ, phiK } = featureMatrices({ variant, problem });
      const scores = productWithTranspose(phiQ, phiK, n, n, r);
      const weights = cpuWeights({ variant, problem }).host;
      if (!weights) throw new Error('no host weights');
      const expected = normalised(variant, scores.data, problem);
      let maxDiff = 0;
      for (let i = 0; i < n * n; i++) maxDiff = Math.max(maxDiff, Math.abs(weights[i] - expected[i]));
      expect(maxDiff).toBeLessThan(1e-9);
    },
  );

  it('gives r per variant: performer m, cosformer 2dk, based 1+dk+dk², hedgehog 2r', () => {
    expect(featureMatrices({ variant: 'performer', problem: problemFor('performer', false) }).r).toBe(6);
    expect(featureMatrices({ variant: 'cosformer', problem: problemFor('cosformer', false) }).r).toBe(8);
    expect(featureMatrices({ variant: 'based', problem: problemFor('based', false) }).r).toBe(21);
    expect(featureMatrices({ variant: 'hedgehog', problem: problemFor('hedgehog', false) }).r).toBe(6);
    expect(() => featureMatrices({ variant: 'softmax', problem: base })).toThrow(/no feature map/);
  });

  it('the rank bound holds for the engine weights without the mask, and the mask breaks it', () => {
    const open = spectrum(
      denseFromHandle(cpuWeights({ variant: 'performer', problem: problemFor('performer', false) })),
    );
    const bound = featureRankBound({ n, featureDim: 6, causal: false });
    expect(bound.bound).toBe(6);
    expect(open.numericalRank).toBe(6);
    const masked = spectrum(
      denseFromHandle(cpuWeights({ variant: 'performer', problem: problemFor('performer', true) })),
    );
    expect(masked.numericalRank).toBeGreaterThan(6);
    const phi = featureMatrices({ variant: 'performer', problem: problemFor('performer', false) });
    expect(spectrum({ rows: n, cols: phi.r, data: phi.phiQ }).numericalRank).toBeLessThanOrEqual(6);
  });
});
