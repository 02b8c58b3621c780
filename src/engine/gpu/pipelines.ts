// Compiled pipelines, cached by their final WGSL source and entry point: shader
// compilation costs milliseconds to seconds, and a lesson re-runs the same shape
// on every slider move.
import { kernelSource, type KernelConstants, type KernelName } from './shaders';

export class PipelineCache {
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  constructor(private readonly device: GPUDevice) {}

  get(name: KernelName, constants: KernelConstants, entryPoint = 'main'): GPUComputePipeline {
    const code = kernelSource(name, constants);
    const key = `${entryPoint}\n${code}`;
    let pipeline = this.pipelines.get(key);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code, label: name });
      pipeline = this.device.createComputePipeline({
        label: `${name}:${entryPoint}`,
        layout: 'auto',
        compute: { module, entryPoint },
      });
      this.pipelines.set(key, pipeline);
    }
    return pipeline;
  }

  get size(): number {
    return this.pipelines.size;
  }
}
