// The numbers lesson 11 (higher-order linear attention) prints, as pure functions
// of engine outputs, so the lab and its e2e test compute them the same way (the
// test feeds them the float64 CPU engine's outputs on the same seeded inputs).
import { leastSquaresSlope } from '../../components/lab/leastSquares';

/** Floats of each model's memory at token t (one head, dk = d, dv). */
export interface StateSizes {
  /** HLA (2nd order): S^K (d²) + C, G (2·d·dv), + m, h (2d) when normalised. */
  readonly hla: number;
  /** First-order linear attention: S (d·dv), + z (d) when normalised. */
  readonly linear: number;
  /** Softmax: the KV cache, 2·t·d (keys and values of every token so far, dv = d). */
  readonly kvCache: number;
}

export function stateSizes(d: number, dv: number, t: number, normalize: boolean): StateSizes {
  return {
    hla: d * d + 2 * d * dv + (normalize ? 2 * d : 0),
    linear: d * dv + (normalize ? d : 0),
    kvCache: t * (d + dv),
  };
}

export function frobenius(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

/** ‖o_t‖₂ for every row t of an n×dv output. */
export function rowNorms(o: ArrayLike<number>, n: number, dv: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (let c = 0; c < dv; c++) sum += o[t * dv + c] ** 2;
    out.push(Math.sqrt(sum));
  }
  return out;
}

/** First token (1-based) of the growth fit: the early tokens are dominated by noise. */
export function fitStart(n: number): number {
  return Math.max(2, Math.floor(n / 8));
}

/**
 * Least-squares slope of ln‖o_t‖ against ln t over t = fitStart(n)..n: ≈ 2 when
 * the output grows like t², ≈ 0 when it stays level. NaN with fewer than 2 points.
 */
export function growthExponent(norms: readonly number[]): number {
  const from = fitStart(norms.length);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = from; t <= norms.length; t++) {
    const y = norms[t - 1];
    if (y > 0) {
      xs.push(Math.log(t));
      ys.push(Math.log(y));
    }
  }
  return leastSquaresSlope(xs, ys);
}

/** How many of the normalisers (the v ≡ 1 outputs, without eps) are ≤ 0. */
export function nonPositiveCount(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] <= 0) count++;
  return count;
}

/**
 * The query seen through the key metric at token t: u = q_t S^K_t (S^K the
 * dk×dk head of the packed state [S^K, C, G]); returns u, ‖u‖/‖q_t‖ and the
 * cosine between u and q_t (1 when S^K is a multiple of the identity).
 */
export function keyMetric(
  q: ArrayLike<number>,
  state: ArrayLike<number>,
  dk: number,
): { u: Float64Array; gain: number; cosine: number } {
  const u = new Float64Array(dk);
  for (let r = 0; r < dk; r++) for (let a = 0; a < dk; a++) u[a] += q[r] * state[r * dk + a];
  let qq = 0;
  let uu = 0;
  let uq = 0;
  for (let a = 0; a < dk; a++) {
    qq += q[a] * q[a];
    uu += u[a] * u[a];
    uq += u[a] * q[a];
  }
  const gain = qq > 0 ? Math.sqrt(uu / qq) : 0;
  const cosine = qq > 0 && uu > 0 ? uq / Math.sqrt(uu * qq) : 0;
  return { u, gain, cosine };
}

/** The packed state [S^K, C, G] of one head split into its three blocks. */
export function splitState(state: ArrayLike<number>, dk: number, dv: number) {
  const all = Float64Array.from(state as ArrayLike<number>);
  return {
    s: all.subarray(0, dk * dk),
    c: all.subarray(dk * dk, dk * dk + dk * dv),
    g: all.subarray(dk * dk + dk * dv, dk * dk + 2 * dk * dv),
  };
}

/** max |a − b| over two arrays of the same length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]));
  return worst;
}
