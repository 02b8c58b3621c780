// Turns of the event loop for long computations in a Worker: between slices of
// work, a message (an abort from the page) gets its chance to be handled.

/** A slice budget and a cheap way to give the event loop one turn. */
export interface EventLoopTurns {
  /** Resolves after one macrotask turn if the current slice has run `sliceMs`, at once otherwise. */
  maybeYield(): Promise<void>;
  close(): void;
}

/**
 * Uses a MessageChannel: unlike chained setTimeout(0), which browsers clamp to
 * 4 ms after a few nested calls, a posted message costs microseconds, and
 * messages already queued (an abort) are handled before it.
 */
export function eventLoopTurns(sliceMs: number): EventLoopTurns {
  const channel = new MessageChannel();
  let resolve: (() => void) | null = null;
  channel.port1.onmessage = () => {
    resolve?.();
    resolve = null;
  };
  let sliceStart = performance.now();
  return {
    maybeYield: async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await new Promise<void>((done) => {
        resolve = done;
        channel.port2.postMessage(null);
      });
      sliceStart = performance.now();
    },
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Options of every long analysis: progress, and two ways to cancel. */
export interface ProgressOptions {
  /** Called with the fraction done, 0..1, at most about every 1 % of the work. */
  readonly onProgress?: (fraction: number) => void;
  /** Polled between steps; returning true stops the computation with an AbortError. */
  readonly shouldCancel?: () => boolean;
  /** Aborting stops the computation with the signal's reason (an AbortError by default). */
  readonly signal?: AbortSignal;
}

export function throwIfCancelled(options: ProgressOptions): void {
  options.signal?.throwIfAborted();
  if (options.shouldCancel?.()) throw new DOMException('analysis cancelled', 'AbortError');
}

/** Reports progress no more often than every 1 % (and always 0 and 1). */
export function progressReporter(options: ProgressOptions): (fraction: number) => void {
  let reported = -1;
  return (fraction) => {
    if (fraction === 0 || fraction === 1 || fraction - reported >= 0.01) {
      reported = fraction;
      options.onProgress?.(fraction);
    }
  };
}
