// The whole of a matrix handle on the host: its host data, or a read-back of
// its GPU buffer (the lab compares the GPU-drawn map with the float64 one;
// n ≤ 1024 here, so at most 4 MiB).
import type { MatrixHandle } from '../../engine';

export async function readMatrix(handle: MatrixHandle): Promise<Float32Array | Float64Array> {
  if (handle.host) return handle.host;
  if (!handle.gpu) throw new Error('the matrix has neither host nor GPU data');
  const { device, buffer, offset } = handle.gpu;
  const bytes = handle.rows * handle.cols * 4;
  const staging = device.createBuffer({
    size: Math.max(16, bytes),
    usage: 0x0001 /* MAP_READ */ | 0x0008 /* COPY_DST */,
  });
  try {
    const encoder = device.createCommandEncoder({ label: 'family map read-back' });
    encoder.copyBufferToBuffer(buffer, offset, staging, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(0x0001 /* GPUMapMode.READ */, 0, bytes);
    const out = new Float32Array(staging.getMappedRange(0, bytes).slice(0));
    staging.unmap();
    return out;
  } finally {
    staging.destroy();
  }
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} against ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
