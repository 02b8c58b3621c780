// What Linformer allocates on WebGPU (./gpu.ts): E and F (kproj×n, shared by
// the heads), E·K and F·V, and the n×kproj scores of every head; nothing n×n
// except weights()' matrix. kproj is the request's (dims.features).
import { bufferPlan, f32Buffers, type BufferPlan } from '../common/buffers';

export const linformerBuffers: BufferPlan = bufferPlan({
  webgpu: (req) => {
    const { n, dk, dv, heads } = req;
    const kproj = req.features ?? 0;
    return f32Buffers([
      ['E', kproj * n],
      ['F', kproj * n],
      ['the n×kproj scores', heads * n * kproj],
      ['E·K', heads * kproj * dk],
      ['F·V', heads * kproj * dv],
      ...(req.weights ? ([['the n×n weights', n * n]] as const) : []),
    ]);
  },
});
