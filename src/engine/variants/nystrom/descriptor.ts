import { EngineError } from '../../types';
import { causalParam, numberParam, scaleParam, type VariantDescriptor } from '../common/descriptor';

/** Largest number of landmarks: the pseudo-inverse runs in one GPU workgroup (m/2 ≤ 128 threads). */
export const NYSTROM_MAX_LANDMARKS = 256;

/**
 * Nyströmformer (attention-math.md §21) with the exact Moore–Penrose
 * pseudo-inverse: landmarks Q̃, K̃ (m×dk) are the means of m segments of n/m
 * consecutive tokens (n must be a multiple of m; other n are rejected), and
 * o = softmax(scale·QK̃ᵀ) · pinv(softmax(scale·Q̃K̃ᵀ)) · softmax(scale·Q̃Kᵀ) · V.
 * The scale multiplies every score, which is the reference code's d^{-1/4} on
 * Q and on K for the default scale 1/√dk (segment means are linear, so scaling
 * before or after averaging is the same). Non-causal, parallel form only.
 */
export const nystromDescriptor: VariantDescriptor = {
  id: 'nystrom',
  title: 'Nyströmformer (landmarks)',
  forms: ['parallel'],
  causal: 'noncausal-only',
  params: {
    causal: { ...causalParam, default: false },
    landmarks: {
      kind: 'number',
      default: 16,
      min: 1,
      max: NYSTROM_MAX_LANDMARKS,
      integer: true,
      description:
        'number of landmarks m: segment means of n/m consecutive tokens (n must be a multiple of m)',
    },
    scale: scaleParam,
  },
  extraInputs: [],
  stateShape: null,
  check: (dims, params) => {
    const m = numberParam(params, 'landmarks');
    if (m > dims.n) {
      throw new EngineError(`nystrom needs landmarks ≤ n (got landmarks = ${m}, n = ${dims.n})`);
    }
    if (dims.n % m !== 0) {
      throw new EngineError(
        `nystrom needs n to be a multiple of landmarks: each landmark is the mean of n/m consecutive tokens ` +
          `(got n = ${dims.n}, landmarks = ${m}; try landmarks = ${largestDivisorAtMost(dims.n, m)})`,
      );
    }
  },
};

function largestDivisorAtMost(n: number, m: number): number {
  for (let d = Math.min(m, n); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
