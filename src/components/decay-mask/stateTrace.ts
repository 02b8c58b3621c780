// ‖S_t‖_F of a gated variant for every t, from the float64 CPU reference (one
// pass over the tokens), so the state view can plot the norm through forgetting.
import {
  validateRequest,
  gatedHead,
  gatedRecurrent,
  isGatedVariant,
  type AttentionProblem,
  type VariantId,
} from '../../engine';

/** Largest n·dk·dv traced on the main thread (a few ms). */
export const TRACE_BUDGET = 4e7;

export function gatedStateNorms(variant: VariantId, problem: AttentionProblem): number[] | null {
  if (!isGatedVariant(variant)) return null;
  if (problem.n * problem.dk * problem.dv > TRACE_BUDGET) return null;
  const normalized = validateRequest({ variant, form: 'recurrent', problem });
  const inputs: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(normalized.inputs)) inputs[name] = Float64Array.from(values);
  const head = gatedHead(
    variant,
    {
      n: problem.n,
      dk: problem.dk,
      dv: problem.dv,
      q: Float64Array.from(problem.q),
      k: Float64Array.from(problem.k),
      v: Float64Array.from(problem.v),
      inputs,
    },
    normalized.params,
  );
  const norms: number[] = [];
  gatedRecurrent(head, undefined, (_t, state) => {
    let sum = 0;
    for (let i = 0; i < state.length; i++) sum += state[i] * state[i];
    norms.push(Math.sqrt(sum));
  });
  return norms;
}
