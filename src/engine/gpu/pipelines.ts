// Compiled pipelines, cached by their final WGSL source and entry point: shader
// compilation costs milliseconds to seconds, and a lesson re-runs the same shape
// on every slider move.
import { kernelSource, type KernelConstants, type KernelName } from './shaders';
import type { Dispatch } from './plan';

export { u32Constants } from './shaders';

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

// ---------------------------------------------------------------------------
// Per-device caches of kernels compiled from a full WGSL text (constants already
// prepended), shared by the variants that build their own sources (hla2, gated,
// infini, featuremap, the low-rank kernels, the sparse patterns). Keyed by the
// code itself, so two kernels share a pipeline only when their text is identical.

/** How a kernel binds one buffer: a uniform, a read-only storage buffer or a read-write one. */
export type BindingKind = 'uniform' | 'read' | 'write';

/** A pipeline with its explicit bind group layout (binding i is buffer i). */
export interface KernelPipeline {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

function deviceCache<T>(caches: WeakMap<GPUDevice, Map<string, T>>, device: GPUDevice): Map<string, T> {
  let cache = caches.get(device);
  if (!cache) {
    cache = new Map();
    caches.set(device, cache);
  }
  return cache;
}

const explicitCaches = new WeakMap<GPUDevice, Map<string, KernelPipeline>>();
const autoCaches = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

/**
 * The pipeline of `code` (entry point main) with an explicit layout built from
 * `bindings`: a kernel may leave a binding unused, which 'auto' layouts reject.
 */
export function explicitPipeline(
  device: GPUDevice,
  label: string,
  code: string,
  bindings: readonly BindingKind[],
): KernelPipeline {
  const cache = deviceCache(explicitCaches, device);
  const key = `${bindings.join(',')}\n${code}`;
  let cached = cache.get(key);
  if (!cached) {
    const layout = device.createBindGroupLayout({
      label,
      entries: bindings.map((kind, binding) => ({
        binding,
        visibility: 0x4 /* GPUShaderStage.COMPUTE */,
        buffer: { type: kind === 'uniform' ? 'uniform' : kind === 'read' ? 'read-only-storage' : 'storage' },
      })),
    });
    const module = device.createShaderModule({ code, label });
    const pipeline = device.createComputePipeline({
      label,
      layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main' },
    });
    cached = { pipeline, layout };
    cache.set(key, cached);
  }
  return cached;
}

/** The pipeline of `code` (entry point main) with layout 'auto'. */
export function autoPipeline(device: GPUDevice, label: string, code: string): GPUComputePipeline {
  const cache = deviceCache(autoCaches, device);
  let pipeline = cache.get(code);
  if (!pipeline) {
    const module = device.createShaderModule({ code, label });
    pipeline = device.createComputePipeline({
      label,
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    cache.set(code, pipeline);
  }
  return pipeline;
}

/** One dispatch of an explicit-layout kernel: buffer i goes to binding i. */
export function kernelDispatch(
  ctx: { readonly device: GPUDevice },
  label: string,
  kernel: KernelPipeline,
  buffers: readonly GPUBuffer[],
  workgroups: readonly [number, number, number],
): Dispatch {
  return {
    label,
    pipeline: kernel.pipeline,
    bindGroup: ctx.device.createBindGroup({
      layout: kernel.layout,
      entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
    }),
    workgroups,
  };
}
