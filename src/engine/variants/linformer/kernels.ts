// GPU helpers shared by the low-rank variants (linformer, nystrom): a batched
// matrix product and an in-place row softmax (shaders/linformer), their
// pipelines cached per device, and the size check that runs before any buffer
// is allocated. Reductions over n (E·K, F·V, A3·V, the rows of A3, the landmark
// means) use workgroup-reduction kernels on GPUs and the barrier-free
// one-invocation-per-output kernels on CPU adapters (ctx.simpleKernels).
import matmul from '../../../shaders/linformer/matmul.wgsl?raw';
import matmulLong from '../../../shaders/linformer/matmul_long.wgsl?raw';
import softmaxRows from '../../../shaders/linformer/softmax_rows.wgsl?raw';
import softmaxRowsLong from '../../../shaders/linformer/softmax_rows_long.wgsl?raw';
import segmentMean from '../../../shaders/nystrom/segment_mean.wgsl?raw';
import segmentMeanLong from '../../../shaders/nystrom/segment_mean_long.wgsl?raw';
import pinv from '../../../shaders/nystrom/pinv.wgsl?raw';
import lowRankParams from '../../../shaders/linformer/params.wgsl?raw';
import { bindGroup, grid2d, type Dispatch, type GpuContext, type PlanBuffers } from '../../gpu/plan';
import { autoPipeline, u32Constants } from '../../gpu/pipelines';

const F32 = 4;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */
const SOURCES = {
  matmul,
  matmulLong,
  softmaxRows,
  softmaxRowsLong,
  segmentMean,
  segmentMeanLong,
  pinv,
} as const;
export type LowRankKernel = keyof typeof SOURCES;

/**
 * From this many summed terms on, a GPU reduces with a workgroup per output block
 * (the *_long kernels: 32 lanes share one sum, 8 outputs per workgroup). Below it
 * one invocation per output has enough parallelism and no barriers.
 */
export const LONG_REDUCTION = 256;
/** Outputs per workgroup of matmul_long.wgsl and segment_mean_long.wgsl (their REDUCE_COLS). */
const LONG_COLS = 8;

function reducesOverWorkgroup(ctx: GpuContext, terms: number): boolean {
  return !ctx.simpleKernels && terms >= LONG_REDUCTION;
}

export function lowRankPipeline(
  ctx: GpuContext,
  name: LowRankKernel,
  constants: Readonly<Record<string, number>> = {},
): GPUComputePipeline {
  // Every kernel but pinv (no uniform) takes params.wgsl, whose lane sum needs the reduction shape.
  const usesParams = name !== 'pinv';
  const shape: Record<string, number> = usesParams
    ? { REDUCE_COLS: LONG_COLS, REDUCE_LANES: 256 / LONG_COLS }
    : {};
  const header = usesParams ? `${lowRankParams}\n` : '';
  const code = `// low-rank kernel ${name}\n${u32Constants({ ...constants, ...shape })}\n${header}${SOURCES[name]}`;
  return autoPipeline(ctx.device, `low-rank ${name}`, code);
}

function uniform(
  ctx: GpuContext,
  buffers: PlanBuffers,
  words: readonly number[],
  floats: Record<number, number> = {},
) {
  const bytes = Math.max(16, Math.ceil((words.length * 4) / 16) * 16);
  const data = new ArrayBuffer(bytes);
  const u32 = new Uint32Array(data);
  const f32 = new Float32Array(data);
  words.forEach((w, i) => (u32[i] = w));
  for (const [i, x] of Object.entries(floats)) f32[Number(i)] = x;
  const buffer = buffers.adopt(ctx.pool.acquire(bytes, UNIFORM_USAGE, 'low-rank params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

export interface MatmulShape {
  readonly rows: number;
  readonly cols: number;
  readonly inner: number;
  readonly heads: number;
  /** Floats between heads (0: shared by all heads). */
  readonly strideA: number;
  readonly strideB: number;
  readonly transA?: boolean;
  readonly transB?: boolean;
  readonly scale?: number;
}

/** C[h] (rows×cols, contiguous per head) = scale·op(A[h])·op(B[h]). */
export function matmulDispatch(
  ctx: GpuContext,
  buffers: PlanBuffers,
  label: string,
  a: GPUBuffer,
  b: GPUBuffer,
  c: GPUBuffer,
  s: MatmulShape,
): Dispatch {
  const params = uniform(
    ctx,
    buffers,
    [
      s.rows,
      s.cols,
      s.inner,
      s.heads,
      s.strideA,
      s.strideB,
      s.rows * s.cols,
      (s.transA ? 1 : 0) | (s.transB ? 2 : 0),
      0,
      0,
      0,
      0,
    ],
    { 8: s.scale ?? 1 },
  );
  const long = reducesOverWorkgroup(ctx, s.inner);
  const pipeline = lowRankPipeline(ctx, long ? 'matmulLong' : 'matmul');
  const groups = long
    ? s.heads * s.rows * Math.ceil(s.cols / LONG_COLS)
    : Math.ceil((s.heads * s.rows * s.cols) / 64);
  return {
    label,
    pipeline,
    bindGroup: bindGroup(ctx, pipeline, [params, a, b, c]),
    workgroups: grid2d(groups, ctx.limits),
  };
}

/** Softmax of `totalRows` contiguous rows of `cols` entries, in place. */
export function softmaxRowsDispatch(
  ctx: GpuContext,
  buffers: PlanBuffers,
  label: string,
  x: GPUBuffer,
  totalRows: number,
  cols: number,
): Dispatch {
  const params = uniform(ctx, buffers, [totalRows, cols, 0, 0]);
  const long = reducesOverWorkgroup(ctx, cols);
  const pipeline = lowRankPipeline(ctx, long ? 'softmaxRowsLong' : 'softmaxRows');
  return {
    label,
    pipeline,
    bindGroup: bindGroup(ctx, pipeline, [params, x]),
    workgroups: grid2d(long ? totalRows : Math.ceil(totalRows / 64), ctx.limits),
  };
}

export function segmentMeanDispatch(
  ctx: GpuContext,
  buffers: PlanBuffers,
  label: string,
  x: GPUBuffer,
  out: GPUBuffer,
  dims: { n: number; m: number; d: number; heads: number },
): Dispatch {
  const params = uniform(ctx, buffers, [dims.n, dims.m, dims.d, dims.heads]);
  const long = reducesOverWorkgroup(ctx, dims.n / dims.m);
  const pipeline = lowRankPipeline(ctx, long ? 'segmentMeanLong' : 'segmentMean');
  const groups = long
    ? dims.heads * dims.m * Math.ceil(dims.d / LONG_COLS)
    : Math.ceil((dims.heads * dims.m * dims.d) / 64);
  return {
    label,
    pipeline,
    bindGroup: bindGroup(ctx, pipeline, [params, x, out]),
    workgroups: grid2d(groups, ctx.limits),
  };
}

/** Uploads host floats (a shared projection) into a new plan buffer. */
export function uploadFloats(
  ctx: GpuContext,
  buffers: PlanBuffers,
  values: ArrayLike<number>,
  label: string,
): GPUBuffer {
  const data = Float32Array.from(values);
  const buffer = buffers.storage(data.byteLength, label);
  ctx.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return buffer;
}

export { F32 };
