// Descriptors of the gated and delta-rule variants (engine-contract.md; the math
// is attention-math.md T2, T3, §12, §14–§17). All six are recurrent-capable
// (parallel, recurrent, chunk), causal only, with gates given in log space
// (g ≤ 0, decay factor e^g) and a final state of dk×dv per head.
import { EngineError, type ExtraInputs } from '../../../types';
import {
  causalParam,
  chunkSizeParam,
  scaleParam,
  type ExtraInputSpec,
  type NumberParamSpec,
  type ProblemDims,
  type ResolvedParams,
  type VariantDescriptor,
} from '../descriptor';

const FORMS = ['parallel', 'recurrent', 'chunk'] as const;

const unitScaleParam: NumberParamSpec = {
  kind: 'number',
  default: 1,
  description: 'multiplies q_t·S_t (default 1, as fla calls these kernels)',
};

const normalizeKParam = {
  kind: 'boolean',
  default: true,
  description: 'divide every k_t by its L2 norm first (the delta rule needs ‖k‖ = 1 to stay stable)',
} as const;

const scalarGateInput: ExtraInputSpec = {
  name: 'g',
  description: 'log decay per token (n numbers ≤ 0; the state is multiplied by e^g)',
  shape: (dims) => [dims.n, 1],
};

const vectorGateInput: ExtraInputSpec = {
  name: 'g',
  description: 'log decay per token and key channel (n×dk numbers ≤ 0; S rows decay by e^g)',
  shape: (dims) => [dims.n, dims.dk],
};

function betaInput(upper: number): ExtraInputSpec {
  return {
    name: 'beta',
    description: `writing strength per token (n numbers in (0, ${upper}))`,
    shape: (dims) => [dims.n, 1],
  };
}

const bonusInput: ExtraInputSpec = {
  name: 'u',
  description: 'bonus per key channel for the current token (dk numbers per head)',
  shape: (dims) => [1, dims.dk],
};

const stateShape = (dims: ProblemDims): readonly [number, number] => [dims.dk, dims.dv];

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

function check(betaUpper?: number) {
  return (_dims: ProblemDims, _params: ResolvedParams, inputs: ExtraInputs): void => {
    checkGates(inputs);
    if (betaUpper !== undefined) checkBeta(inputs, betaUpper);
  };
}

/** RetNet retention (§12): o = (scale·QKᵀ ⊙ D)V with D_ij = γ^{i−j}, j ≤ i; no normalisation. */
export const retnetDescriptor: VariantDescriptor = {
  id: 'retnet',
  title: 'RetNet (fixed decay γ)',
  forms: FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    gamma: {
      kind: 'number',
      default: 0.96875,
      min: 0,
      minExclusive: true,
      max: 1,
      description: 'decay per step γ (0 < γ ≤ 1); the state is multiplied by γ before each write',
    },
    scale: scaleParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [],
  stateShape,
};

/** Mamba-2 SSD as scalar data-dependent decay (§14, T2; fla simple_gla semantics). */
export const mamba2Descriptor: VariantDescriptor = {
  id: 'mamba2',
  title: 'Mamba-2 (scalar data-dependent decay)',
  forms: FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: unitScaleParam, chunkSize: chunkSizeParam },
  extraInputs: [scalarGateInput],
  stateShape,
  check: check(),
};

/** GLA (§15, T3): per-channel data-dependent decay, o_t = scale·q_t S_t. */
export const glaDescriptor: VariantDescriptor = {
  id: 'gla',
  title: 'GLA (per-channel gates)',
  forms: FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: scaleParam, chunkSize: chunkSizeParam },
  extraInputs: [vectorGateInput],
  stateShape,
  check: check(),
};

/** RWKV-6 (§16): reads S_{t−1} plus the bonus diag(u)k_tᵀv_t; per-channel decay. */
export const rwkv6Descriptor: VariantDescriptor = {
  id: 'rwkv6',
  title: 'RWKV-6 (per-channel decay, bonus)',
  forms: FORMS,
  causal: 'causal-only',
  params: { causal: causalParam, scale: unitScaleParam, chunkSize: chunkSizeParam },
  extraInputs: [vectorGateInput, bonusInput],
  stateShape,
  check: check(),
};

/** Upper bound of β: the contract's (0, 1) for DeltaNet; (0, 2) (the stable range, §17) for Gated DeltaNet. */
export const DELTANET_BETA_MAX = 1;
export const GATED_DELTANET_BETA_MAX = 2;

/** DeltaNet (§17): S_t = S_{t−1} + β_t k_tᵀ(v_t − k_t S_{t−1}), o_t = scale·q_t S_t. */
export const deltanetDescriptor: VariantDescriptor = {
  id: 'deltanet',
  title: 'DeltaNet (delta rule)',
  forms: FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    normalizeK: normalizeKParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [betaInput(DELTANET_BETA_MAX)],
  stateShape,
  check: check(DELTANET_BETA_MAX),
};

/** Gated DeltaNet (§17): S_t = e^{g_t}S_{t−1}, then the delta update of DeltaNet on it. */
export const gatedDeltanetDescriptor: VariantDescriptor = {
  id: 'gated-deltanet',
  title: 'Gated DeltaNet',
  forms: FORMS,
  causal: 'causal-only',
  params: {
    causal: causalParam,
    scale: scaleParam,
    normalizeK: normalizeKParam,
    chunkSize: chunkSizeParam,
  },
  extraInputs: [scalarGateInput, betaInput(GATED_DELTANET_BETA_MAX)],
  stateShape,
  check: check(GATED_DELTANET_BETA_MAX),
};

export const GATED_DESCRIPTORS: readonly VariantDescriptor[] = [
  retnetDescriptor,
  mamba2Descriptor,
  glaDescriptor,
  rwkv6Descriptor,
  deltanetDescriptor,
  gatedDeltanetDescriptor,
];
