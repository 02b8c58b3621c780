// What lesson 14's lab computes, in the analysis worker: LASP-2 and Ring
// Attention simulated on W devices with their single-device references, and
// both algorithms' traffic counted over a sweep of n.
import { useMemo } from 'react';
import type { SeqParallelResult, SeqParallelSettings } from '../../engine';
import { useAnalysis } from '../../app/engine-host/useAnalysis';

/** The traffic chart's n: powers of two up to 2^20 (counting mode needs no arrays of size n). */
export const SWEEP_MAX_N = 2 ** 20;

/** The pipeline's settings but its sweep lengths, which the hook sets from n. */
export type SimulationSettings = Omit<SeqParallelSettings, 'sweepNs'>;

export interface SeqParallelSimulation {
  /** The current settings' result; undefined while it computes (the readouts wait). */
  readonly current: SeqParallelResult | undefined;
  /** The newest result, kept while a newer one computes (the ring and the chart). */
  readonly shown: SeqParallelResult | undefined;
  /** The n of the traffic sweep. */
  readonly sweepNs: readonly number[];
  /** Largest |simulated − formula| over the sweep, both algorithms. */
  readonly sweepWorst: number | undefined;
}

export function useSeqParallelSimulation({
  seed,
  n,
  d,
  temperature,
  devices: W,
  featureMap,
  decay,
  gamma,
}: SimulationSettings): SeqParallelSimulation {
  const sweepNs = useMemo(() => {
    const ns: number[] = [];
    // From the smallest power of two ≥ max(W, 8), so the crossover W·d/2 lies on the chart.
    for (let m = 8; m <= SWEEP_MAX_N; m *= 2) if (m >= W) ns.push(m);
    return ns;
  }, [W]);
  const settings = useMemo(
    () => ({ seed, n, d, temperature, devices: W, featureMap, decay, gamma, sweepNs }),
    [seed, n, d, temperature, W, featureMap, decay, gamma, sweepNs],
  );
  const simulation = useAnalysis('seqParallel', settings);
  const current = simulation.pending ? undefined : simulation.result;
  const sweepWorst = current?.sweep.reduce(
    (worst, p) =>
      Math.max(worst, Math.abs(p.lasp2Simulated - p.lasp2Formula), Math.abs(p.ringSimulated - p.ringFormula)),
    0,
  );
  return { current, shown: simulation.result, sweepNs, sweepWorst };
}
