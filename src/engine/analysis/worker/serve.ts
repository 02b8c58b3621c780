// The worker side of the cancellable call protocol: each call gets an
// AbortController that its 'cancel' message trips, progress is posted at most
// every `progressIntervalMs`, and each call is answered once, with its result
// or its error.
import type { AnalysisPort, CancelCall, ErrorReply, ProgressReply } from './protocol';

export interface CallOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (fraction: number) => void;
}

type Call = { readonly kind: string; readonly id: number };

export interface Answer<Reply> {
  readonly reply: Reply;
  /** Buffers to transfer with the reply instead of copying them. */
  readonly transfer?: Transferable[];
}

export function serveCancellableCalls<In extends Call, Out extends { readonly kind: string }>(
  port: AnalysisPort<In | CancelCall, Out | ProgressReply | ErrorReply>,
  answer: (call: In, options: CallOptions) => Promise<Answer<Out>>,
  progressIntervalMs: number,
): void {
  const running = new Map<number, AbortController>();
  port.onmessage = (event) => {
    const call = event.data;
    if (call.kind === 'cancel') {
      running.get(call.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(call.id, controller);
    let lastProgress = -Infinity;
    const onProgress = (fraction: number) => {
      const now = performance.now();
      if (fraction < 1 && now - lastProgress < progressIntervalMs) return;
      lastProgress = now;
      port.postMessage({ kind: 'progress', id: call.id, fraction });
    };
    answer(call as In, { signal: controller.signal, onProgress })
      .then(({ reply, transfer }) => port.postMessage(reply, transfer ?? []))
      .catch((error: unknown) => {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ kind: 'error', id: call.id, name, message });
      })
      .finally(() => running.delete(call.id));
  };
}
