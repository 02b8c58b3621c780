// What HLA2 allocates on WebGPU (./gpu.ts): its final state record, then the two
// n×n matrices of the parallel form (X = QKᵀ ⊙ M and (X Xᵀ) ⊙ M) or the chunk
// form's per-chunk states, prefixes, u and the per-chunk X and weights.
import { bufferPlan, f32Buffers, matrixBuffer, planNumber, type BufferPlan } from '../common/buffers';

/** Floats per head of the GPU state record: S^K (dk×dk), C^{QV} and G (dk×dv each), m^K and h. */
export function hla2GpuStateFloats(dk: number, dv: number): number {
  return dk * dk + 2 * dk * dv + 2 * dk;
}

/** Tokens per chunk of the chunk form: chunkSize, at most n. */
export function hla2Block(n: number, chunkSize: number): number {
  return Math.max(1, Math.min(Math.floor(chunkSize), n));
}

export const hla2Buffers: BufferPlan = bufferPlan({
  webgpu: (req) => {
    const { n, dk, dv, heads } = req;
    const state = hla2GpuStateFloats(dk, dv);
    const finalState = f32Buffers([['the final state', heads * state]]);
    if (req.form === 'parallel') {
      return [
        matrixBuffer(req, 'the n×n matrix (X Xᵀ) ⊙ M'),
        matrixBuffer(req, 'X = QKᵀ ⊙ M (n×n)'),
        ...finalState,
      ];
    }
    if (req.form !== 'chunk') return finalState;
    const block = hla2Block(n, planNumber(req.params, 'chunkSize', 64));
    const blocks = Math.ceil(n / block);
    return [
      ...finalState,
      ...f32Buffers([
        ['the per-chunk states', heads * blocks * state],
        ['the per-chunk prefix states', heads * blocks * state],
        ['u = q S_A', heads * n * dk],
        ['the per-chunk X', heads * blocks * block * block],
        ['the per-chunk weights', heads * blocks * block * block],
      ]),
    ];
  },
});
