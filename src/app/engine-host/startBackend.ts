// Chooses and starts the backend: WebGPU when the reader allows it and the
// browser offers an adapter, else the CPU engine in a Worker (with the reason,
// which the banner and the About panel show).
import {
  acquireDevice,
  loadWebGpu,
  NoAdapterError,
  type AcquiredDevice,
  type AttentionEngine,
} from '../../engine';
import { createWorkerEngine, CPU_MAX_N, type WorkerEngine } from './workerEngine';
import type { WorkerPort } from './workerProtocol';

export type FallbackReason =
  | { readonly kind: 'disabled' }
  | { readonly kind: 'noWebGpu' }
  | { readonly kind: 'noAdapter' }
  | { readonly kind: 'failed'; readonly message: string };

/** What the About panel shows about the device (AcquiredDevice without the device itself). */
export type DeviceInfo = Omit<AcquiredDevice, 'device'>;

export type StartedBackend =
  | {
      readonly backend: 'webgpu';
      readonly engine: AttentionEngine;
      readonly device: GPUDevice;
      readonly deviceInfo: DeviceInfo;
      readonly maxN: undefined;
      readonly fallbackReason: null;
      stop(): void;
    }
  | {
      readonly backend: 'cpu';
      readonly engine: WorkerEngine;
      readonly device: null;
      readonly deviceInfo: null;
      readonly maxN: number;
      readonly fallbackReason: FallbackReason;
      stop(): void;
    };

export interface StartOptions {
  /** The reader's setting (ViewState.gpu). */
  readonly useGpu: boolean;
  /** navigator.gpu, or undefined where the browser has none. */
  readonly gpu: GPU | undefined;
  readonly createWorker: () => WorkerPort;
  /** Called when the device is lost for a reason other than our own stop(). */
  readonly onDeviceLost: (message: string) => void;
}

export function startCpu(createWorker: () => WorkerPort, fallbackReason: FallbackReason): StartedBackend {
  const engine = createWorkerEngine(createWorker(), CPU_MAX_N);
  return {
    backend: 'cpu',
    engine,
    device: null,
    deviceInfo: null,
    maxN: CPU_MAX_N,
    fallbackReason,
    stop: () => engine.dispose(),
  };
}

export async function startBackend(options: StartOptions): Promise<StartedBackend> {
  if (!options.useGpu) return startCpu(options.createWorker, { kind: 'disabled' });
  if (options.gpu === undefined) return startCpu(options.createWorker, { kind: 'noWebGpu' });
  let acquired: AcquiredDevice;
  let stopping = false;
  try {
    acquired = await acquireDevice(options.gpu, {
      onLost: (info) => {
        // Our own stop() destroys the device on purpose; any other loss (driver reset, a destroy()
        // elsewhere) is reported so the provider can acquire a new one.
        if (!stopping) options.onDeviceLost(info.message || info.reason);
      },
    });
  } catch (error) {
    if (error instanceof NoAdapterError) return startCpu(options.createWorker, { kind: 'noAdapter' });
    const message = error instanceof Error ? error.message : String(error);
    return startCpu(options.createWorker, { kind: 'failed', message });
  }
  const { device, ...deviceInfo } = acquired;
  // The kernels load only once a WebGPU device is in hand.
  const { createGpuEngine } = await loadWebGpu();
  return {
    backend: 'webgpu',
    engine: createGpuEngine(device),
    device,
    deviceInfo,
    maxN: undefined,
    fallbackReason: null,
    stop: () => {
      stopping = true;
      device.destroy();
    },
  };
}
