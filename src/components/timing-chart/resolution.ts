// What a sweep's timer resolves when the device does not say (browsers quantise
// timestamp queries and a page cannot read the quantum).
import type { SweepResult } from '../../engine';

/**
 * The smallest nonzero difference between two timed runs of one point: what the
 * timer resolves at most finely here (a browser does not report its timestamp
 * quantisation), or undefined when every point's runs were identical.
 */
export function smallestStep(result: Pick<SweepResult, 'points'>): number | undefined {
  let best: number | undefined;
  for (const p of result.points) {
    const sorted = [...p.samples].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const step = sorted[i] - sorted[i - 1];
      if (step > 0 && (best === undefined || step < best)) best = step;
    }
  }
  return best;
}
