// The generator settings a lab's pipeline call carries instead of Q, K, V: the
// worker regenerates the same seeded inputs the page drew (dk = dv = d, one
// head), so a call stays a few numbers long.
import { generateProblem, type GeneratedProblem } from '../../inputs/generate';
import type { HeadData } from '../../variants/common/head';

export interface GeneratorInputs {
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly temperature: number;
  readonly locality: number;
  readonly clustering: number;
}

/** Q, K, V of the inputs, exactly as the labs' useProblem draws them. */
export function generatedProblem(inputs: GeneratorInputs): GeneratedProblem {
  return generateProblem({
    seed: inputs.seed,
    n: inputs.n,
    dk: inputs.d,
    dv: inputs.d,
    temperature: inputs.temperature,
    locality: inputs.locality,
    clustering: inputs.clustering,
  });
}

/** Float64 copies of the one head of a generated problem, for the references that take a head. */
export function float64Head(problem: GeneratedProblem): HeadData {
  return {
    n: problem.n,
    dk: problem.dk,
    dv: problem.dv,
    q: Float64Array.from(problem.q),
    k: Float64Array.from(problem.k),
    v: Float64Array.from(problem.v),
  };
}
