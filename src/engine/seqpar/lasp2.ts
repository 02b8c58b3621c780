// LASP-2 (arXiv 2502.07563; attention-math.md §23), simulated in float64 over W
// devices that each hold a contiguous slice of the sequence (splitSizes).
// Causal linear attention without a denominator, optionally with a constant
// decay γ (RetNet's retention, §12), φ applied to q and k on each device:
//   1. device t computes M_t = Σ_i γ^{C_t−1−i} φ(k_i)ᵀ v_i over its slice (dk×dv)
//      and, with decay, its chunk total Γ_t = γ^{C_t};
//   2. one AllGather of {M_s, Γ_s}, done as a ring all-gather (W−1 steps, each
//      device forwards what it received in the previous step);
//   3. the prefix P_t = Σ_{s<t} (Π_{s<r<t} Γ_r) M_s, computed locally;
//   4. o_i = scale·[γ^{i+1} φ(q_i) P_t + Σ_{j≤i} γ^{i−j} (φ(q_i)·φ(k_j)) v_j].
// With γ = 1 and scale = 1 this is the engine's `linear` variant with
// normalize = false; with γ < 1 and φ = identity it is `retnet`.
import { featureMapValue } from '../variants/linear/cpu';
import type { FeatureMap } from '../variants/linear/descriptor';
import { RingNetwork, splitSizes, splitStarts, type Payload, type Traffic } from './network';

/** φ of the engine's linear variant (identity, elu+1 or ReLU), applied on each device. */
export type SeqParFeatureMap = FeatureMap;

export interface SeqParProblem {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** n×dk, n×dk, n×dv, row-major (one head). */
  readonly q: ArrayLike<number>;
  readonly k: ArrayLike<number>;
  readonly v: ArrayLike<number>;
}

export interface Lasp2Options {
  readonly featureMap: SeqParFeatureMap;
  /** Constant decay per token, 0 < γ ≤ 1; 1 = no decay (then no chunk totals are gathered). */
  readonly gamma: number;
  /** Multiplies every output row (RetNet's 1/√dk; 1 for plain linear attention). */
  readonly scale: number;
}

export interface SeqParRun {
  /** Tokens per device. */
  readonly sizes: readonly number[];
  /** The concatenated outputs of all devices (n×dv), in compute mode. */
  readonly o?: Float64Array;
  readonly traffic: Traffic;
  /** Communication steps (W − 1 for both algorithms). */
  readonly steps: number;
}

function phi(x: number, map: SeqParFeatureMap): number {
  return featureMapValue(x, map);
}

/** Floats one device contributes to the all-gather: its state M_t, plus Γ_t with decay. */
export function lasp2PayloadFloats(dk: number, dv: number, gamma: number): number {
  return dk * dv + (gamma === 1 ? 0 : 1);
}

/**
 * Runs LASP-2 on W simulated devices. In compute mode (a problem is given) it
 * returns the concatenated output; in counting mode (only n, dk, dv) it moves
 * payloads that declare their size without numbers, through the same steps.
 */
export function simulateLasp2(
  input: SeqParProblem | { readonly n: number; readonly dk: number; readonly dv: number },
  W: number,
  options: Lasp2Options,
  keepLog = true,
): SeqParRun {
  const { n, dk, dv } = input;
  const problem = 'q' in input ? input : undefined;
  const { gamma, scale, featureMap } = options;
  if (!(gamma > 0 && gamma <= 1)) throw new RangeError(`γ must be in (0, 1] (got ${gamma})`);
  const sizes = splitSizes(n, W);
  const starts = splitStarts(sizes);
  const net = new RingNetwork(W, keepLog);
  const floats = lasp2PayloadFloats(dk, dv, gamma);

  // 1. Local states (and chunk totals), on every device.
  const own: Payload[] = sizes.map((size, t) => {
    if (!problem) return { floats, origin: t, kind: 'M' };
    const data = new Float64Array(floats);
    for (let i = 0; i < size; i++) {
      const row = starts[t] + i;
      const w = gamma === 1 ? 1 : gamma ** (size - 1 - i);
      for (let a = 0; a < dk; a++) {
        const f = w * phi(problem.k[row * dk + a], featureMap);
        if (f === 0) continue;
        for (let c = 0; c < dv; c++) data[a * dv + c] += f * problem.v[row * dv + c];
      }
    }
    if (gamma !== 1) data[dk * dv] = gamma ** size;
    return { data, floats, origin: t, kind: 'M' };
  });

  // 2. Ring all-gather: at step s device t forwards the payload of device t−s+1.
  const gathered: Payload[][] = own.map((payload) => [payload]);
  let forwarding = own;
  for (let step = 1; step < W; step++) {
    const incoming = net.exchange(step, forwarding);
    incoming.forEach((payload, t) => gathered[t].push(payload));
    forwarding = incoming;
  }

  if (!problem) return { sizes, traffic: net.traffic(), steps: W - 1 };

  // 3–4. Each device orders what it gathered by origin, forms its prefix and its outputs.
  const o = new Float64Array(n * dv);
  const phiQ = new Float64Array(dk);
  const phiKi = new Float64Array(dk);
  for (let t = 0; t < W; t++) {
    const byOrigin = new Array<Float64Array>(W);
    for (const payload of gathered[t]) {
      if (!payload.data) throw new Error('compute mode lost a payload');
      byOrigin[payload.origin] = payload.data;
    }
    if (byOrigin.some((x) => x === undefined)) throw new Error(`device ${t} is missing a state`);
    const prefix = new Float64Array(dk * dv);
    for (let s = 0; s < t; s++) {
      const total = gamma === 1 ? 1 : byOrigin[s][dk * dv];
      for (let e = 0; e < dk * dv; e++) prefix[e] = total * prefix[e] + byOrigin[s][e];
    }
    const start = starts[t];
    for (let i = 0; i < sizes[t]; i++) {
      const row = start + i;
      for (let a = 0; a < dk; a++) phiQ[a] = phi(problem.q[row * dk + a], featureMap);
      const out = o.subarray(row * dv, (row + 1) * dv);
      // Inter-device part: what all earlier devices wrote, decayed over i+1 local tokens.
      const carry = gamma === 1 ? 1 : gamma ** (i + 1);
      for (let a = 0; a < dk; a++) {
        const f = carry * phiQ[a];
        if (f === 0) continue;
        for (let c = 0; c < dv; c++) out[c] += f * prefix[a * dv + c];
      }
      // Intra-device part: the causal block of this slice.
      for (let j = 0; j <= i; j++) {
        const col = start + j;
        let dot = 0;
        for (let a = 0; a < dk; a++) {
          phiKi[a] = phi(problem.k[col * dk + a], featureMap);
          dot += phiQ[a] * phiKi[a];
        }
        const w = (gamma === 1 ? 1 : gamma ** (i - j)) * dot;
        for (let c = 0; c < dv; c++) out[c] += w * problem.v[col * dv + c];
      }
      for (let c = 0; c < dv; c++) out[c] *= scale;
    }
  }
  return { sizes, o, traffic: net.traffic(), steps: W - 1 };
}

/**
 * §23's LASP-2 volume: the all-gather delivers (W−1)·dk·dv floats to each
 * device, independent of n (plus W−1 chunk totals with decay).
 */
export function lasp2FormulaFloats(W: number, dk: number, dv: number, gamma = 1): number {
  return (W - 1) * lasp2PayloadFloats(dk, dv, gamma);
}
