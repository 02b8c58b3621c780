// The page side of an analysis Worker's call protocol, shared by the labs that
// run heavy work off the main thread: every call carries an id, the Worker
// answers with progress replies, then one result or one error, and a
// { kind: 'cancel', id } message cancels a call in the Worker when its
// AbortSignal fires (the promise then rejects with an AbortError).

/** The replies every protocol shares besides its results. */
type ControlReply =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'error'; readonly id: number; readonly name: string; readonly message: string };

export interface WorkerCallOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

interface Pending<Result> {
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Takes over `worker.onmessage` and returns `call(message, options)`: posts the
 * message and resolves with the result reply of the same id.
 */
export function workerCalls<
  Call extends { readonly id: number },
  Reply extends { readonly kind: string; readonly id: number },
>(worker: Worker): (message: Call, options?: WorkerCallOptions) => Promise<Exclude<Reply, ControlReply>> {
  type Result = Exclude<Reply, ControlReply>;
  const pending = new Map<number, Pending<Result>>();
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data as Result | ControlReply;
    const entry = pending.get(reply.id);
    if (!entry) return;
    if (reply.kind === 'progress' && 'fraction' in reply) {
      entry.onProgress?.(reply.fraction);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error' && 'message' in reply && 'name' in reply) {
      const error = new Error(reply.message);
      error.name = reply.name;
      entry.reject(error);
    } else {
      entry.resolve(reply as Result);
    }
  };
  return (message, options = {}) =>
    new Promise<Result>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(new DOMException('analysis cancelled', 'AbortError'));
        return;
      }
      const onAbort = () => {
        if (!pending.delete(message.id)) return;
        worker.postMessage({ kind: 'cancel', id: message.id });
        reject(new DOMException('analysis cancelled', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(message.id, {
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        onProgress: options.onProgress,
      });
      worker.postMessage(message);
    });
}
