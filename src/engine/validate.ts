// Input validation for both backends. Everything a user (a lesson, a link, the
// command line) can get wrong is caught here with a message that says what is
// wrong, before any memory is allocated, so no backend ever crashes on bad input.
import type { BufferSize } from './variants/common/cost';
import { checkFits, sizedRequest } from './sizeRule';
import {
  EngineError,
  FORMS,
  type AttentionProblem,
  type ExtraInputs,
  type Form,
  type ParamValue,
  type Params,
  type RunRequest,
  type VariantId,
} from './types';
import type {
  ExtraInputSpec,
  ProblemDims,
  ResolvedParams,
  VariantDescriptor,
} from './variants/common/descriptor';
import { getVariant } from './variants/registry';

/** A problem whose sizes, arrays, params and inputs have been checked; defaults filled. */
export interface NormalizedProblem extends ProblemDims {
  readonly variant: VariantId;
  readonly descriptor: VariantDescriptor;
  readonly q: ArrayLike<number>;
  readonly k: ArrayLike<number>;
  readonly v: ArrayLike<number>;
  /** Every parameter of the descriptor, contract defaults filled in. */
  readonly params: ResolvedParams;
  readonly inputs: ExtraInputs;
}

export interface NormalizedRequest extends NormalizedProblem {
  readonly form: Form;
}

/** Validates a run request and fills the contract defaults; throws EngineError. */
export function validateRequest(req: RunRequest): NormalizedRequest {
  const descriptor = getVariant(String(req.variant));
  const form = checkForm(descriptor, req.form);
  return { ...normalize(descriptor, req.problem), form };
}

/** As validateRequest, for calls that need no form (weights()). */
export function validateProblem(variant: string, problem: AttentionProblem): NormalizedProblem {
  return normalize(getVariant(variant), problem);
}

function checkForm(descriptor: VariantDescriptor, form: unknown): Form {
  const offered = descriptor.forms.join(', ');
  if (typeof form !== 'string' || !(FORMS as readonly string[]).includes(form)) {
    throw new EngineError(`unknown form ${describe(form)} (forms: ${FORMS.join(', ')})`);
  }
  if (!(descriptor.forms as readonly string[]).includes(form)) {
    throw new EngineError(`variant "${descriptor.id}" has no ${form} form (its forms: ${offered})`);
  }
  return form as Form;
}

function normalize(descriptor: VariantDescriptor, problem: AttentionProblem): NormalizedProblem {
  if (typeof problem !== 'object' || problem === null) {
    throw new EngineError('the problem must be an object with n, dk, dv, q, k, v');
  }
  const dims: ProblemDims = {
    n: checkSize('n', problem.n),
    dk: checkSize('dk', problem.dk),
    dv: checkSize('dv', problem.dv),
    heads: problem.heads === undefined ? 1 : checkSize('heads', problem.heads),
  };
  const params = resolveParams(descriptor, problem.params ?? {}, dims);
  const { n, dk, dv, heads } = dims;
  checkArray('q', problem.q, heads * n * dk, `heads·n·dk = ${heads}·${n}·${dk}`);
  checkArray('k', problem.k, heads * n * dk, `heads·n·dk = ${heads}·${n}·${dk}`);
  checkArray('v', problem.v, heads * n * dv, `heads·n·dv = ${heads}·${n}·${dv}`);
  const inputs = checkExtraInputs(descriptor, problem.inputs ?? {}, dims);
  descriptor.check?.(dims, params, inputs);
  return {
    ...dims,
    variant: descriptor.id,
    descriptor,
    q: problem.q,
    k: problem.k,
    v: problem.v,
    params,
    inputs,
  };
}

function checkSize(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new EngineError(`${name} must be an integer ≥ 1 (got ${describe(value)})`);
  }
  // Sizes multiply into array lengths; beyond 2^31 nothing allocates anyway.
  if (value > 2 ** 31) throw new EngineError(`${name} = ${value} is too large`);
  return value;
}

function checkArray(name: string, value: unknown, expected: number, formula: string): void {
  if (!isArrayLikeOfNumbers(value)) {
    throw new EngineError(
      value === undefined ? `missing input ${name}` : `${name} must be an array of numbers`,
    );
  }
  if (value.length !== expected) {
    throw new EngineError(`${name} must hold ${formula} = ${expected} numbers (got ${value.length})`);
  }
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new EngineError(`${name}[${i}] is not a finite number (got ${describe(x)})`);
    }
  }
}

function isArrayLikeOfNumbers(value: unknown): value is ArrayLike<number> {
  if (Array.isArray(value)) return true;
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function resolveParams(descriptor: VariantDescriptor, given: Params, dims: ProblemDims): ResolvedParams {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new EngineError('params must be an object');
  }
  const known = Object.keys(descriptor.params);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new EngineError(
        `unknown parameter "${key}" for variant "${descriptor.id}" (its parameters: ${known.join(', ')})`,
      );
    }
  }
  const resolved: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(descriptor.params)) {
    const value: unknown = given[name];
    const label = `params.${name}`;
    if (spec.kind === 'boolean') {
      if (value === undefined) resolved[name] = spec.default;
      else if (typeof value === 'boolean') resolved[name] = value;
      else throw new EngineError(`${label} must be true or false (got ${describe(value)})`);
    } else if (spec.kind === 'enum') {
      if (value === undefined) resolved[name] = spec.default;
      else if (typeof value === 'string' && spec.options.includes(value)) resolved[name] = value;
      else {
        throw new EngineError(`${label} must be one of ${spec.options.join(', ')} (got ${describe(value)})`);
      }
    } else {
      if (value === undefined) {
        resolved[name] = typeof spec.default === 'function' ? spec.default(dims) : spec.default;
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new EngineError(`${label} must be a finite number (got ${describe(value)})`);
      }
      if (spec.integer && !Number.isInteger(value)) {
        throw new EngineError(`${label} must be an integer (got ${value})`);
      }
      if (spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min)) {
        throw new EngineError(`${label} must be ${spec.minExclusive ? '>' : '≥'} ${spec.min} (got ${value})`);
      }
      if (spec.max !== undefined && value > spec.max) {
        throw new EngineError(`${label} must be ≤ ${spec.max} (got ${value})`);
      }
      resolved[name] = value;
    }
  }
  const causal = resolved.causal;
  if (descriptor.causal === 'causal-only' && causal === false) {
    throw new EngineError(`variant "${descriptor.id}" is causal only: params.causal must be true`);
  }
  if (descriptor.causal === 'noncausal-only' && causal === true) {
    throw new EngineError(`variant "${descriptor.id}" is non-causal only: set params.causal to false`);
  }
  return resolved;
}

function checkExtraInputs(descriptor: VariantDescriptor, given: ExtraInputs, dims: ProblemDims): ExtraInputs {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new EngineError('inputs must be an object');
  }
  const known = descriptor.extraInputs.map((spec) => spec.name);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const expected = known.length > 0 ? `its inputs: ${known.join(', ')}` : 'it takes none beyond q, k, v';
      throw new EngineError(`unknown input "${key}" for variant "${descriptor.id}" (${expected})`);
    }
  }
  const checked: Record<string, ArrayLike<number>> = {};
  for (const spec of descriptor.extraInputs) {
    const [rows, cols] = spec.shape(dims);
    const heads = spec.sharedAcrossHeads ? 1 : dims.heads;
    const value: unknown = given[spec.name];
    if (value === undefined) {
      throw new EngineError(
        `missing input "${spec.name}" for variant "${descriptor.id}" (${spec.description})`,
      );
    }
    if (spec.free) {
      checkFreeShapeArray(spec, value, heads, spec.free === 'rows' ? cols : rows);
    } else {
      const formula = spec.sharedAcrossHeads ? `${rows}·${cols}` : `heads·${rows}·${cols}`;
      checkArray(`inputs.${spec.name}`, value, heads * rows * cols, formula);
    }
    checked[spec.name] = value as ArrayLike<number>;
  }
  return checked;
}

/**
 * An input with one free axis (a projection with any number of features): its
 * length must be a positive multiple of the fixed axis (per head), then every
 * element is checked as usual.
 */
function checkFreeShapeArray(spec: ExtraInputSpec, value: unknown, heads: number, fixed: number): void {
  const name = `inputs.${spec.name}`;
  const shape = spec.free === 'rows' ? `rows×${fixed}` : `${fixed}×cols`;
  if (!isArrayLikeOfNumbers(value)) throw new EngineError(`${name} must be an array of numbers`);
  const perHead = value.length / heads;
  if (value.length === 0 || !Number.isInteger(perHead) || perHead % fixed !== 0) {
    const count = spec.sharedAcrossHeads ? '' : `${heads} head(s) of `;
    throw new EngineError(
      `${name} must hold ${count}a ${shape} matrix (a positive multiple of ${fixed} numbers${
        spec.sharedAcrossHeads ? '' : ' per head'
      }; got ${value.length})`,
    );
  }
  checkArray(name, value, value.length, `its own length`);
}

/** A short, single-line rendering of a bad value for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

// ---------------------------------------------------------------------------
// Size limits (the rule itself is sizeRule.ts)

export { formatBytes, largestFittingN } from './sizeRule';

/** The two WebGPU limits a buffer must respect (copied off GPUSupportedLimits). */
export interface BufferLimits {
  readonly maxStorageBufferBindingSize: number;
  readonly maxBufferSize: number;
}

/** The buffers a backend allocates for a problem of these sizes (bytes each). */
export type BufferSizeModel = (dims: ProblemDims, params: ResolvedParams) => readonly BufferSize[];

/**
 * Throws EngineError (with `maxN`, the largest n that fits) when any buffer the
 * run needs exceeds the device's per-buffer or per-binding limit: the size rule
 * (sizeRule.ts) with the advertised limits and no budget. The buffers are the
 * variant's WebGPU plan unless a `model` is given. Assumes buffer sizes grow with n.
 */
export function checkFitsLimits(req: NormalizedRequest, limits: BufferLimits, model?: BufferSizeModel): void {
  const sized = sizedRequest(req, req.form, 'webgpu');
  checkFits(model ? { ...sized, buffersAt: (n) => model({ ...req, n }, req.params) } : sized, {
    perBuffer: Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize),
    perBufferOf: 'device',
  });
}

// ---------------------------------------------------------------------------
// Command-line JSON

/**
 * Reads the contract's input JSON (already parsed) into an AttentionProblem,
 * checking only its structure; validateRequest checks the rest.
 */
export function problemFromJson(value: unknown): AttentionProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EngineError('the input must be a JSON object with n, dk, dv, q, k, v');
  }
  const record = value as Record<string, unknown>;
  const params = record.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new EngineError('params must be a JSON object');
  }
  const paramValues: Record<string, ParamValue> = {};
  for (const [key, param] of Object.entries(params)) {
    if (typeof param !== 'number' && typeof param !== 'boolean' && typeof param !== 'string') {
      throw new EngineError(`params.${key} must be a number, boolean or string (got ${describe(param)})`);
    }
    paramValues[key] = param;
  }
  const inputs = record.inputs ?? {};
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    throw new EngineError('inputs must be a JSON object');
  }
  const inputArrays: Record<string, ArrayLike<number>> = {};
  for (const [key, input] of Object.entries(inputs)) {
    if (!Array.isArray(input)) throw new EngineError(`inputs.${key} must be an array of numbers`);
    inputArrays[key] = input as ArrayLike<number>;
  }
  // Element types are checked by validateRequest (it reports the first bad index).
  return {
    n: record.n as number,
    dk: record.dk as number,
    dv: record.dv as number,
    heads: record.heads as number | undefined,
    q: record.q as ArrayLike<number>,
    k: record.k as ArrayLike<number>,
    v: record.v as ArrayLike<number>,
    params: paramValues,
    inputs: inputArrays,
  };
}
