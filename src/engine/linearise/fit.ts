// Attention transfer (LoLCATs' first stage, with Hedgehog's feature map): fit
// W (dk×r) so that causal linear attention with
//   φ(x) = [softmax(xW), softmax(−xW)]   (each half normalised over its r features)
// reproduces causal softmax attention on fixed q, k, v. Everything here is float64
// and runs wherever it is called (a Web Worker in the app, Node in the tests).
//
// Notation (one head, rows are tokens, attention-math.md §0, §1, §8 and T1):
//   P_ij = exp(τ q_i·k_j) / Σ_{l≤i} exp(τ q_i·k_l)  for j ≤ i, else 0      τ = dk^{-1/2}
//   Y    = P V                                                           (the target outputs)
//   Ŷq = QW, Ŷk = KW (n×r);  φQ_i = [softmax(Ŷq_i), softmax(−Ŷq_i)], φK likewise (n×2r)
//   A_ij = φQ_i·φK_j  (j ≤ i),  s_i = Σ_{j≤i} A_ij + ε,  Â_ij = A_ij / s_i,  O = Â V
// Losses (the `fitLoss` view field):
//   'output'   L = 1/(n·dv) · Σ_i ‖o_i − y_i‖²                       (LoLCATs' attention transfer)
//   'weights'  L = 1/N · Σ_{j≤i} (Â_ij − P_ij)²,  N = n(n+1)/2        (MSE on the causal maps)
// Hedgehog distils the weights with a cross-entropy per query row instead, and
// LoLCATs' released trainer (distill_attention_xent_mse) can add that cross-entropy
// to the output MSE (xent_factor 0 or 1 against mse_factor 1000 in its configs);
// the issue asks for MSE on outputs or on weights, so those two are offered.
//
// Gradient, by the chain rule (reverse order; every sum over j runs over j ≤ i):
//   G_ij  = ∂L/∂Â_ij = (2/(n·dv)) (o_i − y_i)·v_j           ('output')
//         = (2/N)(Â_ij − P_ij)                              ('weights')
//   Â_ij = A_ij/s_i and ∂s_i/∂A_ij = 1, so with c_i = Σ_j G_ij Â_ij:
//   dA_ij = ∂L/∂A_ij = (G_ij − c_i) / s_i
//   A = φQ φKᵀ on the causal cells:
//   dφQ_i = Σ_{j≤i} dA_ij φK_j,   dφK_j = Σ_{i≥j} dA_ij φQ_i
//   one softmax half p = softmax(y): ∂p_a/∂y_b = p_a(δ_ab − p_b), so dy = p ⊙ (dp − ⟨dp, p⟩);
//   the other half m = softmax(−y) adds −m ⊙ (dm − ⟨dm, m⟩). For a row φ = [p, m]:
//   dŶ = p ⊙ (dp − ⟨dp,p⟩) − m ⊙ (dm − ⟨dm,m⟩)
//   Ŷq = QW and Ŷk = KW share W:  ∂L/∂W = Qᵀ dŶq + Kᵀ dŶk.
// fit.test.ts checks this against central finite differences in float64.
//
// The optimiser is Adam (Kingma and Ba; LoLCATs trains its feature maps with
// AdamW, here without weight decay), β₁ = 0.9, β₂ = 0.999, ε̂ = 1e-8, bias corrected.
// W starts at Hedgehog's identity-like initialisation plus seeded noise of
// standard deviation INIT_NOISE (inputs/randomFeatures.ts hedgehogProjection):
// with r > dk the identity repeats columns, and identical columns get identical
// gradients forever, so the noise breaks that symmetry. The whole fit is a
// deterministic function of (seed, inputs, r, loss, lr, steps).
import { hedgehogProjection } from '../inputs/randomFeatures';

export type FitLossKind = 'output' | 'weights';

/** The T1 ε of the contract's hedgehog variant (engine-contract.md, default eps). */
export const FIT_EPS = 1e-6;
/** Standard deviation of the seeded noise added to the identity-like initial W. */
export const INIT_NOISE = 0.1;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

export interface FitProblem {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** n×dk, n×dk, n×dv row-major. */
  readonly q: Float64Array;
  readonly k: Float64Array;
  readonly v: Float64Array;
}

export interface FitTarget {
  /** Causal softmax weights P, n×n (zeros above the diagonal). */
  readonly weights: Float64Array;
  /** Y = P V, n×dv. */
  readonly output: Float64Array;
}

export interface FitEvaluation {
  readonly loss: number;
  /** ∂L/∂W, dk×r (only when asked for). */
  readonly grad: Float64Array | null;
  /** The implied map Â (n×n, zeros above the diagonal). */
  readonly map: Float64Array;
  /** O = Â V, n×dv. */
  readonly output: Float64Array;
}

/** Errors of a fitted map against softmax, whatever the loss. */
export interface FitErrors {
  /** RMS of Â − P over the n(n+1)/2 causal cells (the square root of the 'weights' loss). */
  readonly mapRms: number;
  /** max |Â − P| over the causal cells. */
  readonly mapMax: number;
  /** ‖O − Y‖_F / ‖Y‖_F. */
  readonly outputRel: number;
}

export function toFloat64(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values);
}

/** Causal softmax attention with τ = dk^{-1/2} (§1), in float64. */
export function softmaxTarget(problem: FitProblem): FitTarget {
  const { n, dk, dv, q, k, v } = problem;
  const tau = 1 / Math.sqrt(dk);
  const weights = new Float64Array(n * n);
  const output = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j <= i; j++) {
      let dot = 0;
      for (let a = 0; a < dk; a++) dot += q[i * dk + a] * k[j * dk + a];
      weights[i * n + j] = tau * dot;
      max = Math.max(max, tau * dot);
    }
    let sum = 0;
    for (let j = 0; j <= i; j++) {
      const e = Math.exp(weights[i * n + j] - max);
      weights[i * n + j] = e;
      sum += e;
    }
    for (let j = 0; j <= i; j++) {
      const p = weights[i * n + j] / sum;
      weights[i * n + j] = p;
      for (let c = 0; c < dv; c++) output[i * dv + c] += p * v[j * dv + c];
    }
  }
  return { weights, output };
}

/** φ of every row of x (rows×dk) with W (dk×r): rows×2r, max/min subtracted before exp. */
export function hedgehogPhi(
  x: Float64Array,
  rows: number,
  dk: number,
  w: Float64Array,
  r: number,
): Float64Array {
  const phi = new Float64Array(rows * 2 * r);
  const y = new Float64Array(r);
  for (let t = 0; t < rows; t++) {
    let max = -Infinity;
    let min = Infinity;
    for (let c = 0; c < r; c++) {
      let dot = 0;
      for (let a = 0; a < dk; a++) dot += x[t * dk + a] * w[a * r + c];
      y[c] = dot;
      if (dot > max) max = dot;
      if (dot < min) min = dot;
    }
    let sumPos = 0;
    let sumNeg = 0;
    const base = t * 2 * r;
    for (let c = 0; c < r; c++) {
      const pos = Math.exp(y[c] - max);
      const neg = Math.exp(min - y[c]);
      phi[base + c] = pos;
      phi[base + r + c] = neg;
      sumPos += pos;
      sumNeg += neg;
    }
    for (let c = 0; c < r; c++) {
      phi[base + c] /= sumPos;
      phi[base + r + c] /= sumNeg;
    }
  }
  return phi;
}

/** dŶ of one row from dφ (both 2r long, from `offset`): p ⊙ (dp − ⟨dp,p⟩) − m ⊙ (dm − ⟨dm,m⟩). */
function phiBackward(phi: Float64Array, dPhi: Float64Array, row: number, r: number, out: Float64Array): void {
  const base = row * 2 * r;
  let dotPos = 0;
  let dotNeg = 0;
  for (let c = 0; c < r; c++) {
    dotPos += dPhi[base + c] * phi[base + c];
    dotNeg += dPhi[base + r + c] * phi[base + r + c];
  }
  for (let c = 0; c < r; c++) {
    out[row * r + c] =
      phi[base + c] * (dPhi[base + c] - dotPos) - phi[base + r + c] * (dPhi[base + r + c] - dotNeg);
  }
}

/** Loss, implied map, output and (when `withGradient`) ∂L/∂W at W (dk×r). */
export function evaluateFit(
  problem: FitProblem,
  target: FitTarget,
  w: Float64Array,
  r: number,
  loss: FitLossKind,
  withGradient = true,
): FitEvaluation {
  const { n, dk, dv, q, k, v } = problem;
  const f = 2 * r;
  const phiQ = hedgehogPhi(q, n, dk, w, r);
  const phiK = hedgehogPhi(k, n, dk, w, r);
  const map = new Float64Array(n * n);
  const denom = new Float64Array(n);
  const output = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j <= i; j++) {
      let dot = 0;
      for (let a = 0; a < f; a++) dot += phiQ[i * f + a] * phiK[j * f + a];
      map[i * n + j] = dot;
      sum += dot;
    }
    const s = sum + FIT_EPS;
    denom[i] = s;
    for (let j = 0; j <= i; j++) {
      const a = map[i * n + j] / s;
      map[i * n + j] = a;
      for (let c = 0; c < dv; c++) output[i * dv + c] += a * v[j * dv + c];
    }
  }
  const cells = (n * (n + 1)) / 2;
  let value = 0;
  if (loss === 'output') {
    for (let i = 0; i < n * dv; i++) value += (output[i] - target.output[i]) ** 2;
    value /= n * dv;
  } else {
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) value += (map[i * n + j] - target.weights[i * n + j]) ** 2;
    value /= cells;
  }
  if (!withGradient) return { loss: value, grad: null, map, output };

  // dA, row by row (G → c_i → dA_ij), then dφQ in the same pass.
  const dA = new Float64Array(n * n);
  const dPhiQ = new Float64Array(n * f);
  const dPhiK = new Float64Array(n * f);
  const dOut = new Float64Array(dv);
  for (let i = 0; i < n; i++) {
    if (loss === 'output') {
      for (let c = 0; c < dv; c++)
        dOut[c] = (2 / (n * dv)) * (output[i * dv + c] - target.output[i * dv + c]);
    }
    let ci = 0;
    for (let j = 0; j <= i; j++) {
      let g: number;
      if (loss === 'output') {
        g = 0;
        for (let c = 0; c < dv; c++) g += dOut[c] * v[j * dv + c];
      } else {
        g = (2 / cells) * (map[i * n + j] - target.weights[i * n + j]);
      }
      dA[i * n + j] = g;
      ci += g * map[i * n + j];
    }
    const inv = 1 / denom[i];
    for (let j = 0; j <= i; j++) {
      const d = (dA[i * n + j] - ci) * inv;
      dA[i * n + j] = d;
      for (let a = 0; a < f; a++) {
        dPhiQ[i * f + a] += d * phiK[j * f + a];
        dPhiK[j * f + a] += d * phiQ[i * f + a];
      }
    }
  }
  const dYq = new Float64Array(n * r);
  const dYk = new Float64Array(n * r);
  for (let t = 0; t < n; t++) {
    phiBackward(phiQ, dPhiQ, t, r, dYq);
    phiBackward(phiK, dPhiK, t, r, dYk);
  }
  const grad = new Float64Array(dk * r);
  for (let t = 0; t < n; t++) {
    for (let a = 0; a < dk; a++) {
      const qa = q[t * dk + a];
      const ka = k[t * dk + a];
      for (let c = 0; c < r; c++) grad[a * r + c] += qa * dYq[t * r + c] + ka * dYk[t * r + c];
    }
  }
  return { loss: value, grad, map, output };
}

export function fitErrors(
  problem: FitProblem,
  target: FitTarget,
  map: Float64Array,
  output: Float64Array,
): FitErrors {
  const { n, dv } = problem;
  let sq = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const diff = Math.abs(map[i * n + j] - target.weights[i * n + j]);
      sq += diff * diff;
      if (diff > max) max = diff;
    }
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < n * dv; i++) {
    num += (output[i] - target.output[i]) ** 2;
    den += target.output[i] ** 2;
  }
  return { mapRms: Math.sqrt(sq / ((n * (n + 1)) / 2)), mapMax: max, outputRel: Math.sqrt(num / den) };
}

/** The seeded initial W, dk×r: identity-like plus N(0, INIT_NOISE²) noise, rounded to f32 like every input. */
export function initialProjection(seed: number, dk: number, r: number): Float64Array {
  return toFloat64(hedgehogProjection({ dk, r, seed, noise: INIT_NOISE }));
}

export interface AdamState {
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** Updates done so far. */
  t: number;
}

export function createAdam(size: number): AdamState {
  return { m: new Float64Array(size), v: new Float64Array(size), t: 0 };
}

/** One bias-corrected Adam update of w in place. */
export function adamUpdate(w: Float64Array, grad: Float64Array, state: AdamState, lr: number): void {
  state.t += 1;
  const c1 = 1 - ADAM_BETA1 ** state.t;
  const c2 = 1 - ADAM_BETA2 ** state.t;
  for (let i = 0; i < w.length; i++) {
    state.m[i] = ADAM_BETA1 * state.m[i] + (1 - ADAM_BETA1) * grad[i];
    state.v[i] = ADAM_BETA2 * state.v[i] + (1 - ADAM_BETA2) * grad[i] * grad[i];
    w[i] -= (lr * (state.m[i] / c1)) / (Math.sqrt(state.v[i] / c2) + ADAM_EPS);
  }
}
