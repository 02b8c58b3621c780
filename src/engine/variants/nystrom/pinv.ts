// The Moore–Penrose pseudo-inverse of a small square matrix in float64, by the
// one-sided Jacobi SVD (Hestenes 1958; Demmel & Veselić 1992): plane rotations
// V applied to the columns of U = A until every pair of columns is orthogonal,
// so AV = UΣ-directions with σ_j = ‖(AV)_j‖ and A⁺ = V Σ⁺ (AV / Σ)ᵀ. Rotations
// are orthogonal, so the method is backward stable, and it reaches high
// relative accuracy in the singular values. Singular values at or below
// m·ε·σ_max (numpy's matrix_rank tolerance, ε = 2⁻⁵²) count as zero.
// The GPU kernel (shaders/nystrom/pinv.wgsl) runs the same sweeps in f32.

/** Rotations stop when |γ| ≤ JACOBI_TOL·√(αβ) for every pair of columns (f64). */
const JACOBI_TOL = 1e-15;
const MAX_SWEEPS = 60;

export interface JacobiSvd {
  /** Singular values σ_j (unsorted, column order of V). */
  readonly sigma: Float64Array;
  /** AV (m×m, row-major): column j is σ_j times the left singular vector. */
  readonly av: Float64Array;
  /** V (m×m, row-major): right singular vectors as columns. */
  readonly v: Float64Array;
  readonly sweeps: number;
}

/** One-sided Jacobi SVD of the m×m row-major matrix a. */
export function jacobiSvd(a: ArrayLike<number>, m: number): JacobiSvd {
  const u = Float64Array.from(a);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  let sweeps = 0;
  for (; sweeps < MAX_SWEEPS; sweeps++) {
    let rotated = false;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const up = u[i * m + p];
          const uq = u[i * m + q];
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= JACOBI_TOL * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const up = u[i * m + p];
          const uq = u[i * m + q];
          u[i * m + p] = c * up - s * uq;
          u[i * m + q] = s * up + c * uq;
          const vp = v[i * m + p];
          const vq = v[i * m + q];
          v[i * m + p] = c * vp - s * vq;
          v[i * m + q] = s * vp + c * vq;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += u[i * m + j] * u[i * m + j];
    sigma[j] = Math.sqrt(s);
  }
  return { sigma, av: u, v, sweeps };
}

/** A⁺ of the m×m row-major matrix a (row-major m×m). */
export function pseudoInverse(a: ArrayLike<number>, m: number): Float64Array {
  const { sigma, av, v } = jacobiSvd(a, m);
  let max = 0;
  for (const s of sigma) max = Math.max(max, s);
  const tol = m * 2 ** -52 * max;
  const out = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    if (!(sigma[j] > tol)) continue;
    const inv = 1 / (sigma[j] * sigma[j]);
    for (let i = 0; i < m; i++) {
      const vij = v[i * m + j] * inv;
      if (vij === 0) continue;
      for (let k = 0; k < m; k++) out[i * m + k] += vij * av[k * m + j];
    }
  }
  return out;
}
