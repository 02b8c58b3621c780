// Timing of the three forms of a gated variant on the reader's device, through
// the engine (the bench's runGpuSweep feeds only q, k, v, and the gated
// variants also need their gates): warm-up runs first, then the median of
// several timed runs per point; the engine reports each run's time (on WebGPU
// from submit to onSubmittedWorkDone, on the CPU fallback the worker's wall
// clock). Two passes: the forms over n at the chosen chunk size, then the chunk
// form over chunk sizes at one n. Cancel stops between runs.
import { create } from 'zustand';
import { generateProblem } from '../../engine/inputs/generate';
import { EngineError, type AttentionEngine, type Form, type RunRequest } from '../../engine/types';
import { gateSetup, type GateView } from '../decay-mask/gates';

export const FORMS_TIMED: readonly Form[] = ['recurrent', 'parallel', 'chunk'];
export const TIMING_WARMUP = 1;
export const TIMING_RUNS = 5;
export const TIMING_MIN_N = 256;

export interface TimedPoint {
  readonly form: Form;
  readonly n: number;
  readonly chunk: number;
  /** Median of the timed runs, ms. */
  readonly ms: number;
  readonly samples: readonly number[];
}

export interface SkippedPoint {
  readonly form: Form;
  readonly n: number;
  readonly chunk: number;
  readonly reason: string;
}

export interface ChunkTimingPlan {
  readonly view: Omit<GateView, 'n'>;
  /** The generator's shape of Q and K (the lab's settings), the same at every n. */
  readonly shape: { readonly temperature: number; readonly locality: number; readonly clustering: number };
  /** Sequence lengths of the first pass (forms over n). */
  readonly ns: readonly number[];
  /** Chunk size of the first pass. */
  readonly chunk: number;
  /** Chunk sizes of the second pass (chunk form at chunkN). */
  readonly chunks: readonly number[];
  readonly chunkN: number;
  /** A form stops growing n once one of its points took longer than this (median, ms). */
  readonly budgetMs: number;
}

export interface ChunkTimingProgress {
  readonly done: number;
  readonly total: number;
  readonly current?: { readonly form: Form; readonly n: number; readonly chunk: number };
}

export interface ChunkTimingResult {
  readonly byN: readonly TimedPoint[];
  readonly byChunk: readonly TimedPoint[];
  readonly skipped: readonly SkippedPoint[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function request(plan: ChunkTimingPlan, n: number, form: Form, chunk: number): RunRequest {
  const { view } = plan;
  const problem = generateProblem({ ...plan.shape, seed: view.seed, n, dk: view.d, dv: view.d });
  const setup = gateSetup({ ...view, n });
  return {
    variant: view.variant,
    form,
    problem: {
      n,
      dk: view.d,
      dv: view.d,
      q: problem.q,
      k: problem.k,
      v: problem.v,
      inputs: setup.inputs,
      params: form === 'chunk' ? { ...setup.params, chunkSize: chunk } : setup.params,
    },
  };
}

export async function runChunkTiming(
  engine: AttentionEngine,
  plan: ChunkTimingPlan,
  onProgress: (progress: ChunkTimingProgress) => void,
  signal: AbortSignal,
): Promise<ChunkTimingResult> {
  const byN: TimedPoint[] = [];
  const byChunk: TimedPoint[] = [];
  const skipped: SkippedPoint[] = [];
  const total = plan.ns.length * FORMS_TIMED.length + plan.chunks.length;
  let done = 0;
  const stopped = new Set<Form>();

  const time = async (form: Form, n: number, chunk: number): Promise<TimedPoint | null> => {
    onProgress({ done, total, current: { form, n, chunk } });
    if (signal.aborted) {
      skipped.push({ form, n, chunk, reason: 'cancelled' });
      return null;
    }
    try {
      const req = request(plan, n, form, chunk);
      const samples: number[] = [];
      for (let i = 0; i < TIMING_WARMUP + TIMING_RUNS; i++) {
        if (signal.aborted) {
          skipped.push({ form, n, chunk, reason: 'cancelled' });
          return null;
        }
        const result = await engine.run(req);
        if (i >= TIMING_WARMUP) samples.push(result.ms);
      }
      return { form, n, chunk, ms: median(samples), samples };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      skipped.push({ form, n, chunk, reason: error.message });
      return null;
    }
  };

  for (const n of plan.ns) {
    for (const form of FORMS_TIMED) {
      if (stopped.has(form)) {
        skipped.push({
          form,
          n,
          chunk: plan.chunk,
          reason: `over ${Math.round(plan.budgetMs)} ms at a smaller n`,
        });
      } else {
        const point = await time(form, n, plan.chunk);
        if (point) {
          byN.push(point);
          if (point.ms > plan.budgetMs) stopped.add(form);
        }
      }
      done++;
    }
  }
  for (const chunk of plan.chunks) {
    const point = await time('chunk', plan.chunkN, chunk);
    if (point) byChunk.push(point);
    done++;
  }
  onProgress({ done, total });
  return { byN, byChunk, skipped };
}

/** The last timing of the chunking lab (kept while the lab remounts on a step change; never in the link). */
export const useLastChunkTiming = create<{
  readonly result: (ChunkTimingResult & { readonly backend: string; readonly variant: string }) | null;
}>(() => ({ result: null }));
