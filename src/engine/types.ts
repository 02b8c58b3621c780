// Public types of the engine. They mirror ../shared/spec/engine-contract.md,
// which is public API: lessons, views, tests and headless tools use only these.

import { VARIANT_IDS } from './variants/registry/ids';

/** Every variant id of the contract (variants/registry/ids.ts; later issues add their implementations). */
export { VARIANT_IDS };
export type VariantId = (typeof VARIANT_IDS)[number];

export const FORMS = ['parallel', 'recurrent', 'chunk', 'flash'] as const;
export type Form = (typeof FORMS)[number];

export type Backend = 'cpu' | 'webgpu';

/** Parameter values as they appear in the contract's JSON `params` object. */
export type ParamValue = number | boolean | string;
export type Params = Readonly<Record<string, ParamValue>>;

/** Extra per-variant inputs (`g`, `beta`, `u`, `projection`, `E`, `F`), flat row-major. */
export type ExtraInputs = Readonly<Record<string, ArrayLike<number>>>;

/**
 * One attention problem. `q`,`k`: heads×n×dk, `v`: heads×n×dv, row-major with
 * the head as the outermost index (heads defaults to 1, as in the CLI).
 */
export interface AttentionProblem {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads?: number;
  readonly q: ArrayLike<number>;
  readonly k: ArrayLike<number>;
  readonly v: ArrayLike<number>;
  readonly params?: Params;
  readonly inputs?: ExtraInputs;
}

export interface RunRequest {
  readonly variant: VariantId;
  readonly form: Form;
  readonly problem: AttentionProblem;
}

export interface RunResult {
  readonly variant: VariantId;
  readonly form: Form;
  readonly backend: Backend;
  readonly n: number;
  readonly dv: number;
  /** heads×n×dv output, row-major. Float64 on the CPU backend, float32 on WebGPU. */
  readonly o: Float64Array | Float32Array;
  /** Final recurrent state where the variant has one (per head, row-major), see the contract. */
  readonly state?: Float64Array | Float32Array;
  /** Wall-clock milliseconds of the run (on WebGPU: submit to onSubmittedWorkDone). */
  readonly ms: number;
}

/**
 * A matrix a view can draw: either host data, or a GPU buffer the view reads
 * in place (heatmaps of large n are drawn from the buffer by a render pass).
 */
export interface MatrixHandle {
  readonly rows: number;
  readonly cols: number;
  /** Largest absolute value, so a colour scale needs no full read-back. */
  readonly maxAbs: number;
  readonly minValue: number;
  readonly maxValue: number;
  readonly host?: Float64Array | Float32Array;
  readonly gpu?: { readonly device: GPUDevice; readonly buffer: GPUBuffer; readonly offset: number };
  /** Read one element (used by hover on GPU-resident matrices: 4 bytes, not the matrix). */
  at(i: number, j: number): Promise<number>;
}

/** Any failure the engine reports to a user: bad input, too big, unsupported form. */
export class EngineError extends Error {
  /** For "too big": the largest n that fits the device, so callers can clamp. */
  readonly maxN?: number;
  constructor(message: string, options?: { maxN?: number }) {
    super(message);
    this.name = 'EngineError';
    this.maxN = options?.maxN;
  }
}

/** What both backends offer; the CPU backend also runs inside a Worker behind this interface. */
export interface AttentionEngine {
  readonly backend: Backend;
  run(request: RunRequest): Promise<RunResult>;
  /**
   * The n×n weight matrix the variant applies to V for head 0 (softmax
   * probabilities, normalised φ(Q)φ(K)ᵀ with the causal mask, decay included).
   */
  weights(request: Omit<RunRequest, 'form'>): Promise<MatrixHandle>;
}
