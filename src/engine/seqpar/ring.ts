// Ring Attention (arXiv 2310.01889; attention-math.md §23), simulated in float64
// for causal softmax attention over W devices holding contiguous slices.
// Device t keeps its queries Q_t and starts with its own block (K_t, V_t):
//   step 0: the causal diagonal block, as an online-softmax partial (m, ℓ, A);
//   steps 1..W−1: every device passes the K/V block it holds to its right-hand
//   neighbour and receives one from its left, so at step s device t holds the
//   block of device t−s (mod W). Blocks from earlier devices (origin < t) are
//   fully visible and merged with §1.3's rule
//     m = max(m₁, m₂), ℓ = e^{m₁−m}ℓ₁ + e^{m₂−m}ℓ₂, A = e^{m₁−m}A₁ + e^{m₂−m}A₂;
//   blocks from later devices are masked out by causality and only passed on.
// At the end o_i = A_i / ℓ_i. Every block is forwarded W−1 times whatever the
// mask, as in the ring schedule, so the traffic does not depend on causality.
import { RingNetwork, splitSizes, splitStarts, type Payload } from './network';
import type { SeqParProblem, SeqParRun } from './lasp2';

export interface RingOptions {
  /** Multiplies q·k in the score (softmax's 1/√dk by default in the engine). */
  readonly scale: number;
}

/** Online-softmax partial result of a device's queries: max, sum and unnormalised output per row. */
interface Partial {
  readonly m: Float64Array;
  readonly l: Float64Array;
  readonly a: Float64Array;
}

/**
 * The partial of `rows` queries (rows q0.. of q) against a block of keys/values
 * (packed K then V), causal inside the block when `diagonal`.
 */
function blockPartial(
  problem: SeqParProblem,
  q0: number,
  rows: number,
  block: Float64Array,
  keys: number,
  diagonal: boolean,
  scale: number,
): Partial {
  const { dk, dv } = problem;
  const m = new Float64Array(rows).fill(-Infinity);
  const l = new Float64Array(rows);
  const a = new Float64Array(rows * dv);
  const scores = new Float64Array(keys);
  const vOffset = keys * dk;
  for (let i = 0; i < rows; i++) {
    const end = diagonal ? i + 1 : keys;
    let max = -Infinity;
    for (let j = 0; j < end; j++) {
      let dot = 0;
      for (let c = 0; c < dk; c++) dot += problem.q[(q0 + i) * dk + c] * block[j * dk + c];
      scores[j] = scale * dot;
      if (scores[j] > max) max = scores[j];
    }
    let sum = 0;
    for (let j = 0; j < end; j++) {
      const p = Math.exp(scores[j] - max);
      sum += p;
      for (let c = 0; c < dv; c++) a[i * dv + c] += p * block[vOffset + j * dv + c];
    }
    m[i] = max;
    l[i] = sum;
  }
  return { m, l, a };
}

/** §1.3's merge of two partials, in place into `into`. Both rows are non-empty (finite max). */
function mergeInto(into: Partial, other: Partial, dv: number): void {
  for (let i = 0; i < into.m.length; i++) {
    const m = Math.max(into.m[i], other.m[i]);
    const e1 = Math.exp(into.m[i] - m);
    const e2 = Math.exp(other.m[i] - m);
    into.l[i] = e1 * into.l[i] + e2 * other.l[i];
    for (let c = 0; c < dv; c++) into.a[i * dv + c] = e1 * into.a[i * dv + c] + e2 * other.a[i * dv + c];
    into.m[i] = m;
  }
}

/**
 * Runs Ring Attention on W simulated devices. Compute mode (q, k, v given)
 * returns the concatenated output; counting mode moves size-only payloads
 * through the same schedule.
 */
export function simulateRing(
  input: SeqParProblem | { readonly n: number; readonly dk: number; readonly dv: number },
  W: number,
  options: RingOptions,
  keepLog = true,
): SeqParRun {
  const { n, dk, dv } = input;
  const problem = 'q' in input ? input : undefined;
  const sizes = splitSizes(n, W);
  const starts = splitStarts(sizes);
  const net = new RingNetwork(W, keepLog);

  // Each device packs its own K and V block: C_t·dk + C_t·dv floats.
  const own: Payload[] = sizes.map((size, t) => {
    const floats = size * (dk + dv);
    if (!problem) return { floats, origin: t, kind: 'KV' };
    const data = new Float64Array(floats);
    for (let j = 0; j < size; j++) {
      const row = starts[t] + j;
      for (let c = 0; c < dk; c++) data[j * dk + c] = problem.k[row * dk + c];
      for (let c = 0; c < dv; c++) data[size * dk + j * dv + c] = problem.v[row * dv + c];
    }
    return { data, floats, origin: t, kind: 'KV' };
  });

  // Step 0: the diagonal blocks, local.
  const partials = problem
    ? own.map((payload, t) =>
        blockPartial(problem, starts[t], sizes[t], payload.data!, sizes[t], true, options.scale),
      )
    : [];

  let holding = own;
  for (let step = 1; step < W; step++) {
    holding = net.exchange(step, holding);
    if (!problem) continue;
    for (let t = 0; t < W; t++) {
      const block = holding[t];
      if (block.origin >= t) continue; // a later slice: masked by causality, only forwarded
      const other = blockPartial(
        problem,
        starts[t],
        sizes[t],
        block.data!,
        sizes[block.origin],
        false,
        options.scale,
      );
      mergeInto(partials[t], other, dv);
    }
  }

  if (!problem) return { sizes, traffic: net.traffic(), steps: W - 1 };
  const o = new Float64Array(n * dv);
  for (let t = 0; t < W; t++) {
    const { l, a } = partials[t];
    for (let i = 0; i < sizes[t]; i++) {
      for (let c = 0; c < dv; c++) o[(starts[t] + i) * dv + c] = a[i * dv + c] / l[i];
    }
  }
  return { sizes, o, traffic: net.traffic(), steps: W - 1 };
}

/**
 * §23's Ring volume per device, sent = received: 2d·n(W−1)/W on average over
 * the devices for any split, which is (W−1)·2·C·d when W divides n (C = n/W).
 * With dk ≠ dv the block is C(dk + dv) floats.
 */
export function ringFormulaFloats(n: number, W: number, dk: number, dv: number): number {
  return ((dk + dv) * n * (W - 1)) / W;
}

/** The ratio of the two forward volumes, LASP-2 / Ring = dk·dv / ((dk+dv)·C); with dk = dv = d, d/(2C). */
export function trafficRatio(n: number, W: number, dk: number, dv: number): number {
  return (dk * dv) / ((dk + dv) * (n / W));
}
