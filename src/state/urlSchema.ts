// The one schema of the view: URL query ⇄ ViewState.
//
// Parsing never fails. Each field falls back on its own to the nearest valid
// value (clamped, snapped to the slider grid, or the default when the text is
// not a value at all), and every change is reported as a Correction so the app
// can say what it did. Raw URL text only ever leaves this module through
// `displayRaw`, which strips control characters and truncates; the app renders
// it as plain text, never as HTML.
import { z } from 'zod';
import { VARIANT_IDS, FORMS, type Form, type VariantId, findVariant } from '../engine';
import {
  APP_VARIANTS,
  DEFAULT_VIEW,
  FAMILY_PATTERNS,
  FEATURE_MAPS,
  FIT_LOSSES,
  GATE_KINDS,
  LANGS,
  LIMITS,
  MAX_SWEEP_CASES,
  THEMES,
  fitNumber,
  formsOf,
  type NumberLimit,
  type NumericKey,
} from './limits';
import {
  LESSON_IDS,
  type FamilyPattern,
  type FitLoss,
  type Lang,
  type LessonId,
  type SweepCase,
  type ViewState,
} from './types';

export { LIMITS, DEFAULT_VIEW, FORMS_BY_VARIANT, formsOf, fitNumber } from './limits';
export type { NumberLimit, NumericKey } from './limits';

export type CorrectionReason =
  | 'out-of-range' // a number outside [min, max]: clamped
  | 'adjusted' // a number inside the range but off the grid (integer, power of two, slider step)
  | 'invalid' // not a value of this field at all: default used
  | 'unknown-value' // a name the app does not know (lesson, variant, ...): default used
  | 'incompatible' // valid alone but not with another field (form of a variant, t > n)
  | 'duplicate' // the key appears more than once: the first one wins
  | 'unknown-key' // parameters the app does not read
  | 'too-long' // the query string was cut before parsing
  | 'lesson-cap'; // n above the largest n the lesson's lab computes: clamped

export interface Correction {
  /** URL key (sanitised). */
  readonly key: string;
  /** What the link said, sanitised and truncated for display. */
  readonly raw: string;
  /** What the app shows instead, as it appears in the canonical link. */
  readonly shown: string;
  readonly reason: CorrectionReason;
}

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
/** Longest single value read; longer ones are invalid. */
const MAX_VALUE_LENGTH = 400;
const DISPLAY_LENGTH = 24;

/** URL key of each state field, in the canonical order of the link. */
const URL_KEYS = {
  lesson: 'lesson',
  step: 'step',
  lang: 'lang',
  theme: 'theme',
  gpu: 'gpu',
  seed: 'seed',
  n: 'n',
  d: 'd',
  temperature: 'temperature',
  locality: 'locality',
  clustering: 'clustering',
  variant: 'variant',
  form: 'form',
  causal: 'causal',
  featureMap: 'featureMap',
  window: 'window',
  chunk: 'chunk',
  t: 't',
  m: 'm',
  p: 'p',
  gamma: 'gamma',
  gate: 'gate',
  gateStrength: 'gateStrength',
  forgetAt: 'forgetAt',
  beta: 'beta',
  sweepCases: 'sweep',
  sweepMaxN: 'sweepMaxN',
  sweepBudgetS: 'sweepBudgetS',
  pattern: 'pattern',
  block: 'block',
  globals: 'globals',
  buckets: 'buckets',
  kproj: 'kproj',
  landmarks: 'landmarks',
  pairs: 'pairs',
  normalize: 'normalize',
  mix: 'mix',
  rank: 'rank',
  fitLoss: 'fitLoss',
  lr: 'lr',
  devices: 'devices',
  examples: 'examples',
  precond: 'precond',
  noise: 'noise',
} as const satisfies Record<keyof ViewState, string>;

const STATE_KEYS = Object.keys(URL_KEYS) as (keyof ViewState)[];
const KNOWN_URL_KEYS = new Set<string>(Object.values(URL_KEYS));

/** Make any text safe and short enough to quote in a notice (rendered as text, never HTML). */
export function displayRaw(text: string, maxLength = DISPLAY_LENGTH): string {
  const printable = Array.from(
    text
      .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return printable.length > maxLength ? `${printable.slice(0, maxLength).join('')}…` : printable.join('');
}

// ---------------------------------------------------------------- value parsers (string → typed value)

const boundedText = z.string().trim().max(MAX_VALUE_LENGTH);
const numberText = boundedText
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i)
  .transform(Number)
  .pipe(z.number().refine(Number.isFinite));
const booleanText = boundedText
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((word) => ['1', 'true', 'on', 'yes'].includes(word));
const LANG_ALIASES: Readonly<Record<string, Lang>> = {
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  english: 'en',
  zh: 'zh',
  'zh-hans': 'zh',
  'zh-cn': 'zh',
  'zh-sg': 'zh',
  中文: 'zh',
};
const langText = boundedText.toLowerCase().pipe(z.enum(Object.keys(LANG_ALIASES) as [string, ...string[]]));
const sweepCaseText = z
  .string()
  .regex(/^[a-z0-9-]+\.[a-z]+$/)
  .transform((text) => text.split('.') as [string, string])
  .pipe(z.tuple([z.enum(VARIANT_IDS), z.enum(FORMS)]))
  .transform(([variant, form]): SweepCase => ({ variant, form }));

// ---------------------------------------------------------------- field schemas (string[] from the URL → outcome)

interface FieldOutcome<T> {
  readonly value: T;
  readonly corrections: readonly Correction[];
}

type RawValues = readonly string[] | undefined;

function correction(key: string, raw: string, shown: string, reason: CorrectionReason): Correction {
  return { key: displayRaw(key), raw: displayRaw(raw), shown: displayRaw(shown, 64), reason };
}

/**
 * Builds the zod schema of one field: takes every value the URL gives for the key
 * (duplicates are reported; the first one wins), parses it with `parse`, then lets
 * `fit` move it to the nearest valid value.
 */
function field<T, P = T>(
  urlKey: string,
  fallback: () => T,
  format: (value: T) => string,
  parse: z.ZodType<P, string>,
  fit: (parsed: P, raw: string) => { value: T; reason?: CorrectionReason },
  invalidReason: CorrectionReason = 'invalid',
) {
  return z
    .array(z.string())
    .optional()
    .transform((values: RawValues): FieldOutcome<T> => {
      if (values === undefined || values.length === 0) return { value: fallback(), corrections: [] };
      const corrections: Correction[] = [];
      const [first] = values;
      if (values.length > 1) {
        corrections.push(correction(urlKey, values.slice(1).join(', '), first, 'duplicate'));
      }
      const parsed = parse.safeParse(first);
      if (!parsed.success) {
        const value = fallback();
        corrections.push(correction(urlKey, first, format(value), invalidReason));
        return { value, corrections };
      }
      const fitted = fit(parsed.data, first);
      if (fitted.reason !== undefined) {
        corrections.push(correction(urlKey, first, format(fitted.value), fitted.reason));
      }
      return { value: fitted.value, corrections };
    });
}

const formatNumber = (value: number): string => String(value);

function numberField(key: NumericKey, base: ViewState) {
  const limit: NumberLimit = LIMITS[key];
  return field(
    URL_KEYS[key],
    () => base[key],
    formatNumber,
    numberText,
    (value) => {
      const fitted = fitNumber(value, limit);
      if (fitted === value) return { value };
      return { value: fitted, reason: value < limit.min || value > limit.max ? 'out-of-range' : 'adjusted' };
    },
  );
}

function enumField<T extends string>(
  key: keyof ViewState,
  options: readonly T[],
  fallback: () => T,
  parse: z.ZodType<T, string> = boundedText.pipe(z.enum(options as [T, ...T[]])),
) {
  return field(
    URL_KEYS[key],
    fallback,
    (value) => value,
    parse,
    (value) => ({ value }),
    'unknown-value',
  );
}

function booleanField(key: 'gpu' | 'causal' | 'normalize', base: ViewState) {
  return field(
    URL_KEYS[key],
    () => base[key],
    (value) => (value ? '1' : '0'),
    booleanText,
    (value) => ({ value }),
  );
}

const formatSweep = (cases: readonly SweepCase[]): string =>
  cases.map((c) => `${c.variant}.${c.form}`).join(',');

const sweepField = (base: ViewState) =>
  field<readonly SweepCase[], string[]>(
    URL_KEYS.sweepCases,
    () => base.sweepCases,
    formatSweep,
    boundedText.transform((text) => text.split(',').filter((part) => part.length > 0)),
    // Keep the cases the app can run, once each, in the link's order; drop the rest.
    (parts, raw) => {
      const kept: SweepCase[] = [];
      for (const part of parts) {
        const parsed = sweepCaseText.safeParse(part);
        if (!parsed.success || !formsOf(parsed.data.variant).includes(parsed.data.form)) continue;
        if (kept.some((c) => c.variant === parsed.data.variant && c.form === parsed.data.form)) continue;
        if (kept.length < MAX_SWEEP_CASES) kept.push(parsed.data);
      }
      if (kept.length === 0) return { value: base.sweepCases, reason: 'invalid' };
      return formatSweep(kept) === raw.trim() ? { value: kept } : { value: kept, reason: 'adjusted' };
    },
  );

function causalSupportOf(variant: VariantId): 'both' | 'causal-only' | 'noncausal-only' {
  return findVariant(variant)?.causal ?? 'both';
}

/** Field schemas whose fallbacks (absent or invalid values) come from `base`. */
function createFieldSchemas(base: ViewState) {
  return {
    lesson: enumField<LessonId | 'none'>('lesson', [...LESSON_IDS], () => base.lesson ?? 'none'),
    step: numberField('step', base),
    lang: field(
      URL_KEYS.lang,
      () => base.lang,
      (value: Lang) => value,
      langText.transform((word) => LANG_ALIASES[word]),
      (value, raw) => (raw === value ? { value } : { value, reason: 'adjusted' }),
      'unknown-value',
    ),
    theme: enumField('theme', THEMES, () => base.theme),
    gpu: booleanField('gpu', base),
    seed: numberField('seed', base),
    n: numberField('n', base),
    d: numberField('d', base),
    temperature: numberField('temperature', base),
    locality: numberField('locality', base),
    clustering: numberField('clustering', base),
    variant: enumField<VariantId>('variant', APP_VARIANTS, () => base.variant),
    form: enumField<Form>('form', FORMS, () => base.form),
    causal: booleanField('causal', base),
    featureMap: enumField('featureMap', FEATURE_MAPS, () => base.featureMap),
    window: numberField('window', base),
    chunk: numberField('chunk', base),
    t: numberField('t', base),
    m: numberField('m', base),
    p: numberField('p', base),
    gamma: numberField('gamma', base),
    gate: enumField('gate', GATE_KINDS, () => base.gate),
    gateStrength: numberField('gateStrength', base),
    forgetAt: numberField('forgetAt', base),
    beta: numberField('beta', base),
    sweepCases: sweepField(base),
    sweepMaxN: numberField('sweepMaxN', base),
    sweepBudgetS: numberField('sweepBudgetS', base),
    pattern: enumField('pattern', FAMILY_PATTERNS, () => base.pattern),
    block: numberField('block', base),
    globals: numberField('globals', base),
    buckets: numberField('buckets', base),
    kproj: numberField('kproj', base),
    landmarks: numberField('landmarks', base),
    pairs: numberField('pairs', base),
    normalize: booleanField('normalize', base),
    mix: numberField('mix', base),
    rank: numberField('rank', base),
    fitLoss: enumField('fitLoss', FIT_LOSSES, () => base.fitLoss),
    lr: numberField('lr', base),
    devices: numberField('devices', base),
    examples: numberField('examples', base),
    precond: numberField('precond', base),
    noise: numberField('noise', base),
  } satisfies Record<keyof ViewState, z.ZodType>;
}

type FieldSchemas = ReturnType<typeof createFieldSchemas>;
type FieldOutcomes = { [K in keyof FieldSchemas]: z.output<FieldSchemas[K]> };

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

/** Strict schema of a valid ViewState (what every parse returns); used to check lesson step defaults. */
export const viewStateSchema = z.object({
  lesson: z.enum(LESSON_IDS).nullable(),
  step: z.int().min(LIMITS.step.min).max(LIMITS.step.max),
  lang: z.enum(LANGS as [Lang, ...Lang[]]),
  theme: z.enum(THEMES as ['system', 'light', 'dark']),
  gpu: z.boolean(),
  seed: z.int().min(LIMITS.seed.min).max(LIMITS.seed.max),
  n: z.int().min(LIMITS.n.min).max(LIMITS.n.max),
  d: z.int().min(LIMITS.d.min).max(LIMITS.d.max),
  temperature: z.number().min(LIMITS.temperature.min).max(LIMITS.temperature.max),
  locality: z.number().min(LIMITS.locality.min).max(LIMITS.locality.max),
  clustering: z.number().min(LIMITS.clustering.min).max(LIMITS.clustering.max),
  variant: z.enum(APP_VARIANTS as [VariantId, ...VariantId[]]),
  form: z.enum(FORMS),
  causal: z.boolean(),
  featureMap: z.enum(FEATURE_MAPS as ['elu1', 'relu', 'identity']),
  window: z.int().min(LIMITS.window.min).max(LIMITS.window.max),
  chunk: z.int().min(LIMITS.chunk.min).max(LIMITS.chunk.max),
  t: z.int().min(LIMITS.t.min).max(LIMITS.t.max),
  m: z.int().min(LIMITS.m.min).max(LIMITS.m.max),
  p: z.number().min(LIMITS.p.min).max(LIMITS.p.max),
  gamma: z.number().min(LIMITS.gamma.min).max(LIMITS.gamma.max),
  gate: z.enum(GATE_KINDS as ['constant', 'data', 'forget']),
  gateStrength: z.number().min(LIMITS.gateStrength.min).max(LIMITS.gateStrength.max),
  forgetAt: z.int().min(LIMITS.forgetAt.min).max(LIMITS.forgetAt.max),
  beta: z.number().min(LIMITS.beta.min).max(LIMITS.beta.max),
  sweepCases: z
    .array(z.object({ variant: z.enum(VARIANT_IDS), form: z.enum(FORMS) }))
    .min(1)
    .max(MAX_SWEEP_CASES),
  sweepMaxN: z.int().min(LIMITS.sweepMaxN.min).max(LIMITS.sweepMaxN.max),
  sweepBudgetS: z.int().min(LIMITS.sweepBudgetS.min).max(LIMITS.sweepBudgetS.max),
  pattern: z.enum(FAMILY_PATTERNS as [FamilyPattern, ...FamilyPattern[]]),
  block: z.int().min(LIMITS.block.min).max(LIMITS.block.max),
  globals: z.int().min(LIMITS.globals.min).max(LIMITS.globals.max),
  buckets: z.int().min(LIMITS.buckets.min).max(LIMITS.buckets.max),
  kproj: z.int().min(LIMITS.kproj.min).max(LIMITS.kproj.max),
  landmarks: z.int().min(LIMITS.landmarks.min).max(LIMITS.landmarks.max),
  pairs: z.int().min(LIMITS.pairs.min).max(LIMITS.pairs.max),
  normalize: z.boolean(),
  mix: z.number().min(LIMITS.mix.min).max(LIMITS.mix.max),
  rank: z.int().min(LIMITS.rank.min).max(LIMITS.rank.max),
  fitLoss: z.enum(FIT_LOSSES as [FitLoss, ...FitLoss[]]),
  lr: z.number().min(LIMITS.lr.min).max(LIMITS.lr.max),
  devices: z.int().min(LIMITS.devices.min).max(LIMITS.devices.max),
  examples: z.int().min(LIMITS.examples.min).max(LIMITS.examples.max),
  precond: z.number().min(LIMITS.precond.min).max(LIMITS.precond.max),
  noise: z.number().min(LIMITS.noise.min).max(LIMITS.noise.max),
});
