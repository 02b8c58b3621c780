// What lesson 12's hybrid steps compute, in float64 in the analysis worker: the
// sliding-window + linear hybrid's branch shares at λ, the λ of an equal share
// and the mean linear share over the ln λ grid of the sweep chart.
import type { HybridShares } from '../../engine';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import type { ProblemInputs } from '../../components/lab/useProblem';
import { LIMITS } from '../../state/limits';

/** ln λ grid of the sweep chart: the mix field's range. */
export const MIX_GRID = Array.from(
  { length: Math.round((LIMITS.mix.max - LIMITS.mix.min) / 0.25) + 1 },
  (_, i) => LIMITS.mix.min + i * 0.25,
);

export interface HybridAnalysisView {
  /** The current settings' shares; null while they compute (the readouts wait). */
  readonly hybrid: HybridShares | null;
  /** The newest shares, kept while newer ones compute (the per-token chart). */
  readonly shownHybrid: HybridShares | null;
  /** ln λ of an equal mean share (NaN: none); undefined while it computes. */
  readonly equalLog: number | undefined;
  /** Mean linear share at each ln λ of MIX_GRID, kept while a newer one computes. */
  readonly curve: Float64Array | null;
}

export function useHybridAnalysis(
  inputs: ProblemInputs,
  { window, lambda }: { readonly window: number; readonly lambda: number },
  /** False on Infini-attention's steps: nothing runs. */
  enabled: boolean,
): HybridAnalysisView {
  const hybridRun = useAnalysis(
    'hybridAnalysis',
    enabled ? { inputs, window, lambda, logLambdas: MIX_GRID } : null,
  );
  return {
    hybrid: hybridRun.pending ? null : (hybridRun.result?.shares ?? null),
    shownHybrid: hybridRun.result?.shares ?? null,
    equalLog: hybridRun.pending ? undefined : hybridRun.result?.equalLogLambda,
    curve: hybridRun.result?.curve ?? null,
  };
}
