// Masked softmax patterns of the efficient-Transformer family (fixed and
// learnable sparsity): which (query i, key j) pairs are scored. Positions are
// 0-based here (token t of the contract is i = t − 1). Every pattern keeps at
// least one key per row, so every row of the masked softmax is defined.
//
//   window      causal: i − w < j ≤ i (the `swa` variant's mask); non-causal: |i − j| < w
//   block       ⌊i/b⌋ = ⌊j/b⌋ (blocks of b tokens attend within themselves)
//   strided     |i − j| < b  or  (i − j) mod b = 0 (Sparse Transformer: local + stride b)
//   longformer  |i − j| < w  or  i < g  or  j < g  (window plus g global tokens)
//   lsh         Reformer, one hash round (attention-math.md §22), see lsh.ts
//
// `causal` adds j ≤ i to every pattern (for window it is the one-sided window).
import { EngineError } from '../types';

export const PATTERN_IDS = ['window', 'block', 'strided', 'longformer', 'lsh'] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

export interface PatternParams {
  /** Add j ≤ i to the pattern (default false). */
  readonly causal?: boolean;
  /** Window w of `window` and `longformer` (default 64). */
  readonly window?: number;
  /** Block b of `block`, stride b of `strided`, chunk length of `lsh` (default 16). */
  readonly block?: number;
  /** Global tokens g of `longformer` (default 2). */
  readonly globals?: number;
  /** Buckets of `lsh`, even (default 8). */
  readonly buckets?: number;
  /** Seed of `lsh`'s random rotation R (default 0). */
  readonly seed?: number;
  /** Score scale (default 1/√dk). */
  readonly scale?: number;
}

export type ResolvedPatternParams = Required<PatternParams>;

export function isPatternId(id: string): id is PatternId {
  return (PATTERN_IDS as readonly string[]).includes(id);
}

function integer(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new EngineError(`pattern parameter ${name} must be an integer ≥ ${min} (got ${value})`);
  }
  return value;
}

/** Defaults filled and every value checked (EngineError with the reason otherwise). */
export function resolvePatternParams(
  pattern: string,
  params: PatternParams,
  dk: number,
): ResolvedPatternParams {
  if (!isPatternId(pattern)) {
    throw new EngineError(`unknown pattern "${pattern}" (patterns: ${PATTERN_IDS.join(', ')})`);
  }
  const buckets = integer('buckets', params.buckets ?? 8, 2);
  if (buckets % 2 !== 0) throw new EngineError(`lsh needs an even number of buckets (got ${buckets})`);
  const scale = params.scale ?? 1 / Math.sqrt(dk);
  if (!Number.isFinite(scale)) throw new EngineError(`pattern parameter scale must be finite (got ${scale})`);
  const seed = params.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new EngineError(`pattern seed must be a safe integer (got ${seed})`);
  return {
    causal: params.causal ?? false,
    window: integer('window', params.window ?? 64, 1),
    block: integer('block', params.block ?? 16, 1),
    globals: integer('globals', params.globals ?? 2, 0),
    buckets,
    seed,
    scale,
  };
}
