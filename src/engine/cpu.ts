// The CPU backend: the float64 references behind the AttentionEngine interface.
// It is the oracle every GPU form is tested against, the fallback when WebGPU is
// missing (run inside a Worker by the app), and the `--backend cpu` of the CLI.
import {
  EngineError,
  type AttentionEngine,
  type AttentionProblem,
  type MatrixHandle,
  type RunRequest,
  type RunResult,
  type VariantId,
} from './types';
import { hostMatrix } from './handles';
import { validateProblem, validateRequest, type NormalizedProblem } from './validate';
import { checkFits, sizedRequest, type SizeLimit } from './sizeRule';
import type { ProblemDims } from './variants/common/descriptor';
import type { HeadData, StateTrace } from './variants/common/head';
import { linearOptionsFromParams, linearStateTrace, type LinearStateTrace } from './variants/linear/cpu';
import { cpuForms, loadCpuForms } from './variants/cpuForms';
import { findDefinition, isInFamily } from './variants/registry';
import { definition as linear } from './variants/linear';

export interface CpuEngineOptions {
  /**
   * Largest single array (bytes) a run may allocate; larger requests are
   * rejected with maxN instead of freezing a tab or exhausting memory.
   * Default 1 GiB (n ≈ 11 500 for the n×n float64 matrix).
   */
  readonly maxBufferBytes?: number;
}

export const DEFAULT_CPU_MAX_BUFFER_BYTES = 2 ** 30;

export function createCpuEngine(options: CpuEngineOptions = {}): AttentionEngine {
  const maxBufferBytes = options.maxBufferBytes ?? DEFAULT_CPU_MAX_BUFFER_BYTES;
  return {
    backend: 'cpu',
    run: async (request) => {
      await loadFormsOf(request.variant);
      return runCpu(request, maxBufferBytes);
    },
    weights: async (request) => {
      await loadFormsOf(request.variant);
      return cpuWeights(request, maxBufferBytes);
    },
  };
}

/** Loads a registered variant's CPU forms; an unknown id is left to validation's message. */
async function loadFormsOf(variant: unknown): Promise<void> {
  if (typeof variant === 'string' && findDefinition(variant)) await loadCpuForms([variant]);
}

/** Synchronous CPU run (what the engine's run() does; Workers and tests call it directly). */
export function runCpu(request: RunRequest, maxBufferBytes = DEFAULT_CPU_MAX_BUFFER_BYTES): RunResult {
  const req = validateRequest(request);
  const form = req.form;
  checkFits(sizedRequest(req, form, 'cpu'), cpuLimit(maxBufferBytes));
  const impl = cpuForms(req.variant);
  const started = performance.now();
  const { n, dv, heads } = req;
  const o = new Float64Array(heads * n * dv);
  let state: Float64Array | undefined;
  const data = toFloat64(req);
  for (let h = 0; h < heads; h++) {
    const result = impl.run(headOf(data, req, h), form, req.params);
    o.set(result.o, h * n * dv);
    if (result.state) {
      state ??= new Float64Array(heads * result.state.length);
      state.set(result.state, h * result.state.length);
    }
  }
  const ms = performance.now() - started;
  assertFinite(o, req);
  const base = { variant: req.variant, form, backend: 'cpu' as const, n, dv, o, ms };
  return state ? { ...base, state } : base;
}

/** The n×n weight matrix of head 0 as a host MatrixHandle. */
export function cpuWeights(
  request: Omit<RunRequest, 'form'>,
  maxBufferBytes = DEFAULT_CPU_MAX_BUFFER_BYTES,
): MatrixHandle {
  const problem = validateProblem(String(request.variant), request.problem);
  // Any form will do for the size check: the weights are n×n whatever the form.
  checkFits(sizedRequest(problem, 'parallel', 'cpu'), cpuLimit(maxBufferBytes));
  const weights = cpuForms(problem.variant).weights(headOf(toFloat64(problem), problem, 0), problem.params);
  assertFinite(weights, problem);
  return hostMatrix(weights, problem.n, problem.n);
}

/**
 * Linear attention's state of head 0 as it fills: ‖S_t‖ for every t and S_t at
 * token `at` (1-based). For lesson 4's state matrix and its norm over t.
 */
export function cpuLinearStateTrace(problem: AttentionProblem, at: number): LinearStateTrace {
  const validated = validateProblem(linear.id, problem);
  if (!Number.isInteger(at) || at < 1 || at > validated.n) {
    throw new EngineError(`the token index must be an integer from 1 to n = ${validated.n} (got ${at})`);
  }
  const head = headOf(toFloat64(validated), validated, 0);
  return linearStateTrace(head, linearOptionsFromParams(validated.params), at);
}

/**
 * A gated or delta-rule variant's state of head 0 as it fills and forgets:
 * ‖S_t‖ for every t and S_t at token `at` (1-based). For the state-under-forgetting view.
 */
export function cpuGatedStateTrace(variant: VariantId, problem: AttentionProblem, at: number): StateTrace {
  const trace = isInFamily(variant, 'gated') ? cpuForms(variant).stateTrace : undefined;
  if (!trace) throw new EngineError(`variant "${variant}" is not a gated or delta-rule variant`);
  const validated = validateProblem(variant, problem);
  if (!Number.isInteger(at) || at < 1 || at > validated.n) {
    throw new EngineError(`the token index must be an integer from 1 to n = ${validated.n} (got ${at})`);
  }
  return trace(headOf(toFloat64(validated), validated, 0), validated.params, at);
}

/** The size rule's limit on the CPU: one array of at most maxBufferBytes, worded as a device limit. */
function cpuLimit(maxBufferBytes: number): SizeLimit {
  return { perBuffer: maxBufferBytes, perBufferOf: 'device' };
}

interface Float64Problem {
  readonly q: Float64Array;
  readonly k: Float64Array;
  readonly v: Float64Array;
  /** Extra inputs in float64, with whether each is shared by all heads. */
  readonly inputs: readonly { name: string; data: Float64Array; shared: boolean }[];
}

/** The float64 copy of q, k, v the references compute on (inputs may be f32 or plain arrays). */
function toFloat64(problem: NormalizedProblem): Float64Problem {
  return {
    q: Float64Array.from(problem.q),
    k: Float64Array.from(problem.k),
    v: Float64Array.from(problem.v),
    inputs: problem.descriptor.extraInputs.map((spec) => ({
      name: spec.name,
      data: Float64Array.from(problem.inputs[spec.name]),
      shared: spec.sharedAcrossHeads === true,
    })),
  };
}

/** Head h as views into the heads×n×d arrays (no copy). */
function headOf(data: Float64Problem, dims: ProblemDims, h: number): HeadData {
  const { n, dk, dv } = dims;
  return {
    n,
    dk,
    dv,
    q: data.q.subarray(h * n * dk, (h + 1) * n * dk),
    k: data.k.subarray(h * n * dk, (h + 1) * n * dk),
    v: data.v.subarray(h * n * dv, (h + 1) * n * dv),
    inputs: Object.fromEntries(
      data.inputs.map(({ name, data: values, shared }) => {
        const perHead = values.length / dims.heads;
        return [name, shared ? values : values.subarray(h * perHead, (h + 1) * perHead)];
      }),
    ),
  };
}

/**
 * The contract promises no NaN/Inf in any output. Finite inputs can still
 * overflow (huge scores in an unnormalised map) or hit a zero denominator
 * (relu with eps tiny); say so instead of returning garbage.
 */
function assertFinite(values: Float64Array, problem: NormalizedProblem): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const hint =
        problem.variant === linear.id
          ? ' (the normaliser φ(q)·z + eps reached 0 or the sums overflowed; try a larger eps or another feature map)'
          : ' (the scores overflowed; reduce the scale or the input magnitude)';
      throw new EngineError(`the ${problem.variant} result is not finite at index ${i}${hint}`);
    }
  }
}
