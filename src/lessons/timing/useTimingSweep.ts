// Lesson 8's sweep: the chosen curves over n with warm-up and ≥ 5 timed runs
// per point, through the shared sweep runner (progress, cancel). Each variant
// gets the reader's causal setting where it accepts it, the lab's chunk size,
// window, Performer's m and Linformer's k. The last result is kept apart from
// the link.
import {
  findVariant,
  linformerProjections,
  performerProjection,
  type CaseInputs,
  type CaseParams,
  type SweepConfig,
  type SweepResult,
  type VariantId,
} from '../../engine';
import {
  pointBudgetMs,
  SWEEP_RUNS,
  SWEEP_WARMUP,
  useLastSweep,
} from '../../components/timing-chart/sweepPlan';
import { useSweepRunner, type SweepRunner } from '../common/useSweepRunner';
import { useViewStore } from '../../state/store';

/** The causal setting a variant accepts: the reader's where it has both, else the only one it has. */
function causalFor(variant: VariantId, causal: boolean): boolean {
  const support = findVariant(variant)?.causal ?? 'both';
  return support === 'both' ? causal : support === 'causal-only';
}

export interface TimingSweep {
  readonly result: SweepResult | null;
  readonly runner: SweepRunner;
  readonly run: () => Promise<void>;
}

/** `ns`: the sizes to time. */
export function useTimingSweep(ns: number[]): TimingSweep {
  const sweepCases = useViewStore((s) => s.sweepCases);
  const sweepBudgetS = useViewStore((s) => s.sweepBudgetS);
  const d = useViewStore((s) => s.d);
  const chunk = useViewStore((s) => s.chunk);
  const causal = useViewStore((s) => s.causal);
  const swaWindow = useViewStore((s) => s.window);
  const m = useViewStore((s) => s.m);
  const kproj = useViewStore((s) => s.kproj);
  const result = useLastSweep((s) => s.result);
  const runner = useSweepRunner();

  const run = async () => {
    const { seed } = useViewStore.getState();
    const config: SweepConfig = {
      cases: sweepCases,
      ns,
      heads: 1,
      dk: d,
      dv: d,
      warmup: SWEEP_WARMUP,
      runs: SWEEP_RUNS,
      budgetMs: pointBudgetMs(sweepBudgetS, sweepCases.length),
      seed,
    };
    const params: CaseParams = (variant, form) => ({
      causal: causalFor(variant, causal),
      ...(form === 'chunk' ? { chunkSize: chunk } : {}),
      ...(variant === 'swa' ? { window: swaWindow } : {}),
    });
    // The lab's own m and kproj; every other variant gets the bench's seeded inputs.
    const inputs: CaseInputs = (variant, n) => {
      if (variant === 'performer')
        return { projection: performerProjection({ seed: seed * 3 + 7, m, dk: d }) };
      if (variant === 'linformer') return linformerProjections({ n, kproj, seed: seed * 3 + 8 });
      return undefined;
    };
    const swept = await runner.start(config.cases.length * ns.length, sweepBudgetS, (job) =>
      job.sweep(config, { params, inputs }),
    );
    if (swept) useLastSweep.setState({ result: swept });
  };
  return { result, runner, run };
}
