// The page side of the analysis worker: one promise per call, progress
// callbacks, and an AbortSignal that cancels the call in the worker too.
// An aborted call rejects with an AbortError once the worker has stopped it
// (at its next turn; at once if the worker never started it), so a caller
// that starts its next call then never keeps two running.
import type { PipelineName, PipelineResult, PipelineSettings } from '../pipelines/registry';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './protocol';

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

export interface AnalysisClient {
  /** Runs pipeline `name` on `settings` in the worker. */
  run<P extends PipelineName>(
    name: P,
    settings: PipelineSettings<P>,
    options?: CallOptions,
  ): Promise<PipelineResult<P>>;
  /** Ends the worker (if this client started it); calls still pending reject with an AbortError. */
  dispose(): void;
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
  /** Set once the caller aborted: the answer only settles the promise as an AbortError. */
  aborted?: Error;
}

/**
 * The analysis worker of this page module, as a client: the worker starts now
 * and ends with dispose(). `name` labels it in the browser's tools.
 */
export function createAnalysisClient(name = 'analysis'): AnalysisClient {
  const worker = new Worker(new URL('../analysis.worker.ts', import.meta.url), { type: 'module', name });
  const client = connectAnalysisClient(worker as unknown as AnalysisPort<AnalysisReply, AnalysisCall>);
  return {
    run: client.run,
    dispose: () => {
      worker.terminate();
      client.dispose();
    },
  };
}

/**
 * A client on `port` (a Worker running ../analysis.worker.ts, or a MessagePort
 * served by serveAnalysis). Takes over the port's onmessage.
 */
export function connectAnalysisClient(port: AnalysisPort<AnalysisReply, AnalysisCall>): AnalysisClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  port.onmessage = (event) => {
    const reply = event.data;
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'progress') {
      if (!entry.aborted) entry.onProgress?.(reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (entry.aborted) entry.reject(entry.aborted);
    else if (reply.kind === 'error') entry.reject(namedError(reply.name, reply.message));
    else entry.resolve(reply.result);
  };

  function run<P extends PipelineName>(
    pipeline: P,
    settings: PipelineSettings<P>,
    options: CallOptions = {},
  ): Promise<PipelineResult<P>> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const id = nextId++;
    return new Promise<PipelineResult<P>>((resolve, reject) => {
      const entry: Pending = {
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result as PipelineResult<P>);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        onProgress: options.onProgress,
      };
      function onAbort(): void {
        if (!pending.has(id) || entry.aborted) return;
        entry.aborted = abortError(signal);
        port.postMessage({ kind: 'cancel', id });
      }
      pending.set(id, entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      port.postMessage({ kind: 'call', id, pipeline, settings } as AnalysisCall);
    });
  }

  return {
    run,
    dispose: () => {
      for (const entry of pending.values()) entry.reject(new DOMException('analysis ended', 'AbortError'));
      pending.clear();
      port.onmessage = null;
    },
  };
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('analysis cancelled', 'AbortError');
}
