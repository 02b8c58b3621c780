// Singular values of an upper bidiagonal matrix by implicitly shifted QR
// (Golub & Kahan 1965; the deflation and shift logic of JAMA's SVD, which
// ml-matrix also uses), with no singular vectors: O(n) per sweep, O(n²) total.

const EPS = 2 ** -52;
const TINY = 2 ** -966;

/**
 * Singular values of the bidiagonal B (diagonal d, superdiagonal e with
 * e[k] = B[k][k+1]; both length n, e[n−1] ignored), in descending order.
 * d and e are overwritten. Throws if the iteration fails to converge (not
 * seen in practice; the cap keeps a bad input from hanging a worker).
 */
export function bidiagonalSingularValues(d: Float64Array, e: Float64Array): Float64Array {
  const s = d;
  const n = s.length;
  if (n > 0) e[n - 1] = 0;
  let p = n;
  let iterations = 0;
  const maxIterations = 75 * Math.max(n, 1);
  while (p > 0) {
    // Largest k < p − 1 with a negligible e[k] (−1 when none).
    let k: number;
    for (k = p - 2; k >= 0; k--) {
      if (Math.abs(e[k]) <= TINY + EPS * (Math.abs(s[k]) + Math.abs(s[k + 1]))) {
        e[k] = 0;
        break;
      }
    }
    let kase: 1 | 2 | 3 | 4;
    if (k === p - 2) {
      kase = 4;
    } else {
      let ks: number;
      for (ks = p - 1; ks > k; ks--) {
        const t = (ks !== p ? Math.abs(e[ks]) : 0) + (ks !== k + 1 ? Math.abs(e[ks - 1]) : 0);
        if (Math.abs(s[ks]) <= TINY + EPS * t) {
          s[ks] = 0;
          break;
        }
      }
      if (ks === k) kase = 3;
      else if (ks === p - 1) kase = 1;
      else {
        kase = 2;
        k = ks;
      }
    }
    k++;
    switch (kase) {
      case 1: {
        // s[p−1] is negligible: chase e[p−2] out with rotations from the right.
        let f = e[p - 2];
        e[p - 2] = 0;
        for (let j = p - 2; j >= k; j--) {
          const t = Math.hypot(s[j], f);
          const cs = s[j] / t;
          const sn = f / t;
          s[j] = t;
          if (j !== k) {
            f = -sn * e[j - 1];
            e[j - 1] = cs * e[j - 1];
          }
        }
        break;
      }
      case 2: {
        // s[k−1] is negligible: split, chasing e[k−1] out from the left.
        let f = e[k - 1];
        e[k - 1] = 0;
        for (let j = k; j < p; j++) {
          const t = Math.hypot(s[j], f);
          const cs = s[j] / t;
          const sn = f / t;
          s[j] = t;
          f = -sn * e[j];
          e[j] = cs * e[j];
        }
        break;
      }
      case 3: {
        // One implicit QR sweep on the unreduced block k..p−1, Wilkinson-like shift.
        if (++iterations > maxIterations) {
          throw new Error(`bidiagonal QR did not converge in ${maxIterations} sweeps`);
        }
        const scale = Math.max(
          Math.abs(s[p - 1]),
          Math.abs(s[p - 2]),
          Math.abs(e[p - 2]),
          Math.abs(s[k]),
          Math.abs(e[k]),
        );
        const sp = s[p - 1] / scale;
        const spm1 = s[p - 2] / scale;
        const epm1 = e[p - 2] / scale;
        const sk = s[k] / scale;
        const ek = e[k] / scale;
        const b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
        const c = sp * epm1 * (sp * epm1);
        let shift = 0;
        if (b !== 0 || c !== 0) {
          shift = Math.sqrt(b * b + c);
          if (b < 0) shift = -shift;
          shift = c / (b + shift);
        }
        let f = (sk + sp) * (sk - sp) + shift;
        let g = sk * ek;
        for (let j = k; j < p - 1; j++) {
          let t = Math.hypot(f, g);
          let cs = f / t;
          let sn = g / t;
          if (j !== k) e[j - 1] = t;
          f = cs * s[j] + sn * e[j];
          e[j] = cs * e[j] - sn * s[j];
          g = sn * s[j + 1];
          s[j + 1] = cs * s[j + 1];
          t = Math.hypot(f, g);
          cs = f / t;
          sn = g / t;
          s[j] = t;
          f = cs * e[j] + sn * s[j + 1];
          s[j + 1] = -sn * e[j] + cs * s[j + 1];
          g = sn * e[j + 1];
          e[j + 1] = cs * e[j + 1];
        }
        e[p - 2] = f;
        break;
      }
      case 4: {
        // s[k] has converged.
        if (s[k] < 0) s[k] = -s[k];
        p--;
        break;
      }
    }
  }
  return Float64Array.from(s).sort().reverse();
}
