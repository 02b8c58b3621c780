// The float64 reference of masked softmax attention under a pattern: for every
// row i, softmax over the allowed keys of scale·q_i·k_j, zero elsewhere, then
// o_i = Σ_j w_ij v_j. LSH scores against the shared keys k̂_j = q_j/‖q_j‖.
import { EngineError } from '../types';
import { buildMask } from './mask';
import {
  resolvePatternParams,
  type PatternId,
  type PatternParams,
  type ResolvedPatternParams,
} from './types';

export interface PatternProblem {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads?: number;
  /** heads×n×dk. */
  readonly q: ArrayLike<number>;
  /** heads×n×dk (ignored by `lsh`, whose keys are the normalised queries). */
  readonly k: ArrayLike<number>;
  /** heads×n×dv. */
  readonly v: ArrayLike<number>;
}

export interface PatternResult {
  readonly pattern: PatternId;
  readonly n: number;
  readonly dv: number;
  /** heads×n×dv. */
  readonly o: Float64Array | Float32Array;
  /** Head 0's n×n weights (zero outside the mask). */
  readonly weights: Float64Array | Float32Array;
  /** Head 0's n×n mask (1 = scored). */
  readonly mask: Uint8Array;
  /** Scored pairs of head 0. */
  readonly pairs: number;
  /** pairs / n² (non-causal) or pairs / (n(n+1)/2) (causal): the fraction of full attention's pairs. */
  readonly density: number;
  readonly backend: 'cpu' | 'webgpu';
}

/** Sizes and finiteness checked, params resolved. */
export function checkPatternProblem(
  pattern: string,
  params: PatternParams,
  problem: PatternProblem,
): ResolvedPatternParams {
  const { n, dk, dv } = problem;
  const heads = problem.heads ?? 1;
  for (const [name, value] of [
    ['n', n],
    ['dk', dk],
    ['dv', dv],
    ['heads', heads],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new EngineError(`${name} must be an integer ≥ 1 (got ${value})`);
  }
  for (const [name, arr, len] of [
    ['q', problem.q, heads * n * dk],
    ['k', problem.k, heads * n * dk],
    ['v', problem.v, heads * n * dv],
  ] as const) {
    if (arr.length !== len)
      throw new EngineError(`${name} has ${arr.length} entries, expected ${len} (heads×n×d)`);
    for (let i = 0; i < arr.length; i++) {
      if (!Number.isFinite(arr[i])) throw new EngineError(`${name}[${i}] is not a finite number`);
    }
  }
  return resolvePatternParams(pattern, params, dk);
}

/** Fraction of full attention's pairs (with the same causality) that the pattern scores. */
export function patternDensity(pairs: number, n: number, causal: boolean): number {
  return pairs / (causal ? (n * (n + 1)) / 2 : n * n);
}

/** Mask of one head (q: that head's n×dk queries, used by lsh). */
export function headMask(
  pattern: PatternId,
  p: ResolvedPatternParams,
  q: ArrayLike<number>,
  n: number,
  dk: number,
): Uint8Array {
  return buildMask(pattern, p, n, q, dk);
}

/** Masked softmax attention in float64 for every head. */
export function runPatternCpu(
  pattern: PatternId,
  params: PatternParams,
  problem: PatternProblem,
): PatternResult {
  const p = checkPatternProblem(pattern, params, problem);
  const { n, dk, dv } = problem;
  const heads = problem.heads ?? 1;
  const o = new Float64Array(heads * n * dv);
  let weights0 = new Float64Array(0);
  let mask0: Uint8Array = new Uint8Array(0);
  for (let h = 0; h < heads; h++) {
    const q = Float64Array.from({ length: n * dk }, (_, i) => Number(problem.q[h * n * dk + i]));
    const k =
      pattern === 'lsh'
        ? normalisedRows(q, n, dk)
        : Float64Array.from({ length: n * dk }, (_, i) => Number(problem.k[h * n * dk + i]));
    const mask = headMask(pattern, p, q, n, dk);
    const w = new Float64Array(n * n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let j = 0; j < n; j++) {
        if (!mask[i * n + j]) continue;
        let s = 0;
        for (let t = 0; t < dk; t++) s += q[i * dk + t] * k[j * dk + t];
        scores[j] = p.scale * s;
        if (scores[j] > max) max = scores[j];
      }
      if (max === -Infinity) throw new EngineError(`internal: row ${i} of ${pattern} has no key`);
      let sum = 0;
      for (let j = 0; j < n; j++) {
        if (!mask[i * n + j]) continue;
        const e = Math.exp(scores[j] - max);
        w[i * n + j] = e;
        sum += e;
      }
      for (let j = 0; j < n; j++) {
        if (!mask[i * n + j]) continue;
        const wij = (w[i * n + j] /= sum);
        const ob = (h * n + i) * dv;
        const vb = (h * n + j) * dv;
        for (let c = 0; c < dv; c++) o[ob + c] += wij * Number(problem.v[vb + c]);
      }
    }
    if (h === 0) {
      weights0 = w;
      mask0 = mask;
    }
  }
  let pairs = 0;
  for (const x of mask0) pairs += x;
  return {
    pattern,
    n,
    dv,
    o,
    weights: weights0,
    mask: mask0,
    pairs,
    density: patternDensity(pairs, n, p.causal),
    backend: 'cpu',
  };
}

/** Rows divided by their norm (a zero row stays zero): Reformer's shared keys. */
export function normalisedRows(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += x[i * d + t] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let t = 0; t < d; t++) out[i * d + t] = x[i * d + t] * inv;
  }
  return out;
}
