// Nyströmformer on WebGPU, H heads per dispatch:
//   Q̃, K̃ = segment means (shaders/nystrom/segment_mean.wgsl),
//   A1 = softmax(s·QK̃ᵀ), A2 = softmax(s·Q̃K̃ᵀ), A3 = softmax(s·Q̃Kᵀ) (matmul + row softmax),
//   Z = pinv(A2) by the one-sided Jacobi SVD in one workgroup per head
//   (shaders/nystrom/pinv.wgsl, f32, all on the GPU: no read-back mid-run),
//   O = A1·(Z·(A3·V)); weights() = A1·(Z·A3) for head 0.
// Precision: the f32 pseudo-inverse is as good as f32 allows, which depends on
// cond(A2). Measured on SwiftShader against the float64 reference (seeded
// inputs, locality 0.3): m = 16, cond 1.9e1: max|Δo| 1.3e-6; m = 64, cond 3.7e2:
// 9.2e-6; m = 128, cond 4.4e3: 1.1e-4 (all within the contract's 1e-3); m = 256
// at d = 8, cond 1.3e5: Δo of order 1, because σ_min/σ_max falls below the f32
// rank threshold m·2⁻²³ and the f32 pinv drops that direction while the float64
// one inverts it. Such kernels need the CPU backend (the family lab prints
// max |W_gpu − W_f64| on WebGPU so this never hides).
import { EngineError } from '../../types';
import type { Dispatch, GpuContext, GpuSpec, PlanBuffers, PlanIo } from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';
import {
  F32,
  lowRankPipeline,
  matmulDispatch,
  segmentMeanDispatch,
  softmaxRowsDispatch,
} from '../linformer/kernels';
import { bindGroup, checkGrid } from '../../gpu/plan';
import { NYSTROM_MAX_LANDMARKS } from './descriptor';

function landmarksOf(spec: GpuSpec): number {
  const m = spec.params?.landmarks;
  if (typeof m !== 'number') throw new EngineError('nystrom needs params.landmarks');
  if (m > NYSTROM_MAX_LANDMARKS)
    throw new EngineError(`nystrom on WebGPU supports landmarks ≤ ${NYSTROM_MAX_LANDMARKS}`);
  return m;
}

interface Kernels {
  readonly dispatches: Dispatch[];
  readonly a1: GPUBuffer;
  readonly a3: GPUBuffer;
  readonly z: GPUBuffer;
}

function kernelPasses(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  buffers: PlanBuffers,
  m: number,
): Kernels {
  const { n, dk, heads, scale } = spec;
  checkGrid([heads], ctx.limits, 'the pseudo-inverse');
  const ql = buffers.storage(heads * m * dk * F32, 'Q̃');
  const kl = buffers.storage(heads * m * dk * F32, 'K̃');
  const a1 = buffers.storage(heads * n * m * F32, 'A1');
  const a2 = buffers.storage(heads * m * m * F32, 'A2');
  const a3 = buffers.storage(heads * m * n * F32, 'A3');
  const u = buffers.storage(heads * m * m * F32, 'Jacobi U');
  const v = buffers.storage(heads * m * m * F32, 'Jacobi V');
  const z = buffers.storage(heads * m * m * F32, 'pinv(A2)');
  const pinv = lowRankPipeline(ctx, 'pinv', { M: m });
  const dims = { n, m, d: dk, heads };
  return {
    a1,
    a3,
    z,
    dispatches: [
      segmentMeanDispatch(ctx, buffers, 'Q̃', io.q, ql, dims),
      segmentMeanDispatch(ctx, buffers, 'K̃', io.k, kl, dims),
      matmulDispatch(ctx, buffers, 'scale·QK̃ᵀ', io.q, kl, a1, {
        rows: n,
        cols: m,
        inner: dk,
        heads,
        strideA: n * dk,
        strideB: m * dk,
        transB: true,
        scale,
      }),
      matmulDispatch(ctx, buffers, 'scale·Q̃K̃ᵀ', ql, kl, a2, {
        rows: m,
        cols: m,
        inner: dk,
        heads,
        strideA: m * dk,
        strideB: m * dk,
        transB: true,
        scale,
      }),
      matmulDispatch(ctx, buffers, 'scale·Q̃Kᵀ', ql, io.k, a3, {
        rows: m,
        cols: n,
        inner: dk,
        heads,
        strideA: m * dk,
        strideB: n * dk,
        transB: true,
        scale,
      }),
      softmaxRowsDispatch(ctx, buffers, 'softmax A1', a1, heads * n, m),
      softmaxRowsDispatch(ctx, buffers, 'softmax A2', a2, heads * m, m),
      softmaxRowsDispatch(ctx, buffers, 'softmax A3', a3, heads * m, n),
      {
        label: 'pinv(A2) (Jacobi SVD)',
        pipeline: pinv,
        bindGroup: bindGroup(ctx, pinv, [a2, u, v, z]),
        workgroups: [heads, 1, 1],
      },
    ],
  };
}

export function nystromGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  if (spec.form !== 'parallel')
    throw new EngineError(`nystrom has only the parallel form (got ${spec.form})`);
  const m = landmarksOf(spec);
  const { n, dv, heads } = spec;
  const k = kernelPasses(ctx, spec, io, buffers, m);
  const b = buffers.storage(heads * m * dv * F32, 'A3·V');
  const c = buffers.storage(heads * m * dv * F32, 'Z·(A3V)');
  return {
    dispatches: [
      ...k.dispatches,
      matmulDispatch(ctx, buffers, 'A3·V', k.a3, io.v, b, {
        rows: m,
        cols: dv,
        inner: n,
        heads,
        strideA: m * n,
        strideB: n * dv,
      }),
      matmulDispatch(ctx, buffers, 'Z·(A3V)', k.z, b, c, {
        rows: m,
        cols: dv,
        inner: m,
        heads,
        strideA: m * m,
        strideB: m * dv,
      }),
      matmulDispatch(ctx, buffers, 'A1·(Z A3 V)', k.a1, c, io.o, {
        rows: n,
        cols: dv,
        inner: m,
        heads,
        strideA: n * m,
        strideB: m * dv,
      }),
    ],
  };
}

/** weights(): A1·(Z·A3) of head 0 into `matrix` (spec.heads = 1). */
export function nystromGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
): Dispatch[] {
  const m = landmarksOf(spec);
  const one = { ...spec, heads: 1 };
  const { n } = spec;
  const k = kernelPasses(ctx, one, io, buffers, m);
  const za3 = buffers.storage(m * n * F32, 'Z·A3');
  return [
    ...k.dispatches,
    matmulDispatch(ctx, buffers, 'Z·A3', k.z, k.a3, za3, {
      rows: m,
      cols: n,
      inner: m,
      heads: 1,
      strideA: 0,
      strideB: 0,
    }),
    matmulDispatch(ctx, buffers, 'A1·(Z A3)', k.a1, za3, matrix, {
      rows: n,
      cols: n,
      inner: m,
      heads: 1,
      strideA: 0,
      strideB: 0,
    }),
  ];
}

export const gpu: GpuForms = { plan: nystromGpuPlan, weights: nystromGpuWeights };
