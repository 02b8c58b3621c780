import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';
import {
  GATED_FORMS,
  betaInput,
  checkGatedInputs,
  normalizeKParam,
  stateShape,
} from '../common/gated/descriptor';

/** Upper bound of β: the contract's (0, 1). */
export const DELTANET_BETA_MAX = 1;

/** DeltaNet (§17): S_t = S_{t−1} + β_t k_tᵀ(v_t − k_t S_{t−1}), o_t = scale·q_t S_t. */
export const deltanetDescriptor: VariantDescriptor = {
  id: 'deltanet',
  title: 'DeltaNet (delta rule)',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    normalizeK: normalizeKParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [betaInput(DELTANET_BETA_MAX)],
  stateShape,
  check: checkGatedInputs(DELTANET_BETA_MAX),
};
