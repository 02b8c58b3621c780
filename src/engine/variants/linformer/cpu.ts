// Linformer on the CPU (float64): o = softmax(scale·Q(EK)ᵀ)(FV) with E, F kproj×n.
// The implied n×n map is P·F (P = the n×kproj softmax), since o = P(FV) = (PF)V.
import { EngineError } from '../../types';
import { numberParam, type ResolvedParams } from '../common/descriptor';
import type { CpuForms, HeadData, HeadResult } from '../common/head';
import type { Form } from '../../types';

/** C (rows×cols) = A (rows×inner) · B (inner×cols), row-major. */
export function matmul(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rows: number,
  inner: number,
  cols: number,
): Float64Array {
  const c = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let t = 0; t < inner; t++) {
      const x = a[i * inner + t];
      if (x === 0) continue;
      const bt = t * cols;
      const ci = i * cols;
      for (let j = 0; j < cols; j++) c[ci + j] += x * b[bt + j];
    }
  }
  return c;
}

/** C (rows×cols) = scale · A (rows×d) · B (cols×d)ᵀ, row-major. */
export function matmulTransposed(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rows: number,
  d: number,
  cols: number,
  scale = 1,
): Float64Array {
  const c = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += a[i * d + t] * b[j * d + t];
      c[i * cols + j] = scale * s;
    }
  }
  return c;
}

/** Softmax of every row of a rows×cols matrix, in place (max subtracted first). */
export function softmaxRowsInPlace(x: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, x[base + j]);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(x[base + j] - max);
      x[base + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) x[base + j] /= sum;
  }
  return x;
}

interface LinformerParts {
  readonly kproj: number;
  /** n×kproj softmax over the projected keys. */
  readonly p: Float64Array;
  readonly f: Float64Array;
}

function parts(head: HeadData, params: ResolvedParams): LinformerParts {
  const { n, dk } = head;
  const e = head.inputs?.E;
  const f = head.inputs?.F;
  if (!e || !f) throw new EngineError('linformer needs inputs E and F (kproj×n)');
  const kproj = e.length / n;
  const ek = matmul(e, head.k, kproj, n, dk);
  const p = softmaxRowsInPlace(
    matmulTransposed(head.q, ek, n, dk, kproj, numberParam(params, 'scale')),
    n,
    kproj,
  );
  return { kproj, p, f };
}

export const linformerCpu = {
  run(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
    if (form !== 'parallel') throw new EngineError(`linformer has only the parallel form (got ${form})`);
    const { n, dv } = head;
    const { kproj, p, f } = parts(head, params);
    const fv = matmul(f, head.v, kproj, n, dv);
    return { o: matmul(p, fv, n, kproj, dv) };
  },
  weights(head: HeadData, params: ResolvedParams): Float64Array {
    const { kproj, p, f } = parts(head, params);
    return matmul(p, f, head.n, kproj, head.n);
  },
};

/** The CPU forms the engine runs. */
export const cpu: CpuForms = linformerCpu;
