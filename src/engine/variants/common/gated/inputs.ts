// Example inputs of a gated variant (what the benchmark runs), from the lessons'
// seeded generators and the variant's rule: data-dependent log gates g (one per
// token, or dk per token), writing strengths β for the delta rule and RWKV-6's
// bonus u (dk per head). RetNet's decay is the parameter γ, DeltaNet has none.
import { bonusVector, dataDependentGates, writeStrengths } from '../../../inputs/gates';
import type { ExtraInputs } from '../../../types';
import type { ExampleSizes } from '../../definition';
import { gateChannels, type GatedRule } from './rule';

export function gatedExampleInputs(rule: GatedRule): (sizes: ExampleSizes) => ExtraInputs {
  return ({ seed, n, heads, dk }) => {
    const inputs: Record<string, ArrayLike<number>> = {};
    if (rule.decay === 'token' || rule.decay === 'channel') {
      inputs.g = dataDependentGates({ seed: seed * 3 + 4, n, heads, channels: gateChannels(rule, dk) });
    }
    if (rule.bonus) inputs.u = bonusVector({ seed: seed * 3 + 6, dk, heads });
    if (rule.delta) inputs.beta = writeStrengths({ seed: seed * 3 + 5, n, heads });
    return inputs;
  };
}
