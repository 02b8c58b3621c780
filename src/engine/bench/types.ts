// Types of timing sweeps, shared by the headless bench (bench/cli.ts) and the
// in-browser timing lab.
import type { Backend, Form, VariantId } from '../types';

export type TimingMethod = 'timestamp-query' | 'submitted-work-done' | 'performance-now';

export interface SweepConfig {
  readonly cases: readonly { readonly variant: VariantId; readonly form: Form }[];
  /** Sequence lengths to try, ascending. */
  readonly ns: readonly number[];
  readonly heads: number;
  readonly dk: number;
  readonly dv: number;
  readonly warmup: number;
  /** Timed runs per point (≥ 5 for reported numbers). */
  readonly runs: number;
  /** Stop growing n for a case once one point takes longer than this (ms, median). */
  readonly budgetMs: number;
  readonly seed: number;
}

export interface SweepPoint {
  readonly variant: VariantId;
  readonly form: Form;
  readonly n: number;
  readonly heads: number;
  readonly dk: number;
  readonly dv: number;
  /** Median of the timed runs, milliseconds. */
  readonly ms: number;
  readonly msMin: number;
  readonly msMax: number;
  /** Every timed run, ms. */
  readonly samples: readonly number[];
  /** Bytes of GPU (or host) memory the form allocates for this point. */
  readonly bytes: number;
  /** Useful FLOP/s where the form is compute-bound (model in analysis/), else undefined. */
  readonly gflops?: number;
  /** Bytes moved per second where the form is bandwidth-bound, else undefined. */
  readonly gbps?: number;
}

export interface SweepProgress {
  readonly done: number;
  readonly total: number;
  readonly current?: { readonly variant: VariantId; readonly form: Form; readonly n: number };
}

export interface SweepResult {
  readonly backend: Backend;
  readonly deviceName: string;
  readonly timing: TimingMethod;
  /** Timer resolution in ms where known (timestamp quantisation), else undefined. */
  readonly resolutionMs?: number;
  readonly points: readonly SweepPoint[];
  /** Points not run, with the reason (too big for the limits, over budget, cancelled). */
  readonly skipped: readonly {
    readonly variant: VariantId;
    readonly form: Form;
    readonly n: number;
    readonly reason: string;
  }[];
}
