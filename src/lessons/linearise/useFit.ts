// The fit of lesson linearise in React: picks where it runs (WebGPU when the
// engine has a device, else the float64 Worker), restarts it whenever its
// inputs or settings change, and drives play / step / run-to with one batch of
// steps per animation frame (each batch bounded by BATCH_BUDGET_MS of work), so
// the page never waits on more than a frame's worth of fitting.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createFitWorker,
  type FitBackend,
  type FitDriver,
  type FitSnapshot,
  type FitInputs,
  type FitPoint,
  type FitSettings,
} from '../../engine';
import { createGpuFitDriver, createWorkerFitDriver } from '../../engine/webgpu';

/** Work per batch: about one frame at 60 Hz less drawing time. */
export const BATCH_BUDGET_MS = 12;
/** Play stops here (the GPU keeps this many losses; the curve stays readable). */
export const MAX_FIT_STEPS = 4000;

export interface FitView {
  readonly backend: FitBackend | null;
  readonly snapshot: FitSnapshot | null;
  /** history[s]: the point at step s (GPU batches give the loss only for their inner steps). */
  readonly history: readonly FitPoint[];
  readonly running: boolean;
  /** Steps per second of fitting (time inside advance calls, read-back and messages included). */
  readonly stepsPerSecond: number | null;
  readonly error: string | null;
  /** Why the GPU path was given up for the Worker, if it was. */
  readonly gpuFailure: string | null;
  play(): void;
  pause(): void;
  /** Runs until `count` more steps are done. */
  runSteps(count: number): void;
  reset(): void;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });

interface FitState {
  /** The settings, restart count and driver the state belongs to: any other key reads as empty. */
  readonly key: string;
  readonly backend: FitBackend | null;
  readonly snapshot: FitSnapshot | null;
  readonly history: readonly FitPoint[];
  readonly running: boolean;
  readonly error: string | null;
  readonly speed: number | null;
}

const EMPTY: Omit<FitState, 'key'> = {
  backend: null,
  snapshot: null,
  history: [],
  running: false,
  error: null,
  speed: null,
};

/**
 * `enabled` false (the engine is still choosing its backend) starts nothing, so a
 * page with WebGPU does not first start a Worker fit it would throw away.
 */
export function useFit(
  inputs: FitInputs,
  settings: FitSettings,
  device: GPUDevice | null,
  epoch: number,
  enabled: boolean,
): FitView {
  const [gpuFailure, setGpuFailure] = useState<string | null>(null);
  const [restart, setRestart] = useState(0);
  const [state, setState] = useState<FitState>({ key: '', ...EMPTY });
  const driver = useRef<FitDriver | null>(null);
  const target = useRef(0);
  const loop = useRef(0);
  const active = useRef(false);
  const timing = useRef({ steps: 0, ms: 0 });
  const current = useRef<FitSnapshot | null>(null);
  const latestKey = useRef('');
  const useGpu = device !== null && gpuFailure === null;
  const settingsKey = `${inputs.seed}|${inputs.n}|${inputs.d}|${inputs.temperature}|${inputs.locality}|${inputs.clustering}|${settings.r}|${settings.loss}|${settings.lr}`;
  const key = `${settingsKey}|${restart}|${useGpu}|${epoch}|${enabled}`;
  const view = state.key === key ? state : { key, ...EMPTY };

  // The driver: created before the start effect below runs (effects run in order).
  useEffect(() => {
    if (!enabled) return;
    const created = useGpu && device ? createGpuFitDriver(device) : createWorkerFitDriver(createFitWorker());
    driver.current = created;
    return () => {
      created.dispose();
      if (driver.current === created) driver.current = null;
    };
  }, [useGpu, device, epoch, enabled]);

  // Updates for any key but the latest started one are dropped (a stopped loop's last words).
  const update = useCallback(
    (forKey: string, change: (previous: FitState) => Partial<FitState>) =>
      setState((previous) => {
        if (forKey !== latestKey.current) return previous;
        const base = previous.key === forKey ? previous : { key: forKey, ...EMPTY };
        return { ...base, ...change(base) };
      }),
    [],
  );

  const apply = useCallback(
    (forKey: string, next: FitSnapshot, fresh: boolean) => {
      current.current = next;
      update(forKey, (previous) => {
        const merged = fresh ? [] : previous.history.slice();
        for (const point of next.points) merged[point.step] = point;
        return { snapshot: next, history: merged };
      });
    },
    [update],
  );

  useEffect(() => {
    const started = driver.current;
    if (!started) return;
    let cancelled = false;
    latestKey.current = key;
    loop.current += 1;
    target.current = 0;
    timing.current = { steps: 0, ms: 0 };
    current.current = null;
    started.start(inputs, settings).then(
      (first) => {
        if (cancelled) return;
        update(key, () => ({ backend: started.backend }));
        apply(key, first, true);
      },
      (reason: unknown) => {
        if (cancelled || isAbort(reason)) return;
        const message = reason instanceof Error ? reason.message : String(reason);
        if (started.backend === 'webgpu') setGpuFailure(message);
        else update(key, () => ({ error: message }));
      },
    );
    return () => {
      cancelled = true;
    };
    // key stands for inputs and settings (new objects on every render), the restart count and the driver.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, apply, update]);

  const drive = useCallback(async () => {
    const fit = driver.current;
    if (!fit || active.current) return;
    const id = ++loop.current;
    const forKey = key;
    active.current = true;
    update(forKey, () => ({ running: true }));
    try {
      for (;;) {
        const at = current.current;
        if (!at || loop.current !== id) break;
        const left = Math.min(target.current, MAX_FIT_STEPS) - at.step;
        if (left <= 0) break;
        const started = performance.now();
        const next = await fit.advance(left, BATCH_BUDGET_MS);
        if (loop.current !== id) break;
        timing.current.steps += next.step - at.step;
        timing.current.ms += performance.now() - started;
        const speed = (1000 * timing.current.steps) / Math.max(timing.current.ms, 1e-3);
        update(forKey, () => ({ speed }));
        apply(forKey, next, false);
        await nextFrame();
      }
    } catch (reason) {
      if (!isAbort(reason) && loop.current === id) {
        update(forKey, () => ({ error: reason instanceof Error ? reason.message : String(reason) }));
      }
    } finally {
      active.current = false;
      update(forKey, () => ({ running: false }));
    }
  }, [key, apply, update]);

  const runSteps = useCallback(
    (count: number) => {
      const at = current.current;
      if (!at) return;
      target.current = Math.max(target.current, at.step) + count;
      void drive();
    },
    [drive],
  );

  return {
    backend: view.backend,
    snapshot: view.snapshot,
    history: view.history,
    running: view.running,
    stepsPerSecond: view.speed,
    error: view.error,
    gpuFailure,
    play: () => {
      target.current = MAX_FIT_STEPS;
      void drive();
    },
    // The batch in flight still lands (its steps are done); the loop stops after it.
    pause: () => {
      target.current = 0;
    },
    runSteps,
    reset: () => setRestart((value) => value + 1),
  };
}
