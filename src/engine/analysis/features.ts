// φ(Q) and φ(K) of head 0 for the variants that are a feature map, then kernel
// linear attention, so the spectrum view can show their singular values next to
// the map's (rank φ(Q)φ(K)ᵀ ≤ r). The maps are each variant's own CPU forms
// (its cpu.ts `features`, the φ its forms run on); features.test.ts checks that
// the normalised φ(Q)φ(K)ᵀ equals the engine's weights, so the two cannot drift apart.
import { EngineError, type RunRequest, type VariantId } from '../types';
import { validateProblem } from '../validate';
import { cpuForms } from '../variants/cpuForms';
import { familyIds, isInFamily, type FamilyVariant } from '../variants/registry';

export type FeatureMapVariant = FamilyVariant<'kernel-linear' | 'feature-map'>;

/** Linear attention and every feature-map variant, in menu order. */
export const FEATURE_MAP_VARIANTS: readonly FeatureMapVariant[] = [
  ...familyIds('kernel-linear'),
  ...familyIds('feature-map'),
];

export function isFeatureMapVariant(variant: VariantId): variant is FeatureMapVariant {
  return isInFamily(variant, 'kernel-linear') || isInFamily(variant, 'feature-map');
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
  const features = isFeatureMapVariant(variant) ? cpuForms(variant).features : undefined;
  if (!features) {
    throw new EngineError(
      `variant "${variant}" has no feature map (feature maps: ${FEATURE_MAP_VARIANTS.join(', ')})`,
    );
  }
  const problem = validateProblem(variant, request.problem);
  const { n, dk, dv, params } = problem;
  const head = {
    n,
    dk,
    dv,
    q: Float64Array.from({ length: n * dk }, (_, i) => problem.q[i]),
    k: Float64Array.from({ length: n * dk }, (_, i) => problem.k[i]),
    v: Float64Array.from({ length: n * dv }, (_, i) => problem.v[i]),
    inputs: Object.fromEntries(
      Object.entries(problem.inputs).map(([name, values]) => [name, Float64Array.from(values)]),
    ),
  };
  const { phiQ, phiK } = features(head, params);
  return { n, r: phiQ.length / n, phiQ, phiK };
}
