// Float64 references of softmax attention (attention-math.md §1), shared with the
// sliding window (§2, ../swa/cpu.ts). Three honest forms that must agree:
// parallel materialises the n×n probabilities; recurrent decodes token by token
// over a growing KV cache with an online softmax; flash walks query×key tiles
// with the FlashAttention-2 online-softmax update and never holds an n×n array.
import type { Form } from '../../types';
import { booleanParam, numberParam, type ResolvedParams } from '../common/descriptor';
import { addScaledRow, rowDot, type HeadData, type HeadResult, type CpuForms } from '../common/head';

/** Which keys a query sees: all (non-causal), 1..i (causal), or the last `window` of those. */
export interface SoftmaxMask {
  readonly causal: boolean;
  /** Keys visible to a causal query, itself included; Infinity = no window. */
  readonly window: number;
}

export function maskFromParams(params: ResolvedParams): SoftmaxMask {
  const window = params.window;
  return { causal: booleanParam(params, 'causal'), window: typeof window === 'number' ? window : Infinity };
}

/** First visible key of query i (0-based). */
export function firstKey(i: number, mask: SoftmaxMask): number {
  if (!mask.causal) return 0;
  return Math.max(0, i - mask.window + 1);
}

/** One past the last visible key of query i. */
export function endKey(i: number, n: number, mask: SoftmaxMask): number {
  return mask.causal ? i + 1 : n;
}

/**
 * The n×n probability matrix softmax(scale·QKᵀ + mask), row-major; masked
 * entries are 0. Subtracting the row max before exp keeps it finite.
 */
export function softmaxWeights(head: HeadData, scale: number, mask: SoftmaxMask): Float64Array {
  const { n, dk, q, k } = head;
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const start = firstKey(i, mask);
    const end = endKey(i, n, mask);
    const row = i * n;
    let max = -Infinity;
    for (let j = start; j < end; j++) {
      const score = scale * rowDot(q, i, k, j, dk);
      weights[row + j] = score;
      if (score > max) max = score;
    }
    let sum = 0;
    for (let j = start; j < end; j++) {
      const e = Math.exp(weights[row + j] - max);
      weights[row + j] = e;
      sum += e;
    }
    // Every row keeps at least its own key (causal) or all keys, so sum ≥ 1.
    for (let j = start; j < end; j++) weights[row + j] /= sum;
  }
  return weights;
}

/** Parallel form: materialise the probabilities, then O = P V. */
export function softmaxParallel(head: HeadData, scale: number, mask: SoftmaxMask): HeadResult {
  const { n, dv, v } = head;
  const weights = softmaxWeights(head, scale, mask);
  const o = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    const end = endKey(i, n, mask);
    for (let j = firstKey(i, mask); j < end; j++) addScaledRow(o, i, v, j, weights[i * n + j], dv);
  }
  return { o };
}

/**
 * Running online-softmax accumulator of one query: max m, sum ℓ of exp(s − m)
 * and the weighted value sum. Adding a key rescales what is there by e^{m−m'}.
 */
class OnlineSoftmax {
  max = -Infinity;
  sum = 0;
  readonly acc: Float64Array;

  constructor(dv: number) {
    this.acc = new Float64Array(dv);
  }

  /** Adds one key with score `score` and value row j of `v`. */
  add(score: number, v: Float64Array, j: number): void {
    const dv = this.acc.length;
    if (score > this.max) {
      // First key: max was the sentinel, nothing to rescale (e^{−∞} would be 0 anyway).
      const rescale = this.max === -Infinity ? 0 : Math.exp(this.max - score);
      this.sum *= rescale;
      for (let c = 0; c < dv; c++) this.acc[c] *= rescale;
      this.max = score;
    }
    const p = Math.exp(score - this.max);
    this.sum += p;
    for (let c = 0; c < dv; c++) this.acc[c] += p * v[j * dv + c];
  }

  /** Writes acc/ℓ into row i of o and resets for the next query. */
  finish(o: Float64Array, i: number): void {
    const dv = this.acc.length;
    for (let c = 0; c < dv; c++) o[i * dv + c] = this.acc[c] / this.sum;
    this.max = -Infinity;
    this.sum = 0;
    this.acc.fill(0);
  }
}

/**
 * Recurrent form (decoding): token t appends k_t, v_t to the KV cache, then q_t
 * streams over the cache with the online softmax. The cache is the state, and it
 * grows with t (2·t·d floats) — the contrast with linear attention's fixed S.
 * Non-causal: the whole sequence is cached first, then every query reads all of it.
 */
export function softmaxRecurrent(head: HeadData, scale: number, mask: SoftmaxMask): HeadResult {
  const { n, dk, dv, q, k, v } = head;
  const cacheK = new Float64Array(n * dk);
  const cacheV = new Float64Array(n * dv);
  let cached = 0;
  const append = (t: number) => {
    cacheK.set(k.subarray(t * dk, (t + 1) * dk), cached * dk);
    cacheV.set(v.subarray(t * dv, (t + 1) * dv), cached * dv);
    cached++;
  };
  const o = new Float64Array(n * dv);
  const state = new OnlineSoftmax(dv);
  const decode = (t: number) => {
    for (let j = firstKey(t, mask); j < cached; j++)
      state.add(scale * rowDot(q, t, cacheK, j, dk), cacheV, j);
    state.finish(o, t);
  };
  if (mask.causal) {
    for (let t = 0; t < n; t++) {
      append(t);
      decode(t);
    }
  } else {
    for (let t = 0; t < n; t++) append(t);
    for (let t = 0; t < n; t++) decode(t);
  }
  return { o };
}

/** Tile sizes of the CPU flash form (rows of queries × columns of keys). */
export const FLASH_BLOCK_ROWS = 16;
export const FLASH_BLOCK_COLS = 16;

/**
 * Flash form (FlashAttention-2): for each block of query rows keep m, ℓ and the
 * unnormalised output; visit only the key blocks some row of the block can see
 * (up to the diagonal when causal, from the window start with a window), apply
 * the mask inside a tile, and divide by ℓ once at the end.
 */
export function softmaxFlash(head: HeadData, scale: number, mask: SoftmaxMask): HeadResult {
  const { n, dk, dv, q, k, v } = head;
  const o = new Float64Array(n * dv);
  const rowMax = new Float64Array(FLASH_BLOCK_ROWS);
  const rowSum = new Float64Array(FLASH_BLOCK_ROWS);
  const acc = new Float64Array(FLASH_BLOCK_ROWS * dv);
  const tile = new Float64Array(FLASH_BLOCK_COLS);
  for (let rowStart = 0; rowStart < n; rowStart += FLASH_BLOCK_ROWS) {
    const rowEnd = Math.min(rowStart + FLASH_BLOCK_ROWS, n);
    rowMax.fill(-Infinity);
    rowSum.fill(0);
    acc.fill(0);
    // Key range any row of this block sees; starts and ends grow with i.
    const keysFrom = firstKey(rowStart, mask);
    const keysTo = endKey(rowEnd - 1, n, mask);
    const firstBlock = Math.floor(keysFrom / FLASH_BLOCK_COLS) * FLASH_BLOCK_COLS;
    for (let colStart = firstBlock; colStart < keysTo; colStart += FLASH_BLOCK_COLS) {
      const colEnd = Math.min(colStart + FLASH_BLOCK_COLS, n);
      for (let i = rowStart; i < rowEnd; i++) {
        const r = i - rowStart;
        // The part of this tile row i may see; empty rows are skipped, which is
        // the guard against a fully masked tile row (attention-math.md §1.7).
        const from = Math.max(colStart, firstKey(i, mask));
        const to = Math.min(colEnd, endKey(i, n, mask));
        if (from >= to) continue;
        let tileMax = -Infinity;
        for (let j = from; j < to; j++) {
          const score = scale * rowDot(q, i, k, j, dk);
          tile[j - colStart] = score;
          if (score > tileMax) tileMax = score;
        }
        const newMax = Math.max(rowMax[r], tileMax);
        const alpha = rowMax[r] === -Infinity ? 0 : Math.exp(rowMax[r] - newMax);
        let tileSum = 0;
        for (let c = 0; c < dv; c++) acc[r * dv + c] *= alpha;
        for (let j = from; j < to; j++) {
          const p = Math.exp(tile[j - colStart] - newMax);
          tileSum += p;
          addScaledRow(acc, r, v, j, p, dv);
        }
        rowSum[r] = alpha * rowSum[r] + tileSum;
        rowMax[r] = newMax;
      }
    }
    for (let i = rowStart; i < rowEnd; i++) {
      const r = i - rowStart;
      for (let c = 0; c < dv; c++) o[i * dv + c] = acc[r * dv + c] / rowSum[r];
    }
  }
  return { o };
}

/** Runs one form of softmax-family attention for one head. */
export function runSoftmaxFamily(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
  const scale = numberParam(params, 'scale');
  const mask = maskFromParams(params);
  switch (form) {
    case 'parallel':
      return softmaxParallel(head, scale, mask);
    case 'recurrent':
      return softmaxRecurrent(head, scale, mask);
    case 'flash':
      return softmaxFlash(head, scale, mask);
    default:
      throw new Error(`softmax attention has no ${form} form`);
  }
}

export function softmaxFamilyWeights(head: HeadData, params: ResolvedParams): Float64Array {
  return softmaxWeights(head, numberParam(params, 'scale'), maskFromParams(params));
}

/** The CPU forms the engine runs. */
export const cpu: CpuForms = { run: runSoftmaxFamily, weights: softmaxFamilyWeights };
