// What lesson 12's Infini-attention steps compute: the implied map and the
// chunk-form output from the engine, both branches in float64 from the analysis
// worker, and the check that the engine's output is the gated sum of the two.
import { useMemo } from 'react';
import type { GeneratedProblem, InfiniShares, MatrixHandle, RunResult } from '../../engine';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import { useEngine, useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import { problemKey, type ProblemInputs } from '../../components/lab/useProblem';

export interface InfiniRuns {
  readonly weights: LatestRun<MatrixHandle>;
  readonly run: LatestRun<RunResult>;
  /** The gate sigmoid(β). */
  readonly gate: number;
  /** The current settings' shares; null while they compute (the readouts wait). */
  readonly shares: InfiniShares | null;
  /** The newest shares, kept while newer ones compute (the chart and the table). */
  readonly shownShares: InfiniShares | null;
  /** Largest |gate·A_mem + (1 − gate)·A_dot − o| relative to the largest sum. */
  readonly agreement: number | undefined;
  /** ‖M‖_F of the engine's final memory. */
  readonly memoryNorm: number | undefined;
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function frobenius(values: ArrayLike<number>, count = values.length): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

export function useInfiniRuns(
  inputs: ProblemInputs,
  problem: GeneratedProblem,
  { segment, beta }: { readonly segment: number; readonly beta: number },
  /** False on the hybrid's steps: nothing runs. */
  enabled: boolean,
): InfiniRuns {
  const { engine, epoch, backend } = useEngine();
  const { n, d } = inputs;
  const gate = sigmoid(beta);
  const params = { segment, beta };
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${segment}|${beta}` : null;
  const engineProblem = { n, dk: d, dv: d, q: problem.q, k: problem.k, v: problem.v, params };
  const weights = useLatestRun<MatrixHandle>(enabled ? key : null, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'infini', problem: engineProblem });
  });
  const run = useLatestRun<RunResult>(enabled ? key : null, () => {
    if (!engine) throw new Error('no engine');
    return engine.run({ variant: 'infini', form: 'chunk', problem: engineProblem });
  });

  // The branches in float64, in the analysis worker. Readouts wait for the current
  // settings' numbers; the charts and the table keep the previous ones meanwhile.
  const infini = useAnalysis('infiniBranches', enabled ? { inputs, segment, beta } : null);
  const shownShares = infini.result?.shares ?? null;
  const shares = infini.pending ? null : shownShares;
  // The engine's output against the two branches summed here: they must agree.
  const parts = infini.pending ? undefined : infini.result;
  const agreement = useMemo(() => {
    if (!enabled || !run.value || run.pending || !parts) return undefined;
    let worst = 0;
    let largest = 0;
    for (let i = 0; i < n * d; i++) {
      const sum = gate * parts.aMem[i] + (1 - gate) * parts.aDot[i];
      worst = Math.max(worst, Math.abs(sum - run.value.o[i]));
      largest = Math.max(largest, Math.abs(sum));
    }
    return worst / Math.max(1, largest);
  }, [enabled, run.value, run.pending, parts, gate, n, d]);
  const memoryNorm = run.value?.state && !run.pending ? frobenius(run.value.state, d * d) : undefined;
  return { weights, run, gate, shares, shownShares, agreement, memoryNorm };
}
