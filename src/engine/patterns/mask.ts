// The boolean masks of the patterns (types.ts defines them) and their pair counts.
import { EngineError } from '../types';
import { lshAssign, lshRaw, type LshAssignment } from './lsh';
import type { PatternId, ResolvedPatternParams } from './types';

/** Whether query i scores key j under a structured (non-LSH) pattern. */
export function structuredAllowed(
  pattern: Exclude<PatternId, 'lsh'>,
  p: ResolvedPatternParams,
  i: number,
  j: number,
): boolean {
  if (p.causal && j > i) return false;
  const dist = Math.abs(i - j);
  switch (pattern) {
    case 'window':
      return dist < p.window;
    case 'block':
      return Math.floor(i / p.block) === Math.floor(j / p.block);
    case 'strided':
      return dist < p.block || dist % p.block === 0;
    case 'longformer':
      return dist < p.window || i < p.globals || j < p.globals;
  }
}

/**
 * The n×n mask (1 = scored) of one head. `q` (n×dk) is needed by `lsh` only,
 * whose buckets depend on the queries.
 */
export function buildMask(
  pattern: PatternId,
  p: ResolvedPatternParams,
  n: number,
  q?: ArrayLike<number>,
  dk = 0,
): Uint8Array {
  const mask = new Uint8Array(n * n);
  if (pattern === 'lsh') {
    if (!q) throw new EngineError('the lsh pattern needs the queries (its buckets hash them)');
    return lshMask(lshAssign(q, n, dk, p.buckets, p.block, p.seed), n, p.causal);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) mask[i * n + j] = structuredAllowed(pattern, p, i, j) ? 1 : 0;
  return mask;
}

/** LSH mask with the self-masking rule: i → i only when i has no other key. */
export function lshMask(a: LshAssignment, n: number, causal: boolean): Uint8Array {
  const mask = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    let others = 0;
    for (let j = 0; j < n; j++) {
      if (j !== i && lshRaw(a, i, j, causal)) {
        mask[i * n + j] = 1;
        others++;
      }
    }
    if (others === 0) mask[i * n + i] = 1;
  }
  return mask;
}

/** Scored pairs of a mask. */
export function maskPairs(mask: Uint8Array): number {
  let count = 0;
  for (const x of mask) count += x;
  return count;
}

/**
 * Scored pairs of a structured pattern at length n without building the mask
 * (O(n) per call): the counts the cost chart plots up to large n. Equal to
 * maskPairs(buildMask(...)) (the tests check it).
 */
export function structuredPairs(
  pattern: Exclude<PatternId, 'lsh'>,
  p: ResolvedPatternParams,
  n: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    // Keys j ≤ hi are allowed by causality.
    const hi = p.causal ? i : n - 1;
    const windowLo = (w: number) => Math.max(0, i - w + 1);
    const windowHi = (w: number) => Math.min(hi, i + w - 1);
    switch (pattern) {
      case 'window':
        total += windowHi(p.window) - windowLo(p.window) + 1;
        break;
      case 'block': {
        const start = Math.floor(i / p.block) * p.block;
        total += Math.min(hi, start + p.block - 1) - start + 1;
        break;
      }
      case 'strided': {
        // Local |i − j| < b, plus the other j ≡ i (mod b) (only j = i is in both).
        const local = windowHi(p.block) - windowLo(p.block) + 1;
        const below = Math.floor(i / p.block);
        const above = p.causal ? 0 : Math.floor((n - 1 - i) / p.block);
        const strided = below + above; // j = i ± b, ± 2b, ... (j = i itself is in local)
        // j = i ± b is outside |i−j| < b, so no further overlap.
        total += local + strided;
        break;
      }
      case 'longformer': {
        if (i < p.globals) {
          total += hi + 1;
          break;
        }
        const lo = windowLo(p.window);
        const up = windowHi(p.window);
        // Window keys plus the global keys j < g outside the window (and ≤ hi).
        const globalsBelow = Math.min(p.globals, lo, hi + 1);
        const globalsAbove = Math.max(0, Math.min(p.globals, hi + 1) - (up + 1));
        total += up - lo + 1 + globalsBelow + globalsAbove;
        break;
      }
    }
  }
  return total;
}

/** Scored pairs of the LSH pattern for one head's queries, in O(n·block). */
export function lshPairs(a: LshAssignment, n: number, block: number, causal: boolean): number {
  // Tokens in sorted order; the candidates of i lie in its chunk or the previous one.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[a.rank[i]] = i;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, (a.chunk[i] - 1) * block);
    const to = Math.min(n, (a.chunk[i] + 1) * block);
    let others = 0;
    for (let s = from; s < to; s++) {
      const j = order[s];
      if (j !== i && lshRaw(a, i, j, causal)) others++;
    }
    total += others === 0 ? 1 : others;
  }
  return total;
}
