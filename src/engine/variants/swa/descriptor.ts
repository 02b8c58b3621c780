import { causalParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Sliding-window softmax attention (attention-math.md §2): query i sees keys
 * i−w < j ≤ i, i.e. w keys including itself (fla's counting, not flash-attn's w+1).
 */
export const swaDescriptor: VariantDescriptor = {
  id: 'swa',
  title: 'Sliding-window attention',
  forms: ['parallel', 'flash'],
  // The window is defined looking back only, so there is no non-causal setting.
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    window: {
      kind: 'number',
      default: 64,
      min: 1,
      integer: true,
      description: 'keys each query sees, itself included',
    },
  },
  extraInputs: [],
  stateShape: null,
};
