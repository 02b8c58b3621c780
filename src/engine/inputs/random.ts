// Seeded pseudo-random numbers for every synthetic input (Q, K, V now; gates,
// projections later). Integer arithmetic only up to the final float, so the
// same seed gives the same bits in every JavaScript engine; the normal
// deviates go through Math.log/cos/sin, which V8 (Chrome, Node) implements
// with the same fdlibm code everywhere, so CPU and GPU backends in one browser,
// and the CLI in Node, see identical numbers.
//
// Generator: xoshiro128** (Blackman & Vigna, 2018), 128-bit state, period
// 2^128 − 1, seeded through splitmix32 as its authors recommend. Seed and
// stream are first hashed with lowbias32 (C. Wellons' hash prospector) so
// nearby seeds and stream ids give unrelated sequences.

/** lowbias32: a 32-bit integer hash with good avalanche. */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** splitmix32 step: returns the next 32-bit output of the sequence starting at `state`. */
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * xoshiro128** over `state` (four 32-bit words, not all zero; advanced in
 * place): the reference algorithm of prng.di.unimi.it/xoshiro128starstar.c.
 */
export function xoshiro128StarStar(state: Uint32Array): () => number {
  return () => {
    const result = Math.imul(rotl(Math.imul(state[1], 5), 7), 9) >>> 0;
    const t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
}

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 random bits (a full float64 mantissa). */
  nextFloat(): number;
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number;
  /** Standard normal N(0, 1) by Box–Muller, in float64. */
  nextNormal(): number;
}

/**
 * A generator for (seed, stream). Different streams of one seed are
 * independent sequences, so each tensor (q of head 0, k of head 0, ...) has its
 * own and drawing more of one never shifts another.
 * `seed` may be any safe integer (both 32-bit halves are used).
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  if (!Number.isSafeInteger(stream) || stream < 0) throw new RangeError(`stream must be an integer ≥ 0`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  const mixer = { value: hash32(hash32(hash32(low) ^ high) ^ stream) };
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = splitmix32(mixer);
  // xoshiro's state must never be all zero (it would stay zero).
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;

  const nextUint32 = xoshiro128StarStar(s);
  const nextFloat = (): number => {
    const high27 = nextUint32() >>> 5;
    const low26 = nextUint32() >>> 6;
    return (high27 * 67108864 + low26) / 9007199254740992; // (a·2^26 + b) / 2^53
  };
  // Box–Muller yields two deviates per pair of uniforms; keep the second.
  let spare: number | undefined;
  const nextNormal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u1 = 1 - nextFloat(); // (0, 1]: log stays finite
    const u2 = nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
  const nextInt = (bound: number): number => Math.floor(nextFloat() * bound);
  return { nextUint32, nextFloat, nextInt, nextNormal };
}
