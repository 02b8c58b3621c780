// Shared by the GPU tests: one device per test file, or a clear skip when Node
// has no WebGPU adapter at all (CI installs chromium, whose SwiftShader driver
// scripts/with-swiftshader.sh selects, so the tests normally run).
import type { AcquiredDevice } from './device';
import { createGpuEngine, type GpuEngine } from './engine';
import { acquireNodeDevice, hasNodeAdapter } from './node';

export const GPU_AVAILABLE: boolean = await hasNodeAdapter();
if (!GPU_AVAILABLE) {
  console.warn(
    'GPU tests skipped: no WebGPU adapter in Node. Run them with `bash scripts/with-swiftshader.sh npx vitest run ...` ' +
      'on a machine with Debian chromium (SwiftShader) or a GPU.',
  );
}

let acquired: Promise<AcquiredDevice> | undefined;

export function testDevice(): Promise<AcquiredDevice> {
  acquired ??= acquireNodeDevice();
  return acquired;
}

let engine: Promise<GpuEngine> | undefined;

/** One engine per test file, so its pipeline cache saves SwiftShader recompiling shared shapes. */
export function testEngine(): Promise<GpuEngine> {
  engine ??= testDevice().then(({ device }) => createGpuEngine(device));
  return engine;
}

/** Copies a whole storage buffer back to the host (tests only: views never do this). */
export async function readBuffer(device: GPUDevice, buffer: GPUBuffer, bytes: number): Promise<Float32Array> {
  const staging = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(staging.getMappedRange().slice(0));
  staging.destroy();
  return out;
}
