import { causalParam, chunkSizeParam, epsParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Performer FAVOR+ (attention-math.md §5): positive random features
 * φ(x) = m^{-1/2}·exp(W x̃ − ‖x̃‖²/2), x̃ = dk^{-1/4}x, then kernel linear
 * attention (T1). W (m×dk, the `projection`) is an input so the app can draw it
 * from the seed (inputs/randomFeatures.ts) and the reader can vary m.
 */
export const performerDescriptor: VariantDescriptor = {
  id: 'performer',
  title: 'Performer (FAVOR+)',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: {
    causal: causalParam,
    normalize: {
      kind: 'boolean',
      default: true,
      description: 'divide by φ(q_t)·z_t + eps (rows of the implied weight matrix sum to ≈1)',
    },
    eps: epsParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [
    {
      name: 'projection',
      description: 'the random features W, m×dk (m rows, any m ≥ 1), shared by all heads',
      shape: (dims) => [0, dims.dk],
      free: 'rows',
      sharedAcrossHeads: true,
    },
  ],
  // S = Σ φ(k)ᵀv: m×dv, m = rows of the projection.
  stateShape: (dims, _params, inputs) => [(inputs?.projection?.length ?? 0) / dims.dk, dims.dv],
};
