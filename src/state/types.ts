// The shape of the whole view. The URL mirrors it (src/state/urlSchema.ts
// parses, validates and clamps it); the zustand store (src/state/store.ts)
// holds it. Lessons and views read it only through the store.
import type { Form, VariantId } from '../engine/types';

export const LESSON_IDS = [
  'softmax-wall',
  'reorder',
  'feature-maps',
  'rnn',
  'low-rank',
  'gating',
  'chunking',
  'timing',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export type Lang = 'en' | 'zh';
export type ThemeChoice = 'system' | 'light' | 'dark';
export type FeatureMapId = 'elu1' | 'relu' | 'identity';
/** How a lab draws the log-decay gates g_t ≤ 0 (src/engine/inputs/gates.ts). */
export type GateKind = 'constant' | 'data' | 'forget';

/** One curve of a timing sweep: a variant in one of its forms. */
export interface SweepCase {
  readonly variant: VariantId;
  readonly form: Form;
}

export interface ViewState {
  /** null is the landing page (course map). */
  readonly lesson: LessonId | null;
  /** 0-based step inside the lesson. */
  readonly step: number;
  readonly lang: Lang;
  readonly theme: ThemeChoice;
  /** Use WebGPU when available; false forces the CPU fallback. */
  readonly gpu: boolean;
  // Inputs (src/engine/inputs): same seed, same Q/K/V on every backend.
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly temperature: number;
  readonly locality: number;
  readonly clustering: number;
  // Variant controls.
  readonly variant: VariantId;
  readonly form: Form;
  readonly causal: boolean;
  readonly featureMap: FeatureMapId;
  readonly window: number;
  readonly chunk: number;
  /** Token index of the state scrubber (1-based, ≤ n). */
  readonly t: number;
  // Feature maps (lessons feature-maps, low-rank).
  /** Performer: number of random features m. */
  readonly m: number;
  /** Focused linear attention: focusing power p. */
  readonly p: number;
  // Gates and decay (lessons gating, chunking).
  /** RetNet's fixed decay γ. */
  readonly gamma: number;
  readonly gate: GateKind;
  /** Typical size of a log-decay step, |g| (constant gates use g = −gateStrength). */
  readonly gateStrength: number;
  /** Token at which the 'forget' gate wipes the state (g = −20 there, 0 elsewhere). */
  readonly forgetAt: number;
  /** Delta rule write strength β in (0, 1). */
  readonly beta: number;
  // Timing lab: what to sweep (settings travel in the link, timings never do).
  readonly sweepCases: readonly SweepCase[];
  readonly sweepMaxN: number;
  readonly sweepBudgetS: number;
}
