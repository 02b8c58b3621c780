// Shared pieces of the float64 CPU references: one head's data as they see it
// (the CPU engine, ../cpu.ts, slices every head out of the heads×n×d inputs
// without copying), what a variant's cpu.ts exports, and the two row operations
// every form uses.
import type { Form } from '../../types';
import type { ResolvedParams } from './descriptor';

export interface HeadData {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** n×dk, row-major. */
  readonly q: Float64Array;
  /** n×dk, row-major. */
  readonly k: Float64Array;
  /** n×dv, row-major. */
  readonly v: Float64Array;
  /**
   * This head's extra inputs (projection, gates) in float64: the whole array for
   * an input shared across heads, this head's slice otherwise.
   */
  readonly inputs?: Readonly<Record<string, Float64Array>>;
}

/** What one form of a variant returns for one head. */
export interface HeadResult {
  /** n×dv, row-major. */
  readonly o: Float64Array;
  /** The variant's final state for this head, where it has one. */
  readonly state?: Float64Array;
}

/** A fixed-size state as the recurrence fills (and forgets): for the state-trace views. */
export interface StateTrace {
  /** Shape of S. */
  readonly rows: number;
  readonly cols: number;
  /** ‖S_t‖_F after each token, t = 1..n. */
  readonly norms: Float64Array;
  /** S_t after token `at` (1-based), row-major. */
  readonly state: Float64Array;
}

/** What a variant's cpu.ts exports as `cpu`: its float64 forms for one head. */
export interface CpuForms {
  run(head: HeadData, form: Form, params: ResolvedParams): HeadResult;
  /** n×n weights applied to V, row-major. */
  weights(head: HeadData, params: ResolvedParams): Float64Array;
  /** φ(Q), φ(K) (n×r each) where the variant is a feature map, then kernel linear attention. */
  features?(head: HeadData, params: ResolvedParams): { phiQ: Float64Array; phiK: Float64Array };
  /** The state of a recurrent variant as it fills, up to token `at` (1-based). */
  stateTrace?(head: HeadData, params: ResolvedParams, at: number): StateTrace;
}

/**
 * Dot product of row i of a (width d) with row j of b (width d). Four partial
 * sums break the chain of dependent additions, which makes this (the inner loop
 * of every quadratic form) about twice as fast in V8 at no cost in clarity.
 */
export function rowDot(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  const ai = i * d;
  const bj = j * d;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = 0;
  for (; c + 3 < d; c += 4) {
    s0 += a[ai + c] * b[bj + c];
    s1 += a[ai + c + 1] * b[bj + c + 1];
    s2 += a[ai + c + 2] * b[bj + c + 2];
    s3 += a[ai + c + 3] * b[bj + c + 3];
  }
  for (; c < d; c++) s0 += a[ai + c] * b[bj + c];
  return s0 + s1 + (s2 + s3);
}

/** out[row i] += weight · src[row j], rows of width d. */
export function addScaledRow(
  out: Float64Array,
  i: number,
  src: Float64Array,
  j: number,
  weight: number,
  d: number,
): void {
  const oi = i * d;
  const sj = j * d;
  for (let c = 0; c < d; c++) out[oi + c] += weight * src[sj + c];
}
