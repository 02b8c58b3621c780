// Ranges and defaults of every control. Sliders read LIMITS so they offer
// exactly what the URL schema accepts; the schema clamps to the same numbers.
import type { Form, VariantId } from '../engine';
import type {
  FamilyPattern,
  FeatureMapId,
  FitLoss,
  GateKind,
  Lang,
  LessonId,
  SweepCase,
  ThemeChoice,
  ViewState,
} from './types';

export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  /** Grid the value snaps to (1 for integers). */
  readonly step: number;
  readonly default: number;
  /** 'pow2': only powers of two in [min, max] are valid (nearest in log scale). */
  readonly scale?: 'linear' | 'pow2';
}

export const LIMITS = {
  /** Sequence length of the interactive labs. The engine may still refuse a size its device cannot hold. */
  n: { min: 8, max: 16384, step: 1, default: 256 },
  /** Head dimension (dk = dv = d). */
  d: { min: 2, max: 256, step: 1, default: 32 },
  temperature: { min: 0.1, max: 8, step: 0.05, default: 1 },
  locality: { min: 0, max: 1, step: 0.01, default: 0 },
  clustering: { min: 0, max: 1, step: 0.01, default: 0 },
  /** Sliding-window width w (keys including the current one). */
  window: { min: 1, max: 4096, step: 1, default: 64 },
  chunk: { min: 8, max: 256, step: 1, default: 64, scale: 'pow2' },
  /** Token index of the state scrubber; also clamped to ≤ n. */
  t: { min: 1, max: 16384, step: 1, default: 1 },
  /** Performer random features m. */
  m: { min: 4, max: 256, step: 1, default: 64, scale: 'pow2' },
  /** Focusing power p of Focused linear attention. */
  p: { min: 1, max: 8, step: 0.5, default: 3 },
  /** RetNet decay γ. */
  gamma: { min: 0.5, max: 0.99999, step: 0.00001, default: 0.96875 },
  /** |g| of one gate step. */
  gateStrength: { min: 0, max: 20, step: 0.01, default: 0.1 },
  forgetAt: { min: 1, max: 16384, step: 1, default: 32 },
  beta: { min: 0.01, max: 0.99, step: 0.01, default: 0.5 },
  seed: { min: 0, max: 2147483647, step: 1, default: 42 },
  step: { min: 0, max: 99, step: 1, default: 0 },
  sweepMaxN: { min: 128, max: 1048576, step: 1, default: 16384, scale: 'pow2' },
  sweepBudgetS: { min: 5, max: 600, step: 1, default: 60 },
  block: { min: 2, max: 256, step: 1, default: 16, scale: 'pow2' },
  globals: { min: 0, max: 64, step: 1, default: 2 },
  buckets: { min: 2, max: 64, step: 1, default: 8, scale: 'pow2' },
  kproj: { min: 2, max: 1024, step: 1, default: 32 },
  landmarks: { min: 2, max: 256, step: 1, default: 16, scale: 'pow2' },
  pairs: { min: 1, max: 1024, step: 1, default: 32 },
  mix: { min: -8, max: 8, step: 0.1, default: 0 },
  rank: { min: 2, max: 128, step: 1, default: 16, scale: 'pow2' },
  lr: { min: 0.0001, max: 10, step: 0.0001, default: 0.1 },
  devices: { min: 1, max: 64, step: 1, default: 4 },
  examples: { min: 1, max: 1024, step: 1, default: 16 },
  precond: { min: 0, max: 1, step: 0.01, default: 0 },
  noise: { min: 0, max: 2, step: 0.01, default: 0 },
} as const satisfies Record<string, NumberLimit>;

export type NumericKey = keyof typeof LIMITS;

/** Forms each variant offers in the app today (mirrors the contract; later issues add variants). */
export const FORMS_BY_VARIANT: Partial<Record<VariantId, readonly Form[]>> = {
  softmax: ['parallel', 'recurrent', 'flash'],
  swa: ['parallel', 'flash'],
  linear: ['parallel', 'recurrent', 'chunk'],
  // Issue 3's feature-map variants (performer and hedgehog also need inputs.projection:
  // performerProjection / hedgehogProjection of src/engine/inputs/randomFeatures.ts).
  performer: ['parallel', 'recurrent', 'chunk'],
  cosformer: ['parallel', 'recurrent', 'chunk'],
  based: ['parallel', 'recurrent', 'chunk'],
  hedgehog: ['parallel', 'recurrent', 'chunk'],
  focused: ['parallel', 'recurrent', 'chunk'],
  inline: ['parallel', 'recurrent', 'chunk'],
  // Non-causal only (params.causal must be false).
  rala: ['parallel'],
  // Issue 4's gated and delta-rule variants (inputs g, beta, u: src/engine/inputs/gates.ts).
  retnet: ['parallel', 'recurrent', 'chunk'],
  mamba2: ['parallel', 'recurrent', 'chunk'],
  gla: ['parallel', 'recurrent', 'chunk'],
  rwkv6: ['parallel', 'recurrent', 'chunk'],
  deltanet: ['parallel', 'recurrent', 'chunk'],
  'gated-deltanet': ['parallel', 'recurrent', 'chunk'],
  // Issue 6: higher-order, infinite-context and low-rank variants.
  hla2: ['parallel', 'recurrent', 'chunk'],
  infini: ['parallel', 'chunk'],
  // Non-causal only; linformer also needs inputs.E and inputs.F (kproj×n).
  linformer: ['parallel'],
  nystrom: ['parallel'],
};

export const APP_VARIANTS = Object.keys(FORMS_BY_VARIANT) as VariantId[];
export const FEATURE_MAPS: readonly FeatureMapId[] = ['elu1', 'relu', 'identity'];
export const GATE_KINDS: readonly GateKind[] = ['constant', 'data', 'forget'];
export const FAMILY_PATTERNS: readonly FamilyPattern[] = [
  'window',
  'block',
  'strided',
  'longformer',
  'lsh',
  'linformer',
  'nystrom',
  'linear',
];
export const FIT_LOSSES: readonly FitLoss[] = ['output', 'weights'];
export const LANGS: readonly Lang[] = ['en', 'zh'];
export const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** Most curves one sweep may hold. */
export const MAX_SWEEP_CASES = 8;

export const DEFAULT_SWEEP_CASES: readonly SweepCase[] = [
  { variant: 'softmax', form: 'parallel' },
  { variant: 'softmax', form: 'flash' },
  { variant: 'linear', form: 'parallel' },
  { variant: 'linear', form: 'recurrent' },
  { variant: 'linear', form: 'chunk' },
];

export const DEFAULT_VIEW: ViewState = {
  lesson: null,
  step: LIMITS.step.default,
  lang: 'en',
  theme: 'system',
  gpu: true,
  seed: LIMITS.seed.default,
  n: LIMITS.n.default,
  d: LIMITS.d.default,
  temperature: LIMITS.temperature.default,
  locality: LIMITS.locality.default,
  clustering: LIMITS.clustering.default,
  variant: 'softmax',
  form: 'parallel',
  causal: true,
  featureMap: 'elu1',
  window: LIMITS.window.default,
  chunk: LIMITS.chunk.default,
  t: LIMITS.t.default,
  m: LIMITS.m.default,
  p: LIMITS.p.default,
  gamma: LIMITS.gamma.default,
  gate: 'constant',
  gateStrength: LIMITS.gateStrength.default,
  forgetAt: LIMITS.forgetAt.default,
  beta: LIMITS.beta.default,
  sweepCases: DEFAULT_SWEEP_CASES,
  sweepMaxN: LIMITS.sweepMaxN.default,
  sweepBudgetS: LIMITS.sweepBudgetS.default,
  pattern: 'block',
  block: LIMITS.block.default,
  globals: LIMITS.globals.default,
  buckets: LIMITS.buckets.default,
  kproj: LIMITS.kproj.default,
  landmarks: LIMITS.landmarks.default,
  pairs: LIMITS.pairs.default,
  normalize: false,
  mix: LIMITS.mix.default,
  rank: LIMITS.rank.default,
  fitLoss: 'output',
  lr: LIMITS.lr.default,
  devices: LIMITS.devices.default,
  examples: LIMITS.examples.default,
  precond: LIMITS.precond.default,
  noise: LIMITS.noise.default,
};

/** Nearest value of the limit's grid inside [min, max] (NaN is not handled here: callers reject it first). */
export function fitNumber(value: number, limit: NumberLimit): number {
  const clamped = Math.min(limit.max, Math.max(limit.min, value));
  if (limit.scale === 'pow2') {
    const exponent = Math.round(Math.log2(clamped));
    return Math.min(limit.max, Math.max(limit.min, 2 ** exponent));
  }
  const snapped = limit.min + Math.round((clamped - limit.min) / limit.step) * limit.step;
  // Round away binary noise (0.1 + 0.2) so the canonical link is stable.
  const decimals = Math.max(0, -Math.floor(Math.log10(limit.step)) + 1);
  return Math.min(limit.max, Number(snapped.toFixed(decimals)));
}

export function formsOf(variant: VariantId): readonly Form[] {
  return FORMS_BY_VARIANT[variant] ?? [];
}

export type { FamilyPattern, FeatureMapId, FitLoss, GateKind, Lang, LessonId, ThemeChoice };
