// Float64 references of kernel linear attention (attention-math.md §3, §4, T1).
// Three honest forms that must agree (lessons 2 and 4 show them agreeing):
// parallel materialises the n×n weights φ(Q)φ(K)ᵀ ⊙ M; recurrent walks the
// tokens with the fixed-size state S = Σφ(k)ᵀv and normaliser z = Σφ(k);
// chunk does the quadratic part inside chunks of C tokens and carries S, z
// between chunks, dividing once after both parts are summed (per-chunk
// normalising would be wrong, §3 pitfall).
import type { Form } from '../../types';
import { booleanParam, numberParam, stringParam, type ResolvedParams } from '../common/descriptor';
import { addScaledRow, rowDot, type HeadData, type HeadResult, type CpuForms } from '../common/head';
import { FEATURE_MAPS, type FeatureMap } from './descriptor';

export interface LinearOptions {
  readonly featureMap: FeatureMap;
  readonly normalize: boolean;
  readonly eps: number;
  readonly causal: boolean;
}

/** The recurrent state of one head: S (r×dv, row-major) and z (r). */
export interface LinearState {
  readonly S: Float64Array;
  readonly z: Float64Array;
}

export interface LinearRun {
  /** n×dv, row-major. */
  readonly o: Float64Array;
  /** State after the last token (initial state included). */
  readonly state: LinearState;
}

export function linearOptionsFromParams(params: ResolvedParams): LinearOptions {
  const featureMap = stringParam(params, 'featureMap');
  if (!(FEATURE_MAPS as readonly string[]).includes(featureMap)) {
    throw new Error(`unknown feature map ${featureMap}`);
  }
  return {
    featureMap: featureMap as FeatureMap,
    normalize: booleanParam(params, 'normalize'),
    eps: numberParam(params, 'eps'),
    causal: booleanParam(params, 'causal'),
  };
}

/** φ applied elementwise: elu(x)+1 (x+1 above 0, eˣ below), max(x, 0), or x. */
export function featureMapValue(x: number, map: FeatureMap): number {
  switch (map) {
    case 'elu1':
      return x > 0 ? x + 1 : Math.exp(x);
    case 'relu':
      return x > 0 ? x : 0;
    case 'identity':
      return x;
  }
}

/** φ of every entry of a row-major matrix (the feature dimension r equals d for these maps). */
export function applyFeatureMap(x: Float64Array, map: FeatureMap): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = featureMapValue(x[i], map);
  return out;
}

export function emptyLinearState(r: number, dv: number): LinearState {
  return { S: new Float64Array(r * dv), z: new Float64Array(r) };
}

function copyState(state: LinearState): LinearState {
  return { S: state.S.slice(), z: state.z.slice() };
}

/** S += φ(k_t)ᵀ v_t and z += φ(k_t) for token t. */
function writeToken(
  state: LinearState,
  phiK: Float64Array,
  v: Float64Array,
  t: number,
  r: number,
  dv: number,
): void {
  for (let a = 0; a < r; a++) {
    const f = phiK[t * r + a];
    if (f === 0) continue; // relu zeros: nothing to add
    state.z[a] += f;
    const row = a * dv;
    for (let c = 0; c < dv; c++) state.S[row + c] += f * v[t * dv + c];
  }
}

/** Row t of o gets φ(q_t) S (the numerator); returns φ(q_t)·z (the denominator without eps). */
function readToken(
  state: LinearState,
  phiQ: Float64Array,
  t: number,
  o: Float64Array,
  r: number,
  dv: number,
): number {
  let den = 0;
  for (let a = 0; a < r; a++) {
    const f = phiQ[t * r + a];
    if (f === 0) continue;
    den += f * state.z[a];
    addScaledRow(o, t, state.S, a, f, dv);
  }
  return den;
}

/** Divides row t of o by (den + eps) when normalising. */
function finishRow(o: Float64Array, t: number, den: number, dv: number, opts: LinearOptions): void {
  if (!opts.normalize) return;
  const inv = 1 / (den + opts.eps);
  for (let c = 0; c < dv; c++) o[t * dv + c] *= inv;
}

/**
 * The n×n weights the variant applies to V (row-major): φ(q_i)·φ(k_j) under the
 * causal mask, divided by the row sum + eps when normalising (so
 * o = weights·V exactly). Masked entries are 0.
 */
export function linearWeights(head: HeadData, opts: LinearOptions): Float64Array {
  const { n, dk, q, k } = head;
  const phiQ = applyFeatureMap(q, opts.featureMap);
  const phiK = applyFeatureMap(k, opts.featureMap);
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const end = opts.causal ? i + 1 : n;
    let rowSum = 0;
    for (let j = 0; j < end; j++) {
      const a = rowDot(phiQ, i, phiK, j, dk);
      weights[i * n + j] = a;
      rowSum += a;
    }
    if (opts.normalize) {
      const inv = 1 / (rowSum + opts.eps);
      for (let j = 0; j < end; j++) weights[i * n + j] *= inv;
    }
  }
  return weights;
}

/** S = Σ_t φ(k_t)ᵀv_t over all tokens (what every form reports as the final state). */
function stateOfAllTokens(head: HeadData, opts: LinearOptions): LinearState {
  const { n, dk, dv, k, v } = head;
  const phiK = applyFeatureMap(k, opts.featureMap);
  const state = emptyLinearState(dk, dv);
  for (let t = 0; t < n; t++) writeToken(state, phiK, v, t, dk, dv);
  return state;
}

/** Parallel form: O = W V with the materialised n×n weights (quadratic in n). */
export function linearParallel(head: HeadData, opts: LinearOptions): LinearRun {
  const { n, dv, v } = head;
  const weights = linearWeights(head, opts);
  const o = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    const end = opts.causal ? i + 1 : n;
    for (let j = 0; j < end; j++) addScaledRow(o, i, v, j, weights[i * n + j], dv);
  }
  // The parallel form never needs S; it is computed so every form reports the same state.
  return { o, state: stateOfAllTokens(head, opts) };
}

/**
 * Recurrent form: one token at a time, S_t = S_{t−1} + φ(k_t)ᵀv_t,
 * z_t = z_{t−1} + φ(k_t), o_t = φ(q_t)S_t / (φ(q_t)·z_t + eps). Non-causal: every
 * token is written first, then every query reads the full state.
 * `initial` continues from a saved state (it is not modified); `onToken` sees
 * the state after each write (lesson 4 records S_t with it; copy what you keep).
 */
export function linearRecurrent(
  head: HeadData,
  opts: LinearOptions,
  initial?: LinearState,
  onToken?: (t: number, state: LinearState) => void,
): LinearRun {
  const { n, dk, dv, q, k, v } = head;
  const phiQ = applyFeatureMap(q, opts.featureMap);
  const phiK = applyFeatureMap(k, opts.featureMap);
  const state = initial ? copyState(initial) : emptyLinearState(dk, dv);
  const o = new Float64Array(n * dv);
  if (opts.causal) {
    for (let t = 0; t < n; t++) {
      writeToken(state, phiK, v, t, dk, dv);
      onToken?.(t, state);
      finishRow(o, t, readToken(state, phiQ, t, o, dk, dv), dv, opts);
    }
  } else {
    for (let t = 0; t < n; t++) {
      writeToken(state, phiK, v, t, dk, dv);
      onToken?.(t, state);
    }
    for (let t = 0; t < n; t++) finishRow(o, t, readToken(state, phiQ, t, o, dk, dv), dv, opts);
  }
  return { o, state };
}

/**
 * Chunk form (attention-math.md T1.3): for chunk c of C tokens (the last one
 * may be shorter, so n need not be a multiple of C)
 *   num = φ(Q_c) S_c + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C) V_c,   den = φ(Q_c) z_c + (φ(Q_c)φ(K_c)ᵀ ⊙ M_C) 1,
 *   o = num / (den + eps),   S_{c+1} = S_c + φ(K_c)ᵀV_c,   z_{c+1} = z_c + φ(K_c)ᵀ1.
 * Non-causal: every chunk is written to the state first, then every chunk reads it.
 */
export function linearChunk(
  head: HeadData,
  opts: LinearOptions,
  chunkSize: number,
  initial?: LinearState,
): LinearRun {
  const { n, dk, dv, q, k, v } = head;
  const phiQ = applyFeatureMap(q, opts.featureMap);
  const phiK = applyFeatureMap(k, opts.featureMap);
  const state = initial ? copyState(initial) : emptyLinearState(dk, dv);
  const o = new Float64Array(n * dv);
  const tile = Math.min(chunkSize, n); // a chunk never holds more than n tokens
  const den = new Float64Array(tile);
  const scores = new Float64Array(tile * tile); // the intra-chunk C×C block of scores
  const writeChunk = (start: number, end: number) => {
    for (let t = start; t < end; t++) writeToken(state, phiK, v, t, dk, dv);
  };
  const readChunk = (start: number, end: number) => {
    for (let t = start; t < end; t++) den[t - start] = readToken(state, phiQ, t, o, dk, dv);
  };
  if (!opts.causal) {
    for (let start = 0; start < n; start += chunkSize) writeChunk(start, Math.min(start + chunkSize, n));
    for (let start = 0; start < n; start += chunkSize) {
      const end = Math.min(start + chunkSize, n);
      readChunk(start, end);
      for (let t = start; t < end; t++) finishRow(o, t, den[t - start], dv, opts);
    }
    return { o, state };
  }
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(start + chunkSize, n);
    const size = end - start;
    // Inter-chunk: what the state of all earlier chunks contributes.
    readChunk(start, end);
    // Intra-chunk: the causal C×C block of scores, applied to V and to 1.
    for (let i = 0; i < size; i++) {
      for (let j = 0; j <= i; j++) scores[i * size + j] = rowDot(phiQ, start + i, phiK, start + j, dk);
    }
    for (let i = 0; i < size; i++) {
      for (let j = 0; j <= i; j++) {
        const a = scores[i * size + j];
        den[i] += a;
        addScaledRow(o, start + i, v, start + j, a, dv);
      }
      finishRow(o, start + i, den[i], dv, opts);
    }
    // Only now does this chunk enter the state, for the chunks after it.
    writeChunk(start, end);
  }
  return { o, state };
}

export interface LinearStateTrace {
  /** Shape of S: feature dim × dv. */
  readonly rows: number;
  readonly cols: number;
  /** ‖S_t‖_F (Frobenius norm) after each token, t = 1..n. */
  readonly norms: Float64Array;
  /** S_t after token `at` (1-based), rows×cols row-major. */
  readonly state: Float64Array;
}

/**
 * Lesson 4's state view: how S_t fills as tokens arrive (its norm at every t)
 * and S_t itself at one token. S_t = Σ_{s≤t} φ(k_s)ᵀv_s whatever the causal setting.
 */
export function linearStateTrace(head: HeadData, opts: LinearOptions, at: number): LinearStateTrace {
  const norms = new Float64Array(head.n);
  let state = new Float64Array(head.dk * head.dv);
  linearRecurrent(head, opts, undefined, (t, current) => {
    let sumSq = 0;
    for (let i = 0; i < current.S.length; i++) sumSq += current.S[i] * current.S[i];
    norms[t] = Math.sqrt(sumSq);
    if (t === at - 1) state = current.S.slice();
  });
  return { rows: head.dk, cols: head.dv, norms, state };
}

/** Runs one form of linear attention for one head; the state returned is S (z is internal). */
export function runLinear(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
  const opts = linearOptionsFromParams(params);
  let run: LinearRun;
  switch (form) {
    case 'parallel':
      run = linearParallel(head, opts);
      break;
    case 'recurrent':
      run = linearRecurrent(head, opts);
      break;
    case 'chunk':
      run = linearChunk(head, opts, numberParam(params, 'chunkSize'));
      break;
    default:
      throw new Error(`linear attention has no ${form} form`);
  }
  return { o: run.o, state: run.state.S };
}

export function linearVariantWeights(head: HeadData, params: ResolvedParams): Float64Array {
  return linearWeights(head, linearOptionsFromParams(params));
}

/** The CPU forms the engine runs; φ of q and k for the spectrum view. */
export const cpu: CpuForms = {
  run: runLinear,
  weights: linearVariantWeights,
  features: (head, params) => {
    const map = stringParam(params, 'featureMap') as FeatureMap;
    return { phiQ: applyFeatureMap(head.q, map), phiK: applyFeatureMap(head.k, map) };
  },
};
