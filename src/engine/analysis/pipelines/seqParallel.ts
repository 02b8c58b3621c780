// Lesson 14's simulations, in the analysis worker: LASP-2 and Ring Attention on
// W simulated devices over the view's seeded inputs, each against the CPU
// engine's single-device run (the max difference and the output's scale), and
// the traffic of both counted over a sweep of n.
import { runCpu } from '../../cpu';
import { generateProblem } from '../../inputs/generate';
import {
  simulateLasp2,
  simulateRing,
  trafficSweep,
  type SeqParFeatureMap,
  type SeqParRun,
  type TrafficPoint,
} from '../../seqpar';
import { definition as softmaxVariant } from '../../variants/softmax';
import { definition as linearVariant } from '../../variants/linear';
import { definition as retnetVariant } from '../../variants/retnet';

export interface SeqParallelSettings {
  readonly seed: number;
  readonly n: number;
  readonly d: number;
  readonly temperature: number;
  /** W, 1 ≤ W ≤ n. */
  readonly devices: number;
  readonly featureMap: SeqParFeatureMap;
  /** Decay on: RetNet's γ and 1/√d on LASP-2 (its reference is retnet); off: plain linear attention. */
  readonly decay: boolean;
  readonly gamma: number;
  /** The n of the traffic sweep (each ≥ W). */
  readonly sweepNs: readonly number[];
}

export interface SimulatedRun {
  readonly run: SeqParRun;
  /** max |o − o_single| against the single-device CPU run. */
  readonly diff: number;
  /** max |o_single|. */
  readonly scale: number;
}

export interface SeqParallelResult {
  readonly lasp: SimulatedRun;
  readonly ring: SimulatedRun;
  readonly sweep: readonly TrafficPoint[];
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function compared(run: SeqParRun, reference: ArrayLike<number>): SimulatedRun {
  if (!run.o) throw new Error('the simulation ran in counting mode');
  return { run, diff: maxAbsDiff(run.o, reference), scale: maxAbs(reference) };
}

export function simulateSeqParallel(settings: SeqParallelSettings): SeqParallelResult {
  const { seed, n, d, temperature, devices: W, featureMap, decay, gamma } = settings;
  const scale = 1 / Math.sqrt(d);
  const generated = generateProblem({ seed, n, dk: d, dv: d, temperature, locality: 0, clustering: 0 });
  const single = { ...generated, n, dk: d, dv: d };

  const laspRun = simulateLasp2(single, W, { featureMap, gamma, scale: decay ? scale : 1 });
  const laspReference = decay
    ? runCpu({
        variant: retnetVariant.id,
        form: 'recurrent',
        problem: { ...single, params: { gamma, scale, causal: true } },
      })
    : runCpu({
        variant: linearVariant.id,
        form: 'recurrent',
        problem: { ...single, params: { featureMap, normalize: false, causal: true } },
      });
  const ringRun = simulateRing(single, W, { scale });
  const ringReference = runCpu({
    variant: softmaxVariant.id,
    form: 'parallel',
    problem: { ...single, params: { causal: true, scale } },
  });
  return {
    lasp: compared(laspRun, laspReference.o),
    ring: compared(ringRun, ringReference.o),
    sweep: trafficSweep(settings.sweepNs, W, d),
  };
}
