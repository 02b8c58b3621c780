// Associative recall (lesson recall): a sequence stores P key–value pairs and
// then asks for every one of them; a variant recalls a pair when its output at
// the query token is closer in cosine to the queried value than to any other
// stored value. Nothing is trained: keys are random directions, values random
// vectors, and every variant reads the very same sequence.
//
// The sequence of one trial (1-based tokens, d = dk = dv):
//   store  t = 1..P:      q_t = 0,          k_t = √d·κ_t,   v_t = ν_t
//   query  t = P+j, j=1..P: q_t = √d·κ_{π(j)}, k_t = 0,      v_t = 0
// κ_i: uniformly random unit vectors (normalised N(0, I) draws), ν_i ~ N(0, I),
// π a uniformly random permutation (each pair asked once, in random order).
// Keys have length √d so their entries have unit variance like every other input
// of the course. Query tokens write nothing (k = 0 and v = 0), so they cannot
// leak an answer: a zero key adds nothing to a state, and in softmax or the
// window a zero value only scales the output by a positive number, which no
// cosine sees. Store tokens' outputs are not read (q = 0 there).
//
// Variants (engine ids and parameters, all causal; forms in RECALL_FORMS):
//   softmax          softmax,  scale T/√d (logits T·√d·cos(κ_q, κ_i)), T = temperature
//   swa              swa,      window w, scale T/√d
//   linear-identity  linear,   φ = identity, normalize off (its normaliser φ(q)·z can be ≤ 0)
//   linear-elu1      linear,   φ = elu+1, normalize off (a positive normaliser changes no cosine)
//   deltanet         deltanet, β_t = β at every token, normalizeK on
//   gla              gla,      constant log gate g = −gateStrength on every channel and token
//                    (inputs/gates.ts constantGates; the state keeps e^g of itself per token)
//   based            based,    Taylor kernel 1 + s + s²/2, s = q·k/√d (the contract's definition)
//   hybrid           o_t = o_swa,t + (1/d)·q_t S_{t−w},  S_u = Σ_{i≤u} k_iᵀ v_i (S_u = 0 for u < 1):
//                    the window reads the last w tokens exactly, an identity linear memory holds
//                    every token that has left the window; 1/d makes a clean read of a stored
//                    key return its value (q·k = d for equal unit directions scaled by √d).
//                    The memory term is the engine's linear run on queries shifted by w:
//                    q'_u = q_{u+w}, so its output at u is q_{u+w}·S_u.
// Several trials run as independent heads of one engine request, so every point
// of a curve holds at least QUERIES_PER_POINT retrievals.
import { constantGates } from '../inputs/gates';
import { createRng } from '../inputs/random';
import {
  EngineError,
  type AttentionProblem,
  type Form,
  type Params,
  type RunResult,
  type VariantId,
} from '../types';
import { definition as softmaxVariant } from '../variants/softmax';
import { definition as swaVariant } from '../variants/swa';
import { definition as linearVariant } from '../variants/linear';
import { definition as deltanetVariant } from '../variants/deltanet';
import { definition as glaVariant } from '../variants/gla';
import { definition as basedVariant } from '../variants/based';

export const RECALL_VARIANTS = [
  softmaxVariant.id,
  swaVariant.id,
  'linear-identity',
  'linear-elu1',
  deltanetVariant.id,
  glaVariant.id,
  basedVariant.id,
  'hybrid',
] as const;
export type RecallVariant = (typeof RECALL_VARIANTS)[number];

/**
 * The form each engine variant runs in. Every form of a variant computes the
 * same outputs (the engine's vectors test this); these are the cheapest on a
 * software WebGPU device (SwiftShader) for n ≤ 512: the gated and kernel
 * variants' parallel forms solve or materialise more than their recurrences.
 */
export const RECALL_FORMS: Partial<Record<VariantId, Form>> = {
  [softmaxVariant.id]: 'parallel',
  [swaVariant.id]: 'parallel',
  [linearVariant.id]: 'recurrent',
  [deltanetVariant.id]: 'recurrent',
  [glaVariant.id]: 'recurrent',
  [basedVariant.id]: 'recurrent',
};

/** Retrievals per point of a curve (at least; trials = ⌈this / P⌉). */
export const QUERIES_PER_POINT = 256;
/** Largest P the lab sweeps (n = 2P tokens per trial). */
export const RECALL_MAX_PAIRS = 256;
/** Smallest P of the P grid (P = 1 has nothing to confuse). */
export const RECALL_MIN_PAIRS = 2;
/** State sizes of the d sweep. */
export const RECALL_D_GRID = [4, 8, 16, 32] as const;

export interface RecallSettings {
  readonly seed: number;
  /** Softmax and window sharpness T: scale T/√d on keys and queries of length √d. */
  readonly temperature: number;
  /** Window w of swa and the hybrid (keys including the current token). */
  readonly window: number;
  /** Delta rule write strength β in (0, 1). */
  readonly beta: number;
  /** |g| of GLA's constant log gate (decay e^{−|g|} per token). */
  readonly gateStrength: number;
}

export interface RecallPoint {
  /** Stored pairs P. */
  readonly pairs: number;
  /** dk = dv = d. */
  readonly d: number;
}

/** One trial's sequence, per head (trial), head-major like the engine expects. */
export interface RecallSequence {
  readonly pairs: number;
  readonly d: number;
  /** Independent trials (engine heads). */
  readonly trials: number;
  /** Tokens per trial: 2P. */
  readonly n: number;
  /** trials×n×d, f32-rounded (both backends read the same numbers). */
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly v: Float32Array;
  /** trials×P: the stored pair (0-based) asked at query token P + j. */
  readonly asked: Int32Array;
}

export interface VariantScore {
  readonly correct: number;
  readonly total: number;
  readonly accuracy: number;
  /** Retrievals whose pair was inside the window (token distance < w) at the query. */
  readonly inWindowCorrect: number;
  readonly inWindowTotal: number;
  /** Retrievals of the last ⌊d/2⌋ pairs written (the most recent writes when the queries start). */
  readonly recentCorrect: number;
  readonly recentTotal: number;
  /** Smallest gap cos(o, ν_asked) − max_{i≠asked} cos(o, ν_i) in absolute value (how close a decision came to flipping). */
  readonly minMargin: number;
}

export type PointScores = Readonly<Record<RecallVariant, VariantScore>>;

export interface PointResult extends RecallPoint {
  readonly trials: number;
  readonly scores: PointScores;
}

/** One engine request of the experiment. */
export interface RecallRun {
  readonly variant: VariantId;
  readonly form: Form;
  readonly problem: AttentionProblem;
}

/** Whatever runs a request: engine.run on either backend, or runCpu. */
export type RunFn = (request: RecallRun) => Promise<Pick<RunResult, 'o'>> | Pick<RunResult, 'o'>;

export function trialsFor(pairs: number): number {
  return Math.max(1, Math.ceil(QUERIES_PER_POINT / pairs));
}

/** The P grid: powers of two from RECALL_MIN_PAIRS up to `max`, and `max` itself. */
export function pairsGrid(max: number): number[] {
  const top = Math.max(RECALL_MIN_PAIRS, Math.min(RECALL_MAX_PAIRS, Math.round(max)));
  const grid: number[] = [];
  for (let p = RECALL_MIN_PAIRS; p < top; p *= 2) grid.push(p);
  grid.push(top);
  return grid;
}

/** The P the lab's d sweep and readouts use (the pairs field, clamped to the experiment's range). */
export function clampPairs(pairs: number): number {
  return Math.max(RECALL_MIN_PAIRS, Math.min(RECALL_MAX_PAIRS, Math.round(pairs)));
}

/** Independent random stream of each (P, d) point, so a point's numbers do not depend on the grid. */
function streamOf(pairs: number, d: number): number {
  return 7919 + pairs * 1031 + d;
}

function checkPoint({ pairs, d }: RecallPoint): void {
  if (!Number.isInteger(pairs) || pairs < 1 || pairs > 4096)
    throw new EngineError(`P must be an integer from 1 to 4096 (got ${pairs})`);
  if (!Number.isInteger(d) || d < 1 || d > 1024)
    throw new EngineError(`d must be an integer from 1 to 1024 (got ${d})`);
}

/** The seeded sequence of a point (all its trials). */
export function recallSequence(seed: number, point: RecallPoint): RecallSequence {
  checkPoint(point);
  const { pairs, d } = point;
  const trials = trialsFor(pairs);
  const n = 2 * pairs;
  const rng = createRng(seed, streamOf(pairs, d));
  const q = new Float32Array(trials * n * d);
  const k = new Float32Array(trials * n * d);
  const v = new Float32Array(trials * n * d);
  const asked = new Int32Array(trials * pairs);
  const length = Math.sqrt(d);
  const key = new Float64Array(d);
  for (let h = 0; h < trials; h++) {
    const base = h * n * d;
    for (let i = 0; i < pairs; i++) {
      let norm = 0;
      do {
        norm = 0;
        for (let c = 0; c < d; c++) {
          key[c] = rng.nextNormal();
          norm += key[c] * key[c];
        }
      } while (norm === 0);
      const factor = length / Math.sqrt(norm);
      for (let c = 0; c < d; c++) k[base + i * d + c] = key[c] * factor;
      for (let c = 0; c < d; c++) v[base + i * d + c] = rng.nextNormal();
    }
    // Fisher–Yates: the order in which the pairs are asked.
    const order = Array.from({ length: pairs }, (_, i) => i);
    for (let i = pairs - 1; i > 0; i--) {
      const j = rng.nextInt(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let j = 0; j < pairs; j++) {
      asked[h * pairs + j] = order[j];
      // The query is bit-for-bit the stored (f32) key.
      q.set(k.subarray(base + order[j] * d, base + order[j] * d + d), base + (pairs + j) * d);
    }
  }
  return { pairs, d, trials, n, q, k, v, asked };
}

/** Query sharpness of softmax and the window: scale T/√d. */
export function softmaxScale(settings: RecallSettings, d: number): number {
  return settings.temperature / Math.sqrt(d);
}

/** Queries shifted back by w tokens (zeros past the end): the hybrid's memory read (see the header). */
export function shiftedQueries(seq: RecallSequence, window: number): Float32Array {
  const { trials, n, d } = seq;
  const out = new Float32Array(seq.q.length);
  for (let h = 0; h < trials; h++) {
    for (let u = 0; u + window < n; u++) {
      const from = (h * n + u + window) * d;
      out.set(seq.q.subarray(from, from + d), (h * n + u) * d);
    }
  }
  return out;
}

/** The engine requests of one point: key → request. The hybrid adds one (its memory). */
export function recallRequests(seq: RecallSequence, settings: RecallSettings): Record<string, RecallRun> {
  const { trials, n, d, q, k, v } = seq;
  const dims = { n, dk: d, dv: d, heads: trials };
  const base = { ...dims, q, k, v };
  const scale = softmaxScale(settings, d);
  const make = (
    variant: VariantId,
    params: Params,
    inputs?: AttentionProblem['inputs'],
    problem = base,
  ): RecallRun => ({
    variant,
    form: RECALL_FORMS[variant] ?? 'parallel',
    problem: inputs
      ? { ...problem, params: { causal: true, ...params }, inputs }
      : { ...problem, params: { causal: true, ...params } },
  });
  const beta = new Float32Array(trials * n).fill(settings.beta);
  const g = constantGates({ n, heads: trials, channels: d, value: -settings.gateStrength });
  return {
    softmax: make(softmaxVariant.id, { scale }),
    swa: make(swaVariant.id, { scale, window: settings.window }),
    'linear-identity': make(linearVariant.id, { featureMap: 'identity', normalize: false }),
    'linear-elu1': make(linearVariant.id, { featureMap: 'elu1', normalize: false }),
    deltanet: make(deltanetVariant.id, { normalizeK: true }, { beta }),
    gla: make(glaVariant.id, {}, { g }),
    based: make(basedVariant.id, {}),
    'hybrid-memory': make(linearVariant.id, { featureMap: 'identity', normalize: false }, undefined, {
      ...base,
      q: shiftedQueries(seq, settings.window),
    }),
  };
}

/** Outputs of every recall variant (trials×n×d), from the engine outputs of recallRequests. */
export function recallOutputs(
  seq: RecallSequence,
  settings: RecallSettings,
  outputs: Readonly<Record<string, ArrayLike<number>>>,
): Record<RecallVariant, Float64Array> {
  const { trials, n, d } = seq;
  const take = (key: string): Float64Array => {
    const o = outputs[key];
    if (!o || o.length !== trials * n * d) throw new EngineError(`missing or wrong-sized output "${key}"`);
    return Float64Array.from(o);
  };
  const swa = take(swaVariant.id);
  const memory = take('hybrid-memory');
  const hybrid = new Float64Array(swa.length);
  const w = settings.window;
  for (let h = 0; h < trials; h++) {
    for (let t = 0; t < n; t++) {
      const row = (h * n + t) * d;
      // Memory read at t (0-based) is the shifted run's output at t − w (tokens 0..t−w).
      const from = t - w >= 0 ? (h * n + t - w) * d : -1;
      for (let c = 0; c < d; c++) hybrid[row + c] = swa[row + c] + (from >= 0 ? memory[from + c] / d : 0);
    }
  }
  return {
    softmax: take(softmaxVariant.id),
    swa,
    'linear-identity': take('linear-identity'),
    'linear-elu1': take('linear-elu1'),
    deltanet: take(deltanetVariant.id),
    gla: take(glaVariant.id),
    based: take(basedVariant.id),
    hybrid,
  };
}

/** How many of the last-written pairs count as recent: ⌊d/2⌋ (at least 1). */
export function recentCount(d: number): number {
  return Math.max(1, Math.floor(d / 2));
}

/**
 * Scores one variant's output: at every query token, is the output closer in
 * cosine to the asked value than to every other stored value of its trial? A
 * zero output retrieves nothing and counts as wrong.
 */
export function scoreOutput(seq: RecallSequence, o: ArrayLike<number>, window: number): VariantScore {
  const { trials, n, d, pairs, v, asked } = seq;
  let correct = 0;
  let inWindowCorrect = 0;
  let inWindowTotal = 0;
  let recentCorrect = 0;
  let recentTotal = 0;
  const recentFrom = pairs - recentCount(d);
  let minMargin = Infinity;
  const valueNorms = new Float64Array(pairs);
  for (let h = 0; h < trials; h++) {
    const base = h * n * d;
    for (let i = 0; i < pairs; i++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += v[base + i * d + c] ** 2;
      valueNorms[i] = Math.sqrt(s);
    }
    for (let j = 0; j < pairs; j++) {
      const t = pairs + j;
      const row = base + t * d;
      let oNorm = 0;
      for (let c = 0; c < d; c++) oNorm += o[row + c] * o[row + c];
      oNorm = Math.sqrt(oNorm);
      const target = asked[h * pairs + j];
      const inWindow = t - target < window;
      const recent = target >= recentFrom;
      if (inWindow) inWindowTotal++;
      if (recent) recentTotal++;
      if (!(oNorm > 0)) {
        minMargin = 0;
        continue;
      }
      let targetCos = 0;
      let bestOther = -Infinity;
      for (let i = 0; i < pairs; i++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += o[row + c] * v[base + i * d + c];
        const cos = valueNorms[i] > 0 ? dot / (oNorm * valueNorms[i]) : 0;
        if (i === target) targetCos = cos;
        else if (cos > bestOther) bestOther = cos;
      }
      const margin = pairs > 1 ? targetCos - bestOther : 1;
      minMargin = Math.min(minMargin, Math.abs(margin));
      if (margin > 0) {
        correct++;
        if (inWindow) inWindowCorrect++;
        if (recent) recentCorrect++;
      }
    }
  }
  const total = trials * pairs;
  return {
    correct,
    total,
    accuracy: correct / total,
    inWindowCorrect,
    inWindowTotal,
    recentCorrect,
    recentTotal,
    minMargin,
  };
}

function abortError(): Error {
  return new DOMException('recall sweep cancelled', 'AbortError');
}

/** Runs one point through `run` (engine.run or runCpu) and scores every variant. */
export async function runRecallPoint(
  settings: RecallSettings,
  point: RecallPoint,
  run: RunFn,
  signal?: AbortSignal,
  onRun?: () => void,
): Promise<PointResult> {
  const seq = recallSequence(settings.seed, point);
  const requests = recallRequests(seq, settings);
  const outputs: Record<string, ArrayLike<number>> = {};
  for (const [key, request] of Object.entries(requests)) {
    if (signal?.aborted) throw abortError();
    outputs[key] = (await run(request)).o;
    onRun?.();
  }
  const all = recallOutputs(seq, settings, outputs);
  const scores = Object.fromEntries(
    RECALL_VARIANTS.map((variant) => [variant, scoreOutput(seq, all[variant], settings.window)]),
  ) as Record<RecallVariant, VariantScore>;
  return { ...point, trials: seq.trials, scores };
}

/** Engine requests per point (for progress). */
export const RUNS_PER_POINT = 8;

export interface RecallSweep {
  /** Accuracy against P at the current d. */
  readonly byPairs: readonly PointResult[];
  /** Accuracy against d at P = pairs. */
  readonly byD: readonly PointResult[];
}

/** The lab's two sweeps: P grid at d, then the d grid at P (a point in both is run once). */
export function sweepPoints(pairs: number, d: number): { byPairs: RecallPoint[]; byD: RecallPoint[] } {
  const p = clampPairs(pairs);
  const dGrid = [...new Set([...RECALL_D_GRID, d])].sort((a, b) => a - b);
  return {
    byPairs: pairsGrid(p).map((P) => ({ pairs: P, d })),
    byD: dGrid.map((dk) => ({ pairs: p, d: dk })),
  };
}

export async function runRecallSweep(
  settings: RecallSettings,
  pairs: number,
  d: number,
  run: RunFn,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<RecallSweep> {
  const { byPairs, byD } = sweepPoints(pairs, d);
  const keyOf = (p: RecallPoint) => `${p.pairs}|${p.d}`;
  const unique = [...new Map([...byPairs, ...byD].map((p) => [keyOf(p), p])).values()];
  const total = unique.length * RUNS_PER_POINT;
  let done = 0;
  options.onProgress?.(0, total);
  const results = new Map<string, PointResult>();
  for (const point of unique) {
    results.set(
      keyOf(point),
      await runRecallPoint(settings, point, run, options.signal, () => options.onProgress?.(++done, total)),
    );
  }
  const get = (p: RecallPoint) => results.get(keyOf(p)) as PointResult;
  return { byPairs: byPairs.map(get), byD: byD.map(get) };
}

/**
 * Floats of state a variant holds when it answers at token t (per head):
 * softmax's KV cache grows with t, the window keeps w tokens, the linear family
 * a d×d matrix, Based a (1 + d + d²)×d matrix plus its (1 + d + d²) normaliser.
 */
export function stateFloats(variant: RecallVariant, d: number, t: number, window: number): number {
  const kv = 2 * d;
  switch (variant) {
    case softmaxVariant.id:
      return t * kv;
    case swaVariant.id:
      return Math.min(window, t) * kv;
    case basedVariant.id: {
      const r = 1 + d + d * d;
      return r * d + r;
    }
    case 'hybrid':
      return Math.min(window, t) * kv + d * d;
    default:
      return d * d;
  }
}
