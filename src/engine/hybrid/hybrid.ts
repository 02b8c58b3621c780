// Branch shares of two-branch attention layers, in float64, for lesson 12
// ("Hybrids and infinite context"). Both layers write their output as a sum of
// two branch outputs, o_t = b1(t) + b2(t), and both use one measure:
//
//   share of branch b at token t = ‖b(t)‖₂ / (‖b1(t)‖₂ + ‖b2(t)‖₂)
//
// (0 when both are 0). It says how much of the output's length each branch
// supplies; it does not say whether that contribution is useful.
//
// 1. Infini-attention (variants/infini): b_mem = sigmoid(β)·A_mem, b_dot =
//    (1 − sigmoid(β))·A_dot, exactly the terms the engine's infini output sums.
// 2. A sliding-window + linear hybrid (this file): a softmax branch over the
//    last w keys and a linear-attention branch over every older key, added
//    with a weight λ on the linear branch:
//      A_swa(t) = Σ_{t−w < j ≤ t} softmax_j(scale·q_t·k_j) v_j,
//      A_lin(t) = Σ_{j ≤ t−w} σ(q_t)·σ(k_j) v_j / Σ_{j ≤ t−w} σ(q_t)·σ(k_j)
//                 (σ = elu + 1; 0 while no key is older than the window),
//      o_t = A_swa(t) + λ·A_lin(t).
//    Each branch is normalised on its own, so λ = 1 weighs them equally; any
//    imbalance at λ = 1 comes from the branch outputs themselves.
import { EngineError } from '../types';
import { addScaledRow, rowDot, type HeadData } from '../variants/common/head';
import { eluPlusOne, infiniParts, sigmoid, type InfiniOptions } from '../variants/infini/cpu';

/** ‖x‖ / (‖x‖ + ‖y‖), 0 when both are 0. */
export function normShare(normX: number, normY: number): number {
  const total = normX + normY;
  return total > 0 ? normX / total : 0;
}

function rowNorm(x: Float64Array, t: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += x[t * d + c] * x[t * d + c];
  return Math.sqrt(s);
}

export interface InfiniShares {
  /** n: ‖sigmoid(β)·A_mem(t)‖. */
  readonly memNorm: Float64Array;
  /** n: ‖(1 − sigmoid(β))·A_dot(t)‖. */
  readonly localNorm: Float64Array;
  /** n: the memory branch's share at each token (0 in the first segment). */
  readonly memShare: Float64Array;
  /** Mean memory share over the tokens after the first segment (NaN when there are none). */
  readonly meanMemShareAfterFirst: number;
  /** Mean memory share per segment (segment 1 is 0). */
  readonly segmentMeans: Float64Array;
  /** ‖M‖_F of the memory after each segment (what the next segment reads; the last is the state). */
  readonly memoryNorms: Float64Array;
  /** The gate sigmoid(β). */
  readonly gate: number;
  readonly segments: number;
}

export function infiniShares(head: HeadData, options: InfiniOptions): InfiniShares {
  const { n, dv } = head;
  const parts = infiniParts(head, options);
  const gate = sigmoid(options.beta);
  const memNorm = new Float64Array(n);
  const localNorm = new Float64Array(n);
  const memShare = new Float64Array(n);
  const segmentMeans = new Float64Array(parts.segments);
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    memNorm[t] = gate * rowNorm(parts.aMem, t, dv);
    localNorm[t] = (1 - gate) * rowNorm(parts.aDot, t, dv);
    memShare[t] = normShare(memNorm[t], localNorm[t]);
    const s = Math.floor(t / options.segment);
    segmentMeans[s] += memShare[t];
    if (s > 0) {
      sum += memShare[t];
      count++;
    }
  }
  const memoryNorms = new Float64Array(parts.segments);
  const record = head.dk * dv;
  for (let s = 0; s < parts.segments; s++) {
    const size = Math.min(options.segment, n - s * options.segment);
    segmentMeans[s] /= size;
    memoryNorms[s] = Math.sqrt(
      parts.memory.subarray(s * record, (s + 1) * record).reduce((sum, x) => sum + x * x, 0),
    );
  }
  return {
    memNorm,
    localNorm,
    memShare,
    meanMemShareAfterFirst: count > 0 ? sum / count : NaN,
    segmentMeans,
    memoryNorms,
    gate,
    segments: parts.segments,
  };
}

export interface HybridOptions {
  /** Keys of the softmax branch, the current one included (w ≥ 1). */
  readonly window: number;
  /** Score scale of the softmax branch (1/√dk by default in the lab). */
  readonly scale: number;
  /** Weight λ > 0 of the linear branch. */
  readonly lambda: number;
}

export interface HybridBranches {
  /** n×dv. */
  readonly aSwa: Float64Array;
  /** n×dv (rows t < w are 0: no key is older than the window yet). */
  readonly aLin: Float64Array;
  /** n: ‖A_swa(t)‖ and ‖A_lin(t)‖ (λ not applied). */
  readonly swaNorm: Float64Array;
  readonly linNorm: Float64Array;
}

/** Both branches of the sliding-window + linear hybrid, λ not applied (see the header). */
export function hybridBranches(head: HeadData, window: number, scale: number): HybridBranches {
  const { n, dk, dv, q, k, v } = head;
  if (!Number.isInteger(window) || window < 1)
    throw new EngineError(`window must be an integer ≥ 1 (got ${window})`);
  const aSwa = new Float64Array(n * dv);
  const aLin = new Float64Array(n * dv);
  const sq = q.map(eluPlusOne);
  const sk = k.map(eluPlusOne);
  const scores = new Float64Array(window);
  // Running Σ σ(k_j)ᵀv_j and Σ σ(k_j) over the keys older than the window.
  const mem = new Float64Array(dk * dv);
  const z = new Float64Array(dk);
  for (let t = 0; t < n; t++) {
    const first = Math.max(0, t - window + 1);
    let m = -Infinity;
    for (let j = first; j <= t; j++) {
      const x = scale * rowDot(q, t, k, j, dk);
      scores[j - first] = x;
      if (x > m) m = x;
    }
    let total = 0;
    for (let j = first; j <= t; j++) {
      scores[j - first] = Math.exp(scores[j - first] - m);
      total += scores[j - first];
    }
    for (let j = first; j <= t; j++) addScaledRow(aSwa, t, v, j, scores[j - first] / total, dv);
    // Key t − w leaves the window at token t: add it to the linear branch first.
    const leaving = t - window;
    if (leaving >= 0) {
      for (let a = 0; a < dk; a++) {
        const f = sk[leaving * dk + a];
        z[a] += f;
        for (let c = 0; c < dv; c++) mem[a * dv + c] += f * v[leaving * dv + c];
      }
      let den = 0;
      for (let a = 0; a < dk; a++) den += sq[t * dk + a] * z[a];
      if (den > 0) {
        for (let a = 0; a < dk; a++) {
          const w = sq[t * dk + a] / den;
          for (let c = 0; c < dv; c++) aLin[t * dv + c] += w * mem[a * dv + c];
        }
      }
    }
  }
  const swaNorm = new Float64Array(n);
  const linNorm = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    swaNorm[t] = rowNorm(aSwa, t, dv);
    linNorm[t] = rowNorm(aLin, t, dv);
  }
  return { aSwa, aLin, swaNorm, linNorm };
}

export interface HybridShares {
  /** n: λ‖A_lin(t)‖ / (‖A_swa(t)‖ + λ‖A_lin(t)‖); 0 for t < w. */
  readonly linShare: Float64Array;
  /** Mean linear share over the tokens t ≥ w that have a linear branch (NaN if none). */
  readonly meanLinShare: number;
  /** Mean ‖A_swa(t)‖ and ‖A_lin(t)‖ over the same tokens. */
  readonly meanSwaNorm: number;
  readonly meanLinNorm: number;
  /** Tokens with a non-empty linear branch (n − w, or 0). */
  readonly tokens: number;
}

export function hybridShares(branches: HybridBranches, window: number, lambda: number): HybridShares {
  if (!(lambda > 0)) throw new EngineError(`λ must be > 0 (got ${lambda})`);
  const n = branches.swaNorm.length;
  const linShare = new Float64Array(n);
  let share = 0;
  let swa = 0;
  let lin = 0;
  let tokens = 0;
  for (let t = window; t < n; t++) {
    linShare[t] = normShare(lambda * branches.linNorm[t], branches.swaNorm[t]);
    share += linShare[t];
    swa += branches.swaNorm[t];
    lin += branches.linNorm[t];
    tokens++;
  }
  return {
    linShare,
    meanLinShare: tokens > 0 ? share / tokens : NaN,
    meanSwaNorm: tokens > 0 ? swa / tokens : NaN,
    meanLinNorm: tokens > 0 ? lin / tokens : NaN,
    tokens,
  };
}

/**
 * The mean linear share over tokens t ≥ w as λ sweeps `logLambdas` (natural
 * logarithms): the curve of how much the linear branch supplies as it is scaled.
 */
export function linShareCurve(
  branches: HybridBranches,
  window: number,
  logLambdas: readonly number[],
): Float64Array {
  return Float64Array.from(logLambdas, (l) => hybridShares(branches, window, Math.exp(l)).meanLinShare);
}

/** Floats one head keeps to continue the sequence after t tokens. */
export function kvCacheFloats(t: number, dk: number, dv: number): number {
  return t * (dk + dv);
}

/**
 * Infini-attention after t tokens: the memory M and z (dk·dv + dk) plus the KV
 * cache of the current segment only (at most N_s tokens: the tokens of t's
 * segment seen so far).
 */
export function infiniStateFloats(t: number, segment: number, dk: number, dv: number): number {
  const inSegment = t <= 0 ? 0 : ((t - 1) % segment) + 1;
  return dk * dv + dk + inSegment * (dk + dv);
}

/**
 * ln λ at which the mean linear share over tokens t ≥ w is exactly ½ (bisection:
 * the share rises strictly with λ), or NaN when no token has a linear branch or
 * the linear branch is 0 everywhere.
 */
export function equalShareLogLambda(branches: HybridBranches, window: number): number {
  const at = (l: number) => hybridShares(branches, window, Math.exp(l)).meanLinShare;
  let lo = -30;
  let hi = 30;
  if (!(at(lo) < 0.5 && at(hi) > 0.5)) return NaN;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
