// What a variant offers, as data: its forms, causal support, parameters with
// their contract defaults and its extra inputs. Validation (../validate.ts),
// the UI (selectors, sliders) and the GPU engine all read these descriptors, so
// a variant's rules are written down once.
import type { ExtraInputs, Form, ParamValue, VariantId } from '../../types';

/** Sizes a default or an input shape may depend on. */
export interface ProblemDims {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads: number;
}

interface ParamSpecBase {
  /** One line for tooltips and error messages. */
  readonly description: string;
  /** Forms the parameter applies to; absent = all forms of the variant. */
  readonly forms?: readonly Form[];
}

export interface NumberParamSpec extends ParamSpecBase {
  readonly kind: 'number';
  /** The contract default; a function where it depends on the sizes (scale = 1/√dk). */
  readonly default: number | ((dims: ProblemDims) => number);
  /** Inclusive lower bound, unless `minExclusive`. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  readonly max?: number;
  /** Integer-valued (window, chunk size). */
  readonly integer?: boolean;
}

export interface BooleanParamSpec extends ParamSpecBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

export interface EnumParamSpec extends ParamSpecBase {
  readonly kind: 'enum';
  readonly options: readonly string[];
  readonly default: string;
}

export type ParamSpec = NumberParamSpec | BooleanParamSpec | EnumParamSpec;

/** An input beyond q, k, v (gates, projections): a rows×cols row-major array per head. */
export interface ExtraInputSpec {
  readonly name: string;
  readonly description: string;
  readonly shape: (dims: ProblemDims) => readonly [rows: number, cols: number];
  /** Shared by all heads (a projection) instead of one array per head (a gate). */
  readonly sharedAcrossHeads?: boolean;
  /**
   * The axis whose size the input itself sets (any size ≥ 1): Performer's m×dk
   * projection has as many rows as random features, Hedgehog's dk×r as many
   * columns as learned features. `shape`'s value for that axis is ignored.
   */
  readonly free?: 'rows' | 'cols';
}

/**
 * `both`: params.causal may be true or false; the others reject the other
 * setting with a clear error (the contract's rule for causal-only variants).
 */
export type CausalSupport = 'both' | 'causal-only' | 'noncausal-only';

export interface VariantDescriptor {
  readonly id: VariantId;
  /** Short English name for menus. */
  readonly title: string;
  /** Forms offered, in the order a UI lists them. */
  readonly forms: readonly Form[];
  readonly causal: CausalSupport;
  /** Every parameter the variant accepts, `causal` included. Unknown keys are rejected. */
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly extraInputs: readonly ExtraInputSpec[];
  /**
   * Shape of the final state one head returns (rows×cols, row-major), or null
   * when the variant has none (softmax keeps a KV cache that grows with n).
   */
  readonly stateShape:
    ((dims: ProblemDims, params: ResolvedParams, inputs?: ExtraInputs) => readonly [number, number]) | null;
  /**
   * Checks that involve several parameters, sizes or inputs at once (cosFormer's
   * maxLen ≥ n); throws EngineError. Runs after each parameter and input is checked.
   */
  readonly check?: (dims: ProblemDims, params: ResolvedParams, inputs: ExtraInputs) => void;
}

/** Parameters after validation: every parameter of the descriptor, defaults filled. */
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

// Shared parameter specs, so every variant words and bounds them the same way.

export const causalParam: BooleanParamSpec = {
  kind: 'boolean',
  default: true,
  description: 'token t sees tokens 1..t (itself included); false: every token sees every token',
};

export const scaleParam: NumberParamSpec = {
  kind: 'number',
  default: (dims) => 1 / Math.sqrt(dims.dk),
  description: 'multiplies q·k in the score (default 1/√dk)',
};

export const epsParam: NumberParamSpec = {
  kind: 'number',
  default: 1e-6,
  min: 0,
  minExclusive: true,
  description: 'added to the normaliser φ(q)·z so it never divides by zero',
};

export const chunkSizeParam: NumberParamSpec = {
  kind: 'number',
  default: 64,
  min: 1,
  integer: true,
  forms: ['chunk'],
  description: 'tokens per chunk of the chunk form (n need not be a multiple)',
};

/** Read a validated number parameter (validation guarantees the type). */
export function numberParam(params: ResolvedParams, name: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new TypeError(`parameter ${name} is not a number`);
  return value;
}

export function booleanParam(params: ResolvedParams, name: string): boolean {
  const value = params[name];
  if (typeof value !== 'boolean') throw new TypeError(`parameter ${name} is not a boolean`);
  return value;
}

export function stringParam(params: ResolvedParams, name: string): string {
  const value = params[name];
  if (typeof value !== 'string') throw new TypeError(`parameter ${name} is not a string`);
  return value;
}
