// Q, K, V of the current view from the seeded generator (same seed, same
// numbers on every backend), generated once per change of its inputs.
import { useMemo } from 'react';
import { generatedProblem, type GeneratedProblem } from '../../engine';
import { useViewStore } from '../../state/store';

export interface ProblemInputs {
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly temperature: number;
  readonly locality: number;
  readonly clustering: number;
}

export function problemKey(p: ProblemInputs): string {
  return `${p.seed}|${p.n}|${p.d}|${p.temperature}|${p.locality}|${p.clustering}`;
}

/** The store's generator inputs, with n optionally capped (the CPU fallback's limit). */
export function useProblemInputs(maxN?: number): ProblemInputs {
  const seed = useViewStore((s) => s.seed);
  const n = useViewStore((s) => s.n);
  const d = useViewStore((s) => s.d);
  const temperature = useViewStore((s) => s.temperature);
  const locality = useViewStore((s) => s.locality);
  const clustering = useViewStore((s) => s.clustering);
  return useMemo(
    () => ({ seed, n: maxN !== undefined ? Math.min(n, maxN) : n, d, temperature, locality, clustering }),
    [seed, n, d, temperature, locality, clustering, maxN],
  );
}

export function useProblem(inputs: ProblemInputs): GeneratedProblem {
  // The same draw the analysis worker makes from the same inputs (its pipelines regenerate them).
  return useMemo(() => generatedProblem(inputs), [inputs]);
}

/** The first `tokens` tokens of a one-head problem (dk = dv = d): what a recurrent run up to token t reads. */
export function prefixProblem(problem: GeneratedProblem, tokens: number, d: number) {
  return {
    n: tokens,
    dk: d,
    dv: d,
    q: problem.q.subarray(0, tokens * d),
    k: problem.k.subarray(0, tokens * d),
    v: problem.v.subarray(0, tokens * d),
  };
}
