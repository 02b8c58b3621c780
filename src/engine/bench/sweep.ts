// Timing sweeps over n for a list of (variant, form) cases, on the GPU or the CPU.
// Honest by construction: warm-up runs first (pipeline compilation, first-touch
// allocation), ≥ `runs` timed runs reported as median with min/max and every
// sample, nothing read back inside the timed loop, timestamp queries when the
// device has them (else wall clock around onSubmittedWorkDone, labelled), the
// bytes each point allocates, and every skipped point with its reason.
import { runCpu } from '../cpu';
import { loadCpuForms } from '../variants/cpuForms';
import { flopCount, gatedRecurrentBytes, memoryFootprint } from '../analysis/cost';
import { adapterName, describeAdapter, type AcquiredDevice } from '../gpu/device';
import { createGpuEngine, upload, type GpuEngine } from '../gpu/engine';
import { encodePlan } from '../gpu/plan';
import { createPassTimer, sampleStats } from '../gpu/timing';
import { findDefinition, isGatedVariant, isInFamily } from '../variants/registry';
import {
  EngineError,
  type ExtraInputs,
  type Form,
  type Params,
  type RunRequest,
  type VariantId,
} from '../types';
import type { CostDims } from '../analysis/cost';
import { fillPattern } from './ceilings';
import type { SweepConfig, SweepPoint, SweepProgress, SweepResult } from './types';

type Skipped = SweepResult['skipped'][number];

/** Extra per-case parameters (chunk size, window); the sweep's cases carry only variant and form. */
export type CaseParams = (variant: VariantId, form: Form) => Params;

const defaultParams: CaseParams = () => ({});

interface Inputs {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
}

/** Deterministic non-zero inputs (uniform in [-1, 1)), shared by every case at one n. */
function sweepInputs(config: SweepConfig, n: number): Inputs {
  const { heads, dk, dv, seed } = config;
  return {
    q: fillPattern(heads * n * dk, seed * 3 + 1),
    k: fillPattern(heads * n * dk, seed * 3 + 2),
    v: fillPattern(heads * n * dv, seed * 3 + 3),
  };
}

/** Random features of Performer (m rows), Linformer's projection length kproj: the lab defaults. */
export { PERFORMER_EXAMPLE_M as SWEEP_PERFORMER_M } from '../variants/performer';
export { LINFORMER_EXAMPLE_KPROJ as SWEEP_LINFORMER_KPROJ } from '../variants/linformer';

/**
 * The extra inputs a variant reads (engine-contract.md): its definition's example
 * inputs, from the lessons' seeded generators (gates, β, u, Performer's random
 * features, Hedgehog's identity-like projection, Linformer's E, F). Variants that
 * take none (RetNet's decay is the parameter γ): none.
 */
export function sweepExtraInputs(variant: VariantId, config: SweepConfig, n: number): ExtraInputs {
  const { heads, dk, seed } = config;
  return findDefinition(variant)?.exampleInputs?.({ seed, n, heads, dk }) ?? {};
}

/** A caller's own extra inputs for a case (e.g. a lesson's gate settings); undefined: sweepExtraInputs. */
export type CaseInputs = (variant: VariantId, n: number) => ExtraInputs | undefined;

function sweepProblem(
  config: SweepConfig,
  variant: VariantId,
  n: number,
  inputs: Inputs,
  params: Params,
  extras?: Map<VariantId, ExtraInputs>,
  own?: CaseInputs,
): RunRequest['problem'] {
  // Cached per n: a variant's chunk and recurrent cases read the same gates.
  let extra = extras?.get(variant);
  if (!extra) {
    extra = own?.(variant, n) ?? sweepExtraInputs(variant, config, n);
    extras?.set(variant, extra);
  }
  return {
    n,
    dk: config.dk,
    dv: config.dv,
    heads: config.heads,
    ...inputs,
    params,
    inputs: extra,
  };
}

/** Minimal bytes a recurrent form must move: inputs once, output once (KV-cache decode re-reads the cache). */
function recurrentBytes(
  variant: VariantId,
  config: SweepConfig,
  n: number,
  params: Params,
  features: number | undefined,
): number {
  const { heads, dk, dv } = config;
  const io = heads * n * (2 * dk + 2 * dv) * 4;
  if (isInFamily(variant, 'kernel-linear')) return io;
  if (isGatedVariant(variant)) return gatedRecurrentBytes(variant, { n, dk, dv, heads });
  const footprintPairs =
    flopCount(variant, 'recurrent', { n, dk, dv, heads, features }, params) / (2 * (dk + dv));
  return io + footprintPairs * (dk + dv) * 4;
}

/**
 * The cost models' dims.features of a request, where its inputs set it: Performer's
 * m (rows of the projection), Hedgehog's 2r (twice its columns), Linformer's kproj
 * (rows of E). Undefined elsewhere (the model's default).
 */
export function costFeatures(
  variant: VariantId,
  dk: number,
  n: number,
  inputs: ExtraInputs,
): number | undefined {
  return findDefinition(variant)?.featuresFromInputs?.(inputs, { n, dk });
}

function point(
  variant: VariantId,
  form: Form,
  n: number,
  config: SweepConfig,
  samples: number[],
  bytes: number,
  params: Params,
  features?: number,
): SweepPoint {
  const stats = sampleStats(samples);
  const dims = { n, dk: config.dk, dv: config.dv, heads: config.heads, features };
  let gflops: number | undefined;
  try {
    gflops = flopCount(variant, form, dims, params) / (stats.median * 1e6);
  } catch {
    gflops = undefined;
  }
  // A point is measured whether or not a cost model can rate it.
  let gbps: number | undefined;
  try {
    gbps =
      form === 'recurrent'
        ? recurrentBytes(variant, config, n, params, features) / (stats.median * 1e6)
        : undefined;
  } catch {
    gbps = undefined;
  }
  return {
    variant,
    form,
    n,
    heads: config.heads,
    dk: config.dk,
    dv: config.dv,
    ms: stats.median,
    msMin: stats.min,
    msMax: stats.max,
    samples,
    bytes,
    ...(gflops !== undefined && Number.isFinite(gflops) ? { gflops } : {}),
    ...(gbps !== undefined ? { gbps } : {}),
  };
}

function totalPoints(config: SweepConfig): number {
  return config.cases.length * config.ns.length;
}

export interface GpuSweepOptions {
  readonly params?: CaseParams;
  /** The caller's extra inputs per case (default sweepExtraInputs). */
  readonly inputs?: CaseInputs;
  /** Force wall-clock timing even when timestamps exist (for comparisons). */
  readonly withoutTimestamps?: boolean;
  /** Reuse an engine (its pipeline cache) instead of creating one. */
  readonly engine?: GpuEngine;
  /**
   * Keep warming up (back-to-back submissions) until this much time has passed, on
   * top of `config.warmup` runs: a GPU idling at low clocks needs tens to hundreds of
   * ms of load before it boosts, and short kernels would otherwise be timed at idle clocks.
   */
  readonly minWarmupMs?: number;
  /** Pause between points so a heavy point's power/thermal state does not slow the next one. */
  readonly cooldownMs?: number;
}

/** How one backend times a point: the only part of a sweep that differs between them. */
interface SweepBackend {
  /** Runs before each case (the CPU yields to the event loop so cancel and the UI stay live). */
  beforeCase?(): Promise<void>;
  /** The timed samples (ms) of one point and the bytes it allocates, or 'cancelled'. */
  timePoint(
    request: RunRequest,
    dims: CostDims,
    params: Params,
  ): Promise<{ samples: number[]; bytes: number } | 'cancelled'>;
  /** What the result says about the backend and its timing. */
  readonly header: Pick<SweepResult, 'backend' | 'deviceName' | 'timing' | 'resolutionMs'>;
}

/**
 * The sweep itself: every case at every n, cases over the time budget stopped at
 * larger n, refusals (EngineError) and cancellation recorded as skipped points.
 */
async function sweep(
  config: SweepConfig,
  backend: SweepBackend,
  onProgress: (progress: SweepProgress) => void,
  signal: AbortSignal | undefined,
  params: CaseParams,
  ownInputs: CaseInputs | undefined,
): Promise<SweepResult> {
  const points: SweepPoint[] = [];
  const skipped: Skipped[] = [];
  const total = totalPoints(config);
  const stopped = new Set<string>();
  let done = 0;
  for (const n of config.ns) {
    let inputs: Inputs | undefined;
    const extras = new Map<VariantId, ExtraInputs>();
    for (const { variant, form } of config.cases) {
      const key = `${variant}/${form}`;
      onProgress({ done, total, current: { variant, form, n } });
      await backend.beforeCase?.();
      if (signal?.aborted) {
        skipped.push({ variant, form, n, reason: 'cancelled' });
      } else if (stopped.has(key)) {
        skipped.push({
          variant,
          form,
          n,
          reason: `over the time budget of ${config.budgetMs} ms at a smaller n`,
        });
      } else {
        inputs ??= sweepInputs(config, n);
        const caseParams = params(variant, form);
        const request: RunRequest = {
          variant,
          form,
          problem: sweepProblem(config, variant, n, inputs, caseParams, extras, ownInputs),
        };
        const features = costFeatures(variant, config.dk, n, request.problem.inputs ?? {});
        const dims = { n, dk: config.dk, dv: config.dv, heads: config.heads, features };
        try {
          const result = await backend.timePoint(request, dims, caseParams);
          if (result === 'cancelled') {
            skipped.push({ variant, form, n, reason: 'cancelled' });
          } else {
            const p = point(variant, form, n, config, result.samples, result.bytes, caseParams, features);
            points.push(p);
            if (p.ms > config.budgetMs) stopped.add(key);
          }
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
          skipped.push({ variant, form, n, reason: error.message });
        }
      }
      done++;
    }
  }
  onProgress({ done, total });
  return { ...backend.header, points, skipped };
}

export async function runGpuSweep(
  acquired: AcquiredDevice | GPUDevice,
  config: SweepConfig,
  onProgress: (progress: SweepProgress) => void = () => {},
  signal?: AbortSignal,
  options: GpuSweepOptions = {},
): Promise<SweepResult> {
  const device = 'device' in acquired ? acquired.device : acquired;
  const info = 'device' in acquired ? acquired.adapterInfo : describeAdapter(device.adapterInfo);
  const resolutionMs = 'device' in acquired ? acquired.timestampResolutionMs : undefined;
  const useTimestamps = device.features.has('timestamp-query') && !options.withoutTimestamps;
  const timer = createPassTimer(device, useTimestamps);
  const engine = options.engine ?? createGpuEngine(device);
  const backend: SweepBackend = {
    async timePoint(request) {
      if (options.cooldownMs) await new Promise((resolve) => setTimeout(resolve, options.cooldownMs));
      return timeGpuPoint(engine, timer, request, config, signal, options.minWarmupMs ?? 0);
    },
    header: {
      backend: 'webgpu',
      deviceName: adapterName(info),
      timing: timer.method,
      resolutionMs: timer.method === 'timestamp-query' ? resolutionMs : undefined,
    },
  };
  try {
    return await sweep(config, backend, onProgress, signal, options.params ?? defaultParams, options.inputs);
  } finally {
    timer.destroy();
    engine.context.pool.trim();
  }
}

async function timeGpuPoint(
  engine: GpuEngine,
  timer: ReturnType<typeof createPassTimer>,
  request: RunRequest,
  config: SweepConfig,
  signal: AbortSignal | undefined,
  minWarmupMs: number,
): Promise<{ samples: number[]; bytes: number } | 'cancelled'> {
  const { device } = engine.context;
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  const plan = await engine.plan(request);
  try {
    upload(device, plan.io.q, request.problem.q);
    upload(device, plan.io.k, request.problem.k);
    upload(device, plan.io.v, request.problem.v);
    const encode = (pass: GPUComputePassEncoder) => encodePlan(pass, plan);
    const warmStart = performance.now();
    let lastMs = 0;
    for (let i = 0; i < config.warmup; i++) {
      if (signal?.aborted) return 'cancelled';
      lastMs = await timer.time(encode);
    }
    while (performance.now() - warmStart < minWarmupMs) {
      if (signal?.aborted) return 'cancelled';
      // Several submissions back to back keep the GPU busy between host round trips.
      const batch = Math.max(1, Math.min(64, Math.ceil(20 / Math.max(lastMs, 0.01))));
      for (let i = 0; i < batch; i++) {
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        encode(pass);
        pass.end();
        device.queue.submit([encoder.finish()]);
      }
      await device.queue.onSubmittedWorkDone();
      lastMs = await timer.time(encode);
    }
    const validationError = await device.popErrorScope();
    const memoryError = await device.popErrorScope();
    const gpuError = validationError ?? memoryError;
    if (gpuError) throw new EngineError(`WebGPU rejected this point: ${gpuError.message}`);
    const samples: number[] = [];
    for (let i = 0; i < Math.max(1, config.runs); i++) {
      if (signal?.aborted) return 'cancelled';
      samples.push(await timer.time(encode));
    }
    return { samples, bytes: plan.bytes };
  } finally {
    plan.release();
  }
}

/**
 * The same sweep on the float64 CPU reference (the fallback when there is no
 * WebGPU). Yields to the event loop between runs so cancel and the UI stay live.
 */
export async function runCpuSweep(
  config: SweepConfig,
  onProgress: (progress: SweepProgress) => void = () => {},
  signal?: AbortSignal,
  options: {
    readonly params?: CaseParams;
    readonly inputs?: CaseInputs;
    readonly maxBufferBytes?: number;
  } = {},
): Promise<SweepResult> {
  await loadCpuForms(config.cases.map((c) => c.variant));
  const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const backend: SweepBackend = {
    beforeCase: yieldToLoop,
    async timePoint(request, dims, params) {
      const samples: number[] = [];
      for (let i = 0; i < config.warmup + Math.max(1, config.runs); i++) {
        if (signal?.aborted) return 'cancelled';
        const started = performance.now();
        runCpu(request, options.maxBufferBytes);
        const ms = performance.now() - started;
        if (i >= config.warmup) samples.push(ms);
        await yieldToLoop();
      }
      const bytes = memoryFootprint(request.variant, request.form, dims, params, 8).totalBytes;
      return { samples, bytes };
    },
    header: { backend: 'cpu', deviceName: 'CPU (float64 reference, JavaScript)', timing: 'performance-now' },
  };
  return sweep(config, backend, onProgress, signal, options.params ?? defaultParams, options.inputs);
}

/**
 * Times each dispatch of a plan on its own (median of `runs`), to see where a
 * multi-pass form spends its time. Diagnostic only: `bench --breakdown`.
 */
export async function timeDispatches(
  engine: GpuEngine,
  request: RunRequest,
  runs: number,
): Promise<{ label: string; ms: number }[]> {
  const { device } = engine.context;
  const timer = createPassTimer(device);
  const plan = await engine.plan(request);
  try {
    upload(device, plan.io.q, request.problem.q);
    upload(device, plan.io.k, request.problem.k);
    upload(device, plan.io.v, request.problem.v);
    // One full run first so that every buffer holds what the later passes read.
    await timer.time((pass) => encodePlan(pass, plan));
    const out: { label: string; ms: number }[] = [];
    for (const d of plan.dispatches) {
      const samples: number[] = [];
      for (let i = 0; i < Math.max(1, runs); i++) {
        samples.push(
          await timer.time((pass) => {
            pass.setPipeline(d.pipeline);
            pass.setBindGroup(0, d.bindGroup);
            pass.dispatchWorkgroups(d.workgroups[0], d.workgroups[1], d.workgroups[2]);
          }),
        );
      }
      out.push({ label: d.label, ms: sampleStats(samples).median });
    }
    return out;
  } finally {
    plan.release();
    timer.destroy();
  }
}

/** The inputs and request the sweep would build for one point (used by --breakdown). */
export function sweepRequest(
  config: SweepConfig,
  variant: VariantId,
  form: Form,
  n: number,
  params: Params,
): RunRequest {
  const inputs = sweepInputs(config, n);
  return {
    variant,
    form,
    problem: sweepProblem(config, variant, n, inputs, params),
  };
}
