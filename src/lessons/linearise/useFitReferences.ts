// The fixed points lesson 13's fit is measured against, computed once per
// input on the page: softmax's causal map (the target), elu+1's errors, and
// the held-out tokens' errors at W's start and, while the fit rests, now.
import { useMemo } from 'react';
import {
  elu1Errors,
  fitProblemFromInputs,
  heldOutErrors,
  heldOutProblem,
  hostMatrix,
  initialProjection,
  softmaxTarget,
  type FitSnapshot,
  type MatrixHandle,
} from '../../engine';
import type { ProblemInputs } from '../../components/lab/useProblem';

type Errors = ReturnType<typeof elu1Errors>;
type HeldOutErrors = ReturnType<typeof heldOutErrors>;

export interface FitReferences {
  readonly softmaxMap: MatrixHandle;
  readonly elu1: Errors;
  readonly heldOutStart: HeldOutErrors;
  /** The fitted W on held-out tokens, or null while the fit runs. */
  readonly heldOutNow: HeldOutErrors | null;
}

/** `restingW`: the fitted W while the fit rests, null while it runs (not measured every frame of play). */
export function useFitReferences(
  inputs: ProblemInputs,
  rank: number,
  restingW: FitSnapshot['w'] | null,
): FitReferences {
  const { n, d } = inputs;
  const problem = useMemo(() => fitProblemFromInputs(inputs), [inputs]);
  const target = useMemo(() => softmaxTarget(problem), [problem]);
  const softmaxMap = useMemo(() => hostMatrix(target.weights, n, n), [target, n]);
  const elu1 = useMemo(() => elu1Errors(problem, target), [problem, target]);
  const heldOut = useMemo(() => heldOutProblem(inputs), [inputs]);
  const heldOutStart = useMemo(
    () => heldOutErrors(heldOut, initialProjection(inputs.seed, d, rank), rank),
    [heldOut, inputs.seed, d, rank],
  );
  const heldOutNow = useMemo(
    () => (restingW && restingW.length === d * rank ? heldOutErrors(heldOut, restingW, rank) : null),
    [heldOut, restingW, d, rank],
  );
  return { softmaxMap, elu1, heldOutStart, heldOutNow };
}
