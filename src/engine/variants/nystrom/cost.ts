// Cost of Nyströmformer (attention-math.md §21), m = params.landmarks (16): the
// three kernels QK̃ᵀ, Q̃K̃ᵀ, Q̃Kᵀ (2·dk·(2nm + m²)), forming pinv = VΣ⁺Uᵀ
// (2m³), then A3·V, Z·(A3V), A1·(…) (2·dv·(2nm + m²)). The Jacobi sweeps
// of the SVD (O(m³) each, independent of n) and the segment means
// (additions) are not counted. Nothing n×n is formed.
import { EngineError } from '../../types';
import type { CostModel } from '../common/cost';

export const nystromCost: CostModel = {
  flopsPerHead(_form, { n, dk, dv }, p) {
    const m = typeof p.raw.landmarks === 'number' ? p.raw.landmarks : 16;
    return 2 * (dk + dv) * (2 * n * m + m * m) + 2 * m * m * m;
  },
  workMemory(form, { n, dk, dv, features }, _p, bytesPerElement) {
    if (form !== 'parallel') throw new EngineError(`variant "nystrom" has no ${form} form`);
    // Landmarks Q̃, K̃, the n×m and m×n kernels, A2 with the SVD's U, V and pinv
    // (m×m each), A3V and Z·A3V (dims.features = m, default 16).
    const m = features ?? 16;
    return {
      bytesPerHead: (2 * n * m + 4 * m * m + 2 * m * dk + 2 * m * dv) * bytesPerElement,
      label: 'landmark kernels (n×m, m×n, m×m) + pinv',
      matrix: false,
    };
  },
};
