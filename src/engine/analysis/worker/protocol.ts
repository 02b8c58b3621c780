// Messages between the page and the analysis Worker. Everything is
// structured-clonable; matrices and spectra travel as typed arrays.
import type { AttentionProblem } from '../../types';
import type { PerformerRowScaling } from '../../inputs/randomFeatures';
import type { PerformerSweepPoint } from '../performerSweep';
import type { SpectrumSummary } from '../spectrum';

export interface SpectrumCall {
  readonly kind: 'spectrum';
  readonly id: number;
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array | Float32Array;
  readonly relativeTolerance?: number;
}

export interface PerformerSweepCall {
  readonly kind: 'performer-sweep';
  readonly id: number;
  readonly problem: AttentionProblem;
  readonly featureCounts: readonly number[];
  readonly seeds: readonly number[];
  readonly orthogonal?: boolean;
  readonly scaling?: PerformerRowScaling;
}

export interface CancelCall {
  readonly kind: 'cancel';
  readonly id: number;
}

export type AnalysisCall = SpectrumCall | PerformerSweepCall | CancelCall;

export type AnalysisReply =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'spectrum'; readonly id: number; readonly summary: SpectrumSummary }
  | { readonly kind: 'performer-sweep'; readonly id: number; readonly points: PerformerSweepPoint[] }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string };

/** The side of a Worker (or a MessagePort) the host and the client talk through. */
export interface AnalysisPort<In, Out> {
  onmessage: ((event: { readonly data: In }) => void) | null;
  postMessage(message: Out, transfer?: Transferable[]): void;
}
