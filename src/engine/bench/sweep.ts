// Timing sweeps over n for a list of (variant, form) cases, on the GPU or the CPU.
// Honest by construction: warm-up runs first (pipeline compilation, first-touch
// allocation), ≥ `runs` timed runs reported as median with min/max and every
// sample, nothing read back inside the timed loop, timestamp queries when the
// device has them (else wall clock around onSubmittedWorkDone, labelled), the
// bytes each point allocates, and every skipped point with its reason.
import { runCpu } from '../cpu';
import { flopCount, gatedRecurrentBytes, isGatedVariant, memoryFootprint } from '../analysis/cost';
import { adapterName, describeAdapter, type AcquiredDevice } from '../gpu/device';
import { createGpuEngine, upload, type GpuEngine } from '../gpu/engine';
import { encodePlan } from '../gpu/plan';
import { createPassTimer, sampleStats } from '../gpu/timing';
import { bonusVector, dataDependentGates, writeStrengths } from '../inputs/gates';
import { linformerProjections } from '../inputs/projections';
import { hedgehogProjection, performerProjection } from '../inputs/randomFeatures';
import {
  EngineError,
  type ExtraInputs,
  type Form,
  type Params,
  type RunRequest,
  type VariantId,
} from '../types';
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
export const SWEEP_PERFORMER_M = 64;
export const SWEEP_LINFORMER_KPROJ = 32;

/**
 * The extra inputs a variant reads (engine-contract.md), from the lessons' seeded
 * generators: data-dependent log gates g (one per token for mamba2 and
 * gated-deltanet, dk per token for gla and rwkv6), writing strengths β (one per
 * token) for the delta rule, RWKV-6's bonus u (dk per head), Performer's random
 * features (m = 64 rows), Hedgehog's identity-like projection (r = dk) and
 * Linformer's E, F (kproj = 32). RetNet's decay is the parameter γ (its default),
 * so it needs none. Other variants: none.
 */
export function sweepExtraInputs(variant: VariantId, config: SweepConfig, n: number): ExtraInputs {
  const { heads, dk, seed } = config;
  const gates = (channels: number) => dataDependentGates({ seed: seed * 3 + 4, n, heads, channels });
  const beta = () => writeStrengths({ seed: seed * 3 + 5, n, heads });
  switch (variant) {
    case 'mamba2':
      return { g: gates(1) };
    case 'gla':
      return { g: gates(dk) };
    case 'rwkv6':
      return { g: gates(dk), u: bonusVector({ seed: seed * 3 + 6, dk, heads }) };
    case 'deltanet':
      return { beta: beta() };
    case 'gated-deltanet':
      return { g: gates(1), beta: beta() };
    case 'performer':
      return { projection: performerProjection({ seed: seed * 3 + 7, m: SWEEP_PERFORMER_M, dk }) };
    case 'hedgehog':
      return { projection: hedgehogProjection({ dk, r: dk }) };
    case 'linformer': {
      const { E, F } = linformerProjections({ n, kproj: SWEEP_LINFORMER_KPROJ, seed: seed * 3 + 8 });
      return { E, F };
    }
    default:
      return {};
  }
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
  if (variant === 'linear') return io;
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
  switch (variant) {
    case 'performer':
      return inputs.projection ? inputs.projection.length / dk : undefined;
    case 'hedgehog':
      return inputs.projection ? (2 * inputs.projection.length) / dk : undefined;
    case 'linformer':
      return inputs.E ? inputs.E.length / n : undefined;
    default:
      return undefined;
  }
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
  const params = options.params ?? defaultParams;
  const points: SweepPoint[] = [];
  const skipped: Skipped[] = [];
  const total = totalPoints(config);
  let done = 0;
  const stopped = new Set<string>();
  try {
    for (const n of config.ns) {
      let inputs: Inputs | undefined;
      const extras = new Map<VariantId, ExtraInputs>();
      for (const { variant, form } of config.cases) {
        const key = `${variant}/${form}`;
        onProgress({ done, total, current: { variant, form, n } });
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
            problem: sweepProblem(config, variant, n, inputs, caseParams, extras, options.inputs),
          };
          try {
            if (options.cooldownMs) await new Promise((resolve) => setTimeout(resolve, options.cooldownMs));
            const result = await timeGpuPoint(
              engine,
              timer,
              request,
              config,
              signal,
              options.minWarmupMs ?? 0,
            );
            if (result === 'cancelled') {
              skipped.push({ variant, form, n, reason: 'cancelled' });
            } else {
              const features = costFeatures(variant, config.dk, n, request.problem.inputs ?? {});
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
  } finally {
    timer.destroy();
    engine.context.pool.trim();
  }
  onProgress({ done, total });
  return {
    backend: 'webgpu',
    deviceName: adapterName(info),
    timing: timer.method,
    resolutionMs: timer.method === 'timestamp-query' ? resolutionMs : undefined,
    points,
    skipped,
  };
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
  const plan = engine.plan(request);
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
  const params = options.params ?? defaultParams;
  const points: SweepPoint[] = [];
  const skipped: Skipped[] = [];
  const total = totalPoints(config);
  const stopped = new Set<string>();
  let done = 0;
  const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  for (const n of config.ns) {
    let inputs: Inputs | undefined;
    const extras = new Map<VariantId, ExtraInputs>();
    for (const { variant, form } of config.cases) {
      const key = `${variant}/${form}`;
      onProgress({ done, total, current: { variant, form, n } });
      await yieldToLoop();
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
          problem: sweepProblem(config, variant, n, inputs, caseParams, extras, options.inputs),
        };
        try {
          const samples: number[] = [];
          let cancelled = false;
          for (let i = 0; i < config.warmup + Math.max(1, config.runs); i++) {
            if (signal?.aborted) {
              cancelled = true;
              break;
            }
            const started = performance.now();
            runCpu(request, options.maxBufferBytes);
            const ms = performance.now() - started;
            if (i >= config.warmup) samples.push(ms);
            await yieldToLoop();
          }
          if (cancelled) {
            skipped.push({ variant, form, n, reason: 'cancelled' });
          } else {
            const features = costFeatures(variant, config.dk, n, request.problem.inputs ?? {});
            const dims = { n, dk: config.dk, dv: config.dv, heads: config.heads, features };
            const bytes = memoryFootprint(variant, form, dims, caseParams, 8).totalBytes;
            const p = point(variant, form, n, config, samples, bytes, caseParams, features);
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
  return {
    backend: 'cpu',
    deviceName: 'CPU (float64 reference, JavaScript)',
    timing: 'performance-now',
    points,
    skipped,
  };
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
  const plan = engine.plan(request);
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
