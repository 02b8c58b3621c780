// Reference points for the fit: the elu+1 map (nothing to fit, the feature map
// of lesson 3) and a fitted W applied to held-out inputs (another seed), both
// measured with the same errors as the fit (fit.ts fitErrors).
import {
  evaluateFit,
  fitErrors,
  FIT_EPS,
  softmaxTarget,
  type FitErrors,
  type FitProblem,
  type FitTarget,
} from './fit';
import { fitProblemFromInputs, type FitInputs } from './session';

/** Causal elu+1 linear attention (φ(x) = elu(x) + 1, T1 with the same ε) against softmax. */
export function elu1Errors(problem: FitProblem, target: FitTarget): FitErrors {
  const { n, dk, dv, q, k, v } = problem;
  const phi = (x: number) => (x > 0 ? x + 1 : Math.exp(x));
  const map = new Float64Array(n * n);
  const output = new Float64Array(n * dv);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j <= i; j++) {
      let dot = 0;
      for (let a = 0; a < dk; a++) dot += phi(q[i * dk + a]) * phi(k[j * dk + a]);
      map[i * n + j] = dot;
      sum += dot;
    }
    for (let j = 0; j <= i; j++) {
      const a = map[i * n + j] / (sum + FIT_EPS);
      map[i * n + j] = a;
      for (let c = 0; c < dv; c++) output[i * dv + c] += a * v[j * dv + c];
    }
  }
  return fitErrors(problem, target, map, output);
}

export interface HeldOut {
  readonly problem: FitProblem;
  readonly target: FitTarget;
}

/**
 * Held-out inputs of the same head: the generator draws tokens in order from
 * per-tensor streams with the same cluster centres and rotary phases, so tokens
 * n+1..2n of the seed's 2n-token problem are new queries, keys and values from
 * the same distribution as the n tokens the fit saw. Taken as a sequence of
 * their own (RoPE's structure depends only on the distance i − j).
 */
export function heldOutProblem(inputs: FitInputs): HeldOut {
  const { n, d } = inputs;
  const long = fitProblemFromInputs({ ...inputs, n: 2 * n });
  const problem: FitProblem = {
    n,
    dk: d,
    dv: d,
    q: long.q.slice(n * d),
    k: long.k.slice(n * d),
    v: long.v.slice(n * d),
  };
  return { problem, target: softmaxTarget(problem) };
}

/** Errors of the map that W (dk×r) implies on the held-out inputs. */
export function heldOutErrors(heldOut: HeldOut, w: Float64Array, r: number): FitErrors {
  const evaluation = evaluateFit(heldOut.problem, heldOut.target, w, r, 'weights', false);
  return fitErrors(heldOut.problem, heldOut.target, evaluation.map, evaluation.output);
}
