// "Latest wins" scheduling for async work driven by a key (a slider position):
// at most one run in flight; a key requested meanwhile replaces any waiting one,
// so a drag never queues stale work. Results arrive in request order, so no
// result older than the one shown can overwrite it.
export interface RunOutcome<T> {
  readonly key: string;
  readonly value?: T;
  readonly error?: Error;
}

export type RunFn<T> = (signal: AbortSignal) => Promise<T>;

export class LatestRunner<T> {
  private running: { key: string; controller: AbortController } | null = null;
  private waiting: { key: string; fn: RunFn<T> } | null = null;
  private lastKey: string | null = null;
  private disposed = false;

  constructor(
    private readonly onOutcome: (outcome: RunOutcome<T>, stillPending: boolean) => void,
    private readonly onStart: (key: string) => void = () => {},
  ) {}

  /** Ask for the result of `key`; a repeated request for the latest key does nothing. */
  request(key: string, fn: RunFn<T>): void {
    if (this.disposed) return;
    const latest = this.waiting?.key ?? this.running?.key ?? this.lastKey;
    if (key === latest) {
      this.waiting = null;
      return;
    }
    if (this.running !== null) {
      this.waiting = { key, fn };
      return;
    }
    this.start(key, fn);
  }

  /** Forget the last key so the next request runs even if it is the same (engine changed). */
  invalidate(): void {
    this.lastKey = null;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting = null;
    this.running?.controller.abort();
  }

  private start(key: string, fn: RunFn<T>): void {
    const controller = new AbortController();
    this.running = { key, controller };
    this.lastKey = key;
    this.onStart(key);
    const settle = (outcome: RunOutcome<T>) => {
      this.running = null;
      if (this.disposed) return;
      const next = this.waiting;
      this.waiting = null;
      this.onOutcome(outcome, next !== null);
      if (next !== null) this.start(next.key, next.fn);
    };
    let promise: Promise<T>;
    try {
      promise = fn(controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => settle({ key, value }),
      (error: unknown) => settle({ key, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }
}
