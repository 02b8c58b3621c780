import { EngineError } from '../../types';
import { causalParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/**
 * Linformer (attention-math.md §20): keys and values are projected along the
 * sequence axis by E, F (kproj×n, shared by all heads), then
 * o = softmax(scale·Q(EK)ᵀ)(FV). E and F mix every position, so there is no
 * causal form and no recurrent state: non-causal, parallel form only.
 */
export const linformerDescriptor: VariantDescriptor = {
  id: 'linformer',
  title: 'Linformer (low-rank projection)',
  forms: ['parallel'],
  causal: 'noncausal-only',
  params: {
    // Non-causal only, so that is also the default: a request need not say it.
    causal: { ...causalParam, default: false },
    scale: scaleParam,
  },
  extraInputs: [
    {
      name: 'E',
      description: 'projection of the keys along the sequence, kproj×n (any kproj ≥ 1), shared by all heads',
      shape: (dims) => [1, dims.n],
      sharedAcrossHeads: true,
      free: 'rows',
    },
    {
      name: 'F',
      description:
        'projection of the values along the sequence, kproj×n (same kproj as E), shared by all heads',
      shape: (dims) => [1, dims.n],
      sharedAcrossHeads: true,
      free: 'rows',
    },
  ],
  stateShape: null,
  check: (dims, _params, inputs) => {
    const e = inputs.E?.length ?? 0;
    const f = inputs.F?.length ?? 0;
    if (e !== f) {
      throw new EngineError(
        `linformer needs E and F of the same shape kproj×n: E has ${e / dims.n} rows, F has ${f / dims.n}`,
      );
    }
  },
};

/** kproj of a validated linformer problem (rows of E). */
export function linformerRank(inputs: { readonly E?: ArrayLike<number> }, n: number): number {
  return (inputs.E?.length ?? 0) / n;
}
