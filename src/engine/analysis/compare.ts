// Error of any implemented variant against softmax on the same inputs, through
// the engine's float64 CPU references (engine/cpu.ts).
import { cpuWeights, runCpu } from '../cpu';
import type { AttentionProblem, Form, RunRequest } from '../types';
import { validateProblem } from '../validate';
import { booleanParam, numberParam } from '../variants/common/descriptor';
import type { DenseMatrix } from './dense';
import { maxAbsDifference, weightError, type WeightError } from './error';
import type { KeyMask } from './mask';
import { definition as softmaxVariant } from '../variants/softmax';
import { definition as swaVariant } from '../variants/swa';

/** Softmax's weights and output for head 0: what every approximation is measured against. */
export interface SoftmaxReference {
  readonly mask: KeyMask;
  /** n×n weights of head 0. */
  readonly weights: DenseMatrix;
  /** n×dv output of head 0. */
  readonly output: Float64Array;
}

export interface SoftmaxComparison extends WeightError {
  /** max |O − O_softmax| over head 0's n×dv outputs. */
  readonly maxOutputError: number;
}

/**
 * Softmax on the problem's q, k, v with the same causal setting as `variant`
 * (and the same window for swa); softmax's scale is its default 1/√dk unless
 * given, because other variants' `scale` parameters mean other things.
 */
export function softmaxReference(
  variant: RunRequest['variant'],
  problem: AttentionProblem,
  softmaxScale?: number,
): SoftmaxReference {
  const resolved = validateProblem(variant, problem);
  const causal = booleanParam(resolved.params, 'causal');
  const mask: KeyMask =
    variant === swaVariant.id ? { causal, window: numberParam(resolved.params, 'window') } : { causal };
  const { n, dk, dv, heads, q, k, v } = resolved;
  const base = { n, dk, dv, heads, q, k, v };
  const softmax: RunRequest =
    variant === swaVariant.id
      ? { variant: swaVariant.id, form: 'parallel', problem: { ...base, params: resolved.params } }
      : {
          variant: softmaxVariant.id,
          form: 'parallel',
          problem: {
            ...base,
            params: softmaxScale === undefined ? { causal } : { causal, scale: softmaxScale },
          },
        };
  const weights = cpuWeights(softmax);
  return { mask, weights: denseOf(weights.host, n, n), output: headZero(runCpu(softmax).o, n, dv) };
}

/** Errors of `request`'s variant against a reference made by softmaxReference for the same problem. */
export function compareWith(
  reference: SoftmaxReference,
  request: Omit<RunRequest, 'form'>,
): SoftmaxComparison {
  const { n, dv } = request.problem;
  const weights = cpuWeights(request);
  const form: Form = validateProblem(request.variant, request.problem).descriptor.forms.includes('parallel')
    ? 'parallel'
    : 'recurrent';
  const output = headZero(runCpu({ ...request, form }).o, n, dv);
  return {
    ...weightError(denseOf(weights.host, n, n), reference.weights, reference.mask),
    maxOutputError: maxAbsDifference(output, reference.output),
  };
}

/**
 * Relative Frobenius error of the weights, mean and max row KL(softmax ‖ variant)
 * (see weightError for the zero guard) and max output error, for head 0.
 */
export function compareWithSoftmax(
  request: Omit<RunRequest, 'form'>,
  softmaxScale?: number,
): SoftmaxComparison {
  return compareWith(softmaxReference(request.variant, request.problem, softmaxScale), request);
}

function headZero(o: Float64Array | Float32Array, n: number, dv: number): Float64Array {
  return Float64Array.from(o.subarray(0, n * dv));
}

function denseOf(host: Float64Array | Float32Array | undefined, rows: number, cols: number): DenseMatrix {
  // cpuWeights always returns host data; the check keeps the type honest.
  if (!host) throw new Error('CPU weights without host data');
  return { rows, cols, data: host };
}
