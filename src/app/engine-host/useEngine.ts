// The engine in React: <EngineProvider> (in App) starts WebGPU when it is
// available and the reader allows it, else the CPU engine in a Web Worker;
// useEngine() reads it; useLatestRun() runs async work keyed by the controls
// with the latest request winning. When the device is lost it is acquired again
// and `epoch` grows, so every lab that keys its runs on epoch recomputes.
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AttentionEngine, Backend } from '../../engine';
import { useViewStore } from '../../state/store';
import { translate } from '../../i18n/translate';
import { LatestRunner, type RunFn } from './latestRunner';
import {
  startBackend,
  startCpu,
  type DeviceInfo,
  type FallbackReason,
  type StartedBackend,
} from './startBackend';
import { CPU_MAX_N } from './workerEngine';
import type { WorkerPort } from './workerProtocol';

export { CPU_MAX_N };
export type { DeviceInfo, FallbackReason };

export type EngineStatus = 'loading' | 'ready' | 'error';

export interface EngineState {
  readonly engine: AttentionEngine | null;
  readonly backend: Backend;
  readonly device: GPUDevice | null;
  readonly deviceInfo: DeviceInfo | null;
  readonly status: EngineStatus;
  /** Grows whenever the engine is replaced (backend switch, device re-acquired): part of every run key. */
  readonly epoch: number;
  /** Largest n the backend runs (the CPU cap); undefined on WebGPU, whose engine answers "too big" itself. */
  readonly maxN: number | undefined;
  /** Why the CPU fallback is in use, or null on WebGPU. */
  readonly fallbackReason: FallbackReason | null;
  /** Why the engine could not start at all (status 'error'). */
  readonly error: string | null;
}

const INITIAL: EngineState = {
  engine: null,
  backend: 'webgpu',
  device: null,
  deviceInfo: null,
  status: 'loading',
  epoch: 0,
  maxN: undefined,
  fallbackReason: null,
  error: null,
};

const EngineContext = createContext<EngineState>(INITIAL);

function createCpuWorker(): WorkerPort {
  return new Worker(new URL('./cpuEngine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cpu-engine',
  }) as unknown as WorkerPort;
}

function notify(
  kind: 'info' | 'warning' | 'error',
  key: Parameters<typeof translate>[1],
  message: string,
): void {
  const { lang, pushNotice } = useViewStore.getState();
  pushNotice({ id: `engine-${key}`, kind, text: translate(lang, key, { message }) });
}

export function EngineProvider({ children }: { readonly children: ReactNode }) {
  const useGpu = useViewStore((state) => state.gpu);
  // The setting the current engine was started for: while it differs from the store's, a new one is starting.
  const [state, setState] = useState<EngineState & { readonly forGpu: boolean | null }>({
    ...INITIAL,
    forGpu: null,
  });

  useEffect(() => {
    let cancelled = false;
    let current: StartedBackend | null = null;

    const adopt = (started: StartedBackend) => {
      if (cancelled) {
        started.stop();
        return;
      }
      current = started;
      setState((previous) => ({
        engine: started.engine,
        backend: started.backend,
        device: started.device,
        deviceInfo: started.deviceInfo,
        status: 'ready',
        epoch: previous.epoch + 1,
        maxN: started.maxN,
        fallbackReason: started.fallbackReason,
        error: null,
        forGpu: useGpu,
      }));
    };

    const start = (): void => {
      const gpu = typeof navigator !== 'undefined' && 'gpu' in navigator ? navigator.gpu : undefined;
      startBackend({ useGpu, gpu, createWorker: createCpuWorker, onDeviceLost })
        .then(adopt)
        .catch((error: unknown) => {
          if (cancelled) return;
          const message = error instanceof Error ? error.message : String(error);
          setState((previous) => ({
            ...previous,
            engine: null,
            status: 'error',
            error: message,
            forGpu: useGpu,
          }));
        });
    };

    // Lost device: acquire a new one (same path as at start); if that gives the CPU, say so.
    function onDeviceLost(message: string): void {
      if (cancelled) return;
      current = null;
      setState((previous) => ({ ...previous, engine: null, device: null, status: 'loading' }));
      const gpu = typeof navigator !== 'undefined' && 'gpu' in navigator ? navigator.gpu : undefined;
      startBackend({ useGpu: true, gpu, createWorker: createCpuWorker, onDeviceLost })
        .catch((error: unknown) =>
          startCpu(createCpuWorker, {
            kind: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
        )
        .then((started) => {
          adopt(started);
          if (cancelled) return;
          if (started.backend === 'webgpu') notify('warning', 'engine.deviceLost', message);
          else notify('error', 'engine.deviceLostFallback', message);
        });
    }

    start();
    return () => {
      cancelled = true;
      (current as StartedBackend | null)?.stop();
    };
  }, [useGpu]);

  const { forGpu, ...engineState } = state;
  const value = useMemo<EngineState>(
    () =>
      forGpu === useGpu ? engineState : { ...engineState, engine: null, device: null, status: 'loading' },
    // engineState is a fresh object each render; its fields are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state, useGpu],
  );
  return createElement(EngineContext.Provider, { value }, children);
}

export function useEngine(): EngineState {
  return useContext(EngineContext);
}

export interface LatestRun<T> {
  /** The newest result that arrived (kept while a newer one computes). */
  readonly value: T | undefined;
  /** The error of the newest run, if it failed (value keeps the last success). */
  readonly error: Error | undefined;
  /** Key of `value` / `error`. */
  readonly key: string | undefined;
  /** A run for a newer key is in flight or waiting. */
  readonly pending: boolean;
}

/**
 * Runs `fn` whenever `key` changes (null: run nothing). At most one run is in
 * flight; keys requested meanwhile collapse into the latest. Put everything the
 * result depends on into the key, including useEngine().epoch.
 */
export function useLatestRun<T>(key: string | null, fn: RunFn<T>): LatestRun<T> {
  const [result, setResult] = useState<LatestRun<T>>({
    value: undefined,
    error: undefined,
    key: undefined,
    pending: false,
  });
  const fnRef = useRef(fn);
  const runnerRef = useRef<LatestRunner<T> | null>(null);

  useEffect(() => {
    fnRef.current = fn;
  });

  useEffect(() => {
    const runner = new LatestRunner<T>((outcome, stillPending) => {
      setResult((previous) => ({
        value: outcome.error === undefined ? outcome.value : previous.value,
        error: outcome.error,
        key: outcome.key,
        pending: stillPending,
      }));
    });
    runnerRef.current = runner;
    return () => {
      runner.dispose();
      runnerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const runner = runnerRef.current;
    if (key === null || runner === null) return;
    runner.request(key, (signal) => fnRef.current(signal));
  }, [key]);

  // A key that has no outcome yet is pending, whether it runs now or waits.
  const pending = result.pending || (key !== null && key !== result.key);
  return pending === result.pending ? result : { ...result, pending };
}
