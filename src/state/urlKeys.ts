// The link's vocabulary: the URL key of each view field, in the canonical
// order of the link.
import type { ViewState } from './types';

/** URL key of each state field, in the canonical order of the link. */
export const URL_KEYS = {
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

export const STATE_KEYS = Object.keys(URL_KEYS) as (keyof ViewState)[];
export const KNOWN_URL_KEYS = new Set<string>(Object.values(URL_KEYS));
