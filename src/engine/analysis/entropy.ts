// How focused each query is: the Shannon entropy of its row of attention
// weights, with log(#visible keys), the entropy of a uniform row, for scale.
import { checkedDense, type DenseMatrix } from './dense';
import { visibleKeyCount, type KeyMask } from './mask';

export interface RowEntropies {
  /** Entropy of each row in nats: −Σ_j p_ij ln p_ij. */
  readonly entropy: Float64Array;
  /** ln(#keys row i sees): the entropy of a uniform row, the largest possible. */
  readonly maxEntropy: Float64Array;
  /** Mean of `entropy` over rows. */
  readonly mean: number;
  /**
   * Rows that were not already a probability distribution (a negative weight,
   * or a sum off 1 by more than 1e-6) and were turned into one as described
   * at rowEntropies.
   */
  readonly renormalizedRows: number;
}

/** Rows whose sum is within this of 1 (and no negatives) are taken as they are. */
const SUM_TOLERANCE = 1e-6;

/**
 * Row entropies of an n×n weight matrix. Softmax rows are distributions
 * already. Other variants' rows may not be: InLine's can have negative
 * weights, Performer without normalisation does not sum to 1, and ε in a
 * denominator leaves the sum slightly below 1. Such a row is read as the
 * distribution p_ij = max(w_ij, 0) / Σ_j max(w_ij, 0) and counted in
 * `renormalizedRows`; a row with no positive weight counts as uniform over its
 * visible keys (no preference), entropy ln(#visible).
 */
export function rowEntropies(weights: DenseMatrix, mask: KeyMask): RowEntropies {
  const { rows, cols, data } = checkedDense(weights);
  const entropy = new Float64Array(rows);
  const maxEntropy = new Float64Array(rows);
  let renormalizedRows = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let positiveSum = 0;
    let negative = false;
    for (let j = 0; j < cols; j++) {
      const w = data[base + j];
      if (w > 0) positiveSum += w;
      else if (w < 0) negative = true;
    }
    maxEntropy[i] = Math.log(visibleKeyCount(i, cols, mask));
    if (negative || Math.abs(positiveSum - 1) > SUM_TOLERANCE) renormalizedRows++;
    if (positiveSum === 0) {
      entropy[i] = maxEntropy[i];
    } else {
      let h = 0;
      for (let j = 0; j < cols; j++) {
        const w = data[base + j];
        if (w > 0) {
          const p = w / positiveSum;
          h -= p * Math.log(p);
        }
      }
      entropy[i] = h;
    }
    total += entropy[i];
  }
  return { entropy, maxEntropy, mean: rows > 0 ? total / rows : 0, renormalizedRows };
}

export interface Histogram {
  /** bins + 1 edges, ascending; bin b is [edges[b], edges[b+1]), the last bin includes its right edge. */
  readonly edges: Float64Array;
  readonly counts: Uint32Array;
}

/**
 * Equal-width histogram of `values` over [min, max] (default: the data's
 * range). Values outside the range are not counted. A zero-width range (all
 * values equal) gets a unit-wide range centred on the value.
 */
export function histogram(
  values: ArrayLike<number>,
  options: { readonly bins: number; readonly min?: number; readonly max?: number },
): Histogram {
  const { bins } = options;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be an integer ≥ 1 (got ${bins})`);
  let lo = options.min ?? Infinity;
  let hi = options.max ?? -Infinity;
  if (options.min === undefined || options.max === undefined) {
    for (let i = 0; i < values.length; i++) {
      if (options.min === undefined) lo = Math.min(lo, values[i]);
      if (options.max === undefined) hi = Math.max(hi, values[i]);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi < lo) throw new RangeError(`histogram range is empty (min ${lo} > max ${hi})`);
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  edges[bins] = hi;
  const counts = new Uint32Array(bins);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(x >= lo && x <= hi)) continue;
    counts[Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins))]++;
  }
  return { edges, counts };
}
