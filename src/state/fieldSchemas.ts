// The URL schema's fields: how each field's text is parsed (number, boolean,
// language, sweep cases) and moved to the nearest valid value, each change
// reported as a Correction. Fallbacks (absent or invalid values) come from a
// base view.
import { z } from 'zod';
import { VARIANT_IDS, FORMS, type Form, type VariantId, findVariant } from '../engine';
import {
  APP_VARIANTS,
  FAMILY_PATTERNS,
  FEATURE_MAPS,
  FIT_LOSSES,
  GATE_KINDS,
  LIMITS,
  MAX_SWEEP_CASES,
  THEMES,
  fitNumber,
  formsOf,
  type NumberLimit,
  type NumericKey,
} from './limits';
import { correction, type Correction, type CorrectionReason } from './corrections';
import { LESSON_IDS, type Lang, type LessonId, type SweepCase, type ViewState } from './types';
import { URL_KEYS } from './urlKeys';

/** Longest single value read; longer ones are invalid. */
const MAX_VALUE_LENGTH = 400;

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

export const formatSweep = (cases: readonly SweepCase[]): string =>
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

export function causalSupportOf(variant: VariantId): 'both' | 'causal-only' | 'noncausal-only' {
  return findVariant(variant)?.causal ?? 'both';
}

/** Field schemas whose fallbacks (absent or invalid values) come from `base`. */
export function createFieldSchemas(base: ViewState) {
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

export type FieldSchemas = ReturnType<typeof createFieldSchemas>;
export type FieldOutcomes = { [K in keyof FieldSchemas]: z.output<FieldSchemas[K]> };
