import { causalParam, chunkSizeParam, type VariantDescriptor } from '../common/descriptor';
import {
  GATED_FORMS,
  checkGatedInputs,
  scalarGateInput,
  stateShape,
  unitScaleParam,
} from '../common/gated/descriptor';

/** Mamba-2 SSD as scalar data-dependent decay (§14, T2; fla simple_gla semantics). */
export const mamba2Descriptor: VariantDescriptor = {
  id: 'mamba2',
  title: 'Mamba-2 (scalar data-dependent decay)',
  forms: GATED_FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: unitScaleParam, chunkSize: chunkSizeParam },
  extraInputs: [scalarGateInput],
  stateShape,
  check: checkGatedInputs(),
};
