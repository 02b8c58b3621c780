import { causalParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/** softmax(scale·QKᵀ + mask)V (attention-math.md §1). */
export const softmaxDescriptor: VariantDescriptor = {
  id: 'softmax',
  title: 'Softmax attention',
  // recurrent = decoding with a KV cache; flash = tiled online softmax.
  forms: ['parallel', 'recurrent', 'flash'],
  causal: 'both',
  params: { causal: causalParam, scale: scaleParam },
  extraInputs: [],
  // The KV cache grows with n; there is no fixed-size state to return.
  stateShape: null,
};
