// φ(Q) and φ(K) of head 0 for the feature-map variants, so the spectrum view
// can show their singular values next to the map's (rank φ(Q)φ(K)ᵀ ≤ r). The
// maps are the engine's own (variants/featuremap/maps.ts) with the parameters
// each variant's cpu.ts passes; features.test.ts checks that the normalised
// φ(Q)φ(K)ᵀ equals the engine's weights, so the two cannot drift apart.
import { EngineError, type RunRequest, type VariantId } from '../types';
import { validateProblem } from '../validate';
import { numberParam, stringParam } from '../variants/common/descriptor';
import {
  basedFeatures,
  cosformerFeatures,
  elementwiseFeatures,
  focusedFeatures,
  hedgehogFeatures,
  performerFeatures,
  ralaKeyFeatures,
} from '../variants/common/featuremap/maps';
import type { FeatureMap } from '../variants/linear/descriptor';

export const FEATURE_MAP_VARIANTS = [
  'linear',
  'performer',
  'cosformer',
  'based',
  'hedgehog',
  'focused',
  'inline',
  'rala',
] as const satisfies readonly VariantId[];
export type FeatureMapVariant = (typeof FEATURE_MAP_VARIANTS)[number];

export function isFeatureMapVariant(variant: VariantId): variant is FeatureMapVariant {
  return (FEATURE_MAP_VARIANTS as readonly VariantId[]).includes(variant);
}

export interface FeatureMatrices {
  readonly n: number;
  /** Feature dimension: columns of φ(Q) and φ(K). */
  readonly r: number;
  /** n×r row-major, float64. */
  readonly phiQ: Float64Array;
  readonly phiK: Float64Array;
}

/** φ(Q), φ(K) of head 0 for a feature-map variant (throws EngineError for others). */
export function featureMatrices(request: Omit<RunRequest, 'form'>): FeatureMatrices {
  const { variant } = request;
  if (!isFeatureMapVariant(variant)) {
    throw new EngineError(
      `variant "${variant}" has no feature map (feature maps: ${FEATURE_MAP_VARIANTS.join(', ')})`,
    );
  }
  const problem = validateProblem(variant, request.problem);
  const { n, dk, params } = problem;
  const q = Float64Array.from({ length: n * dk }, (_, i) => problem.q[i]);
  const k = Float64Array.from({ length: n * dk }, (_, i) => problem.k[i]);
  const input = (name: string) => Float64Array.from(problem.inputs[name]);
  const pair = (phi: (x: Float64Array) => Float64Array) => ({ phiQ: phi(q), phiK: phi(k) });
  let features: { phiQ: Float64Array; phiK: Float64Array };
  switch (variant) {
    case 'linear':
    case 'inline': {
      const map = stringParam(params, 'featureMap') as FeatureMap;
      features = pair((x) => elementwiseFeatures(x, map));
      break;
    }
    case 'performer': {
      const projection = input('projection');
      features = pair((x) => performerFeatures(x, n, dk, projection));
      break;
    }
    case 'cosformer': {
      const maxLen = numberParam(params, 'maxLen');
      features = pair((x) => cosformerFeatures(x, n, dk, maxLen));
      break;
    }
    case 'based':
      features = pair((x) => basedFeatures(x, n, dk));
      break;
    case 'hedgehog': {
      const projection = input('projection');
      features = pair((x) => hedgehogFeatures(x, n, dk, projection));
      break;
    }
    case 'focused': {
      const p = numberParam(params, 'p');
      features = pair((x) => focusedFeatures(x, n, dk, p));
      break;
    }
    case 'rala': {
      const phiQ = elementwiseFeatures(q, 'elu1');
      const phiK = ralaKeyFeatures(phiQ, elementwiseFeatures(k, 'elu1'), n, dk, numberParam(params, 'scale'));
      features = { phiQ, phiK };
      break;
    }
  }
  return { n, r: features.phiQ.length / n, ...features };
}
