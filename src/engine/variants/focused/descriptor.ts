import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Focused linear attention, FLatten (attention-math.md §9), without the learned
 * scale, positional encoding and depthwise convolution of the vision model:
 * x⁺ = relu(x) + 1e-6, φ_p(x) = ‖x⁺‖·(x⁺)^p/‖(x⁺)^p‖ (norms per head). The power
 * p sharpens each feature vector towards its largest entries while keeping its
 * norm, so similar q, k score higher and dissimilar ones lower. T1 normalised.
 */
export const focusedDescriptor: VariantDescriptor = {
  id: 'focused',
  title: 'Focused linear attention (FLatten)',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: {
    causal: causalParam,
    p: {
      kind: 'number',
      default: 3,
      min: 0,
      minExclusive: true,
      description: 'focusing power p of φ_p (1: plain relu features; larger: sharper)',
    },
    eps: epsParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  stateShape: (dims) => [dims.dk, dims.dv],
};
