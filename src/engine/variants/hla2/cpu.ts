// Float64 references of second-order HLA (attention-math.md §18; descriptor.ts).
// Three forms of the same masked sum o_t = Σ_{j≤t} Σ_{i≤j} (q_t·k_i)(q_j·k_i) v_j:
//   parallel:  X = QKᵀ ⊙ M, P = (X Xᵀ) ⊙ M, o = P V (P is the implied n×n map);
//   recurrent: Theorem 3.1 of the paper, G and h updated BEFORE C and m (they
//              read C_{t−1}, m_{t−1}); u = q_t S^K_t first, o_t = u C_t − q_t G_t
//              (S^K C is never formed);
//   chunk:     for the prefix state A and the chunk B (any length ≤ chunkSize)
//              O_B = Q_B(S_A C_A − G_A) + ((Q_B S_A Q_Bᵀ) ⊙ M)V_B + ((W_B W_Bᵀ) ⊙ M)V_B,
//              W_B = M ⊙ Q_B K_Bᵀ (the full formula, with the middle term the
//              paper's Fig. 1(C) caption leaves out), read as u_t = q_t S_A first;
//              the state is carried with the semidirect product
//              S = S_A + S_B, C = C_A + C_B, G = G_A + G_B + S_B C_A (h likewise with m).
// normalize: the same three sums with v ≡ 1 give the normaliser u·m_t − q_t·h_t;
// every form divides by it plus eps. Internally the value columns are [v, 1]
// (column dv is m for C and h for G), so one code path carries both.
import type { Form } from '../../types';
import { booleanParam, numberParam, type ResolvedParams } from '../common/descriptor';
import { rowDot, type HeadData, type HeadResult, type CpuForms } from '../common/head';

export interface Hla2Options {
  readonly normalize: boolean;
  readonly eps: number;
  readonly chunkSize: number;
}

export function hla2OptionsFromParams(params: ResolvedParams): Hla2Options {
  return {
    normalize: booleanParam(params, 'normalize'),
    eps: numberParam(params, 'eps'),
    chunkSize: typeof params.chunkSize === 'number' ? params.chunkSize : 64,
  };
}

/** The second-order state of one head after some prefix of tokens. */
export interface Hla2State {
  readonly dk: number;
  readonly dv: number;
  /** S^K = Σ kᵀk, dk×dk. */
  readonly s: Float64Array;
  /** C = Σ qᵀv, dk×dv. */
  readonly c: Float64Array;
  /** G = Σ_t k_tᵀ(k_t C_{t−1}), dk×dv. */
  readonly g: Float64Array;
  /** m = Σ q, dk (the normaliser's C). */
  readonly m: Float64Array;
  /** h = Σ_t k_t (k_t·m_{t−1}), dk (the normaliser's G). */
  readonly h: Float64Array;
}

export function emptyHla2State(dk: number, dv: number): Hla2State {
  return {
    dk,
    dv,
    s: new Float64Array(dk * dk),
    c: new Float64Array(dk * dv),
    g: new Float64Array(dk * dv),
    m: new Float64Array(dk),
    h: new Float64Array(dk),
  };
}

/** Floats of the state: d² + 2·d·dv, plus 2d (m, h) when normalised (attention-math.md §18.5). */
export function hla2StateFloats(dk: number, dv: number, normalize: boolean): number {
  return dk * dk + 2 * dk * dv + (normalize ? 2 * dk : 0);
}

/** The contract's state output: [S^K, C, G] concatenated, each row-major. */
export function packHla2State(state: Hla2State): Float64Array {
  const { dk, dv } = state;
  const out = new Float64Array(dk * dk + 2 * dk * dv);
  out.set(state.s, 0);
  out.set(state.c, dk * dk);
  out.set(state.g, dk * dk + dk * dv);
  return out;
}

/**
 * One recurrent step (token t of the head) on `state` in place. Writes the
 * numerator row to o (dv) and returns the normaliser u·m_t − q_t·h_t (without eps).
 */
export function hla2Step(
  state: Hla2State,
  head: HeadData,
  t: number,
  o: Float64Array,
  oOffset: number,
): number {
  const { dk, dv, s, c, g, m, h } = state;
  const q = head.q;
  const k = head.k;
  const v = head.v;
  const qt = t * dk;
  const kt = t * dk;
  const vt = t * dv;
  // 1. G_t = G_{t−1} + k_tᵀ(k_t C_{t−1}) and h_t = h_{t−1} + k_t (k_t·m_{t−1}).
  const kc = new Float64Array(dv);
  let km = 0;
  for (let r = 0; r < dk; r++) {
    const kr = k[kt + r];
    if (kr === 0) continue;
    for (let col = 0; col < dv; col++) kc[col] += kr * c[r * dv + col];
    km += kr * m[r];
  }
  for (let r = 0; r < dk; r++) {
    const kr = k[kt + r];
    for (let col = 0; col < dv; col++) g[r * dv + col] += kr * kc[col];
    h[r] += kr * km;
  }
  // 2. S^K_t = S^K_{t−1} + k_tᵀk_t, C_t = C_{t−1} + q_tᵀv_t, m_t = m_{t−1} + q_t.
  for (let r = 0; r < dk; r++) {
    const kr = k[kt + r];
    for (let a = 0; a < dk; a++) s[r * dk + a] += kr * k[kt + a];
    const qr = q[qt + r];
    for (let col = 0; col < dv; col++) c[r * dv + col] += qr * v[vt + col];
    m[r] += qr;
  }
  // 3. u = q_t S^K_t, then o_t = u C_t − q_t G_t and the normaliser u·m_t − q_t·h_t.
  const u = new Float64Array(dk);
  for (let r = 0; r < dk; r++) {
    const qr = q[qt + r];
    if (qr === 0) continue;
    for (let a = 0; a < dk; a++) u[a] += qr * s[r * dk + a];
  }
  for (let col = 0; col < dv; col++) o[oOffset + col] = 0;
  let den = 0;
  for (let r = 0; r < dk; r++) {
    const ur = u[r];
    const qr = q[qt + r];
    for (let col = 0; col < dv; col++) o[oOffset + col] += ur * c[r * dv + col] - qr * g[r * dv + col];
    den += ur * m[r] - qr * h[r];
  }
  return den;
}

export function hla2Recurrent(head: HeadData, opts: Hla2Options): HeadResult & { state: Float64Array } {
  const { n, dk, dv } = head;
  const state = emptyHla2State(dk, dv);
  const o = new Float64Array(n * dv);
  for (let t = 0; t < n; t++) {
    const den = hla2Step(state, head, t, o, t * dv);
    if (opts.normalize) divideRow(o, t * dv, dv, den + opts.eps);
  }
  return { o, state: packHla2State(state) };
}

/**
 * The implied n×n map P = ((X Xᵀ) ⊙ M), X = QKᵀ ⊙ M (row t: the weights o_t
 * gives every v_j), divided row by row by its row sum + eps when normalize.
 */
export function hla2Weights(head: HeadData, opts: Pick<Hla2Options, 'normalize' | 'eps'>): Float64Array {
  const { n, dk, q, k } = head;
  const x = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    for (let i = 0; i <= t; i++) x[t * n + i] = rowDot(q, t, k, i, dk);
  }
  const p = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (let j = 0; j <= t; j++) {
      // Σ_{i≤j} X[t][i] X[j][i] (X[j][i] = 0 for i > j already).
      const value = prefixDot(x, t * n, j * n, j + 1);
      p[t * n + j] = value;
      sum += value;
    }
    if (opts.normalize) divideRow(p, t * n, t + 1, sum + opts.eps);
  }
  return p;
}

export function hla2Parallel(head: HeadData, opts: Hla2Options): HeadResult {
  const { n, dv, v } = head;
  const p = hla2Weights(head, opts);
  const o = new Float64Array(n * dv);
  for (let t = 0; t < n; t++) {
    for (let j = 0; j <= t; j++) {
      const w = p[t * n + j];
      if (w === 0) continue;
      for (let col = 0; col < dv; col++) o[t * dv + col] += w * v[j * dv + col];
    }
  }
  return { o };
}

export function hla2Chunk(head: HeadData, opts: Hla2Options): HeadResult & { state: Float64Array } {
  const { n, dk, dv, q, k, v } = head;
  const cols = dv + 1; // [v, 1]: column dv carries the normaliser (m in C, h in G)
  const size = Math.max(1, Math.floor(opts.chunkSize));
  // Prefix state A with the ones column folded in: C' = [C, m], G' = [G, h].
  const sA = new Float64Array(dk * dk);
  const cA = new Float64Array(dk * cols);
  const gA = new Float64Array(dk * cols);
  const o = new Float64Array(n * dv);
  const val = (j: number, col: number) => (col === dv ? 1 : v[j * dv + col]);
  for (let start = 0; start < n; start += size) {
    const len = Math.min(size, n - start);
    // Intra-chunk X = Q_B K_Bᵀ ⊙ M (local indices).
    const x = new Float64Array(len * len);
    for (let a = 0; a < len; a++) {
      for (let b = 0; b <= a; b++) x[a * len + b] = rowDot(q, start + a, k, start + b, dk);
    }
    // u_t = q_t S_A for every token of the chunk.
    const u = new Float64Array(len * dk);
    for (let a = 0; a < len; a++) {
      for (let r = 0; r < dk; r++) {
        const qr = q[(start + a) * dk + r];
        if (qr === 0) continue;
        for (let c = 0; c < dk; c++) u[a * dk + c] += qr * sA[r * dk + c];
      }
    }
    const out = new Float64Array(cols);
    for (let a = 0; a < len; a++) {
      const t = start + a;
      // Inter: u_t C_A − q_t G_A.
      out.fill(0);
      for (let r = 0; r < dk; r++) {
        const ur = u[a * dk + r];
        const qr = q[t * dk + r];
        for (let col = 0; col < cols; col++) out[col] += ur * cA[r * cols + col] - qr * gA[r * cols + col];
      }
      // Middle (u_t·q_j) and intra (Σ_{i≤j} X[a][i] X[b][i]) weights for j = start + b ≤ t.
      for (let b = 0; b <= a; b++) {
        const w = rowDot(u, a, q, start + b, dk) + prefixDot(x, a * len, b * len, b + 1);
        for (let col = 0; col < cols; col++) out[col] += w * val(start + b, col);
      }
      const scale = opts.normalize ? 1 / (out[dv] + opts.eps) : 1;
      for (let col = 0; col < dv; col++) o[t * dv + col] = out[col] * scale;
    }
    // Chunk-local state B: S_B, C'_B, G'_B (the recurrence run from zero inside the chunk).
    const sB = new Float64Array(dk * dk);
    const cB = new Float64Array(dk * cols);
    const gB = new Float64Array(dk * cols);
    const kc = new Float64Array(cols);
    for (let b = 0; b < len; b++) {
      const j = start + b;
      kc.fill(0);
      for (let r = 0; r < dk; r++) {
        const kr = k[j * dk + r];
        for (let col = 0; col < cols; col++) kc[col] += kr * cB[r * cols + col];
      }
      for (let r = 0; r < dk; r++) {
        const kr = k[j * dk + r];
        const qr = q[j * dk + r];
        for (let col = 0; col < cols; col++) {
          gB[r * cols + col] += kr * kc[col];
          cB[r * cols + col] += qr * val(j, col);
        }
        for (let c = 0; c < dk; c++) sB[r * dk + c] += kr * k[j * dk + c];
      }
    }
    // Carry: G += G_B + S_B C_A (C_A before it absorbs C_B), then C += C_B, S += S_B.
    for (let r = 0; r < dk; r++) {
      for (let col = 0; col < cols; col++) {
        let acc = 0;
        for (let c = 0; c < dk; c++) acc += sB[r * dk + c] * cA[c * cols + col];
        gA[r * cols + col] += gB[r * cols + col] + acc;
      }
    }
    for (let i = 0; i < cA.length; i++) cA[i] += cB[i];
    for (let i = 0; i < sA.length; i++) sA[i] += sB[i];
  }
  const state = emptyHla2State(dk, dv);
  state.s.set(sA);
  for (let r = 0; r < dk; r++) {
    for (let col = 0; col < dv; col++) {
      state.c[r * dv + col] = cA[r * cols + col];
      state.g[r * dv + col] = gA[r * cols + col];
    }
  }
  return { o, state: packHla2State(state) };
}

export function runHla2(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
  const opts = hla2OptionsFromParams(params);
  switch (form) {
    case 'parallel': {
      // The parallel form has no state of its own; report the recurrent one so
      // every form returns the same final state (cheap: O(n·dk·dv)).
      const { state } = hla2Recurrent(head, opts);
      return { o: hla2Parallel(head, opts).o, state };
    }
    case 'recurrent':
      return hla2Recurrent(head, opts);
    case 'chunk':
      return hla2Chunk(head, opts);
    default:
      throw new Error(`hla2 has no ${form} form`);
  }
}

export const hla2Cpu = {
  run: runHla2,
  weights: (head: HeadData, params: ResolvedParams) => hla2Weights(head, hla2OptionsFromParams(params)),
};

/** What the lesson's state scrubber and growth plot read: the state after token `at` and per-token norms. */
export interface Hla2Trace {
  /** State after tokens 1..at (1-based `at`). */
  readonly state: Hla2State;
  /** ‖o_t‖₂ of the unnormalised output, t = 1..n. */
  readonly rawNorms: Float64Array;
  /** ‖o_t‖₂ of the normalised output (numerator / (normaliser + eps)), t = 1..n. */
  readonly normalizedNorms: Float64Array;
  /** The normaliser u·m_t − q_t·h_t (no eps), t = 1..n. */
  readonly normalizers: Float64Array;
  /** ‖S^K_t‖_F, ‖C_t‖_F, ‖G_t‖_F, t = 1..n. */
  readonly sNorms: Float64Array;
  readonly cNorms: Float64Array;
  readonly gNorms: Float64Array;
}

export function hla2Trace(head: HeadData, eps: number, at: number): Hla2Trace {
  const { n, dk, dv } = head;
  const state = emptyHla2State(dk, dv);
  const row = new Float64Array(dv);
  const rawNorms = new Float64Array(n);
  const normalizedNorms = new Float64Array(n);
  const normalizers = new Float64Array(n);
  const sNorms = new Float64Array(n);
  const cNorms = new Float64Array(n);
  const gNorms = new Float64Array(n);
  let snapshot: Hla2State | undefined;
  for (let t = 0; t < n; t++) {
    const den = hla2Step(state, head, t, row, 0);
    let sq = 0;
    for (let c = 0; c < dv; c++) sq += row[c] * row[c];
    rawNorms[t] = Math.sqrt(sq);
    normalizedNorms[t] = Math.sqrt(sq) / Math.abs(den + eps);
    normalizers[t] = den;
    sNorms[t] = frobenius(state.s);
    cNorms[t] = frobenius(state.c);
    gNorms[t] = frobenius(state.g);
    if (t + 1 === at) snapshot = cloneState(state);
  }
  return {
    state: snapshot ?? cloneState(state),
    rawNorms,
    normalizedNorms,
    normalizers,
    sNorms,
    cNorms,
    gNorms,
  };
}

export function frobenius(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

/**
 * The chunk formula as the caption of the paper's Fig. 1(C) prints it, WITHOUT
 * the middle term ((Q_B S_A Q_Bᵀ) ⊙ M)V_B (attention-math.md §18.3 [disagree]):
 * O_B = Q_B(S_A C_A − G_A) + ((W_B W_Bᵀ) ⊙ M)V_B, unnormalised, the state carried
 * exactly. Kept only to measure how wrong it is; no form of the engine uses it.
 */
export function hla2CaptionChunk(head: HeadData, chunkSize: number): Float64Array {
  const { n, dk, dv, q } = head;
  const size = Math.max(1, Math.floor(chunkSize));
  const exact = hla2Chunk(head, { normalize: false, eps: 1e-6, chunkSize: size }).o;
  const o = exact.slice();
  // Remove the middle term Σ_{j∈B, j≤t} (q_t S_A q_jᵀ) v_j from every chunk after the first.
  const sA = new Float64Array(dk * dk);
  const u = new Float64Array(dk);
  for (let start = 0; start < n; start += size) {
    const len = Math.min(size, n - start);
    for (let a = 0; a < len; a++) {
      const t = start + a;
      u.fill(0);
      for (let r = 0; r < dk; r++) {
        const qr = q[t * dk + r];
        for (let c = 0; c < dk; c++) u[c] += qr * sA[r * dk + c];
      }
      for (let b = 0; b <= a; b++) {
        const j = start + b;
        let w = 0;
        for (let c = 0; c < dk; c++) w += u[c] * q[j * dk + c];
        for (let col = 0; col < dv; col++) o[t * dv + col] -= w * head.v[j * dv + col];
      }
    }
    for (let b = 0; b < len; b++) {
      const j = start + b;
      for (let r = 0; r < dk; r++) {
        const kr = head.k[j * dk + r];
        for (let c = 0; c < dk; c++) sA[r * dk + c] += kr * head.k[j * dk + c];
      }
    }
  }
  return o;
}

function cloneState(state: Hla2State): Hla2State {
  return {
    dk: state.dk,
    dv: state.dv,
    s: state.s.slice(),
    c: state.c.slice(),
    g: state.g.slice(),
    m: state.m.slice(),
    h: state.h.slice(),
  };
}

/** Σ_{i<count} x[a + i]·x[b + i]: two rows of a row-major matrix, first `count` columns. */
function prefixDot(x: Float64Array, a: number, b: number, count: number): number {
  let s0 = 0;
  let s1 = 0;
  let i = 0;
  for (; i + 1 < count; i += 2) {
    s0 += x[a + i] * x[b + i];
    s1 += x[a + i + 1] * x[b + i + 1];
  }
  if (i < count) s0 += x[a + i] * x[b + i];
  return s0 + s1;
}

function divideRow(x: Float64Array, offset: number, length: number, by: number): void {
  const inv = 1 / by;
  for (let i = 0; i < length; i++) x[offset + i] *= inv;
}

/** The CPU forms the engine runs. */
export const cpu: CpuForms = hla2Cpu;
