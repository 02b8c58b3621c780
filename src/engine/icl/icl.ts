// In-context linear regression: one linear-attention head = one step of
// preconditioned gradient descent (attention-math.md §24; von Oswald et al.
// arXiv 2212.07677, Ahn et al. arXiv 2306.00297, Zhang–Frei–Bartlett arXiv 2306.09927).
// Vectors are rows, as in the spec: x_i ∈ R^d, y_i ∈ R, Ŝ = (1/M) Σ x_iᵀ x_i.
// The two predictions are computed by separate code paths:
//   (a) attentionPrediction: tokens e_i = (x_i, y_i), query x_q Γ, keys x_i,
//       values y_i, no softmax, no normaliser, scaled by 1/M;
//   (b) gdPrediction: the gradient of L(w) = (1/2M) Σ (x_i·w − y_i)² at w₀ = 0,
//       one step w₁ = w₀ − Γ ∇L(w₀), and ŷ = x_q·w₁.
import { createRng, type Rng } from '../inputs/random';

export interface IclTask {
  readonly d: number;
  readonly M: number;
  /** M×d, row-major: the in-context inputs x_i. */
  readonly xs: Float64Array;
  /** M labels y_i = x_i·w* + σ·ε_i. */
  readonly ys: Float64Array;
  /** The query input x_q (d). */
  readonly xq: Float64Array;
  /** The query's noiseless target x_q·w*. */
  readonly yq: number;
  /** The task's weights w* (d). */
  readonly wStar: Float64Array;
}

/**
 * §24's worked example: d = 2, M = 3, x = (1,0), (0,1), (1,1), w* = (2,−1),
 * y = (2, −1, 1), x_q = (1, 2), y_q = 0. Γ = I gives ŷ = 1, Γ = Ŝ⁻¹ gives ŷ = 0.
 */
export function workedExample(): IclTask {
  return {
    d: 2,
    M: 3,
    xs: Float64Array.from([1, 0, 0, 1, 1, 1]),
    ys: Float64Array.from([2, -1, 1]),
    xq: Float64Array.from([1, 2]),
    yq: 0,
    wStar: Float64Array.from([2, -1]),
  };
}

/** A random task: x_i, x_q ~ N(0, I_d), w* ~ N(0, I_d), y_i = x_i·w* + noise·N(0, 1), drawn from `rng`. */
export function sampleTask(rng: Rng, d: number, M: number, noise: number): IclTask {
  const wStar = new Float64Array(d);
  for (let a = 0; a < d; a++) wStar[a] = rng.nextNormal();
  const xs = new Float64Array(M * d);
  const ys = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    let dot = 0;
    for (let a = 0; a < d; a++) {
      const x = rng.nextNormal();
      xs[i * d + a] = x;
      dot += x * wStar[a];
    }
    ys[i] = dot + noise * rng.nextNormal();
  }
  const xq = new Float64Array(d);
  let yq = 0;
  for (let a = 0; a < d; a++) {
    xq[a] = rng.nextNormal();
    yq += xq[a] * wStar[a];
  }
  return { d, M, xs, ys, xq, yq, wStar };
}

/** The lab's task for a seed: its own random stream, so d, M and noise do not shift other draws. */
export function seededTask(seed: number, d: number, M: number, noise: number): IclTask {
  return sampleTask(createRng(seed, 0x1c1), d, M, noise);
}

/** Ŝ = (1/M) Σ x_iᵀ x_i (d×d, row-major). */
export function empiricalCovariance(task: IclTask): Float64Array {
  const { d, M, xs } = task;
  const S = new Float64Array(d * d);
  for (let i = 0; i < M; i++) {
    for (let a = 0; a < d; a++) {
      const xa = xs[i * d + a];
      for (let b = 0; b < d; b++) S[a * d + b] += xa * xs[i * d + b];
    }
  }
  for (let e = 0; e < d * d; e++) S[e] /= M;
  return S;
}

/** Eigen-decomposition of a symmetric d×d matrix by cyclic Jacobi rotations: A = V diag(λ) Vᵀ. */
export function symmetricEigen(A: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const a = A.slice();
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  let norm2 = 0;
  for (let e = 0; e < d * d; e++) norm2 += a[e] * a[e];
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q] ** 2;
    // Converged when the off-diagonal part is below rounding of the whole matrix.
    if (off <= 1e-32 * norm2) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p];
          const akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k];
          const aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p];
          const vkq = V[k * d + q];
          V[k * d + p] = c * vkp - s * vkq;
          V[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(d);
  for (let i = 0; i < d; i++) values[i] = a[i * d + i];
  return { values, vectors: V };
}

/** Relative cut below which an eigenvalue of Ŝ counts as zero in the pseudo-inverse. */
export const PINV_RTOL = 1e-10;

/**
 * Moore–Penrose pseudo-inverse of a symmetric positive semi-definite matrix:
 * 1/λ on eigenvalues above PINV_RTOL·λ_max, 0 on the others. Equals the inverse
 * when all eigenvalues pass (Ŝ with M ≥ d has full rank almost surely); with
 * M < d, Ŝ has rank ≤ M and Ŝ⁺ is what the lab uses for "Ŝ⁻¹".
 */
export function pseudoInverse(A: Float64Array, d: number): { inverse: Float64Array; rank: number } {
  const { values, vectors } = symmetricEigen(A, d);
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const cut = PINV_RTOL * max;
  const inverse = new Float64Array(d * d);
  let rank = 0;
  for (let k = 0; k < d; k++) {
    if (!(values[k] > cut)) continue;
    rank++;
    const inv = 1 / values[k];
    for (let i = 0; i < d; i++) {
      const vi = vectors[i * d + k] * inv;
      for (let j = 0; j < d; j++) inverse[i * d + j] += vi * vectors[j * d + k];
    }
  }
  return { inverse, rank };
}

/**
 * Solves A z = b for a symmetric positive definite A by Cholesky (d×d, row-major),
 * or returns null when a pivot falls to PINV_RTOL·trace(A) or below (numerically
 * singular: callers then use the pseudo-inverse). The risk loop's fast path.
 */
export function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array | null {
  let trace = 0;
  for (let i = 0; i < d; i++) trace += A[i * d + i];
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diag = A[j * d + j];
    for (let k = 0; k < j; k++) diag -= L[j * d + k] ** 2;
    if (!(diag > PINV_RTOL * trace)) return null;
    const ljj = Math.sqrt(diag);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let sum = A[i * d + j];
      for (let k = 0; k < j; k++) sum -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = sum / ljj;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= L[i * d + k] * y[k];
    y[i] = sum / L[i * d + i];
  }
  const z = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < d; k++) sum -= L[k * d + i] * z[k];
    z[i] = sum / L[i * d + i];
  }
  return z;
}

export interface Preconditioner {
  /** Γ (d×d, row-major, symmetric). */
  readonly gamma: Float64Array;
  /** rank of Ŝ (d when invertible). */
  readonly rank: number;
}

/**
 * The lab's preconditioner Γ(s) = (1−s)·I + s·Ŝ⁺: s = 0 is plain GD with η = 1,
 * s = 1 is the Newton step (Ŝ⁻¹ when Ŝ is invertible, its pseudo-inverse otherwise).
 */
export function preconditioner(task: IclTask, s: number): Preconditioner {
  const { d } = task;
  const { inverse, rank } = pseudoInverse(empiricalCovariance(task), d);
  const gamma = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) gamma[i * d + j] = (i === j ? 1 - s : 0) + s * inverse[i * d + j];
  }
  return { gamma, rank };
}

/** Γ = η·I. */
export function scaledIdentity(d: number, eta: number): Float64Array {
  const g = new Float64Array(d * d);
  for (let i = 0; i < d; i++) g[i * d + i] = eta;
  return g;
}

export interface AttentionPrediction {
  /** The query vector x_q Γ (d). */
  readonly query: Float64Array;
  /** Unnormalised scores (x_q Γ)·x_i, one per context token. */
  readonly scores: Float64Array;
  /** ŷ = (1/M) Σ scores_i y_i. */
  readonly yhat: number;
}

/** (a) One unnormalised linear-attention head over the tokens e_i = (x_i, y_i). */
export function attentionPrediction(task: IclTask, gamma: Float64Array): AttentionPrediction {
  const { d, M, xs, ys, xq } = task;
  // The query projection reads x_q and multiplies by Γ: q = x_q Γ (row × matrix).
  const query = new Float64Array(d);
  for (let b = 0; b < d; b++) {
    let sum = 0;
    for (let a = 0; a < d; a++) sum += xq[a] * gamma[a * d + b];
    query[b] = sum;
  }
  const scores = new Float64Array(M);
  let out = 0;
  for (let i = 0; i < M; i++) {
    let score = 0;
    for (let a = 0; a < d; a++) score += query[a] * xs[i * d + a];
    scores[i] = score;
    out += score * ys[i];
  }
  return { query, scores, yhat: out / M };
}

/** ∇L(w) for L(w) = (1/2M) Σ (x_i·w − y_i)²: (1/M) Σ (x_i·w − y_i) x_i. */
export function lossGradient(task: IclTask, w: Float64Array): Float64Array {
  const { d, M, xs, ys } = task;
  const grad = new Float64Array(d);
  for (let i = 0; i < M; i++) {
    let residual = -ys[i];
    for (let a = 0; a < d; a++) residual += xs[i * d + a] * w[a];
    for (let a = 0; a < d; a++) grad[a] += residual * xs[i * d + a];
  }
  for (let a = 0; a < d; a++) grad[a] /= M;
  return grad;
}

export interface GdPrediction {
  readonly grad: Float64Array;
  /** w₁ = w₀ − Γ ∇L(w₀), with w₀ = 0. */
  readonly w1: Float64Array;
  /** ŷ = x_q·w₁. */
  readonly yhat: number;
}

/** (b) One step of preconditioned gradient descent from w₀ = 0. */
export function gdPrediction(task: IclTask, gamma: Float64Array): GdPrediction {
  const { d, xq } = task;
  const w0 = new Float64Array(d);
  const grad = lossGradient(task, w0);
  const w1 = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let step = 0;
    for (let b = 0; b < d; b++) step += gamma[a * d + b] * grad[b];
    w1[a] = w0[a] - step;
  }
  let yhat = 0;
  for (let a = 0; a < d; a++) yhat += xq[a] * w1[a];
  return { grad, w1, yhat };
}

/**
 * The best scalar Γ = η*·I for x ~ N(0, I_d), w* ~ N(0, I_d) and label noise σ,
 * measured against the noiseless target: η* = M / (M + 1 + d + σ²).
 * From §24's Γ* = E[Ŝ](E[Ŝ²] + (σ²/M)Λ)⁻¹ with Λ = I, E[Ŝ²] = (1 + (1 + d)/M) I
 * ([derived] here; the spec's noiseless Γ* = ((1+1/M)Λ + (tr Λ/M) I)⁻¹ is the σ = 0 case;
 * the test checks by Monte Carlo that the risk at η* is below the risk at 0.9η* and 1.1η*).
 */
export function optimalEta(d: number, M: number, noise: number): number {
  return M / (M + 1 + d + noise * noise);
}

/**
 * Expected risk E[(ŷ − x_q·w*)²] of Γ = η·I for x, x_q, w* ~ N(0, I_d) and label
 * noise σ: d·[(1 − η)² + η²(d + 1 + σ²)/M] ([derived] from E[Ŝ²] = (1 + (d+1)/M)·I;
 * checked against the Monte Carlo in the tests). η = 1 gives d(d+1+σ²)/M; η* gives d(1 − η*).
 */
export function scalarRisk(d: number, M: number, noise: number, eta: number): number {
  return d * ((1 - eta) ** 2 + (eta * eta * (d + 1 + noise * noise)) / M);
}

/**
 * Expected risk of the Newton step Γ = Ŝ⁻¹ for M ≥ d + 2: σ²·d/(M − d − 1)
 * (the mean of an inverse Wishart matrix); infinite mean for d ≤ M ≤ d + 1, and
 * not defined by this formula for M < d (the pseudo-inverse also misses w*'s
 * component outside the span of the examples). Without noise it is 0 for M ≥ d.
 * Returns NaN where no closed form applies.
 */
export function newtonRisk(d: number, M: number, noise: number): number {
  if (noise === 0 && M >= d) return 0; // Ŝ invertible almost surely: the step lands on w*
  return M >= d + 2 ? (noise * noise * d) / (M - d - 1) : NaN;
}
