// What the gated kernels read of one variant's request: its params and inputs,
// per head and in f32, as its rule (../rule.ts) says.
import { EngineError } from '../../../../types';
import type { GpuSpec } from '../../../../gpu/plan';
import type { ProblemDims, ResolvedParams, VariantDescriptor } from '../../descriptor';
import { gateChannels, type GatedRule } from '../rule';

/** A variant's inputs for the kernels, per head, in f32. */
export interface GatedSetup {
  /** 1 (scalar gate) or dk (per channel). */
  readonly channels: number;
  readonly bonus: boolean;
  readonly delta: boolean;
  readonly normalizeK: boolean;
  readonly scale: number;
  /** heads×n×channels log gates. */
  readonly g: Float32Array;
  /** heads×n (delta rule) or empty. */
  readonly beta: Float32Array;
  /** heads×dk (RWKV-6) or empty. */
  readonly u: Float32Array;
}

function numberOf(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

function f32(values: ArrayLike<number> | undefined, count: number, what: string): Float32Array {
  if (!values || values.length < count) throw new EngineError(`missing input ${what}`);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = values[i];
  return out;
}

/**
 * Reads the validated params and inputs as the variant's rule says (only the
 * first spec.heads heads: weights() passes 1).
 */
export function gatedSetup(rule: GatedRule, descriptor: VariantDescriptor, spec: GpuSpec): GatedSetup {
  const params: ResolvedParams = spec.params ?? {};
  const inputs = spec.inputs ?? {};
  const { n, dk, heads } = spec;
  const empty = new Float32Array(0);
  const channels = gateChannels(rule, dk);
  const g =
    rule.decay === 'gamma'
      ? new Float32Array(heads * n).fill(
          Math.log(numberOf(params, 'gamma', defaultOf(descriptor, 'gamma', spec))),
        )
      : rule.decay === 'none'
        ? new Float32Array(heads * n)
        : f32(inputs.g, heads * n * channels, 'g');
  return {
    channels,
    bonus: rule.bonus,
    delta: rule.delta,
    normalizeK: rule.delta && params.normalizeK !== false,
    scale: numberOf(params, 'scale', defaultOf(descriptor, 'scale', spec)),
    g,
    beta: rule.delta ? f32(inputs.beta, heads * n, 'beta') : empty,
    u: rule.bonus ? f32(inputs.u, heads * dk, 'u') : empty,
  };
}

/** A number parameter's contract default at these sizes. */
function defaultOf(descriptor: VariantDescriptor, name: string, dims: ProblemDims): number {
  const spec = descriptor.params[name];
  if (spec?.kind !== 'number') throw new EngineError(`${descriptor.id} has no number parameter ${name}`);
  return typeof spec.default === 'function' ? spec.default(dims) : spec.default;
}
