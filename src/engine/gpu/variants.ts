// Which GPU plan builder serves which variant (the GPU counterpart of registry.ts).
import { EngineError } from '../types';
import type { Dispatch, GpuContext, GpuPlan, GpuSpec, PlanBuffers, PlanIo } from './plan';
import { linearGpuPlan } from '../variants/linear/gpu';
import { softmaxGpuPlan } from '../variants/softmax/gpu';
import { swaGpuPlan } from '../variants/swa/gpu';

/** What a variant's builder adds to the plan's inputs and output. */
export interface FormPlan {
  readonly dispatches: readonly Dispatch[];
  readonly state?: GpuPlan['state'];
  readonly matrix?: GPUBuffer;
}

export type GpuPlanBuilder = (ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers) => FormPlan;

const BUILDERS: Readonly<Record<GpuSpec['variant'], GpuPlanBuilder>> = {
  softmax: softmaxGpuPlan,
  swa: swaGpuPlan,
  linear: linearGpuPlan,
};

export function gpuPlanBuilder(variant: string): GpuPlanBuilder {
  const builder = (BUILDERS as Readonly<Record<string, GpuPlanBuilder>>)[variant];
  if (!builder) throw new EngineError(`variant "${variant}" has no WebGPU kernels yet`);
  return builder;
}
