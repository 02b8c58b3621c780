// Rank measures of a spectrum σ_1 ≥ σ_2 ≥ … ≥ 0 (from ./svd.ts), and the rank
// bound a feature map imposes on kernel linear attention.

/** Unit roundoff of float64 and float32 (machine epsilon). */
export const FLOAT64_EPSILON = 2 ** -52;
export const FLOAT32_EPSILON = 2 ** -23;

/**
 * Effective rank (Roy & Vetterli, "The effective rank: a measure of effective
 * dimensionality", EUSIPCO 2007): erank = exp(H(p)), with p_i = σ_i / Σ_j σ_j
 * the normalised spectrum (singular values, not their squares) and
 * H(p) = −Σ p_i ln p_i in nats (0·ln 0 = 0). It is 1 for a rank-one matrix,
 * k for k equal singular values, and varies continuously in between; 0 for
 * the zero matrix (no spectrum to normalise).
 */
export function effectiveRank(singularValues: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < singularValues.length; i++) total += Math.abs(singularValues[i]);
  if (total === 0) return 0;
  let entropy = 0;
  for (let i = 0; i < singularValues.length; i++) {
    const p = Math.abs(singularValues[i]) / total;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

/**
 * Default relative tolerance for the numerical rank: max(rows, cols)·ε, as in
 * LAPACK-based tools (MATLAB rank, numpy.linalg.matrix_rank). A computed SVD
 * of a matrix stored with unit roundoff ε has errors of about that size times
 * σ_max, so smaller singular values cannot be told apart from zero. Use
 * FLOAT32_EPSILON for maps that went through float32 (GPU weights, or the
 * CPU's float64 weights compared with what the GPU can resolve).
 */
export function defaultRankTolerance(rows: number, cols: number, epsilon = FLOAT64_EPSILON): number {
  return Math.max(rows, cols, 1) * epsilon;
}

/**
 * Numerical rank: the number of singular values σ_i > tolerance·σ_max
 * (`tolerance` is relative to the largest singular value). 0 for the zero matrix.
 */
export function numericalRank(singularValues: ArrayLike<number>, tolerance: number): number {
  let largest = 0;
  for (let i = 0; i < singularValues.length; i++) largest = Math.max(largest, Math.abs(singularValues[i]));
  if (largest === 0) return 0;
  const threshold = tolerance * largest;
  let rank = 0;
  for (let i = 0; i < singularValues.length; i++) if (Math.abs(singularValues[i]) > threshold) rank++;
  return rank;
}

export interface RankBound {
  /** Upper bound on the rank of the n×n weight matrix. */
  readonly bound: number;
  /** True when the feature dimension r, not n, sets the bound. */
  readonly limitedByFeatures: boolean;
  /** Why, in one sentence (for a tooltip or a test message). */
  readonly reason: string;
}

/**
 * The rank bound of kernel linear attention W = diag(1/den)·(φ(Q)φ(K)ᵀ ⊙ M)
 * with φ: R^dk → R^r (attention-math.md T1). Row scaling never raises rank.
 *  - Non-causal: rank W ≤ rank φ(Q)φ(K)ᵀ ≤ min(n, r).
 *  - Causal: the mask does not preserve the bound. (φ(Q)φ(K)ᵀ) ⊙ M can have
 *    full rank n even for r = 1 (all-ones features give the lower-triangular
 *    ones matrix). What survives is semiseparability: every block that lies
 *    on or below the diagonal (rows ≥ its columns) has rank ≤ r. The bound
 *    reported is then n.
 * `extraRankOne` adds rank-one terms that some variants put on top: InLine's
 * weights (scale/N)(a_ij − den_i/N) + 1/N add one term c·1ᵀ (pass 1) in the
 * non-causal case.
 */
export function featureRankBound(options: {
  readonly n: number;
  readonly featureDim: number;
  readonly causal: boolean;
  readonly extraRankOne?: number;
}): RankBound {
  const { n, featureDim, causal } = options;
  const extra = options.extraRankOne ?? 0;
  if (causal) {
    return {
      bound: n,
      limitedByFeatures: false,
      reason: `the causal mask can raise the rank of φ(Q)φ(K)ᵀ up to n = ${n}; only blocks on or below the diagonal keep rank ≤ r = ${featureDim}`,
    };
  }
  const featureBound = featureDim + extra;
  if (featureBound < n) {
    return {
      bound: featureBound,
      limitedByFeatures: true,
      reason:
        extra > 0
          ? `rank ≤ r + ${extra} = ${featureBound}: φ(Q)φ(K)ᵀ has rank ≤ r = ${featureDim}, plus ${extra} rank-one term(s)`
          : `rank φ(Q)φ(K)ᵀ ≤ r = ${featureDim} < n = ${n}`,
    };
  }
  return { bound: n, limitedByFeatures: false, reason: `r = ${featureDim} ≥ n = ${n}: no bound below n` };
}
