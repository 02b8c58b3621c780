// Seeded gate inputs for the gated variants' lessons and tests (engine-contract.md:
// gates are log decays g ≤ 0, the state is multiplied by e^g). All arrays are
// heads×n×channels (channels 1 for the scalar gates of mamba2 and
// gated-deltanet, dk for the per-channel gates of gla and rwkv6), rounded to
// f32 so the CPU and GPU backends see identical numbers.
import { EngineError } from '../types';
import { createRng } from './random';

/** A log gate that erases the state completely: e^{−1000} is exactly 0 in f32 and f64. */
export const FORGET_LOG_GATE = -1000;

interface GateShape {
  readonly n: number;
  /** Default 1. */
  readonly heads?: number;
  /** 1 for a scalar gate per token, dk for per-channel gates. Default 1. */
  readonly channels?: number;
}

function sizeOf(shape: GateShape): number {
  const heads = shape.heads ?? 1;
  const channels = shape.channels ?? 1;
  for (const [name, value] of [
    ['n', shape.n],
    ['heads', heads],
    ['channels', channels],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new EngineError(`${name} must be an integer ≥ 1`);
  }
  return shape.n * heads * channels;
}

function checkLogGate(value: number, name: string): void {
  if (!Number.isFinite(value) || value > 0) {
    throw new EngineError(`${name} must be a finite log decay ≤ 0 (got ${value})`);
  }
}

/** The same log decay at every token and channel (RetNet's ln γ as an input, or a lesson's slider). */
export function constantGates(options: GateShape & { readonly value: number }): Float32Array {
  checkLogGate(options.value, 'the gate');
  return new Float32Array(sizeOf(options)).fill(options.value);
}

/** ln(sigmoid(x)) without overflow for large |x|. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

export interface DataDependentGateOptions extends GateShape {
  readonly seed: number;
  /**
   * g = logsigmoid(x + bias) / normalizer with x ~ N(0, 1): GLA's gate
   * (fla: gate_logit_normalizer = 16). Default 16; smaller forgets faster.
   */
  readonly normalizer?: number;
  /** Shifts the logits: positive keeps more, negative forgets more. Default 0. */
  readonly bias?: number;
}

/** Seeded data-dependent gates: each token (and channel) decides how much to keep. */
export function dataDependentGates(options: DataDependentGateOptions): Float32Array {
  const normalizer = options.normalizer ?? 16;
  const bias = options.bias ?? 0;
  if (!(normalizer > 0) || !Number.isFinite(normalizer)) throw new EngineError('normalizer must be > 0');
  if (!Number.isFinite(bias)) throw new EngineError('bias must be finite');
  const out = new Float32Array(sizeOf(options));
  const rng = createRng(options.seed, 101);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(0, logSigmoid(rng.nextNormal() + bias) / normalizer);
  return out;
}

export interface ForgetAtOptions extends GateShape {
  /** The token (1-based) whose gate erases everything written before it. */
  readonly at: number;
  /** The gate of every other token. Default 0 (keep everything). */
  readonly base?: number;
  /** The gate at token `at`. Default FORGET_LOG_GATE (the state becomes exactly 0). */
  readonly value?: number;
}

/**
 * "Forget everything at token t": g = base everywhere except g_t = value, so
 * S_t = e^{value}·S_{t−1} + (token t's write) and nothing before t survives.
 */
export function forgetAtGates(options: ForgetAtOptions): Float32Array {
  const base = options.base ?? 0;
  const value = options.value ?? FORGET_LOG_GATE;
  checkLogGate(base, 'base');
  checkLogGate(value, 'value');
  if (!Number.isInteger(options.at) || options.at < 1 || options.at > options.n) {
    throw new EngineError(`the token must be an integer from 1 to n = ${options.n} (got ${options.at})`);
  }
  const heads = options.heads ?? 1;
  const channels = options.channels ?? 1;
  const out = new Float32Array(sizeOf(options)).fill(base);
  for (let h = 0; h < heads; h++) {
    const row = (h * options.n + options.at - 1) * channels;
    out.fill(value, row, row + channels);
  }
  return out;
}

/** Seeded writing strengths β = max·sigmoid(x), x ~ N(0, 1): inside (0, max) (DeltaNet: max 1). */
export function writeStrengths(options: {
  readonly seed: number;
  readonly n: number;
  readonly heads?: number;
  readonly max?: number;
}): Float32Array {
  const max = options.max ?? 1;
  if (!(max > 0) || !Number.isFinite(max)) throw new EngineError('max must be > 0');
  const out = new Float32Array(sizeOf({ n: options.n, heads: options.heads }));
  const rng = createRng(options.seed, 102);
  for (let i = 0; i < out.length; i++) {
    const beta = max / (1 + Math.exp(-rng.nextNormal()));
    // Rounded to f32 and kept strictly inside (0, max).
    out[i] = Math.min(Math.max(beta, 1e-6), max * (1 - 1e-6));
  }
  return out;
}

/** Seeded RWKV-6 bonus u (dk per head), N(0, 0.5²). */
export function bonusVector(options: {
  readonly seed: number;
  readonly dk: number;
  readonly heads?: number;
}): Float32Array {
  const out = new Float32Array(sizeOf({ n: options.dk, heads: options.heads }));
  const rng = createRng(options.seed, 103);
  for (let i = 0; i < out.length; i++) out[i] = 0.5 * rng.nextNormal();
  return out;
}
