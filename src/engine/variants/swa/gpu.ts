// WebGPU forms of sliding-window attention: the softmax kernels with the window
// mask; flash visits only the key blocks that intersect the window.
import { flashDispatches, parallelDispatches } from '../../gpu/kernels';
import type { GpuContext, GpuSpec, PlanBuffers, PlanIo } from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';

export function swaGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  switch (spec.form) {
    case 'parallel':
      return parallelDispatches(ctx, spec, io, buffers);
    case 'flash':
      return { dispatches: flashDispatches(ctx, spec, io, buffers) };
    default:
      throw new Error(`swa has no ${spec.form} form on WebGPU`);
  }
}

export const gpu: GpuForms = { plan: swaGpuPlan };
