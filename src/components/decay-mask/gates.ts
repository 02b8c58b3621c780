// What the gating labs feed the gated variants, built from the view: the log
// gates g ≤ 0 (per token, per key channel for GLA and RWKV-6), β for the delta
// rule, RWKV-6's bonus u, and the params of the run. Also the pure decay mask
// and the memory horizon that the gates alone imply (no engine needed: both are
// sums of log gates, exactly what the recurrence multiplies the state by).
import {
  bonusVector,
  constantGates,
  dataDependentGates,
  familyIds,
  forgetAtGates,
  getDefinition,
  isGatedVariant,
  type ExtraInputs,
  type GatedRule,
  type GatedVariant,
  type Params,
} from '../../engine';
import type { GateKind } from '../../state/types';

/** The gated and delta-rule variants, in the registry's menu order. */
export const GATED_VARIANTS: readonly GatedVariant[] = familyIds('gated');
export type GatedVariantId = GatedVariant;

export function isGatedVariantId(id: string): id is GatedVariantId {
  return isGatedVariant(id);
}

/** The variant's rule (where its decay comes from, the delta rule, RWKV-6's bonus). */
function ruleOf(variant: GatedVariantId): GatedRule {
  const rule = getDefinition(variant).gated;
  if (!rule) throw new Error(`${variant} has no gated rule`);
  return rule;
}

/** Which controls a variant takes, from its rule. */
export function gateControlsOf(variant: GatedVariantId): {
  readonly gamma: boolean;
  readonly gate: boolean;
  readonly beta: boolean;
  readonly perChannel: boolean;
} {
  const rule = ruleOf(variant);
  return {
    gamma: rule.decay === 'gamma',
    gate: rule.decay === 'token' || rule.decay === 'channel',
    beta: rule.delta,
    perChannel: rule.decay === 'channel',
  };
}

/**
 * E[−log σ(x)] for x ~ N(0, 1) (numerically 0.80606): the mean |g| of the seeded
 * data-dependent gates with normalizer 1. Dividing by it makes gateStrength the
 * mean size of one step, as the view state documents.
 */
export const MEAN_SOFTPLUS_OF_NORMAL = 0.80606;

export interface GateView {
  readonly variant: GatedVariantId;
  readonly n: number;
  readonly d: number;
  readonly seed: number;
  readonly gamma: number;
  readonly gate: GateKind;
  readonly gateStrength: number;
  readonly forgetAt: number;
  readonly beta: number;
}

export interface GateSetup {
  /** Extra inputs of the run (g, beta, u as the variant needs them). */
  readonly inputs: ExtraInputs;
  readonly params: Params;
  /** The log gates every token applies to the state, n×channels (RetNet: ln γ; DeltaNet: 0). */
  readonly logGates: Float32Array | Float64Array;
  /** 1 for a scalar gate, d for per-channel gates. */
  readonly channels: number;
}

/** Log gates of the view's gate kind (n×channels). */
export function viewGates(view: GateView, channels: number): Float32Array {
  const { n, seed } = view;
  switch (view.gate) {
    case 'constant':
      return constantGates({ n, channels, value: -view.gateStrength });
    case 'data':
      // Strength 0 keeps everything: the normaliser would be infinite.
      if (view.gateStrength === 0) return constantGates({ n, channels, value: 0 });
      return dataDependentGates({
        n,
        channels,
        seed,
        normalizer: MEAN_SOFTPLUS_OF_NORMAL / view.gateStrength,
      });
    case 'forget':
      return forgetAtGates({ n, channels, at: Math.min(view.forgetAt, n) });
  }
}

export function gateSetup(view: GateView): GateSetup {
  const { variant, n, d } = view;
  const rule = ruleOf(variant);
  const channels = rule.decay === 'channel' ? d : 1;
  const params: Params = rule.decay === 'gamma' ? { causal: true, gamma: view.gamma } : { causal: true };
  if (rule.decay === 'gamma') {
    return { inputs: {}, params, logGates: new Float64Array(n).fill(Math.log(view.gamma)), channels: 1 };
  }
  if (rule.decay === 'none') {
    return {
      inputs: { beta: new Float32Array(n).fill(view.beta) },
      params,
      logGates: new Float64Array(n),
      channels: 1,
    };
  }
  const g = viewGates(view, channels);
  const inputs: Record<string, ArrayLike<number>> = { g };
  if (rule.bonus) inputs.u = bonusVector({ seed: view.seed, dk: d });
  if (rule.delta) inputs.beta = new Float32Array(n).fill(view.beta);
  return { inputs, params, logGates: g, channels };
}

/** Inclusive prefix sums of the log gates per channel (float64), n×channels. */
function prefixSums(logGates: ArrayLike<number>, n: number, channels: number): Float64Array {
  const sums = new Float64Array(n * channels);
  for (let c = 0; c < channels; c++) {
    let running = 0;
    for (let t = 0; t < n; t++) {
      running += logGates[t * channels + c];
      sums[t * channels + c] = running;
    }
  }
  return sums;
}

/**
 * The decay mask D (n×n, row-major): D_ij = e^{g_{j+1} + … + g_i} for j ≤ i, the
 * share of token j's write still in the state after token i (mean over channels
 * for per-channel gates), 0 above the diagonal. Sums are taken over exactly the
 * steps between j and i, so a −1000 gate cannot cancel out.
 */
export function decayMask(logGates: ArrayLike<number>, n: number, channels: number): Float64Array {
  const mask = new Float64Array(n * n);
  const running = new Float64Array(channels);
  for (let j = 0; j < n; j++) {
    running.fill(0);
    for (let i = j; i < n; i++) {
      let total = 0;
      for (let c = 0; c < channels; c++) {
        if (i > j) running[c] += logGates[i * channels + c];
        total += Math.exp(running[c]);
      }
      mask[i * n + j] = total / channels;
    }
  }
  return mask;
}

/** Share of token j's write left after each later token t = j..n (1-based j), per channel. */
export function retention(
  logGates: ArrayLike<number>,
  n: number,
  channels: number,
  j: number,
): Float64Array[] {
  const sums = prefixSums(logGates, n, channels);
  const curves: Float64Array[] = [];
  for (let c = 0; c < channels; c++) {
    const curve = new Float64Array(n - j + 1);
    const base = sums[(j - 1) * channels + c];
    for (let t = j; t <= n; t++) curve[t - j] = Math.exp(sums[(t - 1) * channels + c] - base);
    curves.push(curve);
  }
  return curves;
}

/**
 * Steps after token j until the share of its write falls below `threshold`,
 * interpolated linearly in log space between tokens (so a constant gate g gives
 * exactly ln(threshold)/g = ln(1/threshold)/ln(1/γ)); null if it never does by n.
 */
export function horizonSteps(
  logGates: ArrayLike<number>,
  n: number,
  channels: number,
  channel: number,
  j: number,
  threshold: number,
): number | null {
  const target = Math.log(threshold);
  let total = 0;
  for (let step = 1; j + step <= n; step++) {
    const g = logGates[(j + step - 1) * channels + channel];
    const next = total + g;
    if (next <= target) return step - 1 + (target - total) / (next - total);
    total = next;
  }
  return null;
}

export interface HorizonSummary {
  /** Median over channels (the only channel for scalar gates); null: not reached by n. */
  readonly median: number | null;
  readonly fastest: number | null;
  readonly slowest: number | null;
  /** Channels whose write is still above the threshold at n. */
  readonly unreached: number;
}

export function horizonSummary(
  logGates: ArrayLike<number>,
  n: number,
  channels: number,
  j: number,
  threshold: number,
): HorizonSummary {
  const values: number[] = [];
  let unreached = 0;
  for (let c = 0; c < channels; c++) {
    const h = horizonSteps(logGates, n, channels, c, j, threshold);
    if (h === null) unreached++;
    else values.push(h);
  }
  // Unreached channels count as +∞ in the order statistics.
  const sorted = [...values.sort((a, b) => a - b), ...new Array<number>(unreached).fill(Infinity)];
  const pick = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : value);
  return {
    median: pick(sorted[Math.floor((sorted.length - 1) / 2)]),
    fastest: pick(sorted[0]),
    slowest: pick(sorted[sorted.length - 1]),
    unreached,
  };
}

/** The extra inputs of the first `tokens` tokens (per-token arrays cut, RWKV-6's u kept whole). */
export function inputsForPrefix(setup: GateSetup, tokens: number): ExtraInputs {
  const out: Record<string, ArrayLike<number>> = {};
  for (const [name, values] of Object.entries(setup.inputs)) {
    const array = values instanceof Float32Array ? values : Float32Array.from(values);
    if (name === 'g') out[name] = array.subarray(0, tokens * setup.channels);
    else if (name === 'beta') out[name] = array.subarray(0, tokens);
    else out[name] = array;
  }
  return out;
}
