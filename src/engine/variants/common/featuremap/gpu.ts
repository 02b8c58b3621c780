// WebGPU forms of the feature-map variants (performer, cosformer, based,
// hedgehog, focused, inline, rala). Nothing here re-implements linear attention:
//   1. a feature pass (shaders/feature/feature_map.wgsl) writes φ(Q), φ(K) as
//      heads×n×r buffers (Performer first finds its key shift, RALA then
//      reweights φ(K));
//   2. the linear-attention kernels of shaders/linear and shaders/util run on
//      those buffers with dk = r and the identity map: scores → W·V for the
//      parallel form, the recurrent kernel, or the three chunk passes;
//   3. a finishing pass applies the variant's row rule.
// For the recurrent and chunk forms the linear kernels run unnormalised on
// V' = [V, 1], so they return num = φ(q)S and den = φ(q)·z side by side and the
// finishing pass can apply rules the linear kernels lack: cosFormer's
// max(den, eps), InLine's mean-subtracted rows (its heads are doubled: heads
// h + H carry φ = e_0 and so return Σv and the count), and Performer's exponent
// shifts undone exactly. The parallel form finishes the n×n rows in place
// (shaders/feature/normalize_rows.wgsl) before W·V; weights() stops there.
import common from '../../../../shaders/feature/common.wgsl?raw';
import featureMap from '../../../../shaders/feature/feature_map.wgsl?raw';
import performerKeyShift from '../../../../shaders/feature/performer_key_shift.wgsl?raw';
import ralaReweight from '../../../../shaders/feature/rala_reweight.wgsl?raw';
import augmentValues from '../../../../shaders/feature/augment_values.wgsl?raw';
import finish from '../../../../shaders/feature/finish.wgsl?raw';
import stateKernel from '../../../../shaders/feature/state.wgsl?raw';
import normalizeRows from '../../../../shaders/feature/normalize_rows.wgsl?raw';
import { EngineError } from '../../../types';
import { formatBytes } from '../../../validate';
import {
  linearChunkDispatches,
  linearRecurrentDispatches,
  linearStateFloats,
  recurrentStagedTokens,
  weightsDispatches,
} from '../../../gpu/kernels';
import {
  bindGroup,
  checkGrid,
  FEATURE_MAP_IDS,
  grid2d,
  paramsUniform,
  type Dispatch,
  type GpuContext,
  type GpuSpec,
  type PlanBuffers,
  type PlanIo,
} from '../../../gpu/plan';
import type { FormPlan, GpuForms } from '../../../gpu/plan';
import { autoPipeline, u32Constants } from '../../../gpu/pipelines';
import type { ResolvedParams } from '../descriptor';

const F32 = 4;
const UNIFORM_USAGE = 0x0040 /* UNIFORM */ | 0x0008; /* COPY_DST */

const SOURCES = {
  featureMap,
  performerKeyShift,
  ralaReweight,
  augmentValues,
  finish,
  state: stateKernel,
  normalizeRows,
} as const;
type FeatureKernel = keyof typeof SOURCES;

/** MAP ids of feature_map.wgsl. */
export const FEATURE_KIND = {
  elementwise: 0,
  performer: 1,
  cosformer: 2,
  based: 3,
  hedgehog: 4,
  focused: 5,
} as const;
/** Row rules of finish.wgsl and normalize_rows.wgsl. */
export const ROW_RULE = { none: 0, eps: 1, clamp: 2, inline: 3 } as const;

/** How one variant maps onto the shared passes. */
export interface FeatureSetup {
  /** Feature dimension r of φ. */
  readonly r: number;
  readonly map: number;
  /** Elementwise map (FEATURE_MAP of feature_map.wgsl) for MAP 0. */
  readonly elementwise: number;
  readonly rule: number;
  /** Projection uploaded for Performer (m×dk) and Hedgehog (dk×r). */
  readonly projection?: ArrayLike<number>;
  /** Columns of the projection (Hedgehog's r); 0 when there is none. */
  readonly projectionCols: number;
  /** Performer: exponent shifts (key shift pass, row shifts). */
  readonly shifted: boolean;
  readonly ralaReweight: boolean;
  readonly eps: number;
  readonly scale: number;
  readonly p: number;
  readonly maxLen: number;
}

/** The setup fields most variants leave at their defaults. */
export type FeatureSetupBase = Omit<FeatureSetup, 'r' | 'map' | 'rule'>;

/** How one variant maps onto the shared passes: its folder's gpu.ts says. */
export type FeatureSetupOf = (spec: GpuSpec, base: FeatureSetupBase) => FeatureSetup;

/** The defaults, with the params every feature-map variant reads (eps). */
function featureSetupBase(spec: GpuSpec): FeatureSetupBase {
  return {
    elementwise: FEATURE_MAP_IDS.identity,
    projectionCols: 0,
    shifted: false,
    ralaReweight: false,
    eps: numberOf(spec.params ?? {}, 'eps', 1e-6),
    scale: 1,
    p: 1,
    maxLen: spec.n,
  };
}

/** A number parameter with a fallback (validated params always hold it; specs built by hand may not). */
export function numberOf(params: ResolvedParams | undefined, name: string, fallback: number): number {
  const value = params?.[name];
  return typeof value === 'number' ? value : fallback;
}

/** An elementwise feature map's id in the kernels (FEATURE_MAP of feature_map.wgsl). */
export function elementwiseMapId(name: string): number {
  const id = FEATURE_MAP_IDS[name as keyof typeof FEATURE_MAP_IDS];
  if (id === undefined) throw new EngineError(`unknown feature map "${name}"`);
  return id;
}

// ---------------------------------------------------------------------------
// Pipelines of the feature kernels (the linear kernels come from ctx.pipelines).

function featurePipeline(
  ctx: GpuContext,
  name: FeatureKernel,
  constants: Readonly<Record<string, number>>,
): GPUComputePipeline {
  const code = `// feature kernel ${name}\n${u32Constants(constants)}\n${common}\n${SOURCES[name]}`;
  return autoPipeline(ctx.device, `feature ${name}`, code);
}

/** The 48-byte FeatureParams uniform of shaders/feature/common.wgsl. */
function featureUniform(
  ctx: GpuContext,
  buffers: PlanBuffers,
  spec: GpuSpec,
  setup: FeatureSetup,
  heads: number,
  headsOut: number,
  stateStride = 0,
): GPUBuffer {
  const data = new ArrayBuffer(48);
  const u32 = new Uint32Array(data);
  const f32 = new Float32Array(data);
  u32[0] = spec.n;
  u32[1] = heads;
  u32[2] = headsOut;
  u32[3] = spec.causal ? 1 : 0;
  f32[4] = setup.eps;
  f32[5] = setup.scale;
  f32[6] = setup.p;
  f32[7] = setup.maxLen;
  u32[8] = setup.shifted ? 1 : 0;
  u32[9] = stateStride;
  u32[10] = setup.rule;
  const buffer = buffers.adopt(ctx.pool.acquire(48, UNIFORM_USAGE, 'feature params'));
  ctx.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

function rowGrid(ctx: GpuContext, rows: number): [number, number, number] {
  return grid2d(Math.ceil(rows / 64), ctx.limits);
}

// ---------------------------------------------------------------------------
// Sizes and limits.

/**
 * Workgroup memory of shaders/linear/chunk_state.wgsl (mirrors its declarations:
 * 16 tokens of φ(k) and of v as vec4 rows padded to 64 features/columns) for r
 * features and dv + 1 value columns. The chunk-output kernel's memory depends on
 * the chunk size and dv only, and kernels.ts checks it.
 */
function chunkStateStorageBytes(r: number, dvAugmented: number): number {
  const vec4 = 16;
  const tokens = 16;
  return tokens * vec4 * (Math.ceil(r / 64) * 16 + Math.ceil(dvAugmented / 64) * 16);
}

/**
 * Throws EngineError before anything is allocated when the feature dimension
 * is more than the linear kernels' workgroup memory can stage. (Buffer sizes
 * are the size rule's, checked by the engine from the variant's buffer plan.)
 */
function checkFeatureLimits(ctx: GpuContext, spec: GpuSpec, setup: FeatureSetup): void {
  const storage = ctx.limits.maxComputeWorkgroupStorageSize;
  const what = `${spec.variant} ${spec.form} on WebGPU`;
  if (spec.form === 'recurrent' && recurrentStagedTokens(setup.r, storage) < 1) {
    throw new EngineError(
      `${what} stages φ(q), φ(k) of at least one token in workgroup memory: feature dimension r = ${setup.r} ` +
        `needs ${formatBytes(2 * setup.r * F32)}, this device has ${formatBytes(storage)} ` +
        `(r ≤ ${Math.floor(storage / (2 * F32))} fits; the parallel form takes any r)`,
    );
  }
  if (spec.form === 'chunk' && chunkStateStorageBytes(setup.r, spec.dv + 1) > storage) {
    let largest = 0;
    while (chunkStateStorageBytes(largest + 16, spec.dv + 1) <= storage) largest += 16;
    throw new EngineError(
      `${what} stages 16 tokens of φ in workgroup memory: feature dimension r = ${setup.r} needs ` +
        `${formatBytes(chunkStateStorageBytes(setup.r, spec.dv + 1))}, this device has ${formatBytes(storage)} ` +
        `(r ≤ ${largest} fits at dv = ${spec.dv}; the parallel form takes any r)`,
    );
  }
}

// ---------------------------------------------------------------------------
// The passes.

interface FeaturePasses {
  readonly dispatches: Dispatch[];
  readonly phiQ: GPUBuffer;
  readonly phiK: GPUBuffer;
  readonly rowShift: GPUBuffer;
  readonly keyShift: GPUBuffer;
}

/** φ(Q), φ(K) of `heads` heads into heads_out-head buffers (Performer's shifts, RALA's reweighting included). */
function featurePasses(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: FeatureSetup,
  io: Pick<PlanIo, 'q' | 'k'>,
  buffers: PlanBuffers,
  uniform: GPUBuffer,
  heads: number,
  headsOut: number,
): FeaturePasses {
  const { n, dk } = spec;
  const { r } = setup;
  const unused = () => buffers.storage(16, 'unused binding');
  let projection: GPUBuffer;
  if (setup.projection) {
    projection = buffers.storage(setup.projection.length * F32, 'projection');
    const data = Float32Array.from(setup.projection);
    ctx.device.queue.writeBuffer(projection, 0, data.buffer, data.byteOffset, data.byteLength);
  } else {
    projection = unused();
  }
  const keyShift = setup.shifted ? buffers.storage(heads * F32, 'key shift') : unused();
  const rowShift = setup.shifted ? buffers.storage(heads * n * F32, 'query shifts') : unused();
  const phiQ = buffers.storage(headsOut * n * r * F32, 'φ(Q)');
  const phiK = buffers.storage(headsOut * n * r * F32, 'φ(K)');
  const constants = {
    DK: dk,
    R: r,
    MAP: setup.map,
    FEATURE_MAP: setup.elementwise,
    PROJ_COLS: setup.projectionCols,
  };
  const dispatches: Dispatch[] = [];
  if (setup.shifted) {
    checkGrid([heads], ctx.limits, 'the key shift');
    const pipeline = featurePipeline(ctx, 'performerKeyShift', { DK: dk, R: r });
    dispatches.push({
      label: 'performer key shift',
      pipeline,
      bindGroup: bindGroup(ctx, pipeline, [uniform, io.k, projection, keyShift]),
      workgroups: [heads, 1, 1],
    });
  }
  const queryPipeline = featurePipeline(ctx, 'featureMap', { ...constants, IS_QUERY: 1 });
  const keyPipeline = featurePipeline(ctx, 'featureMap', { ...constants, IS_QUERY: 0 });
  dispatches.push(
    {
      label: 'φ(Q)',
      pipeline: queryPipeline,
      bindGroup: bindGroup(ctx, queryPipeline, [uniform, io.q, projection, keyShift, phiQ, rowShift]),
      workgroups: rowGrid(ctx, headsOut * n),
    },
    {
      label: 'φ(K)',
      pipeline: keyPipeline,
      bindGroup: bindGroup(ctx, keyPipeline, [uniform, io.k, projection, keyShift, phiK, unused()]),
      workgroups: rowGrid(ctx, headsOut * n),
    },
  );
  if (setup.ralaReweight) {
    checkGrid([heads], ctx.limits, 'the RALA reweighting');
    const pipeline = featurePipeline(ctx, 'ralaReweight', { DK: dk });
    dispatches.push({
      label: 'rala key reweighting',
      pipeline,
      bindGroup: bindGroup(ctx, pipeline, [uniform, phiQ, phiK]),
      workgroups: [heads, 1, 1],
    });
  }
  return { dispatches, phiQ, phiK, rowShift, keyShift };
}

/** The spec the linear kernels see: the features as q, k (dk = r, identity map), no normalisation. */
function linearSpecOf(spec: GpuSpec, setup: FeatureSetup, heads: number, dv: number): GpuSpec {
  return {
    ...spec,
    family: 'kernel-linear',
    dk: setup.r,
    dv,
    heads,
    scale: 1,
    window: 0,
    featureMap: FEATURE_MAP_IDS.identity,
    normalize: false,
  };
}

/** scores → row rule in place: the n×n weights of `heads` heads in `matrix`. */
function weightPasses(
  ctx: GpuContext,
  spec: GpuSpec,
  setup: FeatureSetup,
  features: FeaturePasses,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
  uniform: GPUBuffer,
  heads: number,
): Dispatch[] {
  const linearSpec = linearSpecOf(spec, setup, heads, spec.dv);
  const linearParams = buffers.adopt(paramsUniform(ctx, linearSpec));
  // The linear weights passes with normalize off leave a_ij = φ(q_i)·φ(k_j) (masked to 0).
  const scores = weightsDispatches(
    ctx,
    linearSpec,
    { q: features.phiQ, k: features.phiK },
    matrix,
    linearParams,
  );
  const pipeline = featurePipeline(ctx, 'normalizeRows', {});
  return [
    ...scores,
    {
      label: `${spec.variant} row rule`,
      pipeline,
      bindGroup: bindGroup(ctx, pipeline, [uniform, matrix, features.rowShift, features.keyShift]),
      workgroups: grid2d(spec.n * heads, ctx.limits),
    },
  ];
}

/** The GPU plan of every form of a feature-map variant. */
function featureGpuPlan(
  ctx: GpuContext,
  spec: GpuSpec,
  io: PlanIo,
  buffers: PlanBuffers,
  setup: FeatureSetup,
): FormPlan {
  checkFeatureLimits(ctx, spec, setup);
  const { n, dv, heads } = spec;
  const { r } = setup;

  if (spec.form === 'parallel') {
    const uniform = featureUniform(ctx, buffers, spec, setup, heads, heads);
    const features = featurePasses(ctx, spec, setup, io, buffers, uniform, heads, heads);
    const matrix = buffers.storage(heads * n * n * F32, 'n×n matrix');
    const linearParams = buffers.adopt(paramsUniform(ctx, linearSpecOf(spec, setup, heads, dv)));
    const product = ctx.pipelines.get('weightsTimesV', {
      DK: r,
      DV: dv,
      FEATURE_MAP: FEATURE_MAP_IDS.identity,
    });
    return {
      dispatches: [
        ...features.dispatches,
        ...weightPasses(ctx, spec, setup, features, matrix, buffers, uniform, heads),
        {
          label: 'weights × V',
          pipeline: product,
          bindGroup: bindGroup(ctx, product, [linearParams, matrix, io.v, io.o]),
          workgroups: [Math.ceil(dv / 16), Math.ceil(n / 16), heads],
        },
      ],
      matrix,
    };
  }

  if (spec.form !== 'recurrent' && spec.form !== 'chunk') {
    throw new EngineError(`${spec.variant} has no ${spec.form} form on WebGPU`);
  }
  // InLine's extra heads carry φ = e_0, so the same kernels return Σv and the count.
  const headsOut = setup.rule === ROW_RULE.inline ? 2 * heads : heads;
  const augmented = dv + 1;
  const recordFloats =
    spec.form === 'recurrent' ? r * augmented : linearStateFloats({ dk: r, dv: augmented });
  const uniform = featureUniform(ctx, buffers, spec, setup, heads, headsOut, recordFloats);
  const features = featurePasses(ctx, spec, setup, io, buffers, uniform, heads, headsOut);
  const valuesAugmented = buffers.storage(headsOut * n * augmented * F32, '[V, 1]');
  const raw = buffers.storage(headsOut * n * augmented * F32, 'num and den');
  const augment = featurePipeline(ctx, 'augmentValues', { DV: dv });
  const linearSpec = linearSpecOf(spec, setup, headsOut, augmented);
  const linearIo: PlanIo = { q: features.phiQ, k: features.phiK, v: valuesAugmented, o: raw };
  let linear: { dispatches: Dispatch[]; state: GPUBuffer };
  if (spec.form === 'recurrent') {
    linear = linearRecurrentDispatches(ctx, linearSpec, linearIo, buffers);
  } else {
    const chunked = linearChunkDispatches(ctx, linearSpec, linearIo, buffers);
    linear = { dispatches: chunked.dispatches, state: chunked.finalState };
  }
  const finishPipeline = featurePipeline(ctx, 'finish', { DV: dv });
  const statePipeline = featurePipeline(ctx, 'state', { DV: dv, R: r });
  const state = buffers.storage(heads * r * dv * F32, 'state');
  return {
    dispatches: [
      ...features.dispatches,
      {
        label: '[V, 1]',
        pipeline: augment,
        bindGroup: bindGroup(ctx, augment, [uniform, io.v, valuesAugmented]),
        workgroups: rowGrid(ctx, headsOut * n),
      },
      ...linear.dispatches,
      {
        label: `${spec.variant} row rule`,
        pipeline: finishPipeline,
        bindGroup: bindGroup(ctx, finishPipeline, [uniform, raw, features.rowShift, features.keyShift, io.o]),
        workgroups: rowGrid(ctx, heads * n),
      },
      {
        label: 'state S',
        pipeline: statePipeline,
        bindGroup: bindGroup(ctx, statePipeline, [uniform, linear.state, features.keyShift, state]),
        workgroups: rowGrid(ctx, heads * r * dv),
      },
    ],
    state: { buffer: state, floats: r * dv, strideFloats: r * dv },
  };
}

/**
 * The weights() passes: the n×n weights of head 0 (spec.heads = 1) into
 * `matrix`, from head 0's q and k already uploaded to io.
 */
function featureGpuWeights(
  ctx: GpuContext,
  spec: GpuSpec,
  io: Pick<PlanIo, 'q' | 'k'>,
  matrix: GPUBuffer,
  buffers: PlanBuffers,
  setupOf: FeatureSetupOf,
): Dispatch[] {
  const weightsSpec: GpuSpec = { ...spec, heads: 1, form: 'parallel' };
  const setup = setupOf(weightsSpec, featureSetupBase(weightsSpec));
  checkFeatureLimits(ctx, weightsSpec, setup);
  const uniform = featureUniform(ctx, buffers, weightsSpec, setup, 1, 1);
  const features = featurePasses(ctx, weightsSpec, setup, io, buffers, uniform, 1, 1);
  return [
    ...features.dispatches,
    ...weightPasses(ctx, weightsSpec, setup, features, matrix, buffers, uniform, 1),
  ];
}

/** The WebGPU forms of a feature-map variant whose folder says how it maps onto the passes. */
export function featureGpuForms(setupOf: FeatureSetupOf): GpuForms {
  return {
    plan: (ctx, spec, io, buffers) =>
      featureGpuPlan(ctx, spec, io, buffers, setupOf(spec, featureSetupBase(spec))),
    weights: (ctx, spec, io, matrix, buffers) => featureGpuWeights(ctx, spec, io, matrix, buffers, setupOf),
  };
}
