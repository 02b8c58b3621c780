// Seeded problems for the gated variants' tests: q, k, v from generateProblem and
// the extra inputs each variant needs from the lesson gate generators.
import { generateProblem } from '../../../inputs/generate';
import { bonusVector, dataDependentGates, writeStrengths } from '../../../inputs/gates';
import type { AttentionProblem, ExtraInputs, Params, VariantId } from '../../../types';

export interface GatedTestSizes {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads: number;
  readonly seed: number;
  readonly params?: Params;
}

export function gatedTestProblem(variant: VariantId, sizes: GatedTestSizes): AttentionProblem {
  const { n, dk, dv, heads, seed } = sizes;
  const qkv = generateProblem({ seed, n, dk, dv, heads, temperature: 1, locality: 0.2, clustering: 0.2 });
  const scalar = () => dataDependentGates({ seed: seed + 1, n, heads, channels: 1 });
  const vector = () => dataDependentGates({ seed: seed + 1, n, heads, channels: dk });
  let inputs: ExtraInputs = {};
  switch (variant) {
    case 'mamba2':
      inputs = { g: scalar() };
      break;
    case 'gla':
      inputs = { g: vector() };
      break;
    case 'rwkv6':
      inputs = { g: vector(), u: bonusVector({ seed: seed + 2, dk, heads }) };
      break;
    case 'deltanet':
      inputs = { beta: writeStrengths({ seed: seed + 3, n, heads }) };
      break;
    case 'gated-deltanet':
      inputs = { g: scalar(), beta: writeStrengths({ seed: seed + 3, n, heads }) };
      break;
    default:
      break;
  }
  return { ...qkv, params: sizes.params ?? {}, inputs };
}
