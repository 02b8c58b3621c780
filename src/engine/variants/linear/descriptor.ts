import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

export const FEATURE_MAPS = ['elu1', 'relu', 'identity'] as const;
export type FeatureMap = (typeof FEATURE_MAPS)[number];

/**
 * Kernel linear attention (Katharopoulos et al.; attention-math.md §3, §4, T1):
 * o_t = φ(q_t)S_t / (φ(q_t)·z_t + eps) with S_t = Σ_{s≤t} φ(k_s)ᵀv_s, z_t = Σ_{s≤t} φ(k_s).
 * No scale: it would cancel in the ratio (except against eps).
 */
export const linearDescriptor: VariantDescriptor = {
  id: 'linear',
  title: 'Linear attention',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: {
    causal: causalParam,
    featureMap: {
      kind: 'enum',
      options: FEATURE_MAPS,
      default: 'elu1',
      description: 'φ applied to q and k: elu(x)+1, max(x, 0) or x',
    },
    normalize: {
      kind: 'boolean',
      default: true,
      description: 'divide by φ(q_t)·z_t + eps (rows of the implied weight matrix sum to ≈1)',
    },
    eps: epsParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  // S = Σ φ(k)ᵀv: (feature dim = dk for these maps) × dv per head; z is not included
  // (spec/vectors/README.md: expected_state).
  stateShape: (dims) => [dims.dk, dims.dv],
};
