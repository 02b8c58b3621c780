// What Nyströmformer allocates on WebGPU (./gpu.ts): the landmarks Q̃, K̃, the
// kernels A1 (n×m), A2 (m×m) and A3 (m×n), the pseudo-inverse's Jacobi factors
// and the products with V; weights() adds Z·A3 and its n×n matrix.
import { bufferPlan, f32Buffers, planNumber, type BufferPlan } from '../common/buffers';

export const nystromBuffers: BufferPlan = bufferPlan({
  webgpu: (req) => {
    const { n, dk, dv, heads } = req;
    const m = planNumber(req.params, 'landmarks', 16);
    return f32Buffers([
      ['the n×m kernel A1', heads * n * m],
      ['the m×n kernel A3', heads * m * n],
      ['Q̃', heads * m * dk],
      ['K̃', heads * m * dk],
      ['A2', heads * m * m],
      ['Jacobi U', heads * m * m],
      ['Jacobi V', heads * m * m],
      ['pinv(A2)', heads * m * m],
      ['A3·V', heads * m * dv],
      ['Z·(A3V)', heads * m * dv],
      ...(req.weights
        ? ([
            ['Z·A3', m * n],
            ['the n×n weights', n * n],
          ] as const)
        : []),
    ]);
  },
});
