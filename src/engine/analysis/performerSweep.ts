// Performer's error against softmax as the number of random features m grows,
// over several seeds of the projection W: the estimator is unbiased for
// exp(q·k/√dk) with variance ∝ 1/m, so the error falls roughly as 1/√m.
import { performerProjection, type PerformerRowScaling } from '../inputs/randomFeatures';
import type { AttentionProblem } from '../types';
import { compareWith, softmaxReference, type SoftmaxComparison } from './compare';
import { sampleStats, type SampleStats } from './stats';
import { eventLoopTurns, progressReporter, throwIfCancelled, type ProgressOptions } from './turns';
import { definition as performerVariant } from '../variants/performer';

export interface PerformerSweepOptions extends ProgressOptions {
  /** q, k, v and Performer's params (causal, normalize, eps); any projection input is replaced. */
  readonly problem: AttentionProblem;
  /** Values of m (random features), each an integer ≥ 1. */
  readonly featureCounts: readonly number[];
  /** Seeds of the projection; one Performer run per (m, seed). */
  readonly seeds: readonly number[];
  /** Orthogonal blocks (default true) or i.i.d. Gaussian rows. */
  readonly orthogonal?: boolean;
  readonly scaling?: PerformerRowScaling;
  /** For the async driver: longest computation between event-loop turns (default 40 ms). */
  readonly sliceMs?: number;
}

export interface PerformerSweepPoint {
  readonly m: number;
  readonly relativeFrobenius: SampleStats;
  readonly meanRowKl: SampleStats;
  readonly maxOutputError: SampleStats;
}

/** One point per m, statistics over the seeds. */
export function performerErrorSweep(options: PerformerSweepOptions): PerformerSweepPoint[] {
  const steps = sweepSteps(options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** As performerErrorSweep, giving the event loop a turn between runs so cancellation can arrive. */
export async function performerErrorSweepAsync(
  options: PerformerSweepOptions,
): Promise<PerformerSweepPoint[]> {
  const steps = sweepSteps(options);
  const turns = eventLoopTurns(options.sliceMs ?? 40);
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await turns.maybeYield();
    }
  } finally {
    turns.close();
  }
}

function* sweepSteps(options: PerformerSweepOptions): Generator<void, PerformerSweepPoint[], void> {
  const { problem, featureCounts, seeds } = options;
  if (seeds.length === 0) throw new RangeError('at least one seed is needed');
  throwIfCancelled(options);
  const report = progressReporter(options);
  report(0);
  if (featureCounts.length === 0) return [];
  const withProjection = (m: number, seed: number): AttentionProblem => {
    const projection = performerProjection({
      seed,
      m,
      dk: problem.dk,
      orthogonal: options.orthogonal,
      scaling: options.scaling,
    });
    return { ...problem, inputs: { ...problem.inputs, projection } };
  };
  // Validating Performer's params needs a projection; softmax does not use it.
  const reference = softmaxReference(performerVariant.id, withProjection(featureCounts[0], seeds[0]));
  const total = featureCounts.length * seeds.length;
  let done = 0;
  const points: PerformerSweepPoint[] = [];
  for (const m of featureCounts) {
    const runs: SoftmaxComparison[] = [];
    for (const seed of seeds) {
      runs.push(compareWith(reference, { variant: performerVariant.id, problem: withProjection(m, seed) }));
      done++;
      report(done / total);
      throwIfCancelled(options);
      yield;
    }
    points.push({
      m,
      relativeFrobenius: sampleStats(runs.map((r) => r.relativeFrobenius)),
      meanRowKl: sampleStats(runs.map((r) => r.meanRowKl)),
      maxOutputError: sampleStats(runs.map((r) => r.maxOutputError)),
    });
  }
  return points;
}
