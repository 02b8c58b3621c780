import { EngineError } from '../../types';
import { causalParam, chunkSizeParam, numberParam, type VariantDescriptor } from '../common/descriptor';

/**
 * cosFormer (attention-math.md §6): weights relu(q_i)·relu(k_j)·cos(π(i−j)/(2M)),
 * decomposed into 2dk features with θ_i = π·i/(2M); T1 with the official
 * code's clamp: o = num / max(den, eps), no ε added.
 */
export const cosformerDescriptor: VariantDescriptor = {
  id: 'cosformer',
  title: 'cosFormer',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: {
    causal: causalParam,
    maxLen: {
      kind: 'number',
      default: (dims) => dims.n,
      min: 1,
      integer: true,
      description: 'M of the angle θ_i = π·i/(2M); must be ≥ n (default n) so every weight stays ≥ 0',
    },
    eps: {
      kind: 'number',
      default: 1e-6,
      min: 0,
      minExclusive: true,
      description: 'lower bound of the normaliser: o = num / max(φ(q)·z, eps)',
    },
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  stateShape: (dims) => [2 * dims.dk, dims.dv],
  check: (dims, params) => {
    const maxLen = numberParam(params, 'maxLen');
    // Beyond M the angle passes π/2 and cos turns negative: the paper requires M ≥ n.
    if (maxLen < dims.n) {
      throw new EngineError(`params.maxLen must be ≥ n = ${dims.n} (got ${maxLen}): cosFormer needs M ≥ n`);
    }
  },
};
