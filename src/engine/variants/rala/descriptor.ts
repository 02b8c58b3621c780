import { causalParam, epsParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/**
 * RALA, rank-augmented linear attention (attention-math.md §11), without RoPE,
 * LePE or the output gate: q, k ← elu+1, the keys are reweighted by
 * α = softmax_j(scale·q̄·k_j) (q̄ the mean query), then non-causal T1. The
 * reweighting depends on every token (q̄ and the softmax over all keys), so there
 * is no causal form and no fixed-size recurrent state: only the parallel form.
 */
export const ralaDescriptor: VariantDescriptor = {
  id: 'rala',
  title: 'RALA (rank-augmented linear attention)',
  forms: ['parallel'],
  causal: 'noncausal-only',
  params: {
    // Non-causal only, so that is also the default: a request need not say it.
    causal: { ...causalParam, default: false },
    scale: scaleParam,
    eps: epsParam,
  },
  extraInputs: [],
  stateShape: null,
};
