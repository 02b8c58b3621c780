// The page side of the analysis Worker: one promise per call, progress
// callbacks, and an AbortSignal that cancels the call in the Worker too.
import type { DenseMatrix } from '../dense';
import type { PerformerSweepPoint } from '../performerSweep';
import type { SpectrumSummary } from '../spectrum';
import type { AnalysisCall, AnalysisPort, AnalysisReply, PerformerSweepCall } from './protocol';

export interface CallOptions {
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

export interface AnalysisClient {
  /** Singular values and ranks; `matrix.data` is copied (pass a Float64Array or Float32Array). */
  spectrum(
    matrix: DenseMatrix & { readonly data: Float64Array | Float32Array },
    options?: CallOptions & { readonly relativeTolerance?: number },
  ): Promise<SpectrumSummary>;
  performerSweep(
    call: Omit<PerformerSweepCall, 'kind' | 'id'>,
    options?: CallOptions,
  ): Promise<PerformerSweepPoint[]>;
}

interface Pending {
  readonly resolve: (reply: AnalysisReply) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * A client on `port` (a Worker created from ../analysis.worker.ts, or a
 * MessagePort served by serveAnalysis). Takes over the port's onmessage.
 */
export function createAnalysisClient(port: AnalysisPort<AnalysisReply, AnalysisCall>): AnalysisClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  port.onmessage = (event) => {
    const reply = event.data;
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'progress') {
      entry.onProgress?.(reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error') {
      const error = new Error(reply.message);
      error.name = reply.name;
      entry.reject(error);
    } else {
      entry.resolve(reply);
    }
  };

  function call(message: AnalysisCall, options: CallOptions): Promise<AnalysisReply> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<AnalysisReply>((resolve, reject) => {
      const onAbort = () => {
        if (!pending.delete(message.id)) return;
        port.postMessage({ kind: 'cancel', id: message.id });
        reject(abortError(signal));
      };
      const settle =
        <T>(finish: (value: T) => void) =>
        (value: T) => {
          signal?.removeEventListener('abort', onAbort);
          finish(value);
        };
      pending.set(message.id, {
        resolve: settle(resolve),
        reject: settle(reject),
        onProgress: options.onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      port.postMessage(message);
    });
  }

  return {
    spectrum: async (matrix, options = {}) => {
      const reply = await call(
        {
          kind: 'spectrum',
          id: nextId++,
          rows: matrix.rows,
          cols: matrix.cols,
          data: matrix.data,
          relativeTolerance: options.relativeTolerance,
        },
        options,
      );
      if (reply.kind !== 'spectrum') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.summary;
    },
    performerSweep: async (sweep, options = {}) => {
      const reply = await call({ kind: 'performer-sweep', id: nextId++, ...sweep }, options);
      if (reply.kind !== 'performer-sweep') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.points;
    },
  };
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('analysis cancelled', 'AbortError');
}
