import { describe, expect, it } from 'vitest';
import { startBackend } from './startBackend';
import { CPU_MAX_N } from './workerEngine';
import type { WorkerPort } from './workerProtocol';

function idleWorker(): WorkerPort & { terminated: boolean } {
  const port = {
    terminated: false,
    postMessage() {},
    addEventListener() {},
    terminate() {
      port.terminated = true;
    },
  };
  return port;
}

const options = { createWorker: idleWorker, onDeviceLost: () => {} };

describe('startBackend', () => {
  it('uses the CPU when the reader turned WebGPU off', async () => {
    const started = await startBackend({ ...options, useGpu: false, gpu: undefined });
    expect(started.backend).toBe('cpu');
    expect(started.fallbackReason).toEqual({ kind: 'disabled' });
    expect(started.maxN).toBe(CPU_MAX_N);
  });

  it('uses the CPU when the browser has no navigator.gpu', async () => {
    const started = await startBackend({ ...options, useGpu: true, gpu: undefined });
    expect(started.fallbackReason).toEqual({ kind: 'noWebGpu' });
  });

  it('uses the CPU when requestAdapter returns null', async () => {
    const gpu = { requestAdapter: async () => null } as unknown as GPU;
    const started = await startBackend({ ...options, useGpu: true, gpu });
    expect(started.backend).toBe('cpu');
    expect(started.fallbackReason).toEqual({ kind: 'noAdapter' });
  });

  it('uses the CPU with the message when requesting the device fails', async () => {
    const adapter = {
      limits: {},
      features: new Set<string>(),
      info: {},
      requestDevice: async () => {
        throw new Error('device request refused');
      },
    };
    const gpu = { requestAdapter: async () => adapter } as unknown as GPU;
    const started = await startBackend({ ...options, useGpu: true, gpu });
    expect(started.fallbackReason).toEqual({ kind: 'failed', message: 'device request refused' });
  });

  it('stop() terminates the CPU worker', async () => {
    const worker = idleWorker();
    const started = await startBackend({
      ...options,
      createWorker: () => worker,
      useGpu: false,
      gpu: undefined,
    });
    started.stop();
    expect(worker.terminated).toBe(true);
  });
});
