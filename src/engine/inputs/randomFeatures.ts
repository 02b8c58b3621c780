// Seeded projections for the feature-map variants: Performer's random features
// W (m×dk, orthogonal blocks as in attention-math.md §5) and Hedgehog's feature
// projection (dk×r, identity-like as the paper initialises it). Both are drawn
// in float64 from the project's PRNG (./random.ts) and rounded to f32, like
// generateProblem's q, k, v, so the CPU and GPU backends see identical numbers.
import { createRng } from './random';

// Stream ids of the projections: far above the per-head streams of
// generateProblem (head·8 + id), so one seed's W never repeats its q, k or v.
const PERFORMER_STREAM_BASE = 0x40000000;
const HEDGEHOG_STREAM = 0x3fffffff;

/** How Performer rescales the rows of each orthogonal block (jax `scaling`). */
export type PerformerRowScaling =
  /** scaling=0 (default): row i times ‖g_i‖, g_i ~ N(0, I_dk), so each row has a Gaussian row's length. */
  | 'chi'
  /** scaling=1: every row has length √dk. */
  | 'sqrt-dk';

export interface PerformerProjectionOptions {
  readonly seed: number;
  /** Random features (rows of W), m ≥ 1. */
  readonly m: number;
  readonly dk: number;
  /** Default 'chi'. */
  readonly scaling?: PerformerRowScaling;
  /**
   * false: plain i.i.d. N(0, 1) rows (the unstructured estimator, for comparing
   * against the orthogonal one). Default true.
   */
  readonly orthogonal?: boolean;
}

/**
 * Performer's W, m×dk row-major (attention-math.md §5, jax
 * `GaussianOrthogonalRandomMatrix`): ⌊m/dk⌋ blocks Qᵀ of the QR of an i.i.d.
 * N(0,1) dk×dk matrix, plus the first m mod dk rows of one more, rows rescaled
 * by `scaling`. Rows inside a block are exactly orthogonal, which lowers the
 * estimator's variance against i.i.d. rows for the same m.
 */
export function performerProjection(options: PerformerProjectionOptions): Float32Array {
  const { seed, m, dk } = options;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be an integer ≥ 1 (got ${m})`);
  if (!Number.isInteger(dk) || dk < 1) throw new RangeError(`dk must be an integer ≥ 1 (got ${dk})`);
  const scaling = options.scaling ?? 'chi';
  const orthogonal = options.orthogonal ?? true;
  const rows = new Float64Array(m * dk);
  const blocks = Math.ceil(m / dk);
  for (let b = 0; b < blocks; b++) {
    const rng = createRng(seed, PERFORMER_STREAM_BASE + b);
    const gaussian = new Float64Array(dk * dk);
    for (let i = 0; i < gaussian.length; i++) gaussian[i] = rng.nextNormal();
    const block = orthogonal ? orthonormalRows(gaussian, dk) : gaussian;
    const take = Math.min(dk, m - b * dk);
    rows.set(block.subarray(0, take * dk), b * dk * dk);
  }
  if (orthogonal) {
    // Orthonormal rows have length 1; give them a Gaussian row's length back.
    const lengths = createRng(seed, PERFORMER_STREAM_BASE - 1);
    for (let i = 0; i < m; i++) {
      let length = Math.sqrt(dk);
      if (scaling === 'chi') {
        let sq = 0;
        for (let d = 0; d < dk; d++) sq += lengths.nextNormal() ** 2;
        length = Math.sqrt(sq);
      }
      for (let d = 0; d < dk; d++) rows[i * dk + d] *= length;
    }
  }
  return Float32Array.from(rows);
}

/**
 * The rows of Qᵀ for the QR of the square matrix `a` (row-major): modified
 * Gram–Schmidt on the columns of a, which yields Q with a positive diagonal of
 * R, i.e. Haar-distributed Q for Gaussian a. Returned row-major: row i = column i of Q.
 */
function orthonormalRows(a: Float64Array, d: number): Float64Array {
  const q = new Float64Array(d * d);
  const column = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    for (let i = 0; i < d; i++) column[i] = a[i * d + c];
    for (let prev = 0; prev < c; prev++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += q[prev * d + i] * column[i];
      for (let i = 0; i < d; i++) column[i] -= dot * q[prev * d + i];
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += column[i] * column[i];
    norm = Math.sqrt(norm);
    // A Gaussian matrix is singular with probability 0; guard anyway so no NaN escapes.
    const inv = norm > 0 ? 1 / norm : 0;
    for (let i = 0; i < d; i++) q[c * d + i] = column[i] * inv;
  }
  return q;
}

export interface HedgehogProjectionOptions {
  readonly dk: number;
  /** Learned features per half (columns of W); the map has 2r features. */
  readonly r: number;
  /** Seed of the perturbation (only used when noise > 0). */
  readonly seed?: number;
  /** Standard deviation of Gaussian noise added to the identity (default 0: exactly identity-like). */
  readonly noise?: number;
}

/**
 * Hedgehog's W, dk×r row-major, initialised as the paper does to the identity
 * (W[d][c] = 1 when d = c mod dk, so r > dk repeats it), plus optional seeded
 * noise: a stand-in for a distilled projection that a lesson can perturb.
 */
export function hedgehogProjection(options: HedgehogProjectionOptions): Float32Array {
  const { dk, r } = options;
  if (!Number.isInteger(dk) || dk < 1) throw new RangeError(`dk must be an integer ≥ 1 (got ${dk})`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`r must be an integer ≥ 1 (got ${r})`);
  const noise = options.noise ?? 0;
  const rng = createRng(options.seed ?? 0, HEDGEHOG_STREAM);
  const w = new Float32Array(dk * r);
  for (let d = 0; d < dk; d++) {
    for (let c = 0; c < r; c++) {
      const identity = d === c % dk ? 1 : 0;
      w[d * r + c] = identity + (noise > 0 ? noise * rng.nextNormal() : 0);
    }
  }
  return w;
}
