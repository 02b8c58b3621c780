// Messages between the app and the CPU engine Worker. Requests are copied
// (structured clone: the caller keeps its arrays); results are transferred.
import type { RunRequest, RunResult } from '../../engine';

export type WorkerCall =
  | { readonly id: number; readonly op: 'run'; readonly request: RunRequest }
  | { readonly id: number; readonly op: 'weights'; readonly request: Omit<RunRequest, 'form'> };

/** A MatrixHandle without its at() method (functions do not cross a Worker boundary). */
export interface MatrixData {
  readonly rows: number;
  readonly cols: number;
  readonly maxAbs: number;
  readonly minValue: number;
  readonly maxValue: number;
  readonly host: Float64Array | Float32Array;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly maxN?: number;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly op: 'run'; readonly result: RunResult }
  | { readonly id: number; readonly ok: true; readonly op: 'weights'; readonly matrix: MatrixData }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/** The part of a Worker the client needs (a fake in tests). */
export interface WorkerPort {
  postMessage(message: WorkerCall): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}
