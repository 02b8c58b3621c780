// The strict shape of a valid ViewState (what every parse returns), used to
// check lesson step defaults.
import { z } from 'zod';
import { VARIANT_IDS, FORMS, type VariantId } from '../engine';
import {
  APP_VARIANTS,
  FAMILY_PATTERNS,
  FEATURE_MAPS,
  FIT_LOSSES,
  GATE_KINDS,
  LANGS,
  LIMITS,
  MAX_SWEEP_CASES,
  THEMES,
} from './limits';
import { LESSON_IDS, type FamilyPattern, type FitLoss, type Lang } from './types';

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
