// The WebGPU render pass against the CPU raster (pool.ts + colour table):
// same matrix, same raster size, same pixels.
import { describe, expect, it } from 'vitest';
import { acquireNodeDevice, hasNodeAdapter } from '../../engine';
import { getLut, maskColors } from './colorMaps';
import { canPresent, createGpuHeatmapRenderer, readRaster, type GpuDrawOptions } from './gpuRenderer';
import type { PoolMode } from './pool';
import { rasterize } from './raster';
import { summarizeOnGpu } from './gpuSummary';
import { summarizeMatrix } from './summary';

// Dawn in Node (SwiftShader on machines without a GPU, see scripts/with-swiftshader.sh).
const GPU_AVAILABLE = await hasNodeAdapter();
const device = GPU_AVAILABLE ? acquireNodeDevice() : undefined;
const testDevice = () => device ?? acquireNodeDevice();

async function renderOnGpu(
  device: GPUDevice,
  data: Float32Array,
  rows: number,
  cols: number,
  byteOffset: number,
  options: GpuDrawOptions,
): Promise<Uint8Array> {
  const buffer = device.createBuffer({
    size: byteOffset + data.byteLength,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(buffer, byteOffset, data.buffer, data.byteOffset, data.byteLength);
  const texture = device.createTexture({
    size: [options.outCols, options.outRows],
    format: 'rgba8unorm',
    usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC,
  });
  const renderer = createGpuHeatmapRenderer(device, 'rgba8unorm');
  renderer.draw(texture.createView(), { buffer, offset: byteOffset, rows, cols }, options);
  const bytesPerRow = Math.ceil((options.outCols * 4) / 256) * 256;
  const readback = device.createBuffer({
    size: bytesPerRow * options.outRows,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder();
  encoder.copyTextureToBuffer({ texture }, { buffer: readback, bytesPerRow }, [
    options.outCols,
    options.outRows,
  ]);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const padded = new Uint8Array(readback.getMappedRange().slice(0));
  readback.destroy();
  buffer.destroy();
  texture.destroy();
  const out = new Uint8Array(options.outRows * options.outCols * 4);
  for (let y = 0; y < options.outRows; y++) {
    out.set(padded.subarray(y * bytesPerRow, y * bytesPerRow + options.outCols * 4), y * options.outCols * 4);
  }
  return out;
}

function softmaxLikeMatrix(n: number, seed: number): Float32Array {
  const data = new Float32Array(n * n);
  let s = seed;
  for (let i = 0; i < n * n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const r = Math.floor(i / n);
    const c = i % n;
    // A diagonal band plus noise, so pooling matters.
    data[i] = Math.exp(-Math.abs(r - c) / 5) * 0.8 + (s / 2147483648) * 0.2;
  }
  return data;
}

describe.skipIf(!GPU_AVAILABLE)('WebGPU heatmap render pass', () => {
  const cases: {
    n: number;
    out: number;
    mode: PoolMode;
    causal: boolean;
    offset: number;
    theme: 'light' | 'dark';
  }[] = [
    { n: 96, out: 40, mode: 'max', causal: true, offset: 0, theme: 'light' },
    { n: 96, out: 40, mode: 'mean', causal: false, offset: 64, theme: 'dark' },
    { n: 30, out: 30, mode: 'max', causal: true, offset: 300, theme: 'dark' },
    { n: 64, out: 23, mode: 'maxabs', causal: false, offset: 0, theme: 'light' },
  ];
  for (const { n, out, mode, causal, offset, theme } of cases) {
    it(`matches the CPU raster: n=${n} → ${out} px, ${mode}, causal=${causal}, byte offset ${offset}`, async () => {
      const { device } = await testDevice();
      const data = softmaxLikeMatrix(n, n + out);
      if (mode === 'maxabs') for (let i = 0; i < data.length; i += 3) data[i] = -data[i];
      const lo = mode === 'maxabs' ? -1 : 0;
      const options: GpuDrawOptions = {
        outRows: out,
        outCols: out,
        mode,
        causal,
        lo,
        hi: 1,
        gamma: mode === 'maxabs' ? 1 : 0.5,
        lut: getLut(mode === 'maxabs' ? 'diverging' : 'sequential', theme),
        mask: maskColors(theme),
      };
      const gpu = await renderOnGpu(device, data, n, n, offset, options);
      const cpu = rasterize({ data, rows: n, cols: n, ...options });
      let exact = 0;
      let worst = 0;
      for (let i = 0; i < cpu.length; i++) {
        const diff = Math.abs(cpu[i] - gpu[i]);
        if (diff === 0) exact++;
        worst = Math.max(worst, diff);
      }
      // Mean pooling sums in f32 on the GPU and f64 on the CPU: a value on a
      // colour-table boundary may land one entry away (a few units per channel).
      expect(worst).toBeLessThanOrEqual(6);
      expect(exact / cpu.length).toBeGreaterThan(0.99);
    });
  }

  it('reads back only the pooled raster (outRows×outCols pixels) and matches the CPU raster', async () => {
    const { device } = await testDevice();
    const n = 200;
    const data = softmaxLikeMatrix(n, 7);
    const buffer = device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    const options: GpuDrawOptions = {
      outRows: 50,
      outCols: 50,
      mode: 'max',
      causal: true,
      lo: 0,
      hi: 1,
      gamma: 0.5,
      lut: getLut('sequential', 'light'),
      mask: maskColors('light'),
    };
    const gpu = await readRaster(
      createGpuHeatmapRenderer(device, 'rgba8unorm'),
      { buffer, offset: 0, rows: n, cols: n },
      options,
    );
    buffer.destroy();
    const cpu = rasterize({ data, rows: n, cols: n, ...options });
    expect(gpu.length).toBe(50 * 50 * 4);
    let worst = 0;
    for (let i = 0; i < cpu.length; i++) worst = Math.max(worst, Math.abs(cpu[i] - gpu[i]));
    expect(worst).toBeLessThanOrEqual(6);
  });

  it('does not present on the software adapter', async () => {
    const { device } = await testDevice();
    const info = (device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
    if (info?.architecture === 'swiftshader') expect(canPresent(device)).toBe(false);
  });

  it('summarises a GPU matrix (max, where, mean distance from the diagonal) like the host summary', async () => {
    const { device } = await testDevice();
    const n = 70;
    const data = softmaxLikeMatrix(n, 11);
    const offset = 512;
    const buffer = device.createBuffer({
      size: offset + data.byteLength,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(buffer, offset, data.buffer, data.byteOffset, data.byteLength);
    const gpu = await summarizeOnGpu(device, { buffer, offset, rows: n, cols: n });
    buffer.destroy();
    const host = summarizeMatrix(data, n, n);
    expect(gpu.max).toBeCloseTo(host.max, 6);
    expect(gpu.maxAt).toEqual(host.maxAt);
    expect(gpu.meanDiagonalDistance!).toBeCloseTo(host.meanDiagonalDistance!, 3);
  });
});
