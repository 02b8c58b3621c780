// Dispatch builders, one per kernel family, and the tile choices that depend on
// the device's limits (workgroup storage), read at run time rather than fixed for
// one GPU.
import { EngineError } from '../types';
import { formatBytes } from '../validate';
import { linearStateRecordFloats } from '../variants/linear/buffers';
import type { KernelConstants } from './shaders';
import {
  bindGroup,
  checkGrid,
  grid2d,
  paramsUniform,
  PlanBuffers,
  type Dispatch,
  type GpuContext,
  type GpuSpec,
  type PlanIo,
} from './plan';

const F32 = 4;
/** Workgroup size of the shaders/util/*_simple.wgsl kernels. */
const SIMPLE_WG = 64;

function baseConstants(spec: GpuSpec): Record<string, number> {
  return { DK: spec.dk, DV: spec.dv, FEATURE_MAP: spec.featureMap };
}

// ---------------------------------------------------------------------------
// Parallel form: scores → normalize rows → W·V (shaders/util/*).

/** MODE of scores.wgsl / normalize_rows.wgsl: 0 softmax-like, 1 linear. */
function scoreMode(spec: GpuSpec): number {
  return spec.family === 'kernel-linear' ? 1 : 0;
}

/** Dispatches that fill `matrix` (heads×n×n) with the weights applied to V. */
export function weightsDispatches(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  params: GPUBuffer,
): Dispatch[] {
  const constants: KernelConstants = { ...baseConstants(spec), MODE: scoreMode(spec) };
  if (ctx.simpleKernels) {
    const scores = ctx.pipelines.get('scoresSimple', constants);
    const normalize = ctx.pipelines.get('normalizeRowsSimple', constants);
    return [
      {
        label: 'scores',
        pipeline: scores,
        bindGroup: bindGroup(ctx, scores, [params, io.q, io.k, matrix]),
        workgroups: grid2d(Math.ceil((spec.heads * spec.n * spec.n) / SIMPLE_WG), ctx.limits),
      },
      {
        label: 'normalize rows',
        pipeline: normalize,
        bindGroup: bindGroup(ctx, normalize, [params, matrix]),
        workgroups: grid2d(Math.ceil((spec.heads * spec.n) / SIMPLE_WG), ctx.limits),
      },
    ];
  }
  const tiles = Math.ceil(spec.n / 16);
  checkGrid([tiles, spec.heads], ctx.limits, 'the score matrix');
  const scores = ctx.pipelines.get('scores', constants);
  const normalize = ctx.pipelines.get('normalizeRows', constants);
  return [
    {
      label: 'scores',
      pipeline: scores,
      bindGroup: bindGroup(ctx, scores, [params, io.q, io.k, matrix]),
      workgroups: [tiles, tiles, spec.heads],
    },
    {
      label: 'normalize rows',
      pipeline: normalize,
      bindGroup: bindGroup(ctx, normalize, [params, matrix]),
      workgroups: grid2d(spec.n * spec.heads, ctx.limits),
    },
  ];
}

export function parallelDispatches(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers) {
  const matrix = buffers.storage(spec.heads * spec.n * spec.n * F32, 'n×n matrix');
  const params = buffers.adopt(paramsUniform(ctx, spec));
  const pv = ctx.pipelines.get(
    ctx.simpleKernels ? 'weightsTimesVSimple' : 'weightsTimesV',
    baseConstants(spec),
  );
  const dispatches: Dispatch[] = [
    ...weightsDispatches(ctx, spec, io, matrix, params),
    {
      label: 'weights × V',
      pipeline: pv,
      bindGroup: bindGroup(ctx, pv, [params, matrix, io.v, io.o]),
      workgroups: ctx.simpleKernels
        ? grid2d(Math.ceil((spec.heads * spec.n * spec.dv) / SIMPLE_WG), ctx.limits)
        : [Math.ceil(spec.dv / 16), Math.ceil(spec.n / 16), spec.heads],
    },
  ];
  return { dispatches, matrix };
}

// ---------------------------------------------------------------------------
// Flash (softmax, swa).

export interface FlashTiles {
  readonly br: number;
  readonly bc: number;
  readonly storageBytes: number;
}

/** Workgroup memory of shaders/softmax/flash.wgsl for these tiles (mirrors its declarations). */
export function flashStorageBytes(dk: number, dv: number, br: number, bc: number): number {
  const kStride = Math.ceil(dk / 4) + 1;
  const vStride4 = Math.ceil(dv / 64) * 16;
  return 16 * ((br + bc) * kStride + bc * vStride4) + F32 * (br * (bc + 1) + br * 16);
}

/** Candidate (query rows, key block) tiles, largest first: more rows per workgroup re-use each K/V tile more. */
const FLASH_CANDIDATES: readonly (readonly [number, number])[] = [
  [64, 64],
  [64, 32],
  [32, 64],
  [32, 32],
  [16, 32],
  [16, 16],
];

let flashTileOverride: readonly [number, number] | undefined;

/**
 * Forces the flash tiles (benchmark exploration: `bench --flash-tiles 32x32`);
 * undefined restores the automatic choice. Tiles that do not fit are still rejected.
 */
export function setFlashTileOverride(tiles: readonly [br: number, bc: number] | undefined): void {
  if (tiles && !tiles.every((t) => t >= 16 && t % 16 === 0))
    throw new EngineError('flash tiles must be multiples of 16');
  flashTileOverride = tiles;
}

/**
 * Below this many workgroups a GPU is not filled (H100: 132 SMs, each holding
 * several workgroups), so a small problem takes half-height query tiles: twice
 * the workgroups for a little less reuse of each K/V tile. Measured on the H100:
 * n=4096, H=1 runs faster with 32-row tiles, n=16384, H=16 with 64-row tiles.
 */
const MIN_FLASH_WORKGROUPS = 256;

export function chooseFlashTiles(dk: number, dv: number, maxStorage: number, rows = Infinity): FlashTiles {
  const candidates = flashTileOverride ? [flashTileOverride] : FLASH_CANDIDATES;
  const fitting = candidates
    .map(([br, bc]) => ({ br, bc, storageBytes: flashStorageBytes(dk, dv, br, bc) }))
    .filter((t) => t.storageBytes <= maxStorage);
  if (fitting.length === 0) {
    const [br, bc] = candidates[candidates.length - 1];
    throw new EngineError(
      `flash tiles ${br}×${bc} for dk=${dk}, dv=${dv} need ${formatBytes(flashStorageBytes(dk, dv, br, bc))} of ` +
        `workgroup memory; this device has ${formatBytes(maxStorage)}`,
    );
  }
  const best = fitting[0];
  if (Math.ceil(rows / best.br) < MIN_FLASH_WORKGROUPS) {
    const smaller = fitting.find((t) => t.br === best.br / 2 && t.bc === best.bc);
    if (smaller) return smaller;
  }
  return best;
}

export function flashDispatches(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
): Dispatch[] {
  const tiles = chooseFlashTiles(
    spec.dk,
    spec.dv,
    ctx.limits.maxComputeWorkgroupStorageSize,
    spec.n * spec.heads,
  );
  const blocks = Math.ceil(spec.n / tiles.br);
  checkGrid([blocks, spec.heads], ctx.limits, 'flash attention');
  const params = buffers.adopt(paramsUniform(ctx, spec));
  // Row maxima by subgroup shuffles when the 16 threads of a row share one subgroup.
  const subgroupRows = ctx.subgroupMinSize >= 16 ? 1 : 0;
  const pipeline = ctx.pipelines.get('softmaxFlash', {
    ...baseConstants(spec),
    BR: tiles.br,
    BC: tiles.bc,
    SUBGROUP_ROWS: subgroupRows,
    // Longest (last) causal row blocks first, for a single head (see flash.wgsl).
    REVERSE_BLOCKS: spec.causal && spec.heads === 1 ? 1 : 0,
  });
  return [
    {
      label: `flash ${tiles.br}×${tiles.bc}`,
      pipeline,
      bindGroup: bindGroup(ctx, pipeline, [params, io.q, io.k, io.v, io.o]),
      workgroups: [blocks, spec.heads, 1],
    },
  ];
}

// ---------------------------------------------------------------------------
// Softmax recurrent (KV-cache decode).

export function softmaxRecurrentDispatches(ctx: GpuContext, spec: GpuSpec, io: PlanIo, buffers: PlanBuffers) {
  const params = buffers.adopt(paramsUniform(ctx, spec));
  const pipeline = ctx.pipelines.get('softmaxRecurrent', baseConstants(spec));
  return [
    {
      label: 'KV-cache decode',
      pipeline,
      bindGroup: bindGroup(ctx, pipeline, [params, io.q, io.k, io.v, io.o]),
      workgroups: grid2d(spec.n * spec.heads, ctx.limits),
    },
  ];
}

// ---------------------------------------------------------------------------
// Linear recurrent and chunk.

/** Floats per head of the chunk kernels' state records: S (dk×dv) then z (dk). */
export function linearStateFloats(spec: Pick<GpuSpec, 'dk' | 'dv'>): number {
  return linearStateRecordFloats(spec.dk, spec.dv);
}

/**
 * Tokens shaders/linear/recurrent.wgsl stages at a time: 32, or fewer where
 * 2·32·dk floats (φ(q) and φ(k)) exceed the workgroup memory (dk = 256 on a
 * 32 KiB device, or a feature-map variant's large feature dimension); 0 when not
 * even one token fits.
 */
export function recurrentStagedTokens(dk: number, maxStorage: number): number {
  return Math.min(32, Math.floor(maxStorage / (2 * dk * F32)));
}

/**
 * Tokens a recurrent kernel built on shaders/util/column_parts.wgsl (four subgroup
 * lanes per value column, 64 columns a workgroup: linear/ and gated/recurrent_sg.wgsl)
 * stages per tile, at most 32; 0 where it cannot run: no subgroups of at least 4
 * lanes, dk other than 16, 32 or 64, or not even one token's q and k rows, 64 value
 * columns and `extraFloats` more (the gated kernel's decays and β) fit the
 * workgroup memory.
 */
export function columnPartsStagedTokens(ctx: GpuContext, dk: number, extraFloats: number): number {
  if (ctx.subgroupMinSize < 4 || ![16, 32, 64].includes(dk)) return 0;
  const perToken = (2 * dk + 64 + extraFloats) * F32;
  return Math.min(32, Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / perToken));
}

export function linearRecurrentDispatches(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
): { dispatches: Dispatch[]; state: GPUBuffer } {
  const { pipeline, groups } = linearRecurrentKernel(ctx, spec);
  checkGrid([groups, spec.heads], ctx.limits, 'linear recurrent');
  const state = buffers.storage(spec.heads * spec.dk * spec.dv * F32, 'state');
  const params = buffers.adopt(paramsUniform(ctx, spec));
  return {
    dispatches: [
      {
        label: 'linear recurrent',
        pipeline,
        bindGroup: bindGroup(ctx, pipeline, [params, io.q, io.k, io.v, io.o, state]),
        workgroups: [groups, spec.heads, 1],
      },
    ],
    state,
  };
}

/**
 * The recurrent kernel and its column groups per head: four subgroup lanes per
 * value column (linear/recurrent_sg.wgsl, 64 columns a workgroup) where the device
 * has subgroups and dk is 16, 32 or 64; one thread per column (linear/recurrent.wgsl)
 * otherwise.
 */
function linearRecurrentKernel(
  ctx: GpuContext,
  spec: GpuSpec,
): { pipeline: GPUComputePipeline; groups: number } {
  const sgTokens = columnPartsStagedTokens(ctx, spec.dk, 0);
  if (sgTokens >= 1) {
    const pipeline = ctx.pipelines.get('linearRecurrentSg', {
      ...baseConstants(spec),
      TB: sgTokens,
      SUBGROUP_LANES: 4,
    });
    return { pipeline, groups: Math.ceil(spec.dv / 64) };
  }
  const maxThreads = Math.min(
    256,
    ctx.limits.maxComputeInvocationsPerWorkgroup,
    ctx.limits.maxComputeWorkgroupSizeX,
  );
  // One thread per output column; at least 32 so a tiny dv still fills a SIMD group.
  const wg = Math.min(maxThreads, Math.max(32, 2 ** Math.ceil(Math.log2(spec.dv))));
  const tokens = recurrentStagedTokens(spec.dk, ctx.limits.maxComputeWorkgroupStorageSize);
  if (tokens < 1) {
    throw new EngineError(
      `linear recurrent with dk=${spec.dk} needs more workgroup memory than this device has`,
    );
  }
  const pipeline = ctx.pipelines.get('linearRecurrent', { ...baseConstants(spec), WG: wg, TB: tokens });
  return { pipeline, groups: Math.ceil(spec.dv / wg) };
}

/** Workgroup memory of shaders/linear/chunk_output.wgsl (mirrors its declarations). */
export function chunkOutputStorageBytes(chunk: number, dv: number): number {
  const slice = 8;
  const cp = Math.ceil(chunk / 64) * 64;
  const cp4s = cp / 4 + 1;
  const dv4p = Math.ceil(dv / 64) * 16;
  return 16 * (2 * slice * cp4s + slice * dv4p + cp * cp4s) + F32 * (slice + cp * 16);
}

export function linearChunkDispatches(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
): { dispatches: Dispatch[]; finalState: GPUBuffer } {
  const chunk = spec.chunkSize;
  const storage = chunkOutputStorageBytes(chunk, spec.dv);
  if (storage > ctx.limits.maxComputeWorkgroupStorageSize) {
    let largest = 16;
    while (chunkOutputStorageBytes(largest + 16, spec.dv) <= ctx.limits.maxComputeWorkgroupStorageSize)
      largest += 16;
    throw new EngineError(
      `chunkSize ${chunk} needs ${formatBytes(storage)} of workgroup memory; this device has ` +
        `${formatBytes(ctx.limits.maxComputeWorkgroupStorageSize)} (chunkSize ≤ ${largest} fits)`,
    );
  }
  const numChunks = Math.ceil(spec.n / chunk);
  checkGrid([numChunks, spec.heads], ctx.limits, 'linear chunk');
  const stateFloats = linearStateFloats(spec);
  const chunkStates = buffers.storage(spec.heads * numChunks * stateFloats * F32, 'chunk states');
  const finalState = buffers.storage(spec.heads * stateFloats * F32, 'final state');
  const params = buffers.adopt(paramsUniform(ctx, spec, numChunks));
  const constants = { ...baseConstants(spec), CHUNK: chunk };
  const statePipeline = ctx.pipelines.get('linearChunkState', constants);
  const scanPipeline = ctx.pipelines.get('linearChunkScan', constants);
  const outputPipeline = ctx.pipelines.get('linearChunkOutput', constants);
  const scanGroups = Math.ceil((spec.heads * stateFloats) / 256);
  return {
    dispatches: [
      {
        label: 'chunk states',
        pipeline: statePipeline,
        bindGroup: bindGroup(ctx, statePipeline, [params, io.k, io.v, chunkStates]),
        workgroups: [numChunks, spec.heads, 1],
      },
      {
        label: 'scan over chunks',
        pipeline: scanPipeline,
        bindGroup: bindGroup(ctx, scanPipeline, [params, chunkStates, finalState]),
        workgroups: grid2d(scanGroups, ctx.limits),
      },
      {
        label: 'chunk outputs',
        pipeline: outputPipeline,
        bindGroup: bindGroup(ctx, outputPipeline, [params, io.q, io.k, io.v, chunkStates, finalState, io.o]),
        workgroups: [numChunks, spec.heads, 1],
      },
    ],
    finalState,
  };
}
