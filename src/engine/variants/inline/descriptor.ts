import { causalParam, chunkSizeParam, scaleParam, type VariantDescriptor } from '../common/descriptor';
import { FEATURE_MAPS } from '../linear/descriptor';

/**
 * InLine, injective linear attention (attention-math.md §10, causal form
 * derived there): with N_i visible keys and k̄_i their mean feature,
 * weight(i, j) = (scale/N_i)·(φ(q_i)·φ(k_j) − φ(q_i)·k̄_i) + 1/N_i. Rows sum to 1
 * by construction (weights may be negative), so there is no denominator and no eps.
 */
export const inlineDescriptor: VariantDescriptor = {
  id: 'inline',
  title: 'InLine (injective linear attention)',
  forms: ['parallel', 'recurrent', 'chunk'],
  causal: 'both',
  params: {
    causal: causalParam,
    featureMap: {
      kind: 'enum',
      options: FEATURE_MAPS,
      default: 'identity',
      description: "φ applied to q and k: x (the paper's choice), elu(x)+1 or max(x, 0)",
    },
    scale: scaleParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  stateShape: (dims) => [dims.dk, dims.dv],
};
