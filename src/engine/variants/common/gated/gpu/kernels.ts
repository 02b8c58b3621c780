// The gated kernels (src/shaders/gated; their headers give the math) and how
// one becomes a pipeline: explicit bind group layouts, since a kernel may leave
// a binding unused, and the variant's sizes and rule prepended as constants
// (pipelines are cached per device in gpu/pipelines).
import common from '../../../../../shaders/gated/common.wgsl?raw';
import normalizeK from '../../../../../shaders/gated/normalize_k.wgsl?raw';
import cumsum from '../../../../../shaders/gated/cumsum.wgsl?raw';
import recurrent from '../../../../../shaders/gated/recurrent.wgsl?raw';
import recurrentSg from '../../../../../shaders/gated/recurrent_sg.wgsl?raw';
import columnParts from '../../../../../shaders/util/column_parts.wgsl?raw';
import decayMatrix from '../../../../../shaders/gated/decay_matrix.wgsl?raw';
import lowerTimes from '../../../../../shaders/gated/lower_times.wgsl?raw';
import forwardSubst from '../../../../../shaders/gated/forward_subst.wgsl?raw';
import chunkState from '../../../../../shaders/gated/chunk_state.wgsl?raw';
import chunkScan from '../../../../../shaders/gated/chunk_scan.wgsl?raw';
import chunkOutput from '../../../../../shaders/gated/chunk_output.wgsl?raw';
import deltaWy from '../../../../../shaders/gated/delta_wy.wgsl?raw';
import deltaScan from '../../../../../shaders/gated/delta_scan.wgsl?raw';
import deltaPrep from '../../../../../shaders/gated/delta_prep.wgsl?raw';
import deltaTransition from '../../../../../shaders/gated/delta_transition.wgsl?raw';
import deltaChain from '../../../../../shaders/gated/delta_chain.wgsl?raw';
import deltaChainSg from '../../../../../shaders/gated/delta_chain_sg.wgsl?raw';
import deltaUprime from '../../../../../shaders/gated/delta_uprime.wgsl?raw';
import type { GpuContext, GpuSpec } from '../../../../gpu/plan';
import {
  explicitPipeline,
  u32Constants,
  type BindingKind,
  type KernelPipeline,
} from '../../../../gpu/pipelines';
import type { GatedSetup } from './setup';

/** Each kernel's source and its bindings in order (explicit layouts: a kernel may leave one unused). */
const KERNELS = {
  normalizeK: { source: normalizeK, bindings: ['uniform', 'read', 'write'] },
  cumsum: { source: cumsum, bindings: ['uniform', 'read', 'write', 'write'] },
  recurrent: {
    source: recurrent,
    bindings: ['uniform', 'read', 'read', 'read', 'read', 'read', 'read', 'write', 'write'],
  },
  recurrentSg: {
    source: `${columnParts}\n${recurrentSg}`,
    bindings: ['uniform', 'read', 'read', 'read', 'read', 'read', 'read', 'write', 'write'],
    subgroups: true,
  },
  decayMatrix: {
    source: decayMatrix,
    bindings: ['uniform', 'read', 'read', 'read', 'read', 'read', 'write'],
  },
  lowerTimes: { source: lowerTimes, bindings: ['uniform', 'read', 'read', 'write'] },
  forwardSubst: { source: forwardSubst, bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  chunkState: { source: chunkState, bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  chunkScan: { source: chunkScan, bindings: ['uniform', 'read', 'write', 'write'] },
  chunkOutput: {
    source: chunkOutput,
    bindings: ['uniform', 'read', 'read', 'read', 'read', 'read', 'read', 'read', 'write'],
  },
  deltaWy: { source: deltaWy, bindings: ['uniform', 'read', 'read', 'read', 'read', 'write', 'write'] },
  deltaScan: { source: deltaScan, bindings: ['uniform', 'read', 'read', 'read', 'write', 'write', 'write'] },
  deltaPrep: { source: deltaPrep, bindings: ['uniform', 'read', 'read', 'read', 'read', 'write', 'write'] },
  deltaTransition: {
    source: deltaTransition,
    bindings: ['uniform', 'read', 'read', 'read', 'read', 'write', 'write'],
  },
  deltaChain: { source: deltaChain, bindings: ['uniform', 'read', 'write', 'write'] },
  deltaChainSg: { source: deltaChainSg, bindings: ['uniform', 'read', 'write', 'write'], subgroups: true },
  deltaUprime: { source: deltaUprime, bindings: ['uniform', 'read', 'read', 'write'] },
} as const satisfies Record<
  string,
  { source: string; bindings: readonly BindingKind[]; subgroups?: boolean }
>;
type GatedKernel = keyof typeof KERNELS;

export function gatedPipeline(
  ctx: GpuContext,
  name: GatedKernel,
  constants: Readonly<Record<string, number>>,
): KernelPipeline {
  const kernel = KERNELS[name];
  const enable = 'subgroups' in kernel && kernel.subgroups ? 'enable subgroups;\n' : '';
  const code = `${enable}// gated kernel ${name}\n${u32Constants(constants)}\n${common}\n${kernel.source}`;
  return explicitPipeline(ctx.device, `gated ${name}`, code, kernel.bindings);
}

/** The constants every gated kernel reads: sizes, the rule, and the token block (1 where unused). */
export function constantsOf(spec: GpuSpec, setup: GatedSetup, block: number): Record<string, number> {
  return {
    DK: spec.dk,
    DV: spec.dv,
    CH: setup.channels,
    BONUS: setup.bonus ? 1 : 0,
    DELTA: setup.delta ? 1 : 0,
    BLOCK: block,
  };
}
