import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';
import { GATED_FORMS, stateShape } from '../common/gated/descriptor';

/** RetNet retention (§12): o = (scale·QKᵀ ⊙ D)V with D_ij = γ^{i−j}, j ≤ i; no normalisation. */
export const retnetDescriptor: VariantDescriptor = {
  id: 'retnet',
  title: 'RetNet (fixed decay γ)',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    gamma: {
      kind: 'number',
      default: 0.96875,
      min: 0,
      minExclusive: true,
      max: 1,
      description: 'decay per step γ (0 < γ ≤ 1); the state is multiplied by γ before each write',
    },
    scale: scaleParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  stateShape,
};
