import { causalParam, chunkSizeParam, type VariantDescriptor } from '../common/descriptor';
import {
  GATED_FORMS,
  bonusInput,
  checkGatedInputs,
  stateShape,
  unitScaleParam,
  vectorGateInput,
} from '../common/gated/descriptor';

/** RWKV-6 (§16): reads S_{t−1} plus the bonus diag(u)k_tᵀv_t; per-channel decay. */
export const rwkv6Descriptor: VariantDescriptor = {
  id: 'rwkv6',
  title: 'RWKV-6 (per-channel decay, bonus)',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: unitScaleParam, chunkSize: chunkSizeParam },
  extraInputs: [vectorGateInput, bonusInput],
  stateShape,
  check: checkGatedInputs(),
};
