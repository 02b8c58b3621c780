// What kernel linear attention allocates (gpu/kernels.ts): the n×n matrix of
// the parallel form, the state S (and z) of the recurrent form, and the chunk
// form's state record per chunk beside the final one.
import { bufferPlan, f32Buffers, matrixBuffer, planNumber, type BufferPlan } from '../common/buffers';

/** Floats per head of the chunk kernels' state records: S (dk×dv) then z (dk). */
export function linearStateRecordFloats(dk: number, dv: number): number {
  return dk * dv + dk;
}

export const linearBuffers: BufferPlan = bufferPlan({
  webgpu: (req) => {
    const { n, dk, dv, heads } = req;
    if (req.form === 'parallel') return [matrixBuffer(req)];
    if (req.form === 'recurrent') return f32Buffers([['the state', heads * dk * dv]]);
    const chunks = Math.ceil(n / planNumber(req.params, 'chunkSize', 64));
    const record = linearStateRecordFloats(dk, dv);
    return f32Buffers([
      ['the per-chunk states', heads * chunks * record],
      ['the state', heads * record],
    ]);
  },
});
