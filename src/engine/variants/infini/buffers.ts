// What Infini-attention allocates on WebGPU (./gpu.ts): the n×n map and the
// final memory (parallel), or one memory record per segment beside the final
// one (chunk).
import { bufferPlan, f32Buffers, matrixBuffer, planNumber, type BufferPlan } from '../common/buffers';

/** Floats of one memory record (M and z) per head. */
export function infiniRecordFloats(dims: { readonly dk: number; readonly dv: number }): number {
  return dims.dk * dims.dv + dims.dk;
}

export const infiniBuffers: BufferPlan = bufferPlan({
  webgpu: (req) => {
    const record = infiniRecordFloats(req);
    const memory = f32Buffers([['the memory', req.heads * record]]);
    if (req.form === 'parallel') return [matrixBuffer(req), ...memory];
    const segments = Math.ceil(req.n / planNumber(req.params, 'segment', 64));
    return [...f32Buffers([['the per-segment memories', req.heads * segments * record]]), ...memory];
  },
});
