import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';
import {
  GATED_FORMS,
  betaInput,
  checkGatedInputs,
  normalizeKParam,
  scalarGateInput,
  stateShape,
} from '../common/gated/descriptor';

/** Upper bound of β: (0, 2), the stable range (§17). */
export const GATED_DELTANET_BETA_MAX = 2;

/** Gated DeltaNet (§17): S_t = e^{g_t}S_{t−1}, then the delta update of DeltaNet on it. */
export const gatedDeltanetDescriptor: VariantDescriptor = {
  id: 'gated-deltanet',
  title: 'Gated DeltaNet',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    normalizeK: normalizeKParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [scalarGateInput, betaInput(GATED_DELTANET_BETA_MAX)],
  stateShape,
  check: checkGatedInputs(GATED_DELTANET_BETA_MAX),
};
