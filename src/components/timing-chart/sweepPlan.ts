// How the timing lab turns the reader's settings into a sweep: sizes, runs,
// the per-point budget, and the last result (kept while the lab remounts on a
// step change; timings never go into the link).
import { create } from 'zustand';
import type { SweepResult } from '../../engine';
import { powersOfTwo } from '../controls/sliderScale';

export const SWEEP_MIN_N = 64;
export const SWEEP_WARMUP = 2;
export const SWEEP_RUNS = 5;

/** Powers of two from SWEEP_MIN_N up to the reader's largest n and the backend's cap. */
export function sweepSizes(maxN: number, backendCap?: number): number[] {
  return powersOfTwo(SWEEP_MIN_N, Math.min(maxN, backendCap ?? maxN));
}

/**
 * Per-point budget from the reader's total: a case whose time doubles (or
 * quadruples) with n spends about twice its last point's (warm-up + runs) in
 * total, so the last point may take budget / (2·(warm-up + runs)·cases).
 */
export function pointBudgetMs(totalSeconds: number, cases: number): number {
  return (totalSeconds * 1000) / (2 * (SWEEP_WARMUP + SWEEP_RUNS) * Math.max(1, cases));
}

export const useLastSweep = create<{ readonly result: SweepResult | null }>(() => ({ result: null }));
