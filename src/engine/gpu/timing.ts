// GPU timing: timestamp queries around one compute pass when the device offers
// them (pure GPU time), else wall clock around submit → onSubmittedWorkDone
// (includes submission overhead: an upper bound). Each sample is one submit.
import type { TimingMethod } from '../bench/types';

export interface PassTimer {
  readonly method: TimingMethod;
  /** Runs `encode` in one compute pass, submits it alone and returns its duration in ms. */
  time(encode: (pass: GPUComputePassEncoder) => void): Promise<number>;
  destroy(): void;
}

export function createPassTimer(
  device: GPUDevice,
  useTimestamps = device.features.has('timestamp-query'),
): PassTimer {
  if (!useTimestamps) {
    return {
      method: 'submitted-work-done',
      async time(encode) {
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        encode(pass);
        pass.end();
        const commands = encoder.finish();
        const started = performance.now();
        device.queue.submit([commands]);
        await device.queue.onSubmittedWorkDone();
        return performance.now() - started;
      },
      destroy() {},
    };
  }
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
  const resolve = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
  });
  const staging = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  return {
    method: 'timestamp-query',
    async time(encode) {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass({
        timestampWrites: { querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 },
      });
      encode(pass);
      pass.end();
      encoder.resolveQuerySet(querySet, 0, 2, resolve, 0);
      encoder.copyBufferToBuffer(resolve, 0, staging, 0, 16);
      device.queue.submit([encoder.finish()]);
      // 16 bytes of timestamps, not the output: the kernels' results stay on the GPU.
      await staging.mapAsync(GPUMapMode.READ);
      const [begin, end] = new BigUint64Array(staging.getMappedRange().slice(0));
      staging.unmap();
      return Number(end - begin) / 1e6;
    },
    destroy() {
      querySet.destroy();
      resolve.destroy();
      staging.destroy();
    },
  };
}

export interface SampleStats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p95: number;
}

export function sampleStats(samples: readonly number[]): SampleStats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1], p95 };
}
