// Turns of the event loop for long computations in a Worker: between slices of
// work, a message (an abort from the page) gets its chance to be handled.

/** A slice budget and a cheap way to give the event loop one turn. */
export interface EventLoopTurns {
  /** Resolves after one macrotask turn if the current slice has run `sliceMs`, at once otherwise. */
  maybeYield(): Promise<void>;
  close(): void;
}

/**
 * The way React's scheduler yields: setImmediate where it exists (Node, where
 * MessagePort drains newly posted messages in the same loop iteration and
 * would starve timers and other ports), else a MessageChannel (browsers and
 * their Workers: unlike chained setTimeout(0), clamped to 4 ms after a few
 * nested calls, a posted message costs microseconds, and it is a task of its
 * own, so a message already queued, such as an abort, is handled in between).
 */
export function eventLoopTurns(sliceMs: number): EventLoopTurns {
  let sliceStart = performance.now();
  const turn = turnFunction();
  return {
    maybeYield: async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await turn.next();
      sliceStart = performance.now();
    },
    close: () => turn.close(),
  };
}

function turnFunction(): { next(): Promise<void>; close(): void } {
  if (typeof setImmediate === 'function') {
    return { next: () => new Promise<void>((done) => setImmediate(done)), close: () => {} };
  }
  const channel = new MessageChannel();
  let resolve: (() => void) | null = null;
  channel.port1.onmessage = () => {
    resolve?.();
    resolve = null;
  };
  return {
    next: () =>
      new Promise<void>((done) => {
        resolve = done;
        channel.port2.postMessage(null);
      }),
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
