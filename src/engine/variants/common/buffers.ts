// Buffer plans: the buffers a request of a given size allocates on each backend,
// one plan per variant (its definition's `buffers`). The size rule
// (engine/sizeRule.ts) evaluates a plan at the request's n and, to name the
// largest n that fits, at smaller ones; every backend's check reads the plan, so
// none keeps a size model of its own. This module holds the plan type and the
// shapes several variants share: q, k, v, o, the n×n matrix of a parallel form,
// and the CPU forms' float64 arrays.
import type { Backend, Form, Params } from '../../types';
import { BYTES_F32, BYTES_F64, type BufferSize } from './cost';

/** The sizes and settings a plan reads: a request, at whatever n the rule asks about. */
export interface PlanRequest {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads: number;
  readonly form: Form;
  /**
   * The request's parameters; plans fall back to the contract defaults for any
   * left out (the cost views pass what the caller gave).
   */
  readonly params: Params;
  /**
   * The cost models' dims.features where an input sets it (Performer's m,
   * Hedgehog's 2r, Linformer's kproj), fixed while n varies.
   */
  readonly features?: number;
  /** weights(): head 0's n×n matrix (heads = 1, form parallel) rather than run(). */
  readonly weights?: boolean;
}

/** Every buffer a request allocates on `backend` (bytes each), in the order a refusal names them. */
export type BufferPlan = (req: PlanRequest, backend: Backend) => readonly BufferSize[];

/** What a variant allocates besides q, k, v, o (each backend adds those itself). */
export interface PlanParts {
  /** The WebGPU engine's f32 storage buffers, all heads in one dispatch. */
  readonly webgpu: (req: PlanRequest) => readonly BufferSize[];
  /**
   * The CPU forms' float64 arrays beyond the n×n matrix of a parallel form
   * (heads run one after another, so one head's worth); absent: none.
   */
  readonly cpu?: (req: PlanRequest) => readonly BufferSize[];
}

/** A plan from what a variant adds to the inputs and output each backend holds. */
export function bufferPlan(parts: PlanParts): BufferPlan {
  return (req, backend) =>
    backend === 'cpu'
      ? [...ioBuffers(req, BYTES_F64), ...cpuMatrix(req), ...(parts.cpu?.(req) ?? [])]
      : [...ioBuffers(req, BYTES_F32), ...parts.webgpu(req)];
}

/** q, k, v and the output o of every head. */
export function ioBuffers(req: PlanRequest, bytesPerElement: number): BufferSize[] {
  const { n, dk, dv, heads } = req;
  return [
    { label: 'q', bytes: heads * n * dk * bytesPerElement },
    { label: 'k', bytes: heads * n * dk * bytesPerElement },
    { label: 'v', bytes: heads * n * dv * bytesPerElement },
    { label: 'the output o', bytes: heads * n * dv * bytesPerElement },
  ];
}

/** The n×n f32 matrix of every head (parallel forms, weights()). */
export function matrixBuffer(req: PlanRequest, label = 'the n×n matrix'): BufferSize {
  return { label, bytes: req.heads * req.n * req.n * BYTES_F32 };
}

/** The CPU forms' one n×n float64 matrix (of the head being computed) of a parallel form or weights(). */
function cpuMatrix(req: PlanRequest): BufferSize[] {
  return req.form === 'parallel' ? [{ label: 'the n×n matrix', bytes: req.n * req.n * BYTES_F64 }] : [];
}

/** f32 buffers of `floats` each, by label: the shape most plans list. */
export function f32Buffers(entries: readonly (readonly [label: string, floats: number])[]): BufferSize[] {
  return entries.map(([label, floats]) => ({ label, bytes: floats * BYTES_F32 }));
}

/** The plan of a variant whose only work buffer is the n×n matrix of its parallel form (softmax, swa). */
export const parallelMatrixPlan: BufferPlan = bufferPlan({
  webgpu: (req) => (req.form === 'parallel' ? [matrixBuffer(req)] : []),
});

/** A number parameter, or the contract default a plan assumes when the caller left it out. */
export function planNumber(params: Params, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}
