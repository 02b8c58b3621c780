// Synthetic Q, K, V with structure a lesson can dial in. Everything is drawn in
// float64 from the seeded generator in ./random.ts and rounded once to f32, so
// the CPU and GPU backends (and a shared link opened elsewhere) get the very
// same numbers.
//
// Model, per head, for token t (1-based position t):
//   content   q̃_t = √c·μ_{a_t} + √(1−c)·ε_t   (same for k̃_t with its own ε, and for v with centres ν)
//   position  p_t = R(t)·u                     (rotary: pair i of u rotated by angle ω_i·t)
//   q_t = T·(√(1−ℓ)·q̃_t + a·p_t),   k_t = √(1−ℓ)·k̃_t + a·p_t,   v_t = √c·ν_{a_t} + √(1−c)·ε_t
// with c = clustering, ℓ = locality, T = temperature, a_t a uniformly drawn
// cluster, centres μ, ν and noise ε ~ N(0, I), and a² = ℓ·G/√dk. Content
// components keep unit variance whatever c is. The position amplitude a is
// chosen so that the positional part of the default-scaled logit q·k/√dk is
// ℓ·G·κ(i − j), κ(0) = 1, at every dk: without it the same ℓ would give sharp
// locality at dk = 64 and almost none at dk = 16 (a logit range of √dk).
// G = 8: at ℓ = 1 most of each row's weight lies on the last few tokens.
//
// Why this gives the promised effects:
// - clustering: q_i·k_j gains c·|μ|² when tokens i and j share a centre, so the
//   map shows blocks of tokens attending to their own cluster;
// - locality: p_i·p_j = Σ_pairs |u_pair|² cos(ω_pair (i − j)) depends only on the
//   distance and is largest at distance 0 (RoPE's relative-position property),
//   so weight concentrates near the diagonal as ℓ → 1;
// - temperature multiplies every query, hence every logit q·k: larger T gives
//   sharper (lower-entropy) softmax rows, T → 0 gives uniform rows.
//
// Tokens are drawn in order from per-tensor streams, so the first m tokens of a
// problem of length n > m are exactly the problem of length m: dragging the n
// slider extends the map without reshuffling what is already there.
import { EngineError } from '../types';
import { createRng, type Rng } from './random';

export interface GenerateOptions {
  /** Any safe integer. Same seed and options ⇒ bit-identical arrays. */
  readonly seed: number;
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** Independent heads, laid out head-major like the engine expects (default 1). */
  readonly heads?: number;
  /** Logit scale T ≥ 0: q is multiplied by T (1 = unit-variance q and k). Higher = sharper. */
  readonly temperature: number;
  /** 0..1: share of rotary position structure in q and k (attention near the diagonal). */
  readonly locality: number;
  /** 0..1: share of the cluster centre in each token (block structure). */
  readonly clustering: number;
}

export interface GeneratedProblem {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  readonly heads: number;
  /** heads×n×dk, row-major. */
  readonly q: Float32Array;
  readonly k: Float32Array;
  /** heads×n×dv, row-major. */
  readonly v: Float32Array;
  /** Cluster index of each token (heads×n), so a view can label tokens. */
  readonly clusters: Uint8Array;
}

/** Number of cluster centres (a handful, so blocks are visible at small n). */
export const CLUSTER_COUNT = 4;

/**
 * Rotary frequencies: geometric from 1 radian per token down to 1/64, so the
 * positional similarity κ(Δ) = mean over pairs of cos(ω·Δ) falls from 1 at
 * Δ = 0 to about a half within ten tokens and towards 0 over a few dozen.
 */
const OMEGA_MAX = 1;
const OMEGA_MIN = 1 / 64;

/** Positional logit strength G at locality 1 (see the header). */
export const LOCALITY_GAIN = 8;

// Stream ids inside one head (a head's streams are head·STREAMS_PER_HEAD + these).
const STREAM_Q = 0;
const STREAM_K = 1;
const STREAM_V = 2;
const STREAM_CLUSTER = 3;
const STREAM_CENTRES = 4;
const STREAM_PHASES = 5;
const STREAMS_PER_HEAD = 8;

export function rotaryFrequencies(pairs: number): Float64Array {
  const omegas = new Float64Array(pairs);
  for (let i = 0; i < pairs; i++) {
    const fraction = pairs === 1 ? 0 : i / (pairs - 1);
    omegas[i] = OMEGA_MAX * Math.pow(OMEGA_MIN / OMEGA_MAX, fraction);
  }
  return omegas;
}

export function generateProblem(options: GenerateOptions): GeneratedProblem {
  const { seed, n, dk, dv, temperature, locality, clustering } = options;
  const heads = options.heads ?? 1;
  checkOptions(options, heads);
  const q = new Float32Array(heads * n * dk);
  const k = new Float32Array(heads * n * dk);
  const v = new Float32Array(heads * n * dv);
  const clusters = new Uint8Array(heads * n);
  const contentWeight = Math.sqrt(1 - locality);
  const positionWeight = Math.sqrt((locality * LOCALITY_GAIN) / Math.sqrt(dk));
  const centreWeight = Math.sqrt(clustering);
  const noiseWeight = Math.sqrt(1 - clustering);
  const pairs = Math.floor(dk / 2);
  const omegas = rotaryFrequencies(pairs);

  for (let h = 0; h < heads; h++) {
    const stream = (id: number): Rng => createRng(seed, h * STREAMS_PER_HEAD + id);
    const qNoise = stream(STREAM_Q);
    const kNoise = stream(STREAM_K);
    const vNoise = stream(STREAM_V);
    const clusterDraw = stream(STREAM_CLUSTER);
    const centres = stream(STREAM_CENTRES);
    const keyCentres = normals(centres, CLUSTER_COUNT * dk);
    const valueCentres = normals(centres, CLUSTER_COUNT * dv);
    // u: each rotary pair gets length √2 (unit variance per component) at a random phase.
    const phases = stream(STREAM_PHASES);
    const phase = new Float64Array(pairs);
    for (let i = 0; i < pairs; i++) phase[i] = 2 * Math.PI * phases.nextFloat();

    const row = new Float64Array(Math.max(dk, dv));
    for (let t = 0; t < n; t++) {
      const cluster = clusterDraw.nextInt(CLUSTER_COUNT);
      clusters[h * n + t] = cluster;
      const position = t + 1;
      // Queries and keys share the centre and the position, not the noise.
      for (const [noise, out, scale] of [
        [qNoise, q, temperature],
        [kNoise, k, 1],
      ] as const) {
        for (let c = 0; c < dk; c++) {
          const content = centreWeight * keyCentres[cluster * dk + c] + noiseWeight * noise.nextNormal();
          row[c] = contentWeight * content;
        }
        for (let i = 0; i < pairs; i++) {
          const angle = omegas[i] * position + phase[i];
          row[2 * i] += positionWeight * Math.SQRT2 * Math.cos(angle);
          row[2 * i + 1] += positionWeight * Math.SQRT2 * Math.sin(angle);
        }
        // Storing into a Float32Array rounds to nearest f32 (= Math.fround).
        const base = (h * n + t) * dk;
        for (let c = 0; c < dk; c++) out[base + c] = scale * row[c];
      }
      const base = (h * n + t) * dv;
      for (let c = 0; c < dv; c++) {
        v[base + c] = centreWeight * valueCentres[cluster * dv + c] + noiseWeight * vNoise.nextNormal();
      }
    }
  }
  return { n, dk, dv, heads, q, k, v, clusters };
}

function normals(rng: Rng, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.nextNormal();
  return out;
}

function checkOptions(options: GenerateOptions, heads: number): void {
  const { seed, n, dk, dv, temperature, locality, clustering } = options;
  if (!Number.isSafeInteger(seed)) throw new EngineError(`seed must be an integer (got ${seed})`);
  for (const [name, value] of [
    ['n', n],
    ['dk', dk],
    ['dv', dv],
    ['heads', heads],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new EngineError(`${name} must be an integer ≥ 1 (got ${value})`);
  }
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new EngineError(`temperature must be a finite number ≥ 0 (got ${temperature})`);
  }
  for (const [name, value] of [
    ['locality', locality],
    ['clustering', clustering],
  ] as const) {
    if (!(value >= 0 && value <= 1)) throw new EngineError(`${name} must be between 0 and 1 (got ${value})`);
  }
}
