import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';
import { GATED_FORMS, checkGatedInputs, stateShape, vectorGateInput } from '../common/gated/descriptor';

/** GLA (§15, T3): per-channel data-dependent decay, o_t = scale·q_t S_t. */
export const glaDescriptor: VariantDescriptor = {
  id: 'gla',
  title: 'GLA (per-channel gates)',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: scaleParam, chunkSize: chunkSizeParam },
  extraInputs: [vectorGateInput],
  stateShape,
  check: checkGatedInputs(),
};
