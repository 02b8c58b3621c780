// Float64 forms shared by every variant that is "a feature map φ, then kernel
// linear attention on the features" (attention-math.md T1): performer,
// cosformer, based, hedgehog, focused, rala, and InLine, whose rows are a
// shifted and rescaled version of the same sums. Each variant's cpu.ts only
// computes φ(Q), φ(K) (n×r, r = its feature dimension) and picks a row rule;
// the forms below do the rest, honestly:
//   parallel  materialises the n×n weights and multiplies them with V;
//   recurrent walks the tokens with the fixed-size state S = Σφ(k)ᵀv, z = Σφ(k)
//             (InLine also keeps u = Σv and the count N);
//   chunk     does the quadratic part inside chunks of C tokens and carries the
//             state between chunks, finishing each row once after both parts are
//             summed (per-chunk normalising would be wrong, attention-math.md §3).
// Every form reduces row i to the same four sums over the keys it sees:
//   num_i = Σ a_ij v_j, den_i = Σ a_ij, u_i = Σ v_j, N_i = count, a_ij = φ(q_i)·φ(k_j),
// and the row rule turns them into o_i (and a_ij into the weight w_ij).
import type { Form } from '../../../types';
import { addScaledRow, rowDot, type CpuForms, type HeadData, type HeadResult } from '../head';
import { numberParam, type ResolvedParams } from '../descriptor';

/** One head in feature space. */
export interface FeatureHead {
  readonly n: number;
  /** Feature dimension (columns of φQ, φK). */
  readonly r: number;
  readonly dv: number;
  /** φ(Q), n×r row-major. */
  readonly phiQ: Float64Array;
  /** φ(K), n×r row-major. */
  readonly phiK: Float64Array;
  /** n×dv row-major. */
  readonly v: Float64Array;
}

/**
 * How a row's sums become its output:
 *  - `none`: o = num (Performer with normalize false);
 *  - `eps`: o = num / (den + eps) (T1 as written in the contract);
 *  - `clamp`: o = num / max(den, eps) (cosFormer's clamp_min, no ε added);
 *  - `mean-subtracted`: o = (scale/N)(num − den·u/N) + u/N (InLine: w_ij = (scale/N)(a_ij − den/N) + 1/N,
 *    rows sum to 1, no denominator).
 */
export type RowRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'eps'; readonly eps: number }
  | { readonly kind: 'clamp'; readonly eps: number }
  | { readonly kind: 'mean-subtracted'; readonly scale: number };

export interface FeatureOptions {
  readonly causal: boolean;
  readonly rule: RowRule;
}

export interface FeatureRun {
  /** n×dv, row-major. */
  readonly o: Float64Array;
  /** S = Σ_t φ(k_t)ᵀ v_t over every token, r×dv row-major (the contract's state). */
  readonly state: Float64Array;
}

/** Keys row i sees: 0..i when causal, all n otherwise. */
function visibleKeys(i: number, n: number, causal: boolean): number {
  return causal ? i + 1 : n;
}

/** The weight the row rule gives score a_ij, knowing the row's den = Σ_j a_ij and its count N. */
function weightOf(a: number, den: number, count: number, rule: RowRule): number {
  switch (rule.kind) {
    case 'none':
      return a;
    case 'eps':
      return a / (den + rule.eps);
    case 'clamp':
      return a / Math.max(den, rule.eps);
    case 'mean-subtracted':
      return (rule.scale / count) * (a - den / count) + 1 / count;
  }
}

/**
 * Row `t` of o: holds num on entry, o on exit. `u` (width dv, at row `uRow` of
 * `uSource`) is only read by the InLine rule.
 */
function finishRow(
  o: Float64Array,
  t: number,
  dv: number,
  den: number,
  count: number,
  rule: RowRule,
  u: Float64Array,
  uRow: number,
): void {
  const row = t * dv;
  switch (rule.kind) {
    case 'none':
      return;
    case 'eps': {
      const inv = 1 / (den + rule.eps);
      for (let c = 0; c < dv; c++) o[row + c] *= inv;
      return;
    }
    case 'clamp': {
      const inv = 1 / Math.max(den, rule.eps);
      for (let c = 0; c < dv; c++) o[row + c] *= inv;
      return;
    }
    case 'mean-subtracted': {
      const c0 = rule.scale / count;
      const mean = den / count;
      for (let c = 0; c < dv; c++) {
        const uc = u[uRow * dv + c];
        o[row + c] = c0 * (o[row + c] - mean * uc) + uc / count;
      }
      return;
    }
  }
}

/** a_ij = φ(q_i)·φ(k_j) (variants with a closed form, like Based's 1 + s + s²/2, pass their own). */
export type ScoreFn = (i: number, j: number) => number;

export function featureScore(head: FeatureHead): ScoreFn {
  return (i, j) => rowDot(head.phiQ, i, head.phiK, j, head.r);
}

/**
 * The n×n weights applied to V (row-major): the row rule applied to the masked
 * scores. Masked entries are 0 (InLine included: a key a row cannot see gets no weight).
 */
export function featureWeights(n: number, opts: FeatureOptions, score: ScoreFn): Float64Array {
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const end = visibleKeys(i, n, opts.causal);
    let den = 0;
    for (let j = 0; j < end; j++) {
      const a = score(i, j);
      weights[i * n + j] = a;
      den += a;
    }
    for (let j = 0; j < end; j++) weights[i * n + j] = weightOf(weights[i * n + j], den, end, opts.rule);
  }
  return weights;
}

/** S = Σ_t φ(k_t)ᵀv_t over all tokens. */
export function featureState(head: FeatureHead): Float64Array {
  const { n, r, dv, phiK, v } = head;
  const S = new Float64Array(r * dv);
  for (let t = 0; t < n; t++) {
    for (let a = 0; a < r; a++) addScaledRow(S, a, v, t, phiK[t * r + a], dv);
  }
  return S;
}

/** Parallel form: O = W V with the materialised n×n weights (quadratic in n). */
export function featureParallel(
  head: FeatureHead,
  opts: FeatureOptions,
  score = featureScore(head),
): FeatureRun {
  const { n, dv, v } = head;
  const weights = featureWeights(n, opts, score);
  const o = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    const end = visibleKeys(i, n, opts.causal);
    for (let j = 0; j < end; j++) addScaledRow(o, i, v, j, weights[i * n + j], dv);
  }
  // The parallel form never needs S; it is computed so every form reports the same state.
  return { o, state: featureState(head) };
}

/** The fixed-size state of the recurrent and chunk forms. */
interface RunningState {
  /** Σφ(k)ᵀv, r×dv. */
  readonly S: Float64Array;
  /** Σφ(k), r. */
  readonly z: Float64Array;
  /** Σv, dv (InLine's mean of the values). */
  readonly u: Float64Array;
  /** Tokens written. */
  count: number;
}

function emptyState(r: number, dv: number): RunningState {
  return { S: new Float64Array(r * dv), z: new Float64Array(r), u: new Float64Array(dv), count: 0 };
}

/** S += φ(k_t)ᵀv_t, z += φ(k_t), u += v_t, N += 1. */
function writeToken(state: RunningState, head: FeatureHead, t: number): void {
  const { r, dv, phiK, v } = head;
  for (let a = 0; a < r; a++) {
    const f = phiK[t * r + a];
    if (f === 0) continue;
    state.z[a] += f;
    addScaledRow(state.S, a, v, t, f, dv);
  }
  addScaledRow(state.u, 0, v, t, 1, dv);
  state.count++;
}

/** Row t of o += φ(q_t)S; returns φ(q_t)·z. */
function readToken(state: RunningState, head: FeatureHead, t: number, o: Float64Array): number {
  const { r, dv, phiQ } = head;
  let den = 0;
  for (let a = 0; a < r; a++) {
    const f = phiQ[t * r + a];
    if (f === 0) continue;
    den += f * state.z[a];
    addScaledRow(o, t, state.S, a, f, dv);
  }
  return den;
}

/**
 * Recurrent form: one token at a time, S_t = S_{t−1} + φ(k_t)ᵀv_t (and z, u, N),
 * then row t from φ(q_t)S_t, φ(q_t)·z_t, u_t, N_t. Non-causal: every token is
 * written first, then every query reads the full state.
 */
export function featureRecurrent(head: FeatureHead, opts: FeatureOptions): FeatureRun {
  const { n, r, dv } = head;
  const state = emptyState(r, dv);
  const o = new Float64Array(n * dv);
  if (opts.causal) {
    for (let t = 0; t < n; t++) {
      writeToken(state, head, t);
      const den = readToken(state, head, t, o);
      finishRow(o, t, dv, den, state.count, opts.rule, state.u, 0);
    }
  } else {
    for (let t = 0; t < n; t++) writeToken(state, head, t);
    for (let t = 0; t < n; t++) {
      const den = readToken(state, head, t, o);
      finishRow(o, t, dv, den, state.count, opts.rule, state.u, 0);
    }
  }
  return { o, state: state.S };
}

/**
 * Chunk form (T1.3): for chunk c of C tokens (the last may be shorter)
 *   num = φ(Q_c)S_c + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C)V_c,  den = φ(Q_c)z_c + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C)1,
 *   u = u_c + M_C V_c,  N = N_c + (row within chunk + 1),
 * each row finished once; then the chunk enters the state. Non-causal: every
 * chunk is written first, then every chunk reads the full state.
 */
export function featureChunk(head: FeatureHead, opts: FeatureOptions, chunkSize: number): FeatureRun {
  const { n, r, dv, phiQ, phiK, v } = head;
  const state = emptyState(r, dv);
  const o = new Float64Array(n * dv);
  if (!opts.causal) {
    for (let start = 0; start < n; start += chunkSize) {
      for (let t = start; t < Math.min(start + chunkSize, n); t++) writeToken(state, head, t);
    }
    for (let start = 0; start < n; start += chunkSize) {
      for (let t = start; t < Math.min(start + chunkSize, n); t++) {
        finishRow(o, t, dv, readToken(state, head, t, o), state.count, opts.rule, state.u, 0);
      }
    }
    return { o, state: state.S };
  }
  const tile = Math.min(chunkSize, n);
  const den = new Float64Array(tile);
  // Per row of the chunk: u_c plus the values of the chunk's tokens up to the row (InLine).
  const uRows = new Float64Array(tile * dv);
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(start + chunkSize, n);
    const size = end - start;
    // Inter-chunk: what the state of all earlier chunks contributes.
    for (let t = start; t < end; t++) den[t - start] = readToken(state, head, t, o);
    // Intra-chunk: the causal block of scores, applied to V and to 1.
    const needsValueSums = opts.rule.kind === 'mean-subtracted';
    for (let i = 0; i < size; i++) {
      if (needsValueSums) uRows.set(state.u, i * dv);
      for (let j = 0; j <= i; j++) {
        const a = rowDot(phiQ, start + i, phiK, start + j, r);
        den[i] += a;
        addScaledRow(o, start + i, v, start + j, a, dv);
        if (needsValueSums) addScaledRow(uRows, i, v, start + j, 1, dv);
      }
      finishRow(o, start + i, dv, den[i], state.count + i + 1, opts.rule, uRows, i);
    }
    // Only now does this chunk enter the state, for the chunks after it.
    for (let t = start; t < end; t++) writeToken(state, head, t);
  }
  return { o, state: state.S };
}

/** Runs one form; the state returned is S (z, u, N are internal). */
export function runFeatureForm(
  head: FeatureHead,
  form: Form,
  opts: FeatureOptions,
  chunkSize: number,
  parallelScore?: ScoreFn,
): HeadResult {
  let run: FeatureRun;
  switch (form) {
    case 'parallel':
      run = featureParallel(head, opts, parallelScore ?? featureScore(head));
      break;
    case 'recurrent':
      run = featureRecurrent(head, opts);
      break;
    case 'chunk':
      run = featureChunk(head, opts, chunkSize);
      break;
    default:
      throw new Error(`feature-map attention has no ${form} form`);
  }
  return { o: run.o, state: run.state };
}

/** What a feature-map variant's CPU module decides for one head: φ, the row rule, an optional closed-form score. */
export interface PreparedFeatureHead {
  readonly head: FeatureHead;
  readonly opts: FeatureOptions;
  /** The parallel form's a_ij when the variant has a closed form (Based: 1 + s + s²/2). */
  readonly parallelScore?: ScoreFn;
}

export type PrepareFeatureHead = (head: HeadData, params: ResolvedParams) => PreparedFeatureHead;

/** The CPU forms of a feature-map variant, built from its `prepare`. */
export function featureCpuVariant(
  prepare: PrepareFeatureHead,
): Required<Pick<CpuForms, 'run' | 'weights' | 'features'>> {
  return {
    features: (head, params) => {
      const { phiQ, phiK } = prepare(head, params).head;
      return { phiQ, phiK };
    },
    run: (head, form, params) => {
      const prepared = prepare(head, params);
      const chunkSize = form === 'chunk' ? numberParam(params, 'chunkSize') : 0;
      return runFeatureForm(prepared.head, form, prepared.opts, chunkSize, prepared.parallelScore);
    },
    weights: (head, params) => {
      const prepared = prepare(head, params);
      return featureWeights(head.n, prepared.opts, prepared.parallelScore ?? featureScore(prepared.head));
    },
  };
}

/** A head's extra input in float64 (validation guarantees it is there). */
export function headInput(head: HeadData, name: string): Float64Array {
  const value = head.inputs?.[name];
  if (!value) throw new Error(`input ${name} is missing`);
  return value;
}
