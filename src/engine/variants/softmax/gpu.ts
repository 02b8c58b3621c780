// WebGPU forms of softmax attention: parallel (materialised n×n probabilities),
// recurrent (KV-cache decode with online softmax) and flash (tiled online softmax).
import { flashDispatches, parallelDispatches, softmaxRecurrentDispatches } from '../../gpu/kernels';
import type { GpuContext, GpuSpec, PlanBuffers, PlanIo } from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';

export function softmaxGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  switch (spec.form) {
    case 'parallel':
      return parallelDispatches(ctx, spec, io, buffers);
    case 'recurrent':
      return { dispatches: softmaxRecurrentDispatches(ctx, spec, io, buffers) };
    case 'flash':
      return { dispatches: flashDispatches(ctx, spec, io, buffers) };
    default:
      throw new Error(`softmax has no ${spec.form} form on WebGPU`);
  }
}

export const gpu: GpuForms = { plan: softmaxGpuPlan };
