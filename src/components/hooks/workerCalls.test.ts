import { describe, expect, it } from 'vitest';
import { workerCalls } from './workerCalls';

type Call = { kind: 'run'; id: number; x: number } | { kind: 'cancel'; id: number };
type Reply =
  | { kind: 'done'; id: number; y: number }
  | { kind: 'progress'; id: number; fraction: number }
  | { kind: 'error'; id: number; name: string; message: string };

/** A stand-in Worker: records posted messages; `reply` plays the Worker's answer. */
function fakeWorker() {
  const posted: unknown[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<Reply>) => void) | null,
    postMessage: (message: unknown) => posted.push(message),
  };
  const reply = (data: Reply) => worker.onmessage?.({ data } as MessageEvent<Reply>);
  return { worker: worker as unknown as Worker, posted, reply };
}

describe('workerCalls', () => {
  it('posts the call, reports progress and resolves with the result of the same id', async () => {
    const { worker, posted, reply } = fakeWorker();
    const call = workerCalls<Call, Reply>(worker);
    const progress: number[] = [];
    const result = call({ kind: 'run', id: 7, x: 2 }, { onProgress: (f) => progress.push(f) });
    expect(posted).toEqual([{ kind: 'run', id: 7, x: 2 }]);
    reply({ kind: 'progress', id: 7, fraction: 0.5 });
    reply({ kind: 'done', id: 8, y: 99 }); // another id: ignored
    reply({ kind: 'done', id: 7, y: 4 });
    await expect(result).resolves.toEqual({ kind: 'done', id: 7, y: 4 });
    expect(progress).toEqual([0.5]);
  });

  it("rejects with the Worker's error name and message", async () => {
    const { worker, reply } = fakeWorker();
    const call = workerCalls<Call, Reply>(worker);
    const result = call({ kind: 'run', id: 1, x: 0 });
    reply({ kind: 'error', id: 1, name: 'EngineError', message: 'n too large' });
    await expect(result).rejects.toMatchObject({ name: 'EngineError', message: 'n too large' });
  });

  it('an abort sends cancel, rejects with AbortError and drops the late result', async () => {
    const { worker, posted, reply } = fakeWorker();
    const call = workerCalls<Call, Reply>(worker);
    const controller = new AbortController();
    const result = call({ kind: 'run', id: 3, x: 1 }, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(posted).toEqual([
      { kind: 'run', id: 3, x: 1 },
      { kind: 'cancel', id: 3 },
    ]);
    reply({ kind: 'done', id: 3, y: 1 }); // no pending call: nothing happens
    const aborted = new AbortController();
    aborted.abort();
    await expect(call({ kind: 'run', id: 4, x: 1 }, { signal: aborted.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(posted).toHaveLength(2);
  });
});
