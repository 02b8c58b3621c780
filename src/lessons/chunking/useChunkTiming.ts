// Lesson 7's timing: the three forms over n at the current chunk size, and the
// chunk form over chunk sizes at the current n, through the timing lab's
// runner (timestamp queries where the device has them, warm-up, median of ≥ 5
// runs, no read-back timed; progress and cancel). The last result outlives a
// remount of the lab (a step change) and never enters the link.
import { create } from 'zustand';
import type { CaseInputs, CaseParams, Form, SweepConfig, SweepResult, TimingMethod } from '../../engine';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { gateSetup, type GateView } from '../../components/decay-mask/gates';
import { pointBudgetMs, SWEEP_RUNS, SWEEP_WARMUP } from '../../components/timing-chart/sweepPlan';
import { useSweepRunner, type SweepRunner } from '../common/useSweepRunner';
import { LIMITS } from '../../state/limits';

/** Largest n the timing offers. */
export const TIMING_MAX_N = 65536;
/** Smallest n of the timing over n. */
export const TIMING_MIN_N = 256;
/** The forms timed, in the charts' order. */
export const FORMS_TIMED: readonly Form[] = ['recurrent', 'parallel', 'chunk'];

export interface TimedPoint {
  readonly form: Form;
  readonly n: number;
  readonly chunk: number;
  /** Median of the timed runs, ms. */
  readonly ms: number;
}

export interface ChunkTiming {
  readonly byN: readonly TimedPoint[];
  readonly byChunk: readonly TimedPoint[];
  readonly skipped: readonly { form: Form; n: number; chunk: number; reason: string }[];
  readonly variant: string;
  readonly backend: string;
  readonly deviceName: string;
  readonly timing: TimingMethod;
  readonly resolutionMs?: number;
}

/** The last timing of this lab (kept while the lab remounts on a step change; never in the link). */
const useLastChunkTiming = create<{ readonly result: ChunkTiming | null }>(() => ({ result: null }));

export interface ChunkTimingSetup {
  /** The lab's gates (kind, strength, forget token, β), set up again at every n. */
  readonly gateView: Omit<GateView, 'n'>;
  /** The gates' params at the lab's n (the chunk form adds its chunk size). */
  readonly params: ReturnType<typeof gateSetup>['params'];
  readonly n: number;
  readonly chunk: number;
  readonly sweepMaxN: number;
  readonly sweepBudgetS: number;
  /** Largest n the engine runs, if it has a cap. */
  readonly maxN: number | undefined;
}

export interface ChunkTimingRun {
  readonly timing: ChunkTiming | null;
  readonly runner: SweepRunner;
  /** The sizes of the timing over n. */
  readonly ns: readonly number[];
  readonly run: () => Promise<void>;
}

export function useChunkTiming(setup: ChunkTimingSetup): ChunkTimingRun {
  const { gateView, params, n, chunk, sweepMaxN, sweepBudgetS, maxN } = setup;
  const { variant, d, seed } = gateView;
  const timing = useLastChunkTiming((s) => s.result);
  const runner = useSweepRunner();
  const timingTop = Math.min(sweepMaxN, TIMING_MAX_N, maxN ?? TIMING_MAX_N);
  const ns = powersOfTwo(TIMING_MIN_N, timingTop);
  const chunkSizes = powersOfTwo(LIMITS.chunk.min, LIMITS.chunk.max);
  const run = async () => {
    const cases = FORMS_TIMED.map((form) => ({ variant, form }));
    const base: Omit<SweepConfig, 'cases' | 'ns' | 'budgetMs'> = {
      heads: 1,
      dk: d,
      dv: d,
      warmup: SWEEP_WARMUP,
      runs: SWEEP_RUNS,
      seed,
    };
    const inputs: CaseInputs = (_variant, size) => gateSetup({ ...gateView, n: size }).inputs;
    const paramsAt =
      (c: number): CaseParams =>
      (_variant, form) =>
        form === 'chunk' ? { ...params, chunkSize: c } : params;
    const total = cases.length * ns.length + chunkSizes.length;
    const result = await runner.start(total, sweepBudgetS, async (job) => {
      const overN = await job.sweep(
        { ...base, cases, ns, budgetMs: pointBudgetMs(sweepBudgetS, cases.length) },
        { params: paramsAt(chunk), inputs, tag: String(chunk) },
      );
      const overChunk: { c: number; result: SweepResult }[] = [];
      for (const c of chunkSizes) {
        const swept = await job.sweep(
          { ...base, cases: [{ variant, form: 'chunk' }], ns: [n], budgetMs: Number.POSITIVE_INFINITY },
          { params: paramsAt(c), inputs, tag: String(c) },
        );
        overChunk.push({ c, result: swept });
      }
      const timed = (c: number) => (p: SweepResult['points'][number]) => ({
        form: p.form,
        n: p.n,
        chunk: c,
        ms: p.ms,
      });
      const skippedOf = (c: number) => (s: SweepResult['skipped'][number]) => ({
        form: s.form,
        n: s.n,
        chunk: c,
        reason: s.reason,
      });
      return {
        byN: overN.points.map(timed(chunk)),
        byChunk: overChunk.flatMap(({ c, result: r }) => r.points.map(timed(c))),
        skipped: [
          ...overN.skipped.map(skippedOf(chunk)),
          ...overChunk.flatMap(({ c, result: r }) => r.skipped.map(skippedOf(c))),
        ],
        variant,
        backend: overN.backend,
        deviceName: overN.deviceName,
        timing: overN.timing,
        resolutionMs: overN.resolutionMs,
      } satisfies ChunkTiming;
    });
    if (result) useLastChunkTiming.setState({ result });
  };
  return { timing, runner, ns, run };
}
