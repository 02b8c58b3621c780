// WebGPU forms of second-order HLA (attention-math.md §18), H heads per
// dispatch, f32 throughout. Kernels in src/shaders/hla2 (their headers give the math):
//   recurrent: one workgroup per (value-column group, head), token by token:
//              S^K columns and u = q_t S^K_t shared through workgroup memory,
//              C, G (and m, h) columns per thread; G, h updated before C, m.
//   parallel:  X = QKᵀ ⊙ M → P = (X Xᵀ) ⊙ M (the implied n×n map) → rows
//              divided by their sum + eps when normalised → P·V; the final
//              state comes from block_state with one block.
//   chunk:     per-chunk states → scan with the semidirect product (exclusive
//              prefixes; a workgroup per state column, a thread per row) →
//              u_t = q_t S_A → per-chunk X, P + the middle term u_t·q_j →
//              P·V_B + u_t C_A − q_t G_A, normalised in the same pass.
// weights(): the parallel form's P (normalised when normalize) for head 0.
import common from '../../../shaders/hla2/common.wgsl?raw';
import recurrent from '../../../shaders/hla2/recurrent.wgsl?raw';
import blockState from '../../../shaders/hla2/block_state.wgsl?raw';
import blockScan from '../../../shaders/hla2/block_scan.wgsl?raw';
import queryPrefix from '../../../shaders/hla2/query_prefix.wgsl?raw';
import scores from '../../../shaders/hla2/scores.wgsl?raw';
import pair from '../../../shaders/hla2/pair.wgsl?raw';
import normalizeRows from '../../../shaders/hla2/normalize_rows.wgsl?raw';
import apply from '../../../shaders/hla2/apply.wgsl?raw';
import { EngineError } from '../../types';
import {
  checkGrid,
  grid2d,
  type Dispatch,
  type GpuContext,
  type GpuSpec,
  type PlanBuffers,
  type PlanIo,
} from '../../gpu/plan';
import type { FormPlan, GpuForms } from '../../gpu/plan';
import {
  explicitPipeline,
  kernelDispatch as dispatch,
  u32Constants,
  type BindingKind,
  type KernelPipeline,
} from '../../gpu/pipelines';
import { hla2Block, hla2GpuStateFloats } from './buffers';

const F32 = 4;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */

const KERNELS = {
  recurrent: { source: recurrent, bindings: ['uniform', 'read', 'read', 'read', 'write', 'write'] },
  blockState: { source: blockState, bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  blockScan: { source: blockScan, bindings: ['uniform', 'read', 'write', 'write'] },
  queryPrefix: { source: queryPrefix, bindings: ['uniform', 'read', 'read', 'write'] },
  scores: { source: scores, bindings: ['uniform', 'read', 'read', 'write'] },
  pair: { source: pair, bindings: ['uniform', 'read', 'read', 'read', 'write'] },
  normalizeRows: { source: normalizeRows, bindings: ['uniform', 'write'] },
  apply: { source: apply, bindings: ['uniform', 'read', 'read', 'read', 'read', 'read', 'write'] },
} as const satisfies Record<string, { source: string; bindings: readonly BindingKind[] }>;
type Hla2Kernel = keyof typeof KERNELS;

/** Threads per workgroup of the recurrent kernel: at least dk (one thread per S^K column). */
function recurrentWorkgroup(dk: number): number {
  return dk <= 64 ? 64 : dk <= 128 ? 128 : 256;
}

/** Tokens per block of the chunk form: the chunk size, or n when the chunk holds everything. */
function blockOf(spec: Pick<GpuSpec, 'n' | 'chunkSize'>): number {
  return hla2Block(spec.n, spec.chunkSize);
}

// ---------------------------------------------------------------------------
// Pipelines (explicit bind group layouts, constants prepended; cached per device in gpu/pipelines).

function hla2Pipeline(
  ctx: GpuContext,
  name: Hla2Kernel,
  constants: Readonly<Record<string, number>>,
): KernelPipeline {
  const kernel = KERNELS[name];
  const code = `// hla2 kernel ${name}\n${u32Constants(constants)}\n${common}\n${kernel.source}`;
  return explicitPipeline(ctx.device, `hla2 ${name}`, code, kernel.bindings);
}

interface UniformValues {
  readonly block: number;
  readonly numBlocks: number;
  readonly normalize: boolean;
  readonly prefix: boolean;
  readonly heads?: number;
}

/** The 32-byte HParams uniform of shaders/hla2/common.wgsl. */
function uniform(ctx: GpuContext, spec: GpuSpec, buffers: PlanBuffers, values: UniformValues): GPUBuffer {
  const data = new ArrayBuffer(32);
  const u32 = new Uint32Array(data);
  const f = new Float32Array(data);
  u32[0] = spec.n;
  u32[1] = values.heads ?? spec.heads;
  u32[2] = values.block;
  u32[3] = values.numBlocks;
  f[4] = spec.eps;
  u32[5] = values.normalize ? 1 : 0;
  u32[6] = values.prefix ? 1 : 0;
  const buffer = buffers.adopt(ctx.pool.acquire(32, UNIFORM_USAGE, 'hla2 params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

function storage(buffers: PlanBuffers, floats: number, label: string): GPUBuffer {
  return buffers.storage(Math.max(4, floats) * F32, label);
}

/** One thread per item, 64 per workgroup, spread over x and y. */
function threads(ctx: GpuContext, items: number): [number, number, number] {
  return grid2d(Math.ceil(items / 64), ctx.limits);
}

function checkSpec(ctx: GpuContext, spec: GpuSpec): void {
  if (spec.variant !== 'hla2') throw new EngineError(`variant "${spec.variant}" is not hla2`);
  if (!spec.causal) throw new EngineError('hla2 is causal only');
  const wg = recurrentWorkgroup(spec.dk);
  if (wg > ctx.limits.maxComputeInvocationsPerWorkgroup) {
    throw new EngineError(
      `hla2 needs ${wg} threads per workgroup for dk=${spec.dk}; this device allows ` +
        `${ctx.limits.maxComputeInvocationsPerWorkgroup}`,
    );
  }
}

/**
 * X, then P = (X Xᵀ) ⊙ M (plus the middle term when `prefix`) over `blocks`
 * blocks of `block` tokens; returns the dispatches writing P into `p`.
 */
function pairDispatches(
  ctx: GpuContext,
  spec: GpuSpec,
  buffers: PlanBuffers,
  io: Pick<PlanIo, 'q' | 'k'>,
  p: GPUBuffer,
  u: GPUBuffer,
  shape: { block: number; numBlocks: number; prefix: boolean; heads: number },
): Dispatch[] {
  const constants = { DK: spec.dk, DV: spec.dv };
  const entries = shape.heads * shape.numBlocks * shape.block * shape.block;
  const x = storage(buffers, entries, 'X = QKᵀ ⊙ M');
  const params = uniform(ctx, spec, buffers, { ...shape, normalize: false });
  return [
    dispatch(
      ctx,
      'hla2 scores',
      hla2Pipeline(ctx, 'scores', constants),
      [params, io.q, io.k, x],
      threads(ctx, entries),
    ),
    dispatch(
      ctx,
      'hla2 (X Xᵀ) ⊙ M',
      hla2Pipeline(ctx, 'pair', constants),
      [params, io.q, x, u, p],
      threads(ctx, entries),
    ),
  ];
}

export function hla2GpuPlan(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers): FormPlan {
  checkSpec(ctx, spec);
  const { n, dk, dv, heads } = spec;
  const stateFloats = hla2GpuStateFloats(dk, dv);
  const constants = { DK: dk, DV: dv };
  const finalState = storage(buffers, heads * stateFloats, 'final state');
  const state = { buffer: finalState, floats: dk * dk + 2 * dk * dv, strideFloats: stateFloats };
  switch (spec.form) {
    case 'recurrent': {
      const wg = recurrentWorkgroup(dk);
      const groups = Math.ceil(dv / wg);
      checkGrid([groups, heads], ctx.limits, 'hla2 recurrent');
      const params = uniform(ctx, spec, buffers, {
        block: n,
        numBlocks: 1,
        normalize: spec.normalize,
        prefix: false,
      });
      const kernel = hla2Pipeline(ctx, 'recurrent', { ...constants, WG: wg });
      return {
        dispatches: [
          dispatch(
            ctx,
            'hla2 recurrent',
            kernel,
            [params, io.q, io.k, io.v, io.o, finalState],
            [groups, heads, 1],
          ),
        ],
        state,
      };
    }
    case 'parallel': {
      const matrix = storage(buffers, heads * n * n, 'n×n matrix');
      const unused = storage(buffers, 4, 'unused u');
      const shape = { block: n, numBlocks: 1, prefix: false, heads };
      const dispatches = pairDispatches(ctx, spec, buffers, io, matrix, unused, shape);
      const finish = uniform(ctx, spec, buffers, { ...shape, normalize: false });
      if (spec.normalize) {
        const norm = uniform(ctx, spec, buffers, { ...shape, normalize: true });
        dispatches.push(
          dispatch(
            ctx,
            'hla2 normalise rows',
            hla2Pipeline(ctx, 'normalizeRows', constants),
            [norm, matrix],
            threads(ctx, heads * n),
          ),
        );
      }
      const unusedPrefix = storage(buffers, 4, 'unused prefixes');
      dispatches.push(
        dispatch(
          ctx,
          'hla2 P·V',
          hla2Pipeline(ctx, 'apply', constants),
          [finish, io.q, io.v, matrix, unused, unusedPrefix, io.o],
          threads(ctx, heads * n * dv),
        ),
        // One block: its own state is the final state.
        dispatch(
          ctx,
          'hla2 state',
          hla2Pipeline(ctx, 'blockState', constants),
          [finish, io.q, io.k, io.v, finalState],
          threads(ctx, heads * (dk + dv + 1)),
        ),
      );
      return { dispatches, state, matrix };
    }
    case 'chunk': {
      const block = blockOf(spec);
      const numBlocks = Math.ceil(n / block);
      const shape = { block, numBlocks, heads };
      checkGrid([dk + dv + 1, heads], ctx.limits, 'hla2 chunk');
      const states = storage(buffers, heads * numBlocks * stateFloats, 'per-chunk states');
      const prefixes = storage(buffers, heads * numBlocks * stateFloats, 'per-chunk prefix states');
      const u = storage(buffers, heads * n * dk, 'u = q S_A');
      const p = storage(buffers, heads * numBlocks * block * block, 'per-chunk weights');
      const scan = uniform(ctx, spec, buffers, { ...shape, normalize: false, prefix: true });
      const out = uniform(ctx, spec, buffers, { ...shape, normalize: spec.normalize, prefix: true });
      const dispatches: Dispatch[] = [
        dispatch(
          ctx,
          'hla2 chunk states',
          hla2Pipeline(ctx, 'blockState', constants),
          [scan, io.q, io.k, io.v, states],
          threads(ctx, heads * numBlocks * (dk + dv + 1)),
        ),
        dispatch(
          ctx,
          'hla2 scan over chunks',
          hla2Pipeline(ctx, 'blockScan', { ...constants, WG: recurrentWorkgroup(dk) }),
          [scan, states, prefixes, finalState],
          [dk + dv + 1, heads, 1],
        ),
        dispatch(
          ctx,
          'hla2 u = q S_A',
          hla2Pipeline(ctx, 'queryPrefix', constants),
          [scan, io.q, prefixes, u],
          threads(ctx, heads * n * dk),
        ),
        ...pairDispatches(ctx, spec, buffers, io, p, u, { ...shape, prefix: true }),
        dispatch(
          ctx,
          'hla2 chunk outputs',
          hla2Pipeline(ctx, 'apply', constants),
          [out, io.q, io.v, p, u, prefixes, io.o],
          threads(ctx, heads * n * dv),
        ),
      ];
      return { dispatches, state };
    }
    default:
      throw new EngineError(`hla2 has no ${spec.form} form on WebGPU`);
  }
}

/**
 * weights() of head 0 (spec.heads = 1) into `matrix` (n×n): the parallel form's
 * implied map P = (X Xᵀ) ⊙ M, rows divided by their sum + eps when normalised.
 */
export function hla2GpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
): Dispatch[] {
  checkSpec(ctx, spec);
  const shape = { block: spec.n, numBlocks: 1, prefix: false, heads: 1 };
  const unused = storage(buffers, 4, 'unused u');
  const dispatches = pairDispatches(ctx, spec, buffers, io, matrix, unused, shape);
  if (spec.normalize) {
    const norm = uniform(ctx, spec, buffers, { ...shape, normalize: true });
    dispatches.push(
      dispatch(
        ctx,
        'hla2 normalise rows',
        hla2Pipeline(ctx, 'normalizeRows', { DK: spec.dk, DV: spec.dv }),
        [norm, matrix],
        threads(ctx, spec.n),
      ),
    );
  }
  return dispatches;
}

export const gpu: GpuForms = { plan: hla2GpuPlan, weights: hla2GpuWeights };
