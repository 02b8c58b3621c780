// Infini-attention on the CPU (float64 oracle, attention-math.md §19). Two forms
// that compute the same thing in different orders:
//   parallel: the implied n×n map W (softmax block on the diagonal segment, the
//             memory's weights σ(q_t)·σ(k_j)/(σ(q_t)·z) to the left of it), then
//             o = W·V; the memory denominator is summed per pair, never through z.
//   chunk:    segment by segment: local causal softmax, read the running memory
//             (M, z), then add the segment's σ(K)ᵀV and Σσ(k) to it.
// Both return the memory M over all n tokens as the state.
import { EngineError, type Form } from '../../types';
import { addScaledRow, rowDot, type HeadData, type HeadResult, type CpuForms } from '../common/head';
import { numberParam, type ResolvedParams } from '../common/descriptor';

/** σ = elu + 1 (exp of x ≤ 0 only, so it never overflows). */
export function eluPlusOne(x: number): number {
  return x > 0 ? x + 1 : Math.exp(x);
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export interface InfiniOptions {
  readonly segment: number;
  readonly beta: number;
  readonly scale: number;
}

export function infiniOptions(params: ResolvedParams): InfiniOptions {
  return {
    segment: numberParam(params, 'segment'),
    beta: numberParam(params, 'beta'),
    scale: numberParam(params, 'scale'),
  };
}

function mapRows(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = eluPlusOne(x[i]);
  return out;
}

/**
 * The two parts of every token's output before mixing: A_dot (local softmax)
 * and A_mem (memory read, 0 in the first segment), both n×dv, plus the memory
 * after each segment (M_s, z_s for s = 1..segments, i.e. what segment s + 1
 * reads), computed the chunk way. The lab shows these; `run` mixes them.
 */
export interface InfiniParts {
  readonly aDot: Float64Array;
  readonly aMem: Float64Array;
  /** Number of segments ⌈n / N_s⌉. */
  readonly segments: number;
  /** segments × (dk·dv): M after segment s (row-major dk×dv). */
  readonly memory: Float64Array;
  /** segments × dk: z after segment s. */
  readonly normalizer: Float64Array;
}

export function infiniParts(head: HeadData, options: InfiniOptions): InfiniParts {
  const { n, dk, dv, q, k, v } = head;
  const seg = options.segment;
  if (!Number.isInteger(seg) || seg < 1) throw new EngineError(`segment must be an integer ≥ 1 (got ${seg})`);
  const segments = Math.ceil(n / seg);
  const sq = mapRows(q);
  const sk = mapRows(k);
  const aDot = new Float64Array(n * dv);
  const aMem = new Float64Array(n * dv);
  const memory = new Float64Array(segments * dk * dv);
  const normalizer = new Float64Array(segments * dk);
  const mem = new Float64Array(dk * dv);
  const z = new Float64Array(dk);
  let hasMemory = false;
  const scores = new Float64Array(seg);
  for (let s = 0; s < segments; s++) {
    const start = s * seg;
    const end = Math.min(n, start + seg);
    for (let t = start; t < end; t++) {
      // Local causal softmax inside the segment.
      let m = -Infinity;
      for (let j = start; j <= t; j++) {
        const x = options.scale * rowDot(q, t, k, j, dk);
        scores[j - start] = x;
        if (x > m) m = x;
      }
      let sum = 0;
      for (let j = start; j <= t; j++) {
        const e = Math.exp(scores[j - start] - m);
        scores[j - start] = e;
        sum += e;
      }
      for (let j = start; j <= t; j++) addScaledRow(aDot, t, v, j, scores[j - start] / sum, dv);
      // Memory read: σ(q_t)M / (σ(q_t)·z), 0 while the memory is empty.
      if (hasMemory) {
        let den = 0;
        for (let a = 0; a < dk; a++) den += sq[t * dk + a] * z[a];
        if (den > 0) {
          for (let a = 0; a < dk; a++) {
            const w = sq[t * dk + a] / den;
            if (w !== 0) for (let c = 0; c < dv; c++) aMem[t * dv + c] += w * mem[a * dv + c];
          }
        }
      }
    }
    // Memory update with the whole segment: M += σ(K)ᵀV, z += Σσ(k).
    for (let j = start; j < end; j++) {
      for (let a = 0; a < dk; a++) {
        const f = sk[j * dk + a];
        z[a] += f;
        for (let c = 0; c < dv; c++) mem[a * dv + c] += f * v[j * dv + c];
      }
    }
    hasMemory = true;
    memory.set(mem, s * dk * dv);
    normalizer.set(z, s * dk);
  }
  return { aDot, aMem, segments, memory, normalizer };
}

/** The final memory M over all tokens, dk×dv, summed token by token. */
function fullMemory(head: HeadData): Float64Array {
  const { n, dk, dv, k, v } = head;
  const mem = new Float64Array(dk * dv);
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < dk; a++) {
      const f = eluPlusOne(k[j * dk + a]);
      for (let c = 0; c < dv; c++) mem[a * dv + c] += f * v[j * dv + c];
    }
  }
  return mem;
}

/**
 * The implied map: o = W·V with, for token t of the segment starting at `start`,
 * W[t, j] = (1 − g)·softmax_j(scale·q_t·k_j) for start ≤ j ≤ t,
 * W[t, j] = g·σ(q_t)·σ(k_j) / Σ_{i<start} σ(q_t)·σ(k_i) for j < start,
 * g = sigmoid(β); rows of the first segment carry only the softmax part
 * (so they sum to 1 − g: A_mem = 0 there).
 */
export function infiniWeights(head: HeadData, params: ResolvedParams): Float64Array {
  const { n, dk, q, k } = head;
  const { segment: seg, beta, scale } = infiniOptions(params);
  const g = sigmoid(beta);
  const sq = mapRows(q);
  const sk = mapRows(k);
  const w = new Float64Array(n * n);
  for (let t = 0; t < n; t++) {
    const row = t * n;
    const start = Math.floor(t / seg) * seg;
    let m = -Infinity;
    for (let j = start; j <= t; j++) {
      const x = scale * rowDot(q, t, k, j, dk);
      w[row + j] = x;
      if (x > m) m = x;
    }
    let sum = 0;
    for (let j = start; j <= t; j++) {
      const e = Math.exp(w[row + j] - m);
      w[row + j] = e;
      sum += e;
    }
    for (let j = start; j <= t; j++) w[row + j] *= (1 - g) / sum;
    if (start > 0) {
      let den = 0;
      for (let j = 0; j < start; j++) {
        const x = rowDot(sq, t, sk, j, dk);
        w[row + j] = x;
        den += x;
      }
      const factor = den > 0 ? g / den : 0;
      for (let j = 0; j < start; j++) w[row + j] *= factor;
    }
  }
  return w;
}

export function runInfini(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
  const { n, dv, v } = head;
  if (form === 'parallel') {
    const w = infiniWeights(head, params);
    const o = new Float64Array(n * dv);
    for (let t = 0; t < n; t++) {
      for (let j = 0; j <= t; j++) {
        const x = w[t * n + j];
        if (x !== 0) addScaledRow(o, t, v, j, x, dv);
      }
    }
    return { o, state: fullMemory(head) };
  }
  if (form === 'chunk') {
    const options = infiniOptions(params);
    const parts = infiniParts(head, options);
    const g = sigmoid(options.beta);
    const o = new Float64Array(n * dv);
    for (let i = 0; i < o.length; i++) o[i] = g * parts.aMem[i] + (1 - g) * parts.aDot[i];
    const last = parts.segments - 1;
    return { o, state: parts.memory.slice(last * head.dk * dv, (last + 1) * head.dk * dv) };
  }
  throw new EngineError(`infini has no ${form} form`);
}

export const infiniCpu = { run: runInfini, weights: infiniWeights };

/** The CPU forms the engine runs. */
export const cpu: CpuForms = infiniCpu;
