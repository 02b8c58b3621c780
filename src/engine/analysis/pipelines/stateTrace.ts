// ‖S_t‖_F for every t of the state views (lessons 4 and 6): one float64 pass of
// the recurrence over the view's seeded inputs, in the analysis worker, so the
// norm curve never holds the page up.
import { cpuGatedStateTrace, cpuLinearStateTrace } from '../../cpu';
import type { ExtraInputs, Params, VariantId } from '../../types';
import type { FeatureMap } from '../../variants/linear/descriptor';
import { generatedProblem, type GeneratorInputs } from './inputs';

/**
 * Largest n·dk·dv whose norm curve the labs trace (a few ms); beyond it they
 * say the trace is too big instead of asking for it.
 */
export const STATE_TRACE_BUDGET = 4e7;

export interface LinearTraceSettings {
  readonly inputs: GeneratorInputs;
  readonly featureMap: FeatureMap;
}

/** ‖S_t‖_F of causal linear attention with this φ (normalised unless φ is the identity). */
export function linearStateNorms({ inputs, featureMap }: LinearTraceSettings): number[] {
  const params = { causal: true, featureMap, normalize: featureMap !== 'identity' };
  const trace = cpuLinearStateTrace({ ...generatedProblem(inputs), params }, 1);
  return Array.from(trace.norms);
}

export interface GatedTraceSettings {
  readonly variant: VariantId;
  readonly inputs: GeneratorInputs;
  readonly params: Params;
  /** The gates (g, beta, u) the variant reads, as the lab built them. */
  readonly extraInputs: ExtraInputs;
}

/** ‖S_t‖_F of a gated or delta-rule variant through its forgetting. */
export function gatedStateNorms({ variant, inputs, params, extraInputs }: GatedTraceSettings): number[] {
  const problem = { ...generatedProblem(inputs), params, inputs: extraInputs };
  return Array.from(cpuGatedStateTrace(variant, problem, 1).norms);
}
