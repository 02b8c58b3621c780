import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Based's Taylor linear attention (attention-math.md §7), without its separate
 * sliding-window layers: weight(i, j) = 1 + s + s²/2 with s = q_i·k_j/√dk,
 * normalised as o_i = Σ w v / (Σ w + eps). The feature map has 1 + dk + dk² features.
 */
export const basedDescriptor: VariantDescriptor = {
  id: 'based',
  title: 'Based (Taylor)',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: { causal: causalParam, eps: epsParam, chunkSize: chunkSizeParam },
  extraInputs: [],
  // S over φ = [1, √s·x, s·vec(xxᵀ)/√2], s = 1/√dk (spec/vectors/README.md).
  stateShape: (dims) => [1 + dims.dk + dims.dk * dims.dk, dims.dv],
};
