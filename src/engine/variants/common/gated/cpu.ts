// Float64 references of the gated and delta-rule variants (attention-math.md
// T2, T3, §12, §14–§17): retnet, mamba2, gla, rwkv6, deltanet, gated-deltanet.
// Every variant is one of two families over the same per-head setup:
//   decay: S_t = diag(e^{g_t}) S_{t−1} + k_tᵀv_t, o_t = scale·q_t S_t, with a
//          scalar gate (retnet: g = ln γ; mamba2) or a per-channel one (gla);
//          rwkv6 reads S_{t−1} plus the bonus diag(u) k_tᵀv_t instead of S_t;
//   delta: S_t = e^{g_t}(I − β_t k_tᵀk_t) S_{t−1} + β_t k_tᵀv_t (deltanet: g = 0).
// Three honest forms each. Parallel materialises the n×n matrix with the decay
// summed over exactly the steps between j and i (no global cumulative sums);
// recurrent walks the tokens; chunk works in log space with chunk-local
// cumulative sums and exponentiates only masked differences (all ≤ 0), and the
// delta rule's chunk form uses the WY/UT representation by forward substitution.
import type { Form } from '../../../types';
import { booleanParam, numberParam, type ResolvedParams } from '../descriptor';
import { rowDot, type CpuForms, type HeadData, type HeadResult, type StateTrace } from '../head';
import { gateChannels, type GatedRule } from './rule';

/** One head of a gated variant, as every form sees it. */
export interface GatedHead {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly q: Float64Array;
  /** Keys, L2-normalised for the delta rule when normalizeK. */
  readonly k: Float64Array;
  readonly v: Float64Array;
  /** Log gates, n×channels (channels 1: scalar, dk: per key channel). */
  readonly g: Float64Array;
  readonly channels: number;
  readonly scale: number;
  readonly family: 'decay' | 'delta';
  /** RWKV-6's bonus u (dk): the output reads S_{t−1} + diag(u)k_tᵀv_t. */
  readonly bonus?: Float64Array;
  /** Delta rule: β per token. */
  readonly beta?: Float64Array;
}

/** L2-normalise every row (a zero row stays zero). */
export function normalizeRows(x: Float64Array, rows: number, d: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    const norm = Math.sqrt(rowDot(x, r, x, r, d));
    const inv = norm > 0 ? 1 / norm : 0;
    for (let c = 0; c < d; c++) out[r * d + c] = x[r * d + c] * inv;
  }
  return out;
}

/** Reads a head's inputs and validated params into the shared setup, as the variant's rule says. */
export function gatedHead(rule: GatedRule, head: HeadData, params: ResolvedParams): GatedHead {
  const { n, dk, dv, q, v } = head;
  const inputs = head.inputs ?? {};
  const scale = numberParam(params, 'scale');
  const g =
    rule.decay === 'gamma'
      ? new Float64Array(n).fill(Math.log(numberParam(params, 'gamma')))
      : rule.decay === 'none'
        ? new Float64Array(n)
        : inputs.g;
  const base = { n, dk, dv, q, v, scale, g, channels: gateChannels(rule, dk) };
  if (rule.delta) {
    const k = booleanParam(params, 'normalizeK') ? normalizeRows(head.k, n, dk) : head.k;
    return { ...base, k, family: 'delta', beta: inputs.beta };
  }
  return rule.bonus
    ? { ...base, k: head.k, family: 'decay', bonus: inputs.u }
    : { ...base, k: head.k, family: 'decay' };
}

/** Log gate of token t for key channel c. */
function gateAt(h: GatedHead, t: number, c: number): number {
  return h.channels === 1 ? h.g[t] : h.g[t * h.dk + c];
}

// ---------------------------------------------------------------------------
// Recurrent form (the ground truth).

/**
 * Token by token with the dk×dv state. `initial` continues from a saved state
 * (not modified); `onToken` sees S_t after token t (copy what you keep).
 */
export function gatedRecurrent(
  h: GatedHead,
  initial?: Float64Array,
  onToken?: (t: number, state: Float64Array) => void,
): HeadResult & { state: Float64Array } {
  const { n, dk, dv, q, k, v, scale } = h;
  const S = initial ? initial.slice() : new Float64Array(dk * dv);
  const o = new Float64Array(n * dv);
  const pred = new Float64Array(dv);
  for (let t = 0; t < n; t++) {
    if (h.bonus) {
      // RWKV-6 reads S_{t−1} + diag(u) k_tᵀv_t before the state moves on.
      let bonus = 0;
      for (let c = 0; c < dk; c++) bonus += q[t * dk + c] * h.bonus[c] * k[t * dk + c];
      for (let e = 0; e < dv; e++) {
        let acc = bonus * v[t * dv + e];
        for (let c = 0; c < dk; c++) acc += q[t * dk + c] * S[c * dv + e];
        o[t * dv + e] = scale * acc;
      }
    }
    for (let c = 0; c < dk; c++) {
      const decay = Math.exp(gateAt(h, t, c));
      for (let e = 0; e < dv; e++) S[c * dv + e] *= decay;
    }
    if (h.family === 'delta') {
      // S += β k_tᵀ(v_t − k_t S): overwrite what the state predicts for k_t.
      const beta = (h.beta as Float64Array)[t];
      pred.fill(0);
      for (let c = 0; c < dk; c++) {
        const kc = k[t * dk + c];
        for (let e = 0; e < dv; e++) pred[e] += kc * S[c * dv + e];
      }
      for (let e = 0; e < dv; e++) pred[e] = beta * (v[t * dv + e] - pred[e]);
      for (let c = 0; c < dk; c++) {
        const kc = k[t * dk + c];
        for (let e = 0; e < dv; e++) S[c * dv + e] += kc * pred[e];
      }
    } else {
      for (let c = 0; c < dk; c++) {
        const kc = k[t * dk + c];
        for (let e = 0; e < dv; e++) S[c * dv + e] += kc * v[t * dv + e];
      }
    }
    if (!h.bonus) {
      for (let e = 0; e < dv; e++) {
        let acc = 0;
        for (let c = 0; c < dk; c++) acc += q[t * dk + c] * S[c * dv + e];
        o[t * dv + e] = scale * acc;
      }
    }
    onToken?.(t, S);
  }
  return { o, state: S };
}

// ---------------------------------------------------------------------------
// Parallel form.

/** Below this a float64 exponential is exactly 0, so longer decays contribute nothing. */
const F64_EXP_ZERO = -746;

/**
 * The n×n matrix of the decay family applied to V: for j ≤ i (j < i plus the
 * bonus diagonal for RWKV-6) W_ij = scale·Σ_c q_ic k_jc e^{L_c(i,j)}, with
 * L_c(i,j) = Σ_{s=j+1}^{i} g_sc (RWKV-6: up to i−1) summed step by step walking
 * j down from i, so no cumulative sum over the sequence is ever differenced.
 * With `keys` = k and scale 1 and `strict`, it is the delta rule's KKᵀ ⊙ Γ.
 */
function decayMatrix(h: GatedHead, rowsOf: Float64Array, scale: number, strict: boolean): Float64Array {
  const { n, dk, k } = h;
  const W = new Float64Array(n * n);
  const logDecay = new Float64Array(h.channels);
  const bonusMode = h.bonus !== undefined;
  for (let i = 0; i < n; i++) {
    // L(i, first): 0 at the diagonal and for RWKV-6's j = i−1 (an empty sum); g_i for the strict KKᵀ.
    for (let c = 0; c < h.channels; c++) logDecay[c] = strict && i > 0 ? gateAt(h, i, c) : 0;
    const first = bonusMode || strict ? i - 1 : i;
    if (bonusMode) {
      let acc = 0;
      for (let c = 0; c < dk; c++) acc += rowsOf[i * dk + c] * (h.bonus as Float64Array)[c] * k[i * dk + c];
      W[i * n + i] = scale * acc;
    }
    for (let j = first; j >= 0; j--) {
      // Moving the key from j+1 to j adds the gate of token j+1.
      if (j < first) for (let c = 0; c < h.channels; c++) logDecay[c] += gateAt(h, j + 1, c);
      let alive = false;
      let acc = 0;
      if (h.channels === 1) {
        if (logDecay[0] > F64_EXP_ZERO) {
          alive = true;
          acc = rowDot(rowsOf, i, k, j, dk) * Math.exp(logDecay[0]);
        }
      } else {
        for (let c = 0; c < dk; c++) {
          if (logDecay[c] > F64_EXP_ZERO) {
            alive = true;
            acc += rowsOf[i * dk + c] * k[j * dk + c] * Math.exp(logDecay[c]);
          }
        }
      }
      if (!alive) break; // every earlier key has decayed to exactly 0 as well
      W[i * n + j] = scale * acc;
    }
  }
  return W;
}

/** Final state Σ_j diag(e^{L(n,j)}) k_jᵀ x_j, L summed from the end (what every parallel form reports). */
function decayedStateSum(h: GatedHead, x: Float64Array): Float64Array {
  const { n, dk, dv, k } = h;
  const S = new Float64Array(dk * dv);
  const logDecay = new Float64Array(h.channels);
  for (let j = n - 1; j >= 0; j--) {
    if (j < n - 1) for (let c = 0; c < h.channels; c++) logDecay[c] += gateAt(h, j + 1, c);
    for (let c = 0; c < dk; c++) {
      const w = k[j * dk + c] * Math.exp(logDecay[h.channels === 1 ? 0 : c]);
      if (w === 0) continue;
      for (let e = 0; e < dv; e++) S[c * dv + e] += w * x[j * dv + e];
    }
  }
  return S;
}

function lowerTimes(W: Float64Array, x: Float64Array, n: number, dv: number): Float64Array {
  const o = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const w = W[i * n + j];
      if (w === 0) continue;
      for (let e = 0; e < dv; e++) o[i * dv + e] += w * x[j * dv + e];
    }
  }
  return o;
}

/**
 * U = T·diag(β)V with T = (I + tril(diag(β)(KKᵀ ⊙ Γ), −1))⁻¹, by forward
 * substitution: u_i = β_i (v_i − Σ_{j<i} (KKᵀ⊙Γ)_ij u_j). `kk` is strictly lower.
 */
function forwardSubstitute(kk: Float64Array, beta: Float64Array, v: Float64Array, n: number, dv: number) {
  const u = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    for (let e = 0; e < dv; e++) u[i * dv + e] = v[i * dv + e];
    for (let j = 0; j < i; j++) {
      const a = kk[i * n + j];
      if (a === 0) continue;
      for (let e = 0; e < dv; e++) u[i * dv + e] -= a * u[j * dv + e];
    }
    for (let e = 0; e < dv; e++) u[i * dv + e] *= beta[i];
  }
  return u;
}

export function gatedParallel(h: GatedHead): HeadResult & { state: Float64Array } {
  const { n, dv, q, k, v, scale } = h;
  const A = decayMatrix(h, q, scale, false);
  if (h.family === 'decay') return { o: lowerTimes(A, v, n, dv), state: decayedStateSum(h, v) };
  // Delta rule, single-chunk WY (§17.2): O = (scale·QKᵀ ⊙ Γ ⊙ M)·T·diag(β)V.
  const kk = decayMatrix(h, k, 1, true);
  const u = forwardSubstitute(kk, h.beta as Float64Array, v, n, dv);
  return { o: lowerTimes(A, u, n, dv), state: decayedStateSum(h, u) };
}

// ---------------------------------------------------------------------------
// Chunk form.

/**
 * Chunks of C tokens (the last may be shorter). G̃ is the chunk-local inclusive
 * cumsum of the gates; every exponent below is a masked difference ≤ 0:
 *   decay: O = (scale·Q ⊙ e^{G̃}) S + (A ⊙ M) V, A_ij = scale·Σ_c q_ic k_jc e^{G̃_ic − G̃_jc}
 *          (RWKV-6: query exponent G̃_i − g_i, j < i, bonus diagonal),
 *          S ← diag(e^{G̃_C}) S + (K ⊙ e^{G̃_C − G̃})ᵀ V;
 *   delta: W = T(diag(β)e^{G̃} ⊙ K), U = T diag(β)V by forward substitution,
 *          U' = U − W S, then the decay formulas with U' in place of V.
 */
export function gatedChunk(
  h: GatedHead,
  chunkSize: number,
  initial?: Float64Array,
): HeadResult & { state: Float64Array } {
  const { n, dk, dv, q, k, v, scale } = h;
  const ch = h.channels;
  const S = initial ? initial.slice() : new Float64Array(dk * dv);
  const o = new Float64Array(n * dv);
  const C = Math.min(chunkSize, n);
  const cum = new Float64Array(C * ch); // G̃ (inclusive)
  const cumQ = new Float64Array(C * ch); // query-side exponent: G̃, or G̃ − g for RWKV-6
  const A = new Float64Array(C * C);
  const values = new Float64Array(C * dv); // V, or U' for the delta rule
  const w = new Float64Array(C * dk);
  for (let start = 0; start < n; start += chunkSize) {
    const size = Math.min(chunkSize, n - start);
    for (let c = 0; c < ch; c++) {
      let running = 0;
      for (let i = 0; i < size; i++) {
        cumQ[i * ch + c] = running;
        running += h.g[(start + i) * ch + c];
        cum[i * ch + c] = running;
        if (!h.bonus) cumQ[i * ch + c] = running;
      }
    }
    const expo = (arr: Float64Array, i: number, c: number) => arr[i * ch + (ch === 1 ? 0 : c)];
    for (let i = 0; i < size * dv; i++) values[i] = v[start * dv + i];
    if (h.family === 'delta') {
      // Forward substitution for W and U (rows in order; row i needs rows j < i).
      const beta = h.beta as Float64Array;
      for (let i = 0; i < size; i++) {
        const bi = beta[start + i];
        const decayI = Math.exp(cum[i]);
        for (let c = 0; c < dk; c++) w[i * dk + c] = bi * decayI * k[(start + i) * dk + c];
        for (let e = 0; e < dv; e++) values[i * dv + e] *= bi;
        for (let j = 0; j < i; j++) {
          const l = bi * rowDot(k, start + i, k, start + j, dk) * Math.exp(cum[i] - cum[j]);
          if (l === 0) continue;
          for (let c = 0; c < dk; c++) w[i * dk + c] -= l * w[j * dk + c];
          for (let e = 0; e < dv; e++) values[i * dv + e] -= l * values[j * dv + e];
        }
      }
      // U' = U − W S (what the state already predicts is not written again).
      for (let i = 0; i < size; i++) {
        for (let c = 0; c < dk; c++) {
          const wc = w[i * dk + c];
          if (wc === 0) continue;
          for (let e = 0; e < dv; e++) values[i * dv + e] -= wc * S[c * dv + e];
        }
      }
    }
    // Intra-chunk matrix, masked before exponentiating.
    for (let i = 0; i < size; i++) {
      const last = h.bonus ? i - 1 : i;
      for (let j = 0; j <= last; j++) {
        let acc = 0;
        if (ch === 1) {
          acc = rowDot(q, start + i, k, start + j, dk) * Math.exp(cumQ[i] - cum[j]);
        } else {
          for (let c = 0; c < dk; c++) {
            acc +=
              q[(start + i) * dk + c] *
              k[(start + j) * dk + c] *
              Math.exp(cumQ[i * ch + c] - cum[j * ch + c]);
          }
        }
        A[i * C + j] = scale * acc;
      }
      if (h.bonus) {
        let acc = 0;
        for (let c = 0; c < dk; c++) acc += q[(start + i) * dk + c] * h.bonus[c] * k[(start + i) * dk + c];
        A[i * C + i] = scale * acc;
      }
    }
    for (let i = 0; i < size; i++) {
      // Inter-chunk: (scale·q_i ⊙ e^{G̃_i}) S.
      for (let c = 0; c < dk; c++) {
        const f = scale * q[(start + i) * dk + c] * Math.exp(expo(cumQ, i, c));
        if (f === 0) continue;
        for (let e = 0; e < dv; e++) o[(start + i) * dv + e] += f * S[c * dv + e];
      }
      for (let j = 0; j <= i; j++) {
        const a = A[i * C + j];
        for (let e = 0; e < dv; e++) o[(start + i) * dv + e] += a * values[j * dv + e];
      }
    }
    // S ← diag(e^{G̃_C}) S + (K ⊙ e^{G̃_C − G̃})ᵀ values.
    const lastRow = size - 1;
    for (let c = 0; c < dk; c++) {
      const total = expo(cum, lastRow, c);
      const decay = Math.exp(total);
      for (let e = 0; e < dv; e++) S[c * dv + e] *= decay;
      for (let j = 0; j < size; j++) {
        const f = k[(start + j) * dk + c] * Math.exp(total - expo(cum, j, c));
        if (f === 0) continue;
        for (let e = 0; e < dv; e++) S[c * dv + e] += f * values[j * dv + e];
      }
    }
  }
  return { o, state: S };
}

// ---------------------------------------------------------------------------
// Weights.

/**
 * The n×n matrix W with o = W·V for this head. Decay family: the parallel
 * form's matrix. Delta rule: the effective weights (scale·QKᵀ ⊙ Γ ⊙ M)·T·diag(β),
 * obtained as the recurrent form run on one-hot values (V = I, so o_t = row t
 * of W): quadratic work, where forming T explicitly would be cubic.
 */
export function gatedWeights(h: GatedHead): Float64Array {
  if (h.family === 'decay') return decayMatrix(h, h.q, h.scale, false);
  const identity = new Float64Array(h.n * h.n);
  for (let i = 0; i < h.n; i++) identity[i * h.n + i] = 1;
  return gatedRecurrent({ ...h, dv: h.n, v: identity }).o;
}

export function runGated(rule: GatedRule, head: HeadData, form: Form, params: ResolvedParams): HeadResult {
  const h = gatedHead(rule, head, params);
  switch (form) {
    case 'parallel':
      return gatedParallel(h);
    case 'recurrent':
      return gatedRecurrent(h);
    case 'chunk':
      return gatedChunk(h, numberParam(params, 'chunkSize'));
    default:
      throw new Error(`this gated variant has no ${form} form`);
  }
}

/** The CPU forms of one gated variant, from its rule. */
export function gatedCpu(rule: GatedRule): CpuForms {
  return {
    run: (head, form, params) => runGated(rule, head, form, params),
    weights: (head, params) => gatedWeights(gatedHead(rule, head, params)),
    stateTrace: (head, params, at) => gatedStateTrace(gatedHead(rule, head, params), at),
  };
}

// ---------------------------------------------------------------------------
// Helpers for the lessons' views (state under forgetting, memory horizon).

export type GatedStateTrace = StateTrace;

/** S_t of one head as the recurrence runs: its norm at every t and the state itself at token `at`. */
export function gatedStateTrace(h: GatedHead, at: number): GatedStateTrace {
  const norms = new Float64Array(h.n);
  let state = new Float64Array(h.dk * h.dv);
  gatedRecurrent(h, undefined, (t, S) => {
    let sumSq = 0;
    for (let i = 0; i < S.length; i++) sumSq += S[i] * S[i];
    norms[t] = Math.sqrt(sumSq);
    if (t === at - 1) state = S.slice();
  });
  return { rows: h.dk, cols: h.dv, norms, state };
}

/**
 * Memory horizon of the decay: how much of token j's write (1-based) is left in
 * the state at every step t ≥ j, per gate channel: e^{Σ_{s=j+1}^{t} g_s}
 * (1 at t = j, 0 before j). Returns n×channels, row t−1 = step t. For the delta
 * rule this is the decay part only (later writes along the same key also
 * overwrite it).
 */
export function retainedFraction(g: ArrayLike<number>, n: number, channels: number, j: number): Float64Array {
  if (!Number.isInteger(j) || j < 1 || j > n) throw new RangeError(`j must be an integer from 1 to ${n}`);
  if (g.length !== n * channels) throw new RangeError(`g must hold n·channels = ${n * channels} numbers`);
  const out = new Float64Array(n * channels);
  for (let c = 0; c < channels; c++) {
    let log = 0;
    out[(j - 1) * channels + c] = 1;
    for (let t = j + 1; t <= n; t++) {
      log += g[(t - 1) * channels + c];
      out[(t - 1) * channels + c] = Math.exp(log);
    }
  }
  return out;
}
