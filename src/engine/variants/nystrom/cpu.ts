// Nyströmformer on the CPU (float64), exact pseudo-inverse (./pinv.ts):
//   Q̃, K̃ = segment means (m segments of n/m tokens),
//   A1 = softmax(s·QK̃ᵀ) (n×m), A2 = softmax(s·Q̃K̃ᵀ) (m×m), A3 = softmax(s·Q̃Kᵀ) (m×n),
//   o = A1 · (A2⁺ · (A3 · V)); the implied n×n map is A1 · A2⁺ · A3.
import { EngineError, type Form } from '../../types';
import { numberParam, type ResolvedParams } from '../common/descriptor';
import type { CpuForms, HeadData, HeadResult } from '../common/head';
import { matmul, matmulTransposed, softmaxRowsInPlace } from '../linformer/cpu';
import { pseudoInverse } from './pinv';

/** Means of m segments of n/m consecutive rows of x (n×d): m×d. */
export function segmentMeans(x: ArrayLike<number>, n: number, d: number, m: number): Float64Array {
  if (n % m !== 0) throw new EngineError(`n = ${n} is not a multiple of landmarks = ${m}`);
  const size = n / m;
  const out = new Float64Array(m * d);
  for (let l = 0; l < m; l++) {
    for (let t = l * size; t < (l + 1) * size; t++) {
      for (let c = 0; c < d; c++) out[l * d + c] += x[t * d + c];
    }
    for (let c = 0; c < d; c++) out[l * d + c] /= size;
  }
  return out;
}

export interface NystromParts {
  readonly m: number;
  /** n×m. */
  readonly a1: Float64Array;
  /** m×m kernel between the landmarks. */
  readonly a2: Float64Array;
  /** m×n. */
  readonly a3: Float64Array;
  /** pinv(a2), m×m. */
  readonly z: Float64Array;
}

export function nystromParts(head: HeadData, params: ResolvedParams): NystromParts {
  const { n, dk } = head;
  const m = numberParam(params, 'landmarks');
  const scale = numberParam(params, 'scale');
  const ql = segmentMeans(head.q, n, dk, m);
  const kl = segmentMeans(head.k, n, dk, m);
  const a1 = softmaxRowsInPlace(matmulTransposed(head.q, kl, n, dk, m, scale), n, m);
  const a2 = softmaxRowsInPlace(matmulTransposed(ql, kl, m, dk, m, scale), m, m);
  const a3 = softmaxRowsInPlace(matmulTransposed(ql, head.k, m, dk, n, scale), m, n);
  return { m, a1, a2, a3, z: pseudoInverse(a2, m) };
}

export const nystromCpu = {
  run(head: HeadData, form: Form, params: ResolvedParams): HeadResult {
    if (form !== 'parallel') throw new EngineError(`nystrom has only the parallel form (got ${form})`);
    const { n, dv } = head;
    const { m, a1, a3, z } = nystromParts(head, params);
    const b = matmul(a3, head.v, m, n, dv);
    const c = matmul(z, b, m, m, dv);
    return { o: matmul(a1, c, n, m, dv) };
  },
  weights(head: HeadData, params: ResolvedParams): Float64Array {
    const { n } = head;
    const { m, a1, a3, z } = nystromParts(head, params);
    return matmul(a1, matmul(z, a3, m, m, n), n, m, n);
  },
};

/** The CPU forms the engine runs. */
export const cpu: CpuForms = nystromCpu;
