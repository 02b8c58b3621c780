// One place for the labs that time forms on the reader's device (the timing lab
// and the chunking lab): a job of one or more sweeps through the bench's
// runGpuSweep (timestamp queries where the device has them, else wall clock to
// onSubmittedWorkDone; warm-up, ≥ 5 timed runs, no read-back in the timed loop)
// or, on the CPU fallback, runCpuSweep (performance.now around the float64
// reference, yielding between runs). Progress over the whole job, cancel, and the
// reader's total time budget (a watchdog cancels what has not run by then).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  loadWebGpu,
  type CaseInputs,
  type CaseParams,
  type SweepConfig,
  type SweepProgress,
  type SweepResult,
} from '../../engine';
import { useEngine } from '../../app/engine-host/useEngine';

export interface JobProgress extends SweepProgress {
  /** What the current sweep of the job is about (a lab's own words, e.g. "C = 32"). */
  readonly tag?: string;
}

export interface SweepJob {
  /** Runs one sweep of the job on the lab's backend; progress counts on from the sweeps before it. */
  sweep(
    config: SweepConfig,
    options?: { readonly params?: CaseParams; readonly inputs?: CaseInputs; readonly tag?: string },
  ): Promise<SweepResult>;
}

export interface SweepRunner {
  readonly running: boolean;
  readonly progress: JobProgress | null;
  readonly error: string | null;
  /** The engine is ready (a job can start). */
  readonly ready: boolean;
  /**
   * Runs `job` (whose sweeps have `total` points in all) with a watchdog of
   * `budgetS` seconds; resolves to the job's value, or null when it failed
   * (the error is in `error`).
   */
  start<T>(total: number, budgetS: number, job: (run: SweepJob) => Promise<T>): Promise<T | null>;
  cancel(): void;
}

export function useSweepRunner(): SweepRunner {
  const { device, deviceInfo, backend, status } = useEngine();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  // Cancel a job still running when the lab unmounts (step change, lesson change).
  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(
    async <T>(total: number, budgetS: number, job: (run: SweepJob) => Promise<T>): Promise<T | null> => {
      const controller = new AbortController();
      controllerRef.current = controller;
      setError(null);
      setProgress({ done: 0, total });
      const watchdog = setTimeout(() => controller.abort(), budgetS * 1000);
      let offset = 0;
      const run: SweepJob = {
        async sweep(config, options = {}) {
          const report = (p: SweepProgress) =>
            setProgress({ done: offset + p.done, total, current: p.current, tag: options.tag });
          const sweepOptions = { params: options.params, inputs: options.inputs };
          const result =
            backend === 'webgpu' && device && deviceInfo
              ? await (
                  await loadWebGpu()
                ).runGpuSweep({ device, ...deviceInfo }, config, report, controller.signal, sweepOptions)
              : await (await loadWebGpu()).runCpuSweep(config, report, controller.signal, sweepOptions);
          offset += config.cases.length * config.ns.length;
          return result;
        },
      };
      try {
        return await job(run);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        return null;
      } finally {
        clearTimeout(watchdog);
        if (controllerRef.current === controller) controllerRef.current = null;
        setProgress(null);
      }
    },
    [backend, device, deviceInfo],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  return { running: progress !== null, progress, error, ready: status === 'ready', start, cancel };
}
