// How far an approximation's weights (and outputs) are from softmax's on the
// same inputs.
import { checkedDense, type DenseMatrix } from './dense';
import { visibleKeyCount, type KeyMask } from './mask';

export interface WeightError {
  /** ‖A − A_softmax‖_F / ‖A_softmax‖_F. */
  readonly relativeFrobenius: number;
  /** Mean over rows of KL(softmax row ‖ approximate row), nats, with the guard of rowKlDivergence. */
  readonly meanRowKl: number;
  /** Largest row KL. */
  readonly maxRowKl: number;
}

/**
 * Weight λ of the uniform row mixed into an approximate row that has no mass
 * where softmax has some (see weightError). With N visible keys it bounds
 * that row's KL by ln(N/λ) ≈ 27.6 nats for N = 1024.
 */
export const KL_UNIFORM_MIX = 1e-9;

/**
 * Errors of `approx` against `reference` (softmax), both n×n. The row KL is
 * KL(p ‖ q) = Σ_j p_j ln(p_j/q_j) over the visible keys of the row, with p the
 * softmax row and q the approximation's row made into a distribution that is
 * positive wherever p can be:
 *   q̂_j = max(q_j, 0)/Σ max(q, 0)    (negative weights of InLine, rows not summing to 1),
 *   q_j ← (1 − λ)·q̂_j + λ/N          (λ = KL_UNIFORM_MIX, N = visible keys),
 * so a zero (or negative) approximate weight where softmax has mass gives a
 * large but finite KL instead of ∞. The mixing is applied only to rows that
 * need it (some p_j > 0 where q_j ≤ 0); other rows get the exact KL of the
 * renormalised q̂. A row with no positive weight is uniform. Terms with
 * p_j = 0 contribute 0.
 */
export function weightError(approx: DenseMatrix, reference: DenseMatrix, mask: KeyMask): WeightError {
  const a = checkedDense(approx);
  const r = checkedDense(reference);
  if (a.rows !== r.rows || a.cols !== r.cols) {
    throw new RangeError(`shapes differ: ${a.rows}×${a.cols} against ${r.rows}×${r.cols}`);
  }
  const { rows, cols } = r;
  let diffSq = 0;
  let refSq = 0;
  for (let i = 0; i < rows * cols; i++) {
    const diff = a.data[i] - r.data[i];
    diffSq += diff * diff;
    refSq += r.data[i] * r.data[i];
  }
  let klSum = 0;
  let klMax = 0;
  for (let i = 0; i < rows; i++) {
    const kl = rowKl(r.data, a.data, i * cols, visibleColumns(i, cols, mask));
    klSum += kl;
    klMax = Math.max(klMax, kl);
  }
  return {
    relativeFrobenius: refSq > 0 ? Math.sqrt(diffSq / refSq) : Math.sqrt(diffSq),
    meanRowKl: rows > 0 ? klSum / rows : 0,
    maxRowKl: klMax,
  };
}

/** Columns [from, to) row i sees. */
function visibleColumns(i: number, cols: number, mask: KeyMask): { from: number; to: number } {
  const count = visibleKeyCount(i, cols, mask);
  const to = mask.causal ? Math.min(i + 1, cols) : cols;
  return { from: to - count, to };
}

function rowKl(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  base: number,
  keys: { from: number; to: number },
): number {
  const count = keys.to - keys.from;
  let pSum = 0;
  let qSum = 0;
  for (let j = keys.from; j < keys.to; j++) {
    pSum += Math.max(p[base + j], 0);
    qSum += Math.max(q[base + j], 0);
  }
  if (pSum === 0) return 0;
  // The guard is needed only where q has no mass and p has some; other rows are exact.
  let guard = qSum === 0;
  for (let j = keys.from; j < keys.to && !guard; j++) guard = p[base + j] > 0 && !(q[base + j] > 0);
  const mix = guard ? KL_UNIFORM_MIX : 0;
  let kl = 0;
  for (let j = keys.from; j < keys.to; j++) {
    const pj = Math.max(p[base + j], 0) / pSum;
    if (pj === 0) continue;
    const qHat = qSum > 0 ? Math.max(q[base + j], 0) / qSum : 1 / count;
    const qj = (1 - mix) * qHat + mix / count;
    kl += pj * Math.log(pj / qj);
  }
  // Rounding can leave −1e-17 for identical rows; KL is never negative.
  return Math.max(kl, 0);
}

/** max_i |a_i − b_i| (the max output error when a, b are O and O_softmax). */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} against ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
