// Which GPU plan builder serves which variant (the GPU counterpart of registry.ts).
import { EngineError } from '../types';
import {
  isFeatureGpuVariant,
  isGatedGpuVariant,
  type Dispatch,
  type GpuContext,
  type GpuPlan,
  type GpuSpec,
  type PlanBuffers,
  type PlanIo,
} from './plan';
import { linearGpuPlan } from '../variants/linear/gpu';
import { softmaxGpuPlan } from '../variants/softmax/gpu';
import { swaGpuPlan } from '../variants/swa/gpu';
import { featureGpuPlan, featureGpuWeights } from '../variants/common/featuremap/gpu';
import { gatedGpuPlan, gatedGpuWeights } from '../variants/common/gated/gpu';
import { hla2GpuPlan, hla2GpuWeights } from '../variants/hla2/gpu';
import { infiniGpuPlan, infiniGpuWeights } from '../variants/infini/gpu';
import { linformerGpuPlan, linformerGpuWeights } from '../variants/linformer/gpu';
import { nystromGpuPlan, nystromGpuWeights } from '../variants/nystrom/gpu';

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
  performer: featureGpuPlan,
  cosformer: featureGpuPlan,
  based: featureGpuPlan,
  hedgehog: featureGpuPlan,
  focused: featureGpuPlan,
  inline: featureGpuPlan,
  rala: featureGpuPlan,
  retnet: gatedGpuPlan,
  mamba2: gatedGpuPlan,
  gla: gatedGpuPlan,
  rwkv6: gatedGpuPlan,
  deltanet: gatedGpuPlan,
  'gated-deltanet': gatedGpuPlan,
  hla2: hla2GpuPlan,
  infini: infiniGpuPlan,
  linformer: linformerGpuPlan,
  nystrom: nystromGpuPlan,
};

export function gpuPlanBuilder(variant: string): GpuPlanBuilder {
  const builder = (BUILDERS as Readonly<Record<string, GpuPlanBuilder>>)[variant];
  if (!builder) throw new EngineError(`variant "${variant}" has no WebGPU kernels yet`);
  return builder;
}

/**
 * weights() of a variant whose matrix is not the plain scores → normalise rows
 * of kernels.ts (the feature-map variants compute φ first and finish the rows
 * their own way); undefined for the others. Fills `matrix` with head 0's weights
 * from head 0's q, k in io (spec.heads = 1).
 */
export type GpuWeightsBuilder = (
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
) => Dispatch[];

export function gpuWeightsBuilder(variant: string): GpuWeightsBuilder | undefined {
  if (isGatedGpuVariant(variant)) return gatedGpuWeights;
  if (variant === 'hla2') return hla2GpuWeights;
  if (variant === 'infini') return infiniGpuWeights;
  if (variant === 'linformer') return linformerGpuWeights;
  if (variant === 'nystrom') return nystromGpuWeights;
  return isFeatureGpuVariant(variant) ? featureGpuWeights : undefined;
}
