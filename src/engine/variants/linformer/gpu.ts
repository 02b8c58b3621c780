// Linformer on WebGPU, H heads per dispatch (shaders/linformer):
//   EK = E·K, FV = F·V (E, F shared: stride 0), S = scale·Q·EKᵀ (n×kproj),
//   P = softmax rows of S, O = P·FV; weights() = P·F (head 0).
// Every product is linear in n: nothing n×n is allocated by run().
import { EngineError } from '../../types';
import type { Dispatch, GpuContext, GpuSpec, PlanBuffers, PlanIo } from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';
import { F32, matmulDispatch, softmaxRowsDispatch, uploadFloats } from './kernels';

function projections(spec: GpuSpec): { e: ArrayLike<number>; f: ArrayLike<number>; kproj: number } {
  const e = spec.inputs?.E;
  const f = spec.inputs?.F;
  if (!e || !f) throw new EngineError('linformer needs inputs E and F (kproj×n)');
  return { e, f, kproj: e.length / spec.n };
}

/** EK, FV? and the softmaxed scores P of every head. */
function scorePasses(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  buffers: PlanBuffers,
  eBuf: GPUBuffer,
  kproj: number,
): { dispatches: Dispatch[]; p: GPUBuffer } {
  const { n, dk, heads } = spec;
  const ek = buffers.storage(heads * kproj * dk * F32, 'E·K');
  const p = buffers.storage(heads * n * kproj * F32, 'P');
  return {
    p,
    dispatches: [
      matmulDispatch(ctx, buffers, 'E·K', eBuf, io.k, ek, {
        rows: kproj,
        cols: dk,
        inner: n,
        heads,
        strideA: 0,
        strideB: n * dk,
      }),
      matmulDispatch(ctx, buffers, 'scale·Q(EK)ᵀ', io.q, ek, p, {
        rows: n,
        cols: kproj,
        inner: dk,
        heads,
        strideA: n * dk,
        strideB: kproj * dk,
        transB: true,
        scale: spec.scale,
      }),
      softmaxRowsDispatch(ctx, buffers, 'softmax over projected keys', p, heads * n, kproj),
    ],
  };
}

export function linformerGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  if (spec.form !== 'parallel')
    throw new EngineError(`linformer has only the parallel form (got ${spec.form})`);
  const { e, f, kproj } = projections(spec);
  const { n, dv, heads } = spec;
  const eBuf = uploadFloats(ctx, buffers, e, 'E');
  const fBuf = uploadFloats(ctx, buffers, f, 'F');
  const fv = buffers.storage(heads * kproj * dv * F32, 'F·V');
  const scores = scorePasses(ctx, spec, io, buffers, eBuf, kproj);
  return {
    dispatches: [
      matmulDispatch(ctx, buffers, 'F·V', fBuf, io.v, fv, {
        rows: kproj,
        cols: dv,
        inner: n,
        heads,
        strideA: 0,
        strideB: n * dv,
      }),
      ...scores.dispatches,
      matmulDispatch(ctx, buffers, 'P·(FV)', scores.p, fv, io.o, {
        rows: n,
        cols: dv,
        inner: kproj,
        heads,
        strideA: n * kproj,
        strideB: kproj * dv,
      }),
    ],
  };
}

/** weights(): P·F of head 0 into `matrix` (spec.heads = 1). */
export function linformerGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
): Dispatch[] {
  const { e, f, kproj } = projections(spec);
  const eBuf = uploadFloats(ctx, buffers, e, 'E');
  const fBuf = uploadFloats(ctx, buffers, f, 'F');
  const scores = scorePasses(ctx, { ...spec, heads: 1 }, io, buffers, eBuf, kproj);
  return [
    ...scores.dispatches,
    matmulDispatch(ctx, buffers, 'P·F', scores.p, fBuf, matrix, {
      rows: spec.n,
      cols: spec.n,
      inner: kproj,
      heads: 1,
      strideA: 0,
      strideB: 0,
    }),
  ];
}

export const gpu: GpuForms = { plan: linformerGpuPlan, weights: linformerGpuWeights };
