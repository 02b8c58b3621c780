// The shape of the whole view. The URL mirrors it (src/state/urlSchema.ts
// parses, validates and clamps it); the zustand store (src/state/store.ts)
// holds it. Lessons and views read it only through the store.
import type { Form, VariantId } from '../engine';

/** A text in both languages the app speaks (lessons and content both carry them). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export const LESSON_IDS = [
  'softmax-wall',
  'reorder',
  'feature-maps',
  'rnn',
  'low-rank',
  'gating',
  'chunking',
  'timing',
  'family',
  'recall',
  'higher-order',
  'hybrids',
  'linearise',
  'seq-parallel',
  'icl-gd',
  'field-map',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export type Lang = 'en' | 'zh';
export type ThemeChoice = 'system' | 'light' | 'dark';
export type FeatureMapId = 'elu1' | 'relu' | 'identity';
/** How a lab draws the log-decay gates g_t ≤ 0 (src/engine/inputs/gates.ts). */
export type GateKind = 'constant' | 'data' | 'forget';
/**
 * One member of the efficient-Transformer gallery (lesson family): a masked
 * softmax pattern (src/engine/patterns), a low-rank/landmark variant, or a
 * kernel variant.
 */
export type FamilyPattern =
  'window' | 'block' | 'strided' | 'longformer' | 'lsh' | 'linformer' | 'nystrom' | 'linear';
/** What the LoLCATs-style fit of lesson linearise minimises: error of outputs or of attention weights. */
export type FitLoss = 'output' | 'weights';

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
  // Efficient-Transformer family (lesson family).
  readonly pattern: FamilyPattern;
  /** Block size of block-local attention, stride of strided attention, chunk length of LSH attention. */
  readonly block: number;
  /** Longformer: number of global tokens (the first ones), attended by and attending to all. */
  readonly globals: number;
  /** Reformer LSH: number of hash buckets (even). */
  readonly buckets: number;
  /** Linformer: projected length k (rows of E and F). */
  readonly kproj: number;
  /** Nyströmformer: number of landmarks m. */
  readonly landmarks: number;
  // Recall versus memory (lesson recall).
  /** Number of stored key–value pairs P. */
  readonly pairs: number;
  // Higher-order and hybrids (lessons higher-order, hybrids).
  /** hla2: divide by the second-order normaliser. */
  readonly normalize: boolean;
  /** Infini-attention's mixing gate β (sigmoid(β) weighs the memory read). */
  readonly mix: number;
  // Linearising (lesson linearise).
  /** Hedgehog feature count r (W is dk×r). */
  readonly rank: number;
  readonly fitLoss: FitLoss;
  /** Learning rate of the fit. */
  readonly lr: number;
  // Sequence parallelism (lesson seq-parallel).
  /** Number of simulated devices W. */
  readonly devices: number;
  // In-context regression (lesson icl-gd).
  /** Number of in-context examples M. */
  readonly examples: number;
  /** Preconditioner Γ = (1 − s)·I + s·Ŝ⁻¹, s in [0, 1]. */
  readonly precond: number;
  /** Standard deviation of the label noise. */
  readonly noise: number;
}
