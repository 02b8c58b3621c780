// Sequence parallelism, simulated (lesson 14): LASP-2 and Ring Attention over W
// devices with every message counted, and the traffic sweep of the lesson's chart.
import { simulateLasp2, lasp2FormulaFloats } from './lasp2';
import { simulateRing, ringFormulaFloats } from './ring';

export { RingNetwork, splitSizes, splitStarts } from './network';
export type { Payload, SimMessage, Traffic } from './network';
export { simulateLasp2, lasp2FormulaFloats, lasp2PayloadFloats } from './lasp2';
export type { Lasp2Options, SeqParFeatureMap, SeqParProblem, SeqParRun } from './lasp2';
export { simulateRing, ringFormulaFloats, trafficRatio } from './ring';
export type { RingOptions } from './ring';

/** Mean over devices of a per-device count (total / W). */
export function meanPerDevice(counts: readonly number[]): number {
  let sum = 0;
  for (const c of counts) sum += c;
  return sum / counts.length;
}

export interface TrafficPoint {
  readonly n: number;
  /** Floats received per device (mean over devices), counted by running each simulation's schedule. */
  readonly lasp2Simulated: number;
  readonly ringSimulated: number;
  /** §23's formulas at the same n. */
  readonly lasp2Formula: number;
  readonly ringFormula: number;
}

/**
 * Runs both simulations in counting mode (same schedule, size-only payloads)
 * for every n, and pairs the counted traffic with the formulas. n must be ≥ W.
 */
export function trafficSweep(ns: readonly number[], W: number, d: number): TrafficPoint[] {
  return ns.map((n) => {
    const lasp = simulateLasp2({ n, dk: d, dv: d }, W, { featureMap: 'identity', gamma: 1, scale: 1 }, false);
    const ring = simulateRing({ n, dk: d, dv: d }, W, { scale: 1 }, false);
    return {
      n,
      lasp2Simulated: meanPerDevice(lasp.traffic.received),
      ringSimulated: meanPerDevice(ring.traffic.received),
      lasp2Formula: lasp2FormulaFloats(W, d, d),
      ringFormula: ringFormulaFloats(n, W, d, d),
    };
  });
}
