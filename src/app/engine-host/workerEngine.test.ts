import { describe, expect, it } from 'vitest';
import { createCpuEngine, EngineError, type RunRequest } from '../../engine';
import { handleWorkerCall } from './workerHandler';
import { createWorkerEngine } from './workerEngine';
import type { WorkerCall, WorkerPort, WorkerReply } from './workerProtocol';

/** A Worker stand-in that runs the real handler asynchronously, cloning like postMessage does. */
function fakeWorker(): WorkerPort & { terminated: boolean } {
  const listeners: ((event: MessageEvent<WorkerReply>) => void)[] = [];
  const port = {
    terminated: false,
    postMessage(message: WorkerCall) {
      const copy = structuredClone(message);
      setTimeout(async () => {
        const { reply, transfer } = await handleWorkerCall(copy);
        const delivered = structuredClone(reply, { transfer });
        for (const listener of listeners) listener({ data: delivered } as MessageEvent<WorkerReply>);
      }, 0);
    },
    addEventListener(type: string, listener: (event: MessageEvent<WorkerReply>) => void) {
      if (type === 'message') listeners.push(listener);
    },
    terminate() {
      port.terminated = true;
    },
  };
  return port as WorkerPort & { terminated: boolean };
}

function problem(n: number, d = 4) {
  const values = (offset: number) =>
    Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 0.37 + offset));
  return { n, dk: d, dv: d, q: values(0), k: values(1), v: values(2) };
}

describe('createWorkerEngine', () => {
  it('returns the same output as the CPU engine on the main thread', async () => {
    const request: RunRequest = { variant: 'softmax', form: 'parallel', problem: problem(16) };
    const viaWorker = await createWorkerEngine(fakeWorker()).run(request);
    const direct = await createCpuEngine().run(request);
    expect(viaWorker.backend).toBe('cpu');
    expect(Array.from(viaWorker.o)).toEqual(Array.from(direct.o));
    expect(request.problem.q.length).toBe(64);
  });

  it('rebuilds weights as a MatrixHandle whose at() works locally', async () => {
    const engine = createWorkerEngine(fakeWorker());
    const matrix = await engine.weights({
      variant: 'softmax',
      problem: { ...problem(8), params: { causal: true } },
    });
    expect([matrix.rows, matrix.cols]).toEqual([8, 8]);
    expect(await matrix.at(0, 0)).toBeCloseTo(1, 12);
    expect(await matrix.at(0, 1)).toBe(0);
    expect(matrix.maxValue).toBeCloseTo(1, 12);
  });

  it('refuses n above the cap with maxN, without calling the worker', async () => {
    const engine = createWorkerEngine(fakeWorker(), 32);
    const attempt = engine.run({ variant: 'softmax', form: 'parallel', problem: problem(64) });
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    await expect(attempt).rejects.toMatchObject({ maxN: 32 });
  });

  it('passes engine errors back as EngineError with their message', async () => {
    const engine = createWorkerEngine(fakeWorker());
    const bad = { ...problem(8), q: new Float32Array(3) };
    await expect(engine.run({ variant: 'softmax', form: 'parallel', problem: bad })).rejects.toMatchObject({
      name: 'EngineError',
    });
  });

  it('rejects calls after dispose and terminates the worker', async () => {
    const worker = fakeWorker();
    const engine = createWorkerEngine(worker);
    engine.dispose();
    expect(worker.terminated).toBe(true);
    await expect(engine.run({ variant: 'softmax', form: 'parallel', problem: problem(8) })).rejects.toThrow(
      /stopped/,
    );
  });
});
