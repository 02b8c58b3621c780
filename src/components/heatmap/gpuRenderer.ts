// WebGPU path of the heatmap: draws a GPU-resident matrix into a texture (the
// canvas's current texture in the app, an offscreen texture in tests) with one
// render pass, pooling each raster pixel's block in the fragment shader. The
// matrix is never read back.
import shaderSource from '../../shaders/view/heatmap.wgsl?raw';
import type { ColorLut, MaskColors } from './colorMaps';
import type { PoolMode } from './pool';

export interface GpuMatrixRef {
  readonly buffer: GPUBuffer;
  /** Byte offset of element (0, 0). */
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
}

export interface GpuDrawOptions {
  readonly outRows: number;
  readonly outCols: number;
  readonly mode: PoolMode;
  readonly causal: boolean;
  readonly lo: number;
  readonly hi: number;
  readonly gamma: number;
  readonly lut: ColorLut;
  readonly mask: MaskColors;
}

export interface GpuHeatmapRenderer {
  readonly device: GPUDevice;
  readonly format: GPUTextureFormat;
  /** Encode and submit one render pass that fills `target` (outCols×outRows pixels). */
  draw(target: GPUTextureView, matrix: GpuMatrixRef, options: GpuDrawOptions): void;
}

/**
 * Renders the pooled raster into an offscreen rgba8unorm texture and reads
 * back just those pixels (outRows×outCols×4 bytes, at most the canvas size,
 * never the n×n matrix) for a 2D canvas. Used where a WebGPU canvas cannot
 * present: headless Chromium on the software adapter loses the device on the
 * first present, so the app draws this way there.
 */
export async function readRaster(
  renderer: GpuHeatmapRenderer,
  matrix: GpuMatrixRef,
  options: GpuDrawOptions,
): Promise<Uint8ClampedArray<ArrayBuffer>> {
  const { device } = renderer;
  const { outRows, outCols } = options;
  const texture = device.createTexture({
    label: 'heatmap raster',
    size: [outCols, outRows],
    format: renderer.format,
    usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC,
  });
  const bytesPerRow = Math.ceil((outCols * 4) / 256) * 256;
  const staging = device.createBuffer({
    label: 'heatmap raster read-back',
    size: bytesPerRow * outRows,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  try {
    renderer.draw(texture.createView(), matrix, options);
    const encoder = device.createCommandEncoder({ label: 'heatmap raster copy' });
    encoder.copyTextureToBuffer({ texture }, { buffer: staging, bytesPerRow }, [outCols, outRows]);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const padded = new Uint8Array(staging.getMappedRange());
    const rgba = new Uint8ClampedArray(new ArrayBuffer(outRows * outCols * 4));
    for (let y = 0; y < outRows; y++) {
      rgba.set(padded.subarray(y * bytesPerRow, y * bytesPerRow + outCols * 4), y * outCols * 4);
    }
    staging.unmap();
    return rgba;
  } finally {
    staging.destroy();
    texture.destroy();
  }
}

/** Whether a WebGPU canvas can present on this device (software adapters in headless Chromium cannot). */
export function canPresent(device: GPUDevice): boolean {
  const info = (device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  return (
    !!info && info.architecture !== 'swiftshader' && !/swiftshader|llvmpipe|lavapipe/i.test(info.description)
  );
}

const MODE_CODE: Record<PoolMode, number> = { max: 0, mean: 1, maxabs: 2 };
const PARAMS_BYTES = 48;
// WebGPU's default minStorageBufferOffsetAlignment; a bound range must start on it.
const STORAGE_ALIGNMENT = 256;

export function packRgba([r, g, b]: readonly [number, number, number]): number {
  // unpack4x8unorm reads the lowest byte as the first component.
  return (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;
}

/** Params uniform bytes (layout of `Params` in heatmap.wgsl). */
export function packParams(
  matrix: GpuMatrixRef,
  elementOffset: number,
  options: GpuDrawOptions,
): ArrayBuffer {
  const bytes = new ArrayBuffer(PARAMS_BYTES);
  const u32 = new Uint32Array(bytes);
  const f32 = new Float32Array(bytes);
  u32[0] = matrix.rows;
  u32[1] = matrix.cols;
  u32[2] = options.outRows;
  u32[3] = options.outCols;
  u32[4] = elementOffset;
  u32[5] = MODE_CODE[options.mode];
  u32[6] = options.causal ? 1 : 0;
  u32[7] = packRgba(options.mask.base);
  f32[8] = options.lo;
  f32[9] = options.hi;
  f32[10] = options.gamma;
  return bytes;
}

export function createGpuHeatmapRenderer(device: GPUDevice, format: GPUTextureFormat): GpuHeatmapRenderer {
  const module = device.createShaderModule({ label: 'heatmap', code: shaderSource });
  const pipeline = device.createRenderPipeline({
    label: 'heatmap',
    layout: 'auto',
    vertex: { module, entryPoint: 'vs_main' },
    fragment: { module, entryPoint: 'fs_main', targets: [{ format }] },
    primitive: { topology: 'triangle-list' },
  });
  const paramsBuffer = device.createBuffer({
    label: 'heatmap params',
    size: PARAMS_BYTES,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const lutBuffers = new Map<ColorLut, GPUBuffer>();

  function lutBuffer(lut: ColorLut): GPUBuffer {
    let buffer = lutBuffers.get(lut);
    if (!buffer) {
      buffer = device.createBuffer({
        label: 'heatmap colour table',
        size: lut.byteLength,
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      });
      device.queue.writeBuffer(buffer, 0, lut.buffer, lut.byteOffset, lut.byteLength);
      lutBuffers.set(lut, buffer);
    }
    return buffer;
  }

  return {
    device,
    format,
    draw(target, matrix, options) {
      // Bind from the aligned start below the matrix and index the rest in the shader.
      const alignedStart = Math.floor(matrix.offset / STORAGE_ALIGNMENT) * STORAGE_ALIGNMENT;
      const elementOffset = (matrix.offset - alignedStart) / 4;
      const neededBytes = matrix.offset - alignedStart + matrix.rows * matrix.cols * 4;
      const bindSize = Math.min(matrix.buffer.size - alignedStart, Math.ceil(neededBytes / 4) * 4);
      device.queue.writeBuffer(paramsBuffer, 0, packParams(matrix, elementOffset, options));
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: matrix.buffer, offset: alignedStart, size: bindSize } },
          { binding: 1, resource: { buffer: lutBuffer(options.lut) } },
          { binding: 2, resource: { buffer: paramsBuffer } },
        ],
      });
      const encoder = device.createCommandEncoder({ label: 'heatmap' });
      const pass = encoder.beginRenderPass({
        colorAttachments: [{ view: target, loadOp: 'clear', storeOp: 'store', clearValue: [0, 0, 0, 1] }],
      });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.draw(3);
      pass.end();
      device.queue.submit([encoder.finish()]);
    },
  };
}

const renderers = new WeakMap<GPUDevice, Map<GPUTextureFormat, GpuHeatmapRenderer>>();

/** One renderer per device and texture format (pipelines are compiled once). */
export function getGpuHeatmapRenderer(device: GPUDevice, format: GPUTextureFormat): GpuHeatmapRenderer {
  let byFormat = renderers.get(device);
  if (!byFormat) {
    byFormat = new Map();
    renderers.set(device, byFormat);
  }
  let renderer = byFormat.get(format);
  if (!renderer) {
    renderer = createGpuHeatmapRenderer(device, format);
    byFormat.set(format, renderer);
  }
  return renderer;
}
