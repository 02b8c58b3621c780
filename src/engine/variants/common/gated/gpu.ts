// WebGPU forms shared by the gated and delta-rule variants (each folder passes
// its rule, ./rule.ts), H heads per dispatch, f32 throughout. Kernels in
// src/shaders/gated (their headers give the math):
//   parallel:  block-local gate cumsums (16-token blocks) → decay_matrix (the n×n
//              matrix with the decay summed over exactly the steps between j and i)
//              → lower_times (W·V). The delta rule also builds the strictly lower
//              KKᵀ ⊙ Γ and solves U = T·diag(β)V by forward substitution first.
//   recurrent: four subgroup lanes per value column of S, inputs staged in
//              workgroup memory (recurrent_sg, dk 16/32/64 with subgroups), else
//              one thread per column (recurrent; also weights()' one-hot rows).
//   chunk:     chunk-local gate cumsums → per-chunk states → scan over chunks →
//              intra-chunk matrix + inter-chunk read-out. The delta rule replaces
//              the first two passes by (fast path, where its tiles fit the device's
//              workgroup memory) delta_prep (T = (I + L)⁻¹ blockwise, W, U per
//              chunk) → delta_transition (each chunk as S ↦ M S + B, in parallel) →
//              delta_chain[_sg] (the only sequential pass: one dk×dk product per
//              chunk) → delta_uprime (U' = U − W S per chunk); otherwise by the WY
//              substitution per chunk and a sequential state pass that also forms U'.
// weights(): the decay family draws the parallel form's matrix; the delta rule
// runs the recurrent kernel on one-hot values (V = I), whose outputs are the rows
// of the effective weights (scale·QKᵀ ⊙ Γ ⊙ M)·T·diag(β), in O(n²·dk).
import common from '../../../../shaders/gated/common.wgsl?raw';
import normalizeK from '../../../../shaders/gated/normalize_k.wgsl?raw';
import cumsum from '../../../../shaders/gated/cumsum.wgsl?raw';
import recurrent from '../../../../shaders/gated/recurrent.wgsl?raw';
import recurrentSg from '../../../../shaders/gated/recurrent_sg.wgsl?raw';
import columnParts from '../../../../shaders/util/column_parts.wgsl?raw';
import decayMatrix from '../../../../shaders/gated/decay_matrix.wgsl?raw';
import lowerTimes from '../../../../shaders/gated/lower_times.wgsl?raw';
import forwardSubst from '../../../../shaders/gated/forward_subst.wgsl?raw';
import chunkState from '../../../../shaders/gated/chunk_state.wgsl?raw';
import chunkScan from '../../../../shaders/gated/chunk_scan.wgsl?raw';
import chunkOutput from '../../../../shaders/gated/chunk_output.wgsl?raw';
import deltaWy from '../../../../shaders/gated/delta_wy.wgsl?raw';
import deltaScan from '../../../../shaders/gated/delta_scan.wgsl?raw';
import deltaPrep from '../../../../shaders/gated/delta_prep.wgsl?raw';
import deltaTransition from '../../../../shaders/gated/delta_transition.wgsl?raw';
import deltaChain from '../../../../shaders/gated/delta_chain.wgsl?raw';
import deltaChainSg from '../../../../shaders/gated/delta_chain_sg.wgsl?raw';
import deltaUprime from '../../../../shaders/gated/delta_uprime.wgsl?raw';
import { EngineError } from '../../../types';
import { formatBytes } from '../../../validate';
import {
  checkGrid,
  grid2d,
  type Dispatch,
  type GpuContext,
  type GpuSpec,
  type PlanBuffers,
  type PlanIo,
} from '../../../gpu/plan';
import type { FormPlan, GpuForms } from '../../../gpu/plan';
import { columnPartsStagedTokens } from '../../../gpu/kernels';
import {
  explicitPipeline,
  kernelDispatch as dispatch,
  u32Constants,
  type BindingKind,
  type KernelPipeline,
} from '../../../gpu/pipelines';
import type { ProblemDims, ResolvedParams, VariantDescriptor } from '../descriptor';
import { gateChannels, type GatedRule } from './rule';

const F32 = 4;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */
/** Token block of the parallel form's cumulative sums (the matrix tile height). */
const MATRIX_BLOCK = 16;

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

/** A variant's inputs for the kernels, per head, in f32. */
interface GatedSetup {
  /** 1 (scalar gate) or dk (per channel). */
  readonly channels: number;
  readonly bonus: boolean;
  readonly delta: boolean;
  readonly normalizeK: boolean;
  readonly scale: number;
  /** heads×n×channels log gates. */
  readonly g: Float32Array;
  /** heads×n (delta rule) or empty. */
  readonly beta: Float32Array;
  /** heads×dk (RWKV-6) or empty. */
  readonly u: Float32Array;
}

function numberOf(params: ResolvedParams, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

function f32(values: ArrayLike<number> | undefined, count: number, what: string): Float32Array {
  if (!values || values.length < count) throw new EngineError(`missing input ${what}`);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = values[i];
  return out;
}

/**
 * Reads the validated params and inputs as the variant's rule says (only the
 * first spec.heads heads: weights() passes 1).
 */
export function gatedSetup(rule: GatedRule, descriptor: VariantDescriptor, spec: GpuSpec): GatedSetup {
  const params: ResolvedParams = spec.params ?? {};
  const inputs = spec.inputs ?? {};
  const { n, dk, heads } = spec;
  const empty = new Float32Array(0);
  const channels = gateChannels(rule, dk);
  const g =
    rule.decay === 'gamma'
      ? new Float32Array(heads * n).fill(
          Math.log(numberOf(params, 'gamma', defaultOf(descriptor, 'gamma', spec))),
        )
      : rule.decay === 'none'
        ? new Float32Array(heads * n)
        : f32(inputs.g, heads * n * channels, 'g');
  return {
    channels,
    bonus: rule.bonus,
    delta: rule.delta,
    normalizeK: rule.delta && params.normalizeK !== false,
    scale: numberOf(params, 'scale', defaultOf(descriptor, 'scale', spec)),
    g,
    beta: rule.delta ? f32(inputs.beta, heads * n, 'beta') : empty,
    u: rule.bonus ? f32(inputs.u, heads * dk, 'u') : empty,
  };
}

/** A number parameter's contract default at these sizes. */
function defaultOf(descriptor: VariantDescriptor, name: string, dims: ProblemDims): number {
  const spec = descriptor.params[name];
  if (spec?.kind !== 'number') throw new EngineError(`${descriptor.id} has no number parameter ${name}`);
  return typeof spec.default === 'function' ? spec.default(dims) : spec.default;
}

// ---------------------------------------------------------------------------
// Pipelines (explicit bind group layouts, constants prepended; cached per device in gpu/pipelines).

function gatedPipeline(
  ctx: GpuContext,
  name: GatedKernel,
  constants: Readonly<Record<string, number>>,
): KernelPipeline {
  const kernel = KERNELS[name];
  const enable = 'subgroups' in kernel && kernel.subgroups ? 'enable subgroups;\n' : '';
  const code = `${enable}// gated kernel ${name}\n${u32Constants(constants)}\n${common}\n${kernel.source}`;
  return explicitPipeline(ctx.device, `gated ${name}`, code, kernel.bindings);
}

interface UniformValues {
  readonly cols?: number;
  readonly numChunks?: number;
  readonly scale?: number;
  readonly oneHot?: boolean;
  readonly strict?: boolean;
}

/** The 32-byte GParams uniform of shaders/gated/common.wgsl. */
function uniform(ctx: GpuContext, spec: GpuSpec, buffers: PlanBuffers, values: UniformValues): GPUBuffer {
  const data = new ArrayBuffer(32);
  const u32 = new Uint32Array(data);
  const f = new Float32Array(data);
  u32[0] = spec.n;
  u32[1] = spec.heads;
  u32[2] = values.cols ?? spec.dv;
  u32[3] = values.numChunks ?? 0;
  f[4] = values.scale ?? 1;
  u32[5] = values.oneHot ? 1 : 0;
  u32[6] = values.strict ? 1 : 0;
  const buffer = buffers.adopt(ctx.pool.acquire(32, UNIFORM_USAGE, 'gated params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** A storage buffer of `floats` f32 (at least one); the size rule has checked it before the plan was built. */
function storage(buffers: PlanBuffers, floats: number, label: string): GPUBuffer {
  return buffers.storage(Math.max(1, floats) * F32, label);
}

function uploaded(ctx: GpuContext, buffers: PlanBuffers, values: Float32Array, label: string): GPUBuffer {
  const buffer = storage(buffers, values.length, label);
  if (values.length > 0)
    ctx.device.queue.writeBuffer(buffer, 0, values.buffer, values.byteOffset, values.byteLength);
  return buffer;
}

function constantsOf(spec: GpuSpec, setup: GatedSetup, block: number): Record<string, number> {
  return {
    DK: spec.dk,
    DV: spec.dv,
    CH: setup.channels,
    BONUS: setup.bonus ? 1 : 0,
    DELTA: setup.delta ? 1 : 0,
    BLOCK: block,
  };
}

/** Inputs every form uploads: gates, β, u, and the keys the kernels read (normalised for the delta rule). */
interface Uploaded {
  readonly g: GPUBuffer;
  readonly beta: GPUBuffer;
  readonly u: GPUBuffer;
  readonly keys: GPUBuffer;
  readonly dispatches: Dispatch[];
}

function uploadInputs(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  k: GPUBuffer,
  buffers: PlanBuffers,
): Uploaded {
  const g = uploaded(ctx, buffers, setup.g, 'gates');
  const beta = uploaded(ctx, buffers, setup.beta, 'beta');
  const u = uploaded(ctx, buffers, setup.u, 'bonus u');
  const dispatches: Dispatch[] = [];
  let keys = k;
  if (setup.delta && setup.normalizeK) {
    keys = storage(buffers, spec.heads * spec.n * spec.dk, 'normalised keys');
    // Rows per workgroup: 2048 staged floats (8 KiB plus padding) at most.
    const rows = Math.max(1, Math.min(256, Math.floor(2048 / spec.dk)));
    const kernel = gatedPipeline(ctx, 'normalizeK', { ...constantsOf(spec, setup, 1), ROWS: rows });
    const params = uniform(ctx, spec, buffers, {});
    dispatches.push(
      dispatch(
        ctx,
        'normalise keys',
        kernel,
        [params, k, keys],
        grid2d(Math.ceil((spec.heads * spec.n) / rows), ctx.limits),
      ),
    );
  }
  return { g, beta, u, keys, dispatches };
}

function cumsumDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  gates: GPUBuffer,
  block: number,
  buffers: PlanBuffers,
): { dispatch: Dispatch; incl: GPUBuffer; qSide: GPUBuffer } {
  const floats = spec.heads * spec.n * setup.channels;
  const incl = storage(buffers, floats, 'gate cumsums');
  const qSide = storage(buffers, floats, 'query-side gate cumsums');
  const threads = spec.heads * Math.ceil(spec.n / block) * setup.channels;
  const kernel = gatedPipeline(ctx, 'cumsum', constantsOf(spec, setup, block));
  const params = uniform(ctx, spec, buffers, {});
  return {
    dispatch: dispatch(
      ctx,
      'gate cumsums',
      kernel,
      [params, gates, incl, qSide],
      grid2d(Math.ceil(threads / 64), ctx.limits),
    ),
    incl,
    qSide,
  };
}

/**
 * Tiles of shaders/gated/delta_scan.wgsl that fit the device's workgroup memory:
 * CB value columns (S tile DK×CB, U' tile C×CB) and PT staged rows (PT×DK),
 * the largest first (at most 16 each).
 */
function deltaScanTiles(dk: number, chunk: number, maxStorage: number): { columns: number; rows: number } {
  for (const columns of [16, 8, 4, 2, 1]) {
    for (const rows of [16, 8, 4, 1]) {
      if (((dk + chunk) * columns + rows * dk) * F32 <= maxStorage) return { columns, rows };
    }
  }
  throw new EngineError(
    `the delta rule's chunk form with dk=${dk}, chunkSize ${chunk} needs more workgroup memory than this device has ` +
      `(${formatBytes(maxStorage)}); use a smaller chunkSize`,
  );
}

/**
 * Tiles of the delta rule's fast chunk path (delta_prep → delta_transition →
 * delta_chain → delta_uprime), or null where they do not fit the device's
 * workgroup memory (then the two-pass delta_wy/delta_scan path runs):
 * delta_prep holds L and T in one chunk×chunk array (and stages the chunk's
 * keys, row stride dk + 1, where that fits too), delta_chain holds the
 * dk×dk transition (row stride dk + 1) and CB value columns of the state, one
 * state element per thread of 256 (CB = ⌊256/dk⌋, at most dv); delta_transition
 * stages 16 tokens of K̃ and [W | U] (padded to its tile grid, at most 16 wider).
 */
/** Register tiles (rows × columns per thread) of delta_prep and delta_transition, smallest first. */
const REGISTER_TILES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [2, 2],
  [2, 4],
  [4, 4],
  [4, 8],
  [8, 8],
  [8, 16],
];

/** The smallest register tile (RM×RN) whose thread grid ⌈rows/RM⌉×⌈cols/RN⌉ fits 256 threads. */
function tileFor(rows: number, cols: number): { RM: number; RN: number; TC: number } | null {
  const tile = REGISTER_TILES.find(([rm, rn]) => Math.ceil(rows / rm) * Math.ceil(cols / rn) <= 256);
  return tile ? { RM: tile[0], RN: tile[1], TC: Math.ceil(cols / tile[1]) } : null;
}

export interface FastDeltaTiles {
  /** delta_prep's SB×SB blocks of T and its XS floats for the off-diagonal products. */
  readonly solve: { readonly SB: number; readonly XS: number };
  /** Value columns of the state per delta_chain workgroup (CB). */
  readonly columns: number;
  /** Staged elements of M per delta_chain thread (PER). */
  readonly perThread: number;
  /** delta_prep stages the chunk's keys in workgroup memory (STAGE). */
  readonly stageKeys: boolean;
  /** delta_prep's [W | U] = T·rhs register tile RM×RN and TI×TC thread grid. */
  readonly product: { readonly RM: number; readonly RN: number; readonly TI: number; readonly TC: number };
  /** delta_transition's RM×RN register tile and TD×TC thread grid. */
  readonly transition: { readonly RM: number; readonly RN: number; readonly TD: number; readonly TC: number };
}

export function fastDeltaTiles(
  dk: number,
  dv: number,
  chunk: number,
  maxStorage: number,
): FastDeltaTiles | null {
  if (dk > 256) return null;
  const columns = Math.max(1, Math.min(dv, Math.floor(256 / dk)));
  const sb = Math.min(16, chunk);
  const solveFloats = Math.max(1, (chunk / sb - 1) * sb * sb);
  const product = tileFor(chunk, dk + dv);
  if (!product) return null;
  const prepBytes = (chunk * (chunk + 1) + 3 * chunk + solveFloats + 16 * product.TC * product.RN + 1) * F32;
  const stagedBytes = prepBytes + (chunk * (dk + 1) - 1) * F32;
  const chainBytes = (dk * (dk + 1) + dk * columns) * F32;
  if (prepBytes > maxStorage || chainBytes > maxStorage) return null;
  const transitionBytes = (chunk + 16 * (dk + 16) + 16 * (dk + dv + 16)) * F32;
  if (transitionBytes > maxStorage) return null;
  const transition = tileFor(dk, dk + dv);
  if (!transition) return null;
  return {
    columns,
    solve: { SB: sb, XS: solveFloats },
    perThread: Math.ceil((dk * dk) / 256),
    stageKeys: stagedBytes <= maxStorage,
    transition: {
      RM: transition.RM,
      RN: transition.RN,
      TD: Math.ceil(dk / transition.RM),
      TC: transition.TC,
    },
    product: { RM: product.RM, RN: product.RN, TI: Math.ceil(chunk / product.RM), TC: product.TC },
  };
}

/**
 * The sequential pass of the fast delta path: delta_chain_sg.wgsl (four threads
 * per row of M, subgroup shuffles, one barrier per chunk) where the device has
 * subgroups and dk is 16, 32 or 64; delta_chain.wgsl (M staged in workgroup
 * memory, two barriers per chunk) otherwise.
 */
function chainDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  constants: Record<string, number>,
  fast: FastDeltaTiles,
  buffers: readonly GPUBuffer[],
): Dispatch {
  const { dk, dv, heads } = spec;
  const label = 'state chain S ← M S + B';
  if (ctx.subgroupMinSize >= 4 && dk % 16 === 0 && dk <= 64) {
    const columns = 64 / dk;
    checkGrid([Math.ceil(dv / columns), heads], ctx.limits, `${spec.variant} chunk`);
    const kernel = gatedPipeline(ctx, 'deltaChainSg', { ...constants, CW: columns, Q: dk / 16 });
    return dispatch(ctx, label, kernel, buffers, [Math.ceil(dv / columns), heads, 1]);
  }
  const kernel = gatedPipeline(ctx, 'deltaChain', { ...constants, CB: fast.columns, PER: fast.perThread });
  return dispatch(ctx, label, kernel, buffers, [Math.ceil(dv / fast.columns), heads, 1]);
}

function recurrentGroups(cols: number): number {
  return Math.ceil(cols / 64);
}

/**
 * The recurrent form's kernel: recurrent_sg.wgsl (four subgroup lanes per value
 * column, inputs staged in workgroup memory) where the device has subgroups and dk
 * is 16, 32 or 64; recurrent.wgsl (one thread per column) otherwise.
 */
function recurrentDispatch(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: GatedSetup,
  buffers: readonly GPUBuffer[],
): Dispatch {
  const label = `${spec.variant} recurrent`;
  checkGrid([recurrentGroups(spec.dv), spec.heads], ctx.limits, label);
  // Per token the kernel also stages the decays (1 or dk) and β.
  const tokens = columnPartsStagedTokens(ctx, spec.dk, setup.channels + 1);
  const kernel =
    tokens >= 1
      ? gatedPipeline(ctx, 'recurrentSg', { ...constantsOf(spec, setup, 1), TB: tokens })
      : gatedPipeline(ctx, 'recurrent', { ...constantsOf(spec, setup, 1), WG: 64 });
  return dispatch(ctx, label, kernel, buffers, [recurrentGroups(spec.dv), spec.heads, 1]);
}

// ---------------------------------------------------------------------------
// Forms.

function gatedGpuPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: GatedSetup,
): FormPlan {
  const { n, dk, dv, heads } = spec;
  const input = uploadInputs(ctx, spec, setup, io.k, buffers);
  const dispatches = [...input.dispatches];
  const stateFloats = dk * dv;
  switch (spec.form) {
    case 'recurrent': {
      const state = storage(buffers, heads * stateFloats, 'state');
      const params = uniform(ctx, spec, buffers, { cols: dv, scale: setup.scale });
      dispatches.push(
        recurrentDispatch(ctx, spec, setup, [
          params,
          io.q,
          input.keys,
          io.v,
          input.g,
          input.beta,
          input.u,
          io.o,
          state,
        ]),
      );
      return { dispatches, state: { buffer: state, floats: stateFloats, strideFloats: stateFloats } };
    }
    case 'parallel': {
      const blocks = Math.ceil(n / MATRIX_BLOCK);
      checkGrid([blocks, blocks, heads], ctx.limits, `${spec.variant} parallel`);
      const sums = cumsumDispatch(ctx, spec, setup, input.g, MATRIX_BLOCK, buffers);
      dispatches.push(sums.dispatch);
      const matrix = storage(buffers, heads * n * n, 'n×n matrix');
      const matrixKernel = gatedPipeline(ctx, 'decayMatrix', constantsOf(spec, setup, MATRIX_BLOCK));
      const scoreParams = uniform(ctx, spec, buffers, { scale: setup.scale });
      dispatches.push(
        dispatch(
          ctx,
          'decayed scores',
          matrixKernel,
          [scoreParams, io.q, input.keys, sums.incl, sums.qSide, input.u, matrix],
          [blocks, blocks, heads],
        ),
      );
      let values = io.v;
      if (setup.delta) {
        const kk = storage(buffers, heads * n * n, 'n×n KKᵀ');
        const kkParams = uniform(ctx, spec, buffers, { scale: 1, strict: true });
        dispatches.push(
          dispatch(
            ctx,
            'decayed KKᵀ',
            matrixKernel,
            [kkParams, input.keys, input.keys, sums.incl, sums.qSide, input.u, kk],
            [blocks, blocks, heads],
          ),
        );
        values = storage(buffers, heads * n * dv, 'U = T·diag(β)V');
        const solve = gatedPipeline(ctx, 'forwardSubst', constantsOf(spec, setup, MATRIX_BLOCK));
        dispatches.push(
          dispatch(
            ctx,
            'forward substitution',
            solve,
            [scoreParams, kk, io.v, input.beta, values],
            [Math.ceil(dv / 64), heads, 1],
          ),
        );
      }
      const times = gatedPipeline(ctx, 'lowerTimes', constantsOf(spec, setup, MATRIX_BLOCK));
      dispatches.push(
        dispatch(
          ctx,
          'matrix × values',
          times,
          [scoreParams, matrix, values, io.o],
          [Math.ceil(dv / 16), blocks, heads],
        ),
      );
      return { dispatches, matrix };
    }
    case 'chunk': {
      const chunk = spec.chunkSize;
      const outputBytes = 16 * chunk * F32;
      if (outputBytes > ctx.limits.maxComputeWorkgroupStorageSize) {
        throw new EngineError(
          `chunkSize ${chunk} needs ${formatBytes(outputBytes)} of workgroup memory; this device has ` +
            `${formatBytes(ctx.limits.maxComputeWorkgroupStorageSize)} (chunkSize ≤ ` +
            `${Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / (16 * F32))} fits)`,
        );
      }
      const numChunks = Math.ceil(n / chunk);
      checkGrid([numChunks, heads], ctx.limits, `${spec.variant} chunk`);
      const constants = constantsOf(spec, setup, chunk);
      const sums = cumsumDispatch(ctx, spec, setup, input.g, chunk, buffers);
      dispatches.push(sums.dispatch);
      const states = storage(buffers, heads * numChunks * stateFloats, 'per-chunk states');
      const finalState = storage(buffers, heads * stateFloats, 'final state');
      const params = uniform(ctx, spec, buffers, { numChunks, scale: setup.scale });
      let values = io.v;
      if (setup.delta) {
        const w = storage(buffers, heads * n * dk, 'W (WY representation)');
        values = storage(buffers, heads * n * dv, "U, then U'");
        const fast = fastDeltaTiles(dk, dv, chunk, ctx.limits.maxComputeWorkgroupStorageSize);
        if (fast) {
          const trans = storage(buffers, heads * numChunks * dk * dk, 'per-chunk transitions M');
          checkGrid([Math.ceil(dv / fast.columns), heads], ctx.limits, `${spec.variant} chunk`);
          dispatches.push(
            dispatch(
              ctx,
              'WY: T = (I + L)⁻¹, W, U',
              gatedPipeline(ctx, 'deltaPrep', {
                ...constants,
                ...fast.solve,
                ...fast.product,
                STAGE: fast.stageKeys ? 1 : 0,
                KS: fast.stageKeys ? chunk * (dk + 1) : 1,
              }),
              [params, input.keys, io.v, sums.incl, input.beta, w, values],
              [numChunks, heads, 1],
            ),
            dispatch(
              ctx,
              'chunk transitions M, B',
              gatedPipeline(ctx, 'deltaTransition', { ...constants, ...fast.transition }),
              [params, input.keys, sums.incl, w, values, trans, states],
              [numChunks, heads, 1],
            ),
            chainDispatch(ctx, spec, constants, fast, [params, trans, states, finalState]),
            dispatch(
              ctx,
              "U' = U − W S",
              gatedPipeline(ctx, 'deltaUprime', constants),
              [params, w, states, values],
              [numChunks, heads, 1],
            ),
          );
        } else {
          const wy = gatedPipeline(ctx, 'deltaWy', constants);
          const tiles = deltaScanTiles(dk, chunk, ctx.limits.maxComputeWorkgroupStorageSize);
          const scan = gatedPipeline(ctx, 'deltaScan', { ...constants, CB: tiles.columns, PT: tiles.rows });
          dispatches.push(
            dispatch(
              ctx,
              'WY forward substitution',
              wy,
              [params, input.keys, io.v, sums.incl, input.beta, w, values],
              [numChunks, heads, 1],
            ),
            dispatch(
              ctx,
              'state passing',
              scan,
              [params, input.keys, sums.incl, w, values, states, finalState],
              [Math.ceil(dv / tiles.columns), heads, 1],
            ),
          );
        }
      } else {
        const own = gatedPipeline(ctx, 'chunkState', constants);
        const scan = gatedPipeline(ctx, 'chunkScan', constants);
        dispatches.push(
          dispatch(
            ctx,
            'chunk states',
            own,
            [params, input.keys, io.v, sums.incl, states],
            [numChunks, heads, 1],
          ),
          dispatch(
            ctx,
            'scan over chunks',
            scan,
            [params, sums.incl, states, finalState],
            grid2d(Math.ceil((heads * stateFloats) / 256), ctx.limits),
          ),
        );
      }
      const output = gatedPipeline(ctx, 'chunkOutput', constants);
      dispatches.push(
        dispatch(
          ctx,
          'chunk outputs',
          output,
          [params, io.q, input.keys, values, sums.incl, sums.qSide, input.u, states, io.o],
          [numChunks, heads, 1],
        ),
      );
      return { dispatches, state: { buffer: finalState, floats: stateFloats, strideFloats: stateFloats } };
    }
    default:
      throw new EngineError(`${spec.variant} has no ${spec.form} form on WebGPU`);
  }
}

/**
 * weights() of head 0 (spec.heads = 1) into `matrix` (n×n, freshly created and
 * so zero): the parallel form's matrix for the decay family, the recurrent kernel
 * on one-hot values for the delta rule (it writes the rows t ≥ its first column;
 * the rest of the lower triangle is zero by causality).
 */
function gatedGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
  setup: GatedSetup,
): Dispatch[] {
  const { n } = spec;
  const input = uploadInputs(ctx, spec, setup, io.k, buffers);
  const dispatches = [...input.dispatches];
  if (setup.delta) {
    const kernel = gatedPipeline(ctx, 'recurrent', { ...constantsOf(spec, setup, 1), WG: 64 });
    const params = uniform(ctx, spec, buffers, { cols: n, scale: setup.scale, oneHot: true });
    // v and the state are not used with one-hot values (distinct buffers: one is bound writable).
    const unusedValues = storage(buffers, 4, 'unused values');
    const unusedState = storage(buffers, 4, 'unused state');
    checkGrid([recurrentGroups(n)], ctx.limits, 'the weights');
    dispatches.push(
      dispatch(
        ctx,
        'one-hot recurrence',
        kernel,
        [params, io.q, input.keys, unusedValues, input.g, input.beta, input.u, matrix, unusedState],
        [recurrentGroups(n), 1, 1],
      ),
    );
    return dispatches;
  }
  const blocks = Math.ceil(n / MATRIX_BLOCK);
  checkGrid([blocks], ctx.limits, 'the weights');
  const sums = cumsumDispatch(ctx, spec, setup, input.g, MATRIX_BLOCK, buffers);
  const kernel = gatedPipeline(ctx, 'decayMatrix', constantsOf(spec, setup, MATRIX_BLOCK));
  const params = uniform(ctx, spec, buffers, { scale: setup.scale });
  dispatches.push(
    sums.dispatch,
    dispatch(
      ctx,
      'decayed scores',
      kernel,
      [params, io.q, input.keys, sums.incl, sums.qSide, input.u, matrix],
      [blocks, blocks, 1],
    ),
  );
  return dispatches;
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
