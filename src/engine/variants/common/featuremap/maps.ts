// The feature maps φ of attention-math.md §5–11, in float64, one head at a time:
// each takes an n×d row-major matrix and returns n×r. The GPU's feature pass
// (shaders/feature/feature_map.wgsl) computes the same maps in f32.
import { featureMapValue } from '../../linear/cpu';
import type { FeatureMap } from '../../linear/descriptor';

/** Feature dimension of each map, from the head dimension and the projection's size. */
export const featureDims = {
  performer: (randomFeatures: number) => randomFeatures,
  cosformer: (dk: number) => 2 * dk,
  based: (dk: number) => 1 + dk + dk * dk,
  hedgehog: (learnedFeatures: number) => 2 * learnedFeatures,
  focused: (dk: number) => dk,
} as const;

/**
 * Performer FAVOR+ positive random features (§5, as the contract writes it, no
 * stabiliser): φ(x) = m^{-1/2}·exp(W x̃ − ‖x̃‖²/2), x̃ = dk^{-1/4}x, W m×dk.
 * E_W[φ(q)·φ(k)] = exp(q·k/√dk) for Gaussian rows of W.
 */
export function performerFeatures(
  x: Float64Array,
  n: number,
  dk: number,
  projection: Float64Array,
): Float64Array {
  const m = projection.length / dk;
  const inputScale = dk ** -0.25;
  const outputScale = 1 / Math.sqrt(m);
  const out = new Float64Array(n * m);
  const scaled = new Float64Array(dk);
  for (let t = 0; t < n; t++) {
    let halfSquaredNorm = 0;
    for (let d = 0; d < dk; d++) {
      scaled[d] = inputScale * x[t * dk + d];
      halfSquaredNorm += scaled[d] * scaled[d];
    }
    halfSquaredNorm /= 2;
    for (let f = 0; f < m; f++) {
      let dot = 0;
      for (let d = 0; d < dk; d++) dot += projection[f * dk + d] * scaled[d];
      out[t * m + f] = outputScale * Math.exp(dot - halfSquaredNorm);
    }
  }
  return out;
}

/**
 * cosFormer (§6): φ(x_i) = [relu(x_i) sin θ_i, relu(x_i) cos θ_i], θ_i = π·i/(2M),
 * positions i = 1..n, so φ(q_i)·φ(k_j) = relu(q_i)·relu(k_j)·cos(π(i−j)/(2M)).
 */
export function cosformerFeatures(x: Float64Array, n: number, dk: number, maxLen: number): Float64Array {
  const r = 2 * dk;
  const out = new Float64Array(n * r);
  for (let t = 0; t < n; t++) {
    const theta = (Math.PI * (t + 1)) / (2 * maxLen);
    const sin = Math.sin(theta);
    const cos = Math.cos(theta);
    for (let d = 0; d < dk; d++) {
      const relu = Math.max(x[t * dk + d], 0);
      out[t * r + d] = relu * sin;
      out[t * r + dk + d] = relu * cos;
    }
  }
  return out;
}

/**
 * Based's Taylor map (§7): φ(x) = [1, x/dk^{1/4}, vec(xxᵀ)/(√2·√dk)], so
 * φ(q)·φ(k) = 1 + s + s²/2 with s = q·k/√dk. vec is row-major: entry a·dk + b is x_a x_b.
 */
export function basedFeatures(x: Float64Array, n: number, dk: number): Float64Array {
  const r = 1 + dk + dk * dk;
  const linear = dk ** -0.25;
  const quadratic = 1 / (Math.SQRT2 * Math.sqrt(dk));
  const out = new Float64Array(n * r);
  for (let t = 0; t < n; t++) {
    const row = t * r;
    out[row] = 1;
    for (let a = 0; a < dk; a++) {
      const xa = x[t * dk + a];
      out[row + 1 + a] = linear * xa;
      for (let b = 0; b < dk; b++) out[row + 1 + dk + a * dk + b] = quadratic * xa * x[t * dk + b];
    }
  }
  return out;
}

/** Based's kernel in closed form (what the parallel form uses): 1 + s + s²/2, s = q·k/√dk. */
export function taylorKernel(s: number): number {
  return 1 + s + (s * s) / 2;
}

/**
 * Hedgehog (§8, the contract's choice among the three published forms): with
 * y = xW (W dk×r), φ(x) = [softmax(y), softmax(−y)], each half normalised over
 * its r features (max subtracted first, so exp never overflows).
 */
export function hedgehogFeatures(
  x: Float64Array,
  n: number,
  dk: number,
  projection: Float64Array,
): Float64Array {
  const r = projection.length / dk;
  const out = new Float64Array(n * 2 * r);
  const y = new Float64Array(r);
  for (let t = 0; t < n; t++) {
    let max = -Infinity;
    let min = Infinity;
    for (let c = 0; c < r; c++) {
      let dot = 0;
      for (let d = 0; d < dk; d++) dot += x[t * dk + d] * projection[d * r + c];
      y[c] = dot;
      max = Math.max(max, dot);
      min = Math.min(min, dot);
    }
    let sumPos = 0;
    let sumNeg = 0;
    for (let c = 0; c < r; c++) {
      sumPos += Math.exp(y[c] - max);
      sumNeg += Math.exp(min - y[c]);
    }
    const row = t * 2 * r;
    for (let c = 0; c < r; c++) {
      out[row + c] = Math.exp(y[c] - max) / sumPos;
      out[row + r + c] = Math.exp(min - y[c]) / sumNeg;
    }
  }
  return out;
}

/** FLatten's shift: x⁺ = relu(x) + FOCUS_OFFSET keeps every feature positive (§9). */
export const FOCUS_OFFSET = 1e-6;

/**
 * Focused linear attention (§9, norms per head): x⁺ = relu(x) + 1e-6,
 * φ_p(x) = ‖x⁺‖·(x⁺)^p/‖(x⁺)^p‖. Computed as ‖x⁺‖·y/‖y‖ with y = (x⁺/max x⁺)^p,
 * which is the same number but never under- or overflows: the largest entry of
 * y is 1, so ‖y‖ ≥ 1 whatever p is.
 */
export function focusedFeatures(x: Float64Array, n: number, dk: number, p: number): Float64Array {
  const out = new Float64Array(n * dk);
  const shifted = new Float64Array(dk);
  for (let t = 0; t < n; t++) {
    let max = 0;
    let normSq = 0;
    for (let d = 0; d < dk; d++) {
      shifted[d] = Math.max(x[t * dk + d], 0) + FOCUS_OFFSET;
      max = Math.max(max, shifted[d]);
      normSq += shifted[d] * shifted[d];
    }
    let powNormSq = 0;
    for (let d = 0; d < dk; d++) {
      const y = (shifted[d] / max) ** p;
      out[t * dk + d] = y;
      powNormSq += y * y;
    }
    const factor = Math.sqrt(normSq) / Math.sqrt(powNormSq);
    for (let d = 0; d < dk; d++) out[t * dk + d] *= factor;
  }
  return out;
}

/** An elementwise map of linear attention (elu1, relu, identity), as InLine and RALA use. */
export function elementwiseFeatures(x: Float64Array, map: FeatureMap): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = featureMapValue(x[i], map);
  return out;
}

/**
 * RALA's key reweighting (§11, contract row, no RoPE): with φ = elu+1,
 * q̄ = mean_i φ(q_i), α = softmax_j(scale·q̄·φ(k_j)), the keys become n·α_j·φ(k_j).
 * Returned here divided by n, i.e. α_j·φ(k_j): the contract's
 * (q_i Σ k_jᵀv_j / n) / (q_i·Σ k_j/n + eps) is then exactly T1's ratio with eps.
 */
export function ralaKeyFeatures(
  phiQ: Float64Array,
  phiK: Float64Array,
  n: number,
  dk: number,
  scale: number,
): Float64Array {
  const meanQ = new Float64Array(dk);
  for (let t = 0; t < n; t++) for (let d = 0; d < dk; d++) meanQ[d] += phiQ[t * dk + d] / n;
  const logits = new Float64Array(n);
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    let dot = 0;
    for (let d = 0; d < dk; d++) dot += meanQ[d] * phiK[j * dk + d];
    logits[j] = scale * dot;
    max = Math.max(max, logits[j]);
  }
  let sum = 0;
  for (let j = 0; j < n; j++) {
    logits[j] = Math.exp(logits[j] - max);
    sum += logits[j];
  }
  const out = new Float64Array(n * dk);
  for (let j = 0; j < n; j++) {
    const alpha = logits[j] / sum;
    for (let d = 0; d < dk; d++) out[j * dk + d] = alpha * phiK[j * dk + d];
  }
  return out;
}
