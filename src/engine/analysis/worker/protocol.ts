// Messages between the page and the analysis worker. A call names its pipeline
// (./pipelines/registry.ts) and carries that pipeline's settings; the worker
// answers with progress, then one result or one error; a cancel stops the call
// at its next turn. Everything is structured-clonable.
import type { PipelineName, PipelineResult, PipelineSettings } from '../pipelines/registry';

/** A call of pipeline P. */
export type PipelineCall<P extends PipelineName = PipelineName> = {
  readonly [Name in P]: {
    readonly kind: 'call';
    readonly id: number;
    readonly pipeline: Name;
    readonly settings: PipelineSettings<Name>;
  };
}[P];

export interface CancelCall {
  readonly kind: 'cancel';
  readonly id: number;
}

export type AnalysisCall = PipelineCall | CancelCall;

/** The result of pipeline P's call. */
export type PipelineReply<P extends PipelineName = PipelineName> = {
  readonly [Name in P]: {
    readonly kind: 'result';
    readonly id: number;
    readonly pipeline: Name;
    readonly result: PipelineResult<Name>;
  };
}[P];

export interface ProgressReply {
  readonly kind: 'progress';
  readonly id: number;
  readonly fraction: number;
}

export interface ErrorReply {
  readonly kind: 'error';
  readonly id: number;
  readonly name: string;
  readonly message: string;
}

export type AnalysisReply = PipelineReply | ProgressReply | ErrorReply;

/** The side of a Worker (or a MessagePort) the host and the client talk through. */
export interface AnalysisPort<In, Out> {
  onmessage: ((event: { readonly data: In }) => void) | null;
  postMessage(message: Out, transfer?: Transferable[]): void;
}
