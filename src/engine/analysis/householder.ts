// Householder reflectors in the LAPACK dlarfg convention, on a scratch vector.

export interface Reflector {
  /** H·x = beta·e₁ with H = I − tau·v·vᵀ, v₀ = 1. */
  readonly beta: number;
  readonly tau: number;
  /** The factor x[i] was multiplied by to become v[i] (i ≥ 1); 0 when tau = 0. */
  readonly tailScale: number;
}

/**
 * Turns x[0..len) into v (v₀ = 1, written in place) and returns beta, tau with
 * (I − tau·v·vᵀ)x = beta·e₁. The norm is computed on x/max|x| so entries far
 * from 1 neither overflow nor underflow when squared. tau = 0 (H = I) when the
 * tail is already zero.
 */
export function makeReflector(x: Float64Array, len: number): Reflector {
  const alpha = x[0];
  let maxTail = 0;
  for (let i = 1; i < len; i++) {
    const abs = Math.abs(x[i]);
    if (abs > maxTail) maxTail = abs;
  }
  if (maxTail === 0) {
    x[0] = 1;
    return { beta: alpha, tau: 0, tailScale: 0 };
  }
  const scale = Math.max(maxTail, Math.abs(alpha));
  let sumSq = (alpha / scale) ** 2;
  for (let i = 1; i < len; i++) sumSq += (x[i] / scale) ** 2;
  const norm = scale * Math.sqrt(sumSq);
  const beta = alpha >= 0 ? -norm : norm;
  const tau = (beta - alpha) / beta;
  const inv = 1 / (alpha - beta);
  x[0] = 1;
  for (let i = 1; i < len; i++) x[i] *= inv;
  return { beta, tau, tailScale: inv };
}
