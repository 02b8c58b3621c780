// The buffers a gated plan creates: the GParams uniform of
// shaders/gated/common.wgsl and f32 storage, all owned by the plan's PlanBuffers.
import type { GpuContext, GpuSpec, PlanBuffers } from '../../../../gpu/plan';

export const F32 = 4;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */

export interface UniformValues {
  readonly cols?: number;
  readonly numChunks?: number;
  readonly scale?: number;
  readonly oneHot?: boolean;
  readonly strict?: boolean;
}

/** The 32-byte GParams uniform of shaders/gated/common.wgsl. */
export function uniform(
  ctx: GpuContext,
  spec: GpuSpec,
  buffers: PlanBuffers,
  values: UniformValues,
): GPUBuffer {
  const data = new ArrayBuffer(32);
  const u32 = new Uint32Array(data);
  const f = new Float32Array(data);
  u32[0] = spec.n;
  u32[1] = spec.heads;
  u32[2] = values.cols ?? spec.dv;
  u32[3] = values.numChunks ?? 0;
  f[4] = values.scale ?? 1;
  u32[5] = values.oneHot ? 1 : 0;
  u32[6] = values.strict ? 1 : 0;
  const buffer = buffers.adopt(ctx.pool.acquire(32, UNIFORM_USAGE, 'gated params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** A storage buffer of `floats` f32 (at least one); the size rule has checked it before the plan was built. */
export function storage(buffers: PlanBuffers, floats: number, label: string): GPUBuffer {
  return buffers.storage(Math.max(1, floats) * F32, label);
}

export function uploaded(
  ctx: GpuContext,
  buffers: PlanBuffers,
  values: Float32Array,
  label: string,
): GPUBuffer {
  const buffer = storage(buffers, values.length, label);
  if (values.length > 0)
    ctx.device.queue.writeBuffer(buffer, 0, values.buffer, values.byteOffset, values.byteLength);
  return buffer;
}
