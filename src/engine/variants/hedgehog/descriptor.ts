import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Hedgehog (attention-math.md §8), the contract's form among the three
 * published ones: φ(x) = [softmax(xW), softmax(−xW)], each half normalised over
 * its r features; W (dk×r, the `projection`) would be learned by distillation,
 * here an input (inputs/randomFeatures.ts draws an identity-like start). T1 normalised.
 */
export const hedgehogDescriptor: VariantDescriptor = {
  id: 'hedgehog',
  title: 'Hedgehog',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: { causal: causalParam, eps: epsParam, chunkSize: chunkSizeParam },
  extraInputs: [
    {
      name: 'projection',
      description: 'the feature projection W, dk×r (r columns, any r ≥ 1), shared by all heads',
      shape: (dims) => [dims.dk, 0],
      free: 'cols',
      sharedAcrossHeads: true,
    },
  ],
  // S = Σ φ(k)ᵀv: 2r×dv.
  stateShape: (dims, _params, inputs) => [(2 * (inputs?.projection?.length ?? 0)) / dims.dk, dims.dv],
};
