// The one schema of the view: URL query ⇄ ViewState.
//
// Parsing never fails. Each field falls back on its own to the nearest valid
// value (clamped, snapped to the slider grid, or the default when the text is
// not a value at all), and every change is reported as a Correction so the app
// can say what it did. Raw URL text only ever leaves this module through
// `displayRaw`, which strips control characters and truncates; the app renders
// it as plain text, never as HTML.
import { z } from 'zod';
import { DEFAULT_VIEW, LIMITS, formsOf } from './limits';
import { correction, displayRaw, type Correction } from './corrections';
import { causalSupportOf, createFieldSchemas, formatSweep, type FieldOutcomes } from './fieldSchemas';
import type { Lang, LessonId, ViewState } from './types';
import { KNOWN_URL_KEYS, STATE_KEYS, URL_KEYS } from './urlKeys';

export { LIMITS, DEFAULT_VIEW, FORMS_BY_VARIANT, formsOf, fitNumber } from './limits';
export type { NumberLimit, NumericKey } from './limits';
export { displayRaw } from './corrections';
export type { Correction, CorrectionReason } from './corrections';
export { viewStateSchema } from './viewStateSchema';

export interface ParsedView {
  readonly state: ViewState;
  readonly corrections: readonly Correction[];
}

export interface ParseOptions {
  /** Steps of a lesson, or undefined when the lesson is not available in this build. */
  readonly lessonSteps?: (lesson: LessonId) => number | undefined;
  /** Language when the link names none (e.g. from navigator.language). */
  readonly fallbackLang?: Lang;
  /**
   * Control values of a lesson step (its meta defaults). A link that names a step
   * but leaves a control out gets the step's value, and the canonical link leaves
   * out what equals it, so links stay short and a hand-written `?lesson=x&step=2`
   * shows what the step's text describes.
   */
  readonly stepDefaults?: StepDefaults;
  /**
   * The largest n a lesson's lab computes (its meta.ts), or undefined for no cap
   * below LIMITS.n.max: a link above it opens at the cap, with a notice, so the
   * link never says one n while the lab computes another.
   */
  readonly lessonMaxN?: LessonMaxN;
}

export type LessonMaxN = (lesson: LessonId) => number | undefined;

export type StepDefaults = (lesson: LessonId, step: number) => Partial<ViewState> | undefined;

/** Longest query string read at all; the rest is ignored with a correction. */
export const MAX_QUERY_LENGTH = 4096;

/**
 * The view's URL schema: input is the query grouped by key (every value of a key,
 * in order), output is a complete valid ViewState and what was corrected.
 * Cross-field rules (form of the variant, t ≤ n, step inside the lesson) run last.
 */
export function createViewQuerySchema(
  options: ParseOptions = {},
  base: ViewState = baseView(options, null, 0),
) {
  const lessonSteps = options.lessonSteps ?? (() => LIMITS.step.max + 1);
  const lessonMaxN = options.lessonMaxN ?? NO_CAP;
  const fields = createFieldSchemas(base);
  const byUrlKey = Object.fromEntries(STATE_KEYS.map((key) => [URL_KEYS[key], fields[key]]));
  return z.object(byUrlKey).transform((outcomesByUrlKey): ParsedView => {
    const outcomes = Object.fromEntries(
      STATE_KEYS.map((key) => [key, outcomesByUrlKey[URL_KEYS[key]]]),
    ) as unknown as FieldOutcomes;
    const corrections: Correction[] = STATE_KEYS.flatMap((key) => outcomes[key].corrections);

    let lesson: LessonId | null = outcomes.lesson.value === 'none' ? null : outcomes.lesson.value;
    let stepCount = lesson === null ? 1 : lessonSteps(lesson);
    if (lesson !== null && stepCount === undefined) {
      corrections.push(correction(URL_KEYS.lesson, lesson, '', 'unknown-value'));
      lesson = null;
      stepCount = 1;
    }
    let step = outcomes.step.value;
    const lastStep = Math.max(0, (stepCount ?? 1) - 1);
    if (step > lastStep) {
      corrections.push(correction(URL_KEYS.step, String(step), String(lastStep), 'incompatible'));
      step = lastStep;
    }

    const variant = outcomes.variant.value;
    let form = outcomes.form.value;
    const variantForms = formsOf(variant);
    if (!variantForms.includes(form)) {
      const [firstForm] = variantForms;
      corrections.push(correction(URL_KEYS.form, form, firstForm, 'incompatible'));
      form = firstForm;
    }

    let n = outcomes.n.value;
    const cap = lesson === null ? undefined : lessonMaxN(lesson);
    if (cap !== undefined && n > cap) {
      // One notice for n: a value already clamped to the slider's range now shows the cap.
      const earlier = corrections.findIndex((c) => c.key === URL_KEYS.n);
      if (earlier >= 0) corrections[earlier] = { ...corrections[earlier], shown: String(cap) };
      else corrections.push(correction(URL_KEYS.n, String(n), String(cap), 'lesson-cap'));
      n = cap;
    }
    let t = outcomes.t.value;
    if (t > n) {
      corrections.push(correction(URL_KEYS.t, String(t), String(n), 'incompatible'));
      t = n;
    }

    // A variant that has only one causal setting shows that one (e.g. rala is non-causal only).
    let causal = outcomes.causal.value;
    const causalSupport = causalSupportOf(variant);
    if ((causalSupport === 'causal-only' && !causal) || (causalSupport === 'noncausal-only' && causal)) {
      causal = causalSupport === 'causal-only';
      corrections.push(correction(URL_KEYS.causal, String(!causal), String(causal), 'incompatible'));
    }

    const state: ViewState = {
      lesson,
      step,
      lang: outcomes.lang.value,
      theme: outcomes.theme.value,
      gpu: outcomes.gpu.value,
      seed: outcomes.seed.value,
      n,
      d: outcomes.d.value,
      temperature: outcomes.temperature.value,
      locality: outcomes.locality.value,
      clustering: outcomes.clustering.value,
      variant,
      form,
      causal,
      featureMap: outcomes.featureMap.value,
      window: outcomes.window.value,
      chunk: outcomes.chunk.value,
      t,
      m: outcomes.m.value,
      p: outcomes.p.value,
      gamma: outcomes.gamma.value,
      gate: outcomes.gate.value,
      gateStrength: outcomes.gateStrength.value,
      forgetAt: outcomes.forgetAt.value,
      beta: outcomes.beta.value,
      sweepCases: outcomes.sweepCases.value,
      sweepMaxN: outcomes.sweepMaxN.value,
      sweepBudgetS: outcomes.sweepBudgetS.value,
      pattern: outcomes.pattern.value,
      block: outcomes.block.value,
      globals: outcomes.globals.value,
      buckets: outcomes.buckets.value,
      kproj: outcomes.kproj.value,
      landmarks: outcomes.landmarks.value,
      pairs: outcomes.pairs.value,
      normalize: outcomes.normalize.value,
      mix: outcomes.mix.value,
      rank: outcomes.rank.value,
      fitLoss: outcomes.fitLoss.value,
      lr: outcomes.lr.value,
      devices: outcomes.devices.value,
      examples: outcomes.examples.value,
      precond: outcomes.precond.value,
      noise: outcomes.noise.value,
    };
    return { state, corrections };
  });
}

/**
 * What a field shows when the link leaves it out: the app defaults, the fallback
 * language, then the control values of the named lesson step.
 */
export function baseView(options: ParseOptions, lesson: LessonId | null, step: number): ViewState {
  const defaults = lesson === null ? undefined : options.stepDefaults?.(lesson, step);
  return { ...DEFAULT_VIEW, lang: options.fallbackLang ?? DEFAULT_VIEW.lang, ...defaults, lesson, step };
}

type ViewQuerySchema = ReturnType<typeof createViewQuerySchema>;
const DEFAULT_LESSON_STEPS = (): number => LIMITS.step.max + 1;
const NO_STEP_DEFAULTS: StepDefaults = () => undefined;
const NO_CAP: LessonMaxN = () => undefined;
// Schemas are built once per (lessonSteps, stepDefaults, lessonMaxN, base lang,
// lesson, step): setView normalises on every slider move.
const schemaCache = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, ViewQuerySchema>>>>();

function cachedSchema(options: ParseOptions, lesson: LessonId | null, step: number): ViewQuerySchema {
  const lessonSteps = options.lessonSteps ?? DEFAULT_LESSON_STEPS;
  const stepDefaults = options.stepDefaults ?? NO_STEP_DEFAULTS;
  const lessonMaxN = options.lessonMaxN ?? NO_CAP;
  const lang = options.fallbackLang ?? DEFAULT_VIEW.lang;
  let byDefaults = schemaCache.get(lessonSteps);
  if (byDefaults === undefined) {
    byDefaults = new WeakMap();
    schemaCache.set(lessonSteps, byDefaults);
  }
  let byCap = byDefaults.get(stepDefaults);
  if (byCap === undefined) {
    byCap = new WeakMap();
    byDefaults.set(stepDefaults, byCap);
  }
  let byPlace = byCap.get(lessonMaxN);
  if (byPlace === undefined) {
    byPlace = new Map();
    byCap.set(lessonMaxN, byPlace);
  }
  const key = `${lang}|${lesson ?? ''}|${step}`;
  let schema = byPlace.get(key);
  if (schema === undefined) {
    const resolved = { lessonSteps, stepDefaults, lessonMaxN, fallbackLang: lang };
    schema = createViewQuerySchema(resolved, baseView(resolved, lesson, step));
    byPlace.set(key, schema);
  }
  return schema;
}

/**
 * Two passes: the first finds the lesson and step (nothing else affects them),
 * the second parses every field with that step's values as the fallbacks.
 */
function parseGrouped(grouped: Record<string, string[]>, options: ParseOptions): ParsedView {
  const place = cachedSchema(options, null, 0).parse(grouped);
  const { lesson, step } = place.state;
  if (lesson === null || options.stepDefaults?.(lesson, step) === undefined) return place;
  return cachedSchema(options, lesson, step).parse(grouped);
}

/** Groups a query string by key, keeping every value in order (duplicates are the schema's business). */
function groupQuery(search: string): Record<string, string[]> {
  const grouped: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of new URLSearchParams(search)) {
    (grouped[key] ??= []).push(value);
  }
  return grouped;
}

/** Parses a query string (with or without the leading '?') into the nearest valid view. Never throws. */
export function parseViewState(search: string | URLSearchParams, options: ParseOptions = {}): ParsedView {
  let text = typeof search === 'string' ? search : search.toString();
  const corrections: Correction[] = [];
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    corrections.push({ key: '', raw: '', shown: '', reason: 'too-long' });
  }
  const grouped = groupQuery(text);
  const unknownKeys = Object.keys(grouped).filter((key) => !KNOWN_URL_KEYS.has(key));
  if (unknownKeys.length > 0) {
    const listed = unknownKeys.slice(0, 3).map((key) => displayRaw(key, 16));
    const more = unknownKeys.length > 3 ? ` (+${unknownKeys.length - 3})` : '';
    corrections.push({ key: listed.join(', ') + more, raw: '', shown: '', reason: 'unknown-key' });
  }
  const parsed = parseGrouped(grouped, options);
  return { state: parsed.state, corrections: [...corrections, ...parsed.corrections] };
}

function formatField(key: keyof ViewState, state: ViewState): string {
  const value = state[key];
  if (key === 'sweepCases') return formatSweep(state.sweepCases);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value === null) return 'none';
  return String(value);
}

/**
 * Canonical query string (no leading '?'): keys in a fixed order, fields equal to
 * what the link would get without them (the app default, or the value of the
 * lesson step it names) left out, except `lang`, which is always written so a
 * link opens in the language it was shared in whatever the reader's browser prefers.
 */
export function serializeViewState(
  state: ViewState,
  options: Pick<ParseOptions, 'stepDefaults'> = {},
): string {
  const base = baseView(options, state.lesson, state.step);
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) {
    const text = formatField(key, state);
    if (key === 'lesson' || key === 'step') {
      if (text === formatField(key, DEFAULT_VIEW)) continue;
    } else if (key !== 'lang' && text === formatField(key, base)) continue;
    params.set(URL_KEYS[key], text);
  }
  return params.toString();
}

/** Brings a typed state (e.g. after a patch from a slider) to the nearest valid one, through the same schema. */
export function normalizeViewState(state: ViewState, options: ParseOptions = {}): ParsedView {
  return parseGrouped(groupQuery(serializeViewState(state, options)), {
    ...options,
    fallbackLang: state.lang,
  });
}
