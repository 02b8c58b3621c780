// A fit in progress on the CPU (float64): W, Adam's moments, the evaluation at
// the current W (loss, map, output, gradient) and the history of the loss and
// of the map error per step. Step s means s Adam updates have been applied;
// history[s] is measured at W_s, before update s + 1.
import { generateProblem } from '../inputs/generate';
import {
  adamUpdate,
  createAdam,
  evaluateFit,
  fitErrors,
  initialProjection,
  softmaxTarget,
  toFloat64,
  type AdamState,
  type FitErrors,
  type FitEvaluation,
  type FitLossKind,
  type FitProblem,
  type FitTarget,
} from './fit';

export interface FitInputs {
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly temperature: number;
  readonly locality: number;
  readonly clustering: number;
}

export interface FitSettings {
  /** Features per half (columns of W). */
  readonly r: number;
  readonly loss: FitLossKind;
  readonly lr: number;
}

/** The loss and the errors at one step (NaN errors where a GPU batch kept only the loss). */
export interface FitPoint extends FitErrors {
  readonly step: number;
  readonly loss: number;
}

/** q, k, v of the lesson's inputs (the seeded generator, dk = dv = d), in float64. */
export function fitProblemFromInputs(inputs: FitInputs): FitProblem {
  const generated = generateProblem({
    seed: inputs.seed,
    n: inputs.n,
    dk: inputs.d,
    dv: inputs.d,
    temperature: inputs.temperature,
    locality: inputs.locality,
    clustering: inputs.clustering,
  });
  return {
    n: inputs.n,
    dk: inputs.d,
    dv: inputs.d,
    q: toFloat64(generated.q),
    k: toFloat64(generated.k),
    v: toFloat64(generated.v),
  };
}

export class HedgehogFit {
  readonly problem: FitProblem;
  readonly target: FitTarget;
  readonly settings: FitSettings;
  readonly w: Float64Array;
  private readonly adam: AdamState;
  private evaluation: FitEvaluation;
  private readonly points: FitPoint[] = [];

  constructor(problem: FitProblem, settings: FitSettings, seed: number, target?: FitTarget) {
    this.problem = problem;
    this.settings = settings;
    this.target = target ?? softmaxTarget(problem);
    this.w = initialProjection(seed, problem.dk, settings.r);
    this.adam = createAdam(this.w.length);
    this.evaluation = this.evaluate();
  }

  static fromInputs(inputs: FitInputs, settings: FitSettings): HedgehogFit {
    return new HedgehogFit(fitProblemFromInputs(inputs), settings, inputs.seed);
  }

  private evaluate(): FitEvaluation {
    const evaluation = evaluateFit(this.problem, this.target, this.w, this.settings.r, this.settings.loss);
    const errors = fitErrors(this.problem, this.target, evaluation.map, evaluation.output);
    this.points.push({ step: this.adam.t, loss: evaluation.loss, ...errors });
    return evaluation;
  }

  get step(): number {
    return this.adam.t;
  }

  get current(): FitEvaluation {
    return this.evaluation;
  }

  get history(): readonly FitPoint[] {
    return this.points;
  }

  get errors(): FitErrors {
    return this.points[this.points.length - 1];
  }

  /** `count` Adam updates; each evaluates the loss and gradient at the new W. */
  advance(count: number): void {
    for (let s = 0; s < count; s++) {
      const grad = this.evaluation.grad;
      if (!grad) throw new Error('no gradient');
      adamUpdate(this.w, grad, this.adam, this.settings.lr);
      this.evaluation = this.evaluate();
    }
  }
}
