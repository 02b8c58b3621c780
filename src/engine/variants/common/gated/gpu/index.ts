// WebGPU forms shared by the gated and delta-rule variants (each folder passes
// its rule, ../rule.ts), H heads per dispatch, f32 throughout. Kernels in
// src/shaders/gated (their headers give the math), one file per job here:
//   setup.ts      the variant's params and inputs as the kernels read them
//   kernels.ts    the kernel table and how one becomes a pipeline
//   buffers.ts    the GParams uniform and f32 storage
//   upload.ts     the passes every form starts with: inputs, normalised keys,
//                 gate cumsums
//   parallel.ts   block-local gate cumsums (16-token blocks) → decay_matrix (the
//                 n×n matrix with the decay summed over exactly the steps between
//                 j and i) → lower_times (W·V). The delta rule also builds the
//                 strictly lower KKᵀ ⊙ Γ and solves U = T·diag(β)V by forward
//                 substitution first.
//   recurrent.ts  four subgroup lanes per value column of S, inputs staged in
//                 workgroup memory (recurrent_sg, dk 16/32/64 with subgroups), else
//                 one thread per column (recurrent; also weights()' one-hot rows).
//   chunk.ts      chunk-local gate cumsums → per-chunk states → scan over chunks →
//                 intra-chunk matrix + inter-chunk read-out.
//   deltaChunk.ts the delta rule's replacement for the chunk form's first two
//                 passes: delta_prep → delta_transition → delta_chain[_sg] →
//                 delta_uprime where its tiles (deltaTiles.ts) fit the device's
//                 workgroup memory, else the WY substitution per chunk and a
//                 sequential state pass that also forms U'.
//   weights.ts    the parallel form's matrix (decay family) or the recurrent
//                 kernel on one-hot values (delta rule), in O(n²·dk).
import type { FormPlan, GpuContext, GpuForms, GpuSpec, PlanBuffers, PlanIo } from '../../../../gpu/plan';
import { EngineError } from '../../../../types';
import type { VariantDescriptor } from '../../descriptor';
import type { GatedRule } from '../rule';
import { chunkPlan } from './chunk';
import { parallelPlan } from './parallel';
import { recurrentPlan } from './recurrent';
import { gatedSetup, type GatedSetup } from './setup';
import { uploadInputs } from './upload';
import { gatedGpuWeights } from './weights';

function gatedGpuPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: GatedSetup,
): FormPlan {
  const input = uploadInputs(ctx, spec, setup, io.k, buffers);
  switch (spec.form) {
    case 'recurrent':
      return recurrentPlan(ctx, spec, io, buffers, setup, input);
    case 'parallel':
      return parallelPlan(ctx, spec, io, buffers, setup, input);
    case 'chunk':
      return chunkPlan(ctx, spec, io, buffers, setup, input);
    default:
      throw new EngineError(`${spec.variant} has no ${spec.form} form on WebGPU`);
  }
}

/** The WebGPU forms of one gated variant, from its rule. */
export function gatedGpuForms(rule: GatedRule, descriptor: VariantDescriptor): GpuForms {
  return {
    plan: (ctx, spec, io, buffers) =>
      gatedGpuPlan(ctx, spec, io, buffers, gatedSetup(rule, descriptor, spec)),
    weights: (ctx, spec, io, matrix, buffers) =>
      gatedGpuWeights(ctx, spec, io, matrix, buffers, gatedSetup(rule, descriptor, spec)),
  };
}
