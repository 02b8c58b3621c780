// ‖S_t‖_F of a gated variant for every t, from the float64 CPU reference (one
// pass over the tokens), so the state view can plot the norm through forgetting.
import { cpuGatedStateTrace, isGatedVariant, type AttentionProblem, type VariantId } from '../../engine';

/** Largest n·dk·dv traced on the main thread (a few ms). */
export const TRACE_BUDGET = 4e7;

export function gatedStateNorms(variant: VariantId, problem: AttentionProblem): number[] | null {
  if (!isGatedVariant(variant)) return null;
  if (problem.n * problem.dk * problem.dv > TRACE_BUDGET) return null;
  return Array.from(cpuGatedStateTrace(variant, problem, 1).norms);
}
