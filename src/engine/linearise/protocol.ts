// Messages between the page and the fit Worker (fit.worker.ts). One fit lives
// in the Worker at a time; `session` tells the page which fit a reply is from.
import type { FitPoint, FitInputs, FitSettings } from './session';

export interface FitSnapshot {
  readonly session: number;
  /** Adam updates applied so far. */
  readonly step: number;
  /** Points added since the previous snapshot (all of them for the first), ending at `step`. */
  readonly points: readonly FitPoint[];
  /** W, dk×r row-major. */
  readonly w: Float64Array;
  /** The implied map Â at W, n×n. */
  readonly map: Float64Array;
  /** O = ÂV, n×dv. */
  readonly output: Float64Array;
}

export type FitCall =
  | {
      readonly kind: 'start';
      readonly session: number;
      readonly inputs: FitInputs;
      readonly settings: FitSettings;
    }
  | {
      readonly kind: 'advance';
      readonly session: number;
      /** Stop after this many steps… */
      readonly maxSteps: number;
      /** …or once this much time has passed (at least one step is taken when maxSteps ≥ 1). */
      readonly budgetMs: number;
    };

export type FitReply =
  | ({ readonly kind: 'snapshot' } & FitSnapshot)
  | { readonly kind: 'error'; readonly session: number; readonly message: string };

export interface FitPort {
  onmessage: ((event: { readonly data: FitReply }) => void) | null;
  postMessage(message: FitCall): void;
  terminate?(): void;
}
