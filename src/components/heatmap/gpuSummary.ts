// The heatmap's text alternative for a GPU-resident matrix: one compute pass
// reduces each row to 4 numbers (weighted distance from the diagonal, weight,
// largest value and its column), and only those 4·rows floats are read back.
import shaderSource from '../../shaders/view/rowSummary.wgsl?raw';
import type { GpuMatrixRef } from './gpuRenderer';
import type { MatrixSummary } from './summary';

const pipelines = new WeakMap<GPUDevice, GPUComputePipeline>();
// WebGPU's default minStorageBufferOffsetAlignment.
const STORAGE_ALIGNMENT = 256;

function pipelineFor(device: GPUDevice): GPUComputePipeline {
  let pipeline = pipelines.get(device);
  if (!pipeline) {
    pipeline = device.createComputePipeline({
      label: 'heatmap row summary',
      layout: 'auto',
      compute: { module: device.createShaderModule({ code: shaderSource }), entryPoint: 'main' },
    });
    pipelines.set(device, pipeline);
  }
  return pipeline;
}

/** Reduces per-row numbers (4 per row, as the shader writes them) to the matrix summary. */
export function summaryFromRows(rowsData: Float32Array, rows: number, cols: number): MatrixSummary {
  let max = -Infinity;
  let maxI = 0;
  let maxJ = 0;
  let distanceSum = 0;
  let weightedRows = 0;
  for (let i = 0; i < rows; i++) {
    const distance = rowsData[4 * i];
    const weight = rowsData[4 * i + 1];
    const best = rowsData[4 * i + 2];
    if (best > max) {
      max = best;
      maxI = i;
      maxJ = rowsData[4 * i + 3];
    }
    if (weight > 0) {
      distanceSum += distance / weight;
      weightedRows++;
    }
  }
  return {
    rows,
    cols,
    max: rows > 0 ? max : 0,
    maxAt: { i: maxI, j: maxJ },
    meanDiagonalDistance: weightedRows > 0 ? distanceSum / weightedRows : null,
  };
}

export async function summarizeOnGpu(device: GPUDevice, matrix: GpuMatrixRef): Promise<MatrixSummary> {
  const { rows, cols } = matrix;
  const alignedStart = Math.floor(matrix.offset / STORAGE_ALIGNMENT) * STORAGE_ALIGNMENT;
  const elementOffset = (matrix.offset - alignedStart) / 4;
  const bindSize = Math.min(
    matrix.buffer.size - alignedStart,
    Math.ceil((matrix.offset - alignedStart + rows * cols * 4) / 4) * 4,
  );
  const bytes = Math.max(16, rows * 16);
  const output = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const staging = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const params = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  try {
    device.queue.writeBuffer(params, 0, new Uint32Array([rows, cols, elementOffset, 0]));
    const pipeline = pipelineFor(device);
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: matrix.buffer, offset: alignedStart, size: bindSize } },
        { binding: 1, resource: { buffer: output } },
        { binding: 2, resource: { buffer: params } },
      ],
    });
    const encoder = device.createCommandEncoder({ label: 'heatmap row summary' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(rows / 64));
    pass.end();
    encoder.copyBufferToBuffer(output, 0, staging, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const data = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    return summaryFromRows(data, rows, cols);
  } finally {
    output.destroy();
    staging.destroy();
    params.destroy();
  }
}
