// Lesson 12's float64 branch analyses, in the analysis worker: Infini-attention's
// memory and local branches (their shares per token and per segment, and both
// branch outputs, which the lab sums to check the engine's output), and the
// sliding-window + linear hybrid's branch shares at λ, the λ of an equal share
// and the mean share over a grid of ln λ.
import {
  equalShareLogLambda,
  hybridBranches,
  hybridShares,
  infiniShares,
  linShareCurve,
  type HybridShares,
  type InfiniShares,
} from '../../hybrid/hybrid';
import { infiniParts } from '../../variants/infini/cpu';
import { float64Head, generatedProblem, type GeneratorInputs } from './inputs';

export interface InfiniSettings {
  readonly inputs: GeneratorInputs;
  readonly segment: number;
  readonly beta: number;
}

export interface InfiniBranches {
  readonly shares: InfiniShares;
  /** n×d: the memory branch A_mem and the local branch A_dot, before the gate. */
  readonly aMem: Float64Array;
  readonly aDot: Float64Array;
}

/** Infini-attention's branches on the view's inputs, score scale 1/√d. */
export function infiniBranches({ inputs, segment, beta }: InfiniSettings): InfiniBranches {
  const head = float64Head(generatedProblem(inputs));
  const options = { segment, beta, scale: 1 / Math.sqrt(inputs.d) };
  const parts = infiniParts(head, options);
  return { shares: infiniShares(head, options), aMem: parts.aMem, aDot: parts.aDot };
}

export interface HybridSettings {
  readonly inputs: GeneratorInputs;
  readonly window: number;
  /** Weight λ of the linear branch. */
  readonly lambda: number;
  /** The ln λ grid of the sweep chart. */
  readonly logLambdas: readonly number[];
}

export interface HybridAnalysis {
  readonly shares: HybridShares;
  /** ln λ of an equal mean share (NaN when there is none). */
  readonly equalLogLambda: number;
  /** Mean linear share at each ln λ of the grid. */
  readonly curve: Float64Array;
}

/** The window + linear hybrid on the view's inputs, softmax scale 1/√d. */
export function hybridAnalysis({ inputs, window, lambda, logLambdas }: HybridSettings): HybridAnalysis {
  const head = float64Head(generatedProblem(inputs));
  const branches = hybridBranches(head, window, 1 / Math.sqrt(inputs.d));
  return {
    shares: hybridShares(branches, window, lambda),
    equalLogLambda: equalShareLogLambda(branches, window),
    curve: linShareCurve(branches, window, logLambdas),
  };
}
