// Monte-Carlo risk of the one-step predictor against the number of examples M
// (lesson 15's chart): for each M, draw `tasks` random tasks (sampleTask) and
// average the squared error (ŷ − x_q·w*)² of four preconditioners:
//   gd      Γ = η·I with η = 1 (plain GD, the lab's s = 0),
//   newton  Γ = Ŝ⁻¹ by Cholesky when M ≥ d and Ŝ is numerically positive definite
//           (the OLS prediction), the pseudo-inverse Ŝ⁺ otherwise,
//   optimal Γ = η*·I, η* = M/(M + 1 + d + σ²) (optimalEta, x ~ N(0, I)),
//   reader  Γ(s) = (1−s)·I + s·Ŝ⁺ at the reader's s.
// The error is measured against the noiseless target x_q·w* (a noisy y_q would
// add σ² to every curve). Deterministic from the seed: each M has its own
// random stream, and tasks are drawn in order whatever the chunking.
import { createRng } from '../inputs/random';
import { empiricalCovariance, lossGradient, optimalEta, pseudoInverse, sampleTask, solveSpd } from './icl';

export const RISK_M_GRID = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256] as const;
export const RISK_DEFAULT_TASKS = 2000;
/** η of the plain-GD curve. */
export const RISK_GD_ETA = 1;

export interface RiskOptions {
  readonly seed: number;
  readonly d: number;
  readonly noise: number;
  /** The reader's preconditioner mix s. */
  readonly s: number;
  readonly tasks: number;
  readonly ms?: readonly number[];
}

export interface RiskPoint {
  readonly M: number;
  readonly tasks: number;
  readonly gd: number;
  readonly newton: number;
  readonly optimal: number;
  readonly reader: number;
  /** Standard errors of the four means: √((mean of e⁴ − mean²)/tasks). */
  readonly se: {
    readonly gd: number;
    readonly newton: number;
    readonly optimal: number;
    readonly reader: number;
  };
}

const KINDS = ['gd', 'newton', 'optimal', 'reader'] as const;
type Kind = (typeof KINDS)[number];

/** Random stream of one M (independent of the grid and of the other M). */
const riskStream = (M: number) => 0x7000 + M;

/**
 * The risk curve as a generator: yields the fraction done after every `chunk`
 * tasks so a caller can give the event loop back (see computeRiskCurve), and
 * returns the points.
 */
export function* riskSteps(options: RiskOptions, chunk = 100): Generator<number, RiskPoint[], void> {
  const { seed, d, noise, s, tasks } = options;
  const ms = options.ms ?? RISK_M_GRID;
  const total = ms.length * tasks;
  let done = 0;
  const points: RiskPoint[] = [];
  const xS = new Float64Array(d);
  for (const M of ms) {
    const rng = createRng(seed, riskStream(M));
    const eta = optimalEta(d, M, noise);
    const sums = { gd: 0, newton: 0, optimal: 0, reader: 0 };
    const squares = { gd: 0, newton: 0, optimal: 0, reader: 0 };
    for (let task = 0; task < tasks; task++) {
      const sample = sampleTask(rng, d, M, noise);
      // b = −∇L(0) = (1/M) Σ y_i x_i; every predictor here is x_q Γ b.
      const b = lossGradient(sample, new Float64Array(d)).map((g) => -g);
      const cov = empiricalCovariance(sample);
      let plain = 0;
      for (let a = 0; a < d; a++) plain += sample.xq[a] * b[a];
      // x_q Ŝ⁻¹ = (Ŝ⁻¹ x_qᵀ)ᵀ (Ŝ symmetric): Cholesky when Ŝ is numerically
      // positive definite, the pseudo-inverse otherwise (always when M < d).
      const solved = M >= d ? solveSpd(cov, sample.xq, d) : null;
      if (solved) xS.set(solved);
      else {
        const { inverse } = pseudoInverse(cov, d);
        xS.fill(0);
        for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) xS[c] += sample.xq[a] * inverse[a * d + c];
      }
      let newton = 0;
      for (let a = 0; a < d; a++) newton += xS[a] * b[a];
      const y = sample.yq;
      const errors = {
        gd: (RISK_GD_ETA * plain - y) ** 2,
        newton: (newton - y) ** 2,
        optimal: (eta * plain - y) ** 2,
        reader: ((1 - s) * plain + s * newton - y) ** 2,
      };
      for (const k of KINDS) {
        sums[k] += errors[k];
        squares[k] += errors[k] ** 2;
      }
      done++;
      if (done % chunk === 0) yield done / total;
    }
    const mean = (k: Kind) => sums[k] / tasks;
    const se = (k: Kind) => Math.sqrt(Math.max(0, squares[k] / tasks - mean(k) ** 2) / tasks);
    points.push({
      M,
      tasks,
      gd: mean('gd'),
      newton: mean('newton'),
      optimal: mean('optimal'),
      reader: mean('reader'),
      se: { gd: se('gd'), newton: se('newton'), optimal: se('optimal'), reader: se('reader') },
    });
  }
  return points;
}

/** Synchronous risk curve (tests, CLI). */
export function riskCurve(options: RiskOptions): RiskPoint[] {
  const steps = riskSteps(options, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The risk curve in chunks on the current thread, yielding to the event loop
 * between chunks (a macrotask each time, so input and paint go first), with
 * progress and cancellation. Rejects with an AbortError when aborted.
 */
export async function computeRiskCurve(
  options: RiskOptions,
  {
    signal,
    onProgress,
    chunk = 100,
  }: { signal?: AbortSignal; onProgress?: (fraction: number) => void; chunk?: number } = {},
): Promise<RiskPoint[]> {
  const steps = riskSteps(options, chunk);
  for (;;) {
    if (signal?.aborted) throw new DOMException('risk curve cancelled', 'AbortError');
    const next = steps.next();
    if (next.done) {
      onProgress?.(1);
      return next.value;
    }
    onProgress?.(next.value);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
