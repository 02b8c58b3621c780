// Descriptor pieces the gated and delta-rule variants share (engine-contract.md;
// the math is attention-math.md T2, T3, §12, §14–§17): all six are
// recurrent-capable (parallel, recurrent, chunk), causal only, with gates given
// in log space (g ≤ 0, decay factor e^g) and a final state of dk×dv per head.
// Each variant's own descriptor is in its folder.
import { EngineError, type ExtraInputs } from '../../../types';
import {
  type ExtraInputSpec,
  type NumberParamSpec,
  type ProblemDims,
  type ResolvedParams,
} from '../descriptor';

/** The forms every gated variant offers. */
export const GATED_FORMS = ['parallel', 'recurrent', 'chunk'] as const;

export const unitScaleParam: NumberParamSpec = {
  kind: 'number',
  default: 1,
  description: 'multiplies q_t·S_t (default 1, as fla calls these kernels)',
};

export const normalizeKParam = {
  kind: 'boolean',
  default: true,
  description: 'divide every k_t by its L2 norm first (the delta rule needs ‖k‖ = 1 to stay stable)',
} as const;

export const scalarGateInput: ExtraInputSpec = {
  name: 'g',
  description: 'log decay per token (n numbers ≤ 0; the state is multiplied by e^g)',
  shape: (dims) => [dims.n, 1],
};

export const vectorGateInput: ExtraInputSpec = {
  name: 'g',
  description: 'log decay per token and key channel (n×dk numbers ≤ 0; S rows decay by e^g)',
  shape: (dims) => [dims.n, dims.dk],
};

export function betaInput(upper: number): ExtraInputSpec {
  return {
    name: 'beta',
    description: `writing strength per token (n numbers in (0, ${upper}))`,
    shape: (dims) => [dims.n, 1],
  };
}

export const bonusInput: ExtraInputSpec = {
  name: 'u',
  description: 'bonus per key channel for the current token (dk numbers per head)',
  shape: (dims) => [1, dims.dk],
};

export const stateShape = (dims: ProblemDims): readonly [number, number] => [dims.dk, dims.dv];

/** Every gate must be ≤ 0 (a decay factor e^g ≤ 1). */
function checkGates(inputs: ExtraInputs): void {
  const g = inputs.g;
  if (!g) return;
  for (let i = 0; i < g.length; i++) {
    if (g[i] > 0) {
      throw new EngineError(
        `inputs.g[${i}] = ${g[i]} is positive; gates are log decays and must be ≤ 0 (decay factor e^g ≤ 1)`,
      );
    }
  }
}

function checkBeta(inputs: ExtraInputs, upper: number): void {
  const beta = inputs.beta;
  if (!beta) return;
  for (let i = 0; i < beta.length; i++) {
    if (!(beta[i] > 0 && beta[i] < upper)) {
      throw new EngineError(`inputs.beta[${i}] = ${beta[i]} is outside (0, ${upper})`);
    }
  }
}

export function checkGatedInputs(betaUpper?: number) {
  return (_dims: ProblemDims, _params: ResolvedParams, inputs: ExtraInputs): void => {
    checkGates(inputs);
    if (betaUpper !== undefined) checkBeta(inputs, betaUpper);
  };
}
