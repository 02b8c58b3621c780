// WebGPU forms of kernel linear attention (elu1, relu, identity feature maps):
// parallel (masked φ(Q)φ(K)ᵀ materialised), recurrent (state per head, sequential
// over t) and chunk (per-chunk states, a scan over chunks, then intra + inter).
import {
  linearChunkDispatches,
  linearRecurrentDispatches,
  linearStateFloats,
  parallelDispatches,
} from '../../gpu/kernels';
import type { GpuContext, GpuSpec, PlanBuffers, PlanIo } from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';

export function linearGpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  const sFloats = spec.dk * spec.dv;
  switch (spec.form) {
    case 'parallel':
      return parallelDispatches(ctx, spec, io, buffers);
    case 'recurrent': {
      const { dispatches, state } = linearRecurrentDispatches(ctx, spec, io, buffers);
      return { dispatches, state: { buffer: state, floats: sFloats, strideFloats: sFloats } };
    }
    case 'chunk': {
      const { dispatches, finalState } = linearChunkDispatches(ctx, spec, io, buffers);
      // The scan's record per head is [S, z]; the contract's state is S alone.
      return {
        dispatches,
        state: { buffer: finalState, floats: sFloats, strideFloats: linearStateFloats(spec) },
      };
    }
    default:
      throw new Error(`linear attention has no ${spec.form} form on WebGPU`);
  }
}

export const gpu: GpuForms = { plan: linearGpuPlan };
