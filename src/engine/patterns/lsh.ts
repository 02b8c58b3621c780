// Reformer's LSH attention pattern, one hash round (attention-math.md §22):
// shared QK (keys k̂_j = q_j/‖q_j‖, 0 for a zero query), angular hash
// h(x) = argmax([xR, −xR]) with R ∈ R^{dk×b/2} drawn N(0, 1) from the seed
// (first maximum wins a tie), a stable sort by (bucket, position), chunks of
// `block` consecutive sorted tokens; query i scores key j when both are in the
// same bucket and j's chunk is i's chunk or the one before it (no wrap-around),
// and j ≤ i when causal. A token does not attend to itself unless it has no
// other key (Reformer's self-masking rule, made exact instead of a −5e4 score).
import { createRng } from '../inputs/random';

/** Stream of R: away from generateProblem's per-head streams and the projections. */
const LSH_STREAM = 0x3fffffe0;

/** R (dk × buckets/2, row-major) for a seed: the same for every head. */
export function lshRotation(seed: number, dk: number, buckets: number): Float64Array {
  const rng = createRng(seed, LSH_STREAM);
  const half = buckets / 2;
  const r = new Float64Array(dk * half);
  for (let i = 0; i < r.length; i++) r[i] = rng.nextNormal();
  return r;
}

export interface LshAssignment {
  /** Bucket of each token, 0..buckets−1. */
  readonly bucket: Uint32Array;
  /** Position of each token in the stable sort by (bucket, position). */
  readonly rank: Uint32Array;
  /** ⌊rank/block⌋. */
  readonly chunk: Uint32Array;
}

/** Buckets, sorted positions and chunks of one head's n×dk queries. */
export function lshAssign(
  q: ArrayLike<number>,
  n: number,
  dk: number,
  buckets: number,
  block: number,
  seed: number,
): LshAssignment {
  const r = lshRotation(seed, dk, buckets);
  const half = buckets / 2;
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    let arg = 0;
    for (let c = 0; c < half; c++) {
      let s = 0;
      for (let t = 0; t < dk; t++) s += q[i * dk + t] * r[t * half + c];
      if (s > best) {
        best = s;
        arg = c;
      }
    }
    for (let c = 0; c < half; c++) {
      let s = 0;
      for (let t = 0; t < dk; t++) s -= q[i * dk + t] * r[t * half + c];
      if (s > best) {
        best = s;
        arg = half + c;
      }
    }
    bucket[i] = arg;
  }
  // Counting sort by bucket keeps positions in order (stable).
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[bucket[i] + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const rank = new Uint32Array(n);
  const chunk = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    rank[i] = start[bucket[i]]++;
    chunk[i] = Math.floor(rank[i] / block);
  }
  return { bucket, rank, chunk };
}

/** The LSH rule without the self-masking step. */
export function lshRaw(a: LshAssignment, i: number, j: number, causal: boolean): boolean {
  if (causal && j > i) return false;
  if (a.bucket[i] !== a.bucket[j]) return false;
  return a.chunk[j] === a.chunk[i] || a.chunk[j] + 1 === a.chunk[i];
}
