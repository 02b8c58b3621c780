// Min and max of a GPU-resident matrix with a two-pass reduction
// (shaders/util/minmax.wgsl), so a heatmap gets its colour range by reading
// 8 bytes instead of n² floats.
import { bindGroup, STORAGE_USAGE, type GpuContext } from './plan';

const PARTIAL_GROUPS = 256;
const SIMPLE_PARTIALS = 256;

export async function readMinMax(
  ctx: GpuContext,
  values: GPUBuffer,
  count: number,
): Promise<{ min: number; max: number }> {
  const { device, pool } = ctx;
  // CPU adapters: count.y partials of one invocation each, no barriers (minmax_simple.wgsl).
  const simple = ctx.simpleKernels;
  const groups = simple
    ? Math.max(1, Math.min(SIMPLE_PARTIALS, Math.ceil(count / 64)))
    : Math.max(1, Math.min(PARTIAL_GROUPS, Math.ceil(count / 256)));
  const partial = pool.acquire((groups + 1) * 8, STORAGE_USAGE, 'min/max partials');
  const counts = pool.acquire(16, 0x0040 | 0x0008, 'min/max count');
  const staging = pool.acquire(16, 0x0001 | 0x0008, 'min/max read-back');
  try {
    device.queue.writeBuffer(counts, 0, new Uint32Array([count, groups, 0, 0]));
    const kernel = simple ? 'minmaxSimple' : 'minmax';
    const partials = ctx.pipelines.get(kernel, {}, 'partials');
    const finish = ctx.pipelines.get(kernel, {}, 'finish');
    const encoder = device.createCommandEncoder({ label: 'min/max' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(partials);
    pass.setBindGroup(0, bindGroup(ctx, partials, [values, partial, counts]));
    pass.dispatchWorkgroups(simple ? Math.ceil(groups / 64) : groups);
    pass.setPipeline(finish);
    pass.setBindGroup(
      0,
      device.createBindGroup({
        layout: finish.getBindGroupLayout(0),
        entries: [
          { binding: 1, resource: { buffer: partial } },
          { binding: 2, resource: { buffer: counts } },
        ],
      }),
    );
    pass.dispatchWorkgroups(1);
    pass.end();
    encoder.copyBufferToBuffer(partial, groups * 8, staging, 0, 8);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(0x0001, 0, 8);
    const [min, max] = new Float32Array(staging.getMappedRange(0, 8).slice(0));
    staging.unmap();
    return { min, max };
  } finally {
    pool.release(partial);
    pool.release(counts);
    pool.release(staging);
  }
}
