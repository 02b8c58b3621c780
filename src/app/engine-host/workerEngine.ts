// The CPU engine as seen from the main thread: the AttentionEngine interface in
// front of a Worker. Sizes above CPU_MAX_N are refused with EngineError.maxN, the
// same answer the GPU engine gives for "too big", so labs clamp one way.
import {
  hostMatrix,
  EngineError,
  type AttentionEngine,
  type MatrixHandle,
  type RunRequest,
  type RunResult,
} from '../../engine';
import type { SerializedError, WorkerCall, WorkerPort, WorkerReply } from './workerProtocol';

/** Largest n the CPU fallback runs (an n×n float64 map at 1024 is 8 MiB and well under a second). */
export const CPU_MAX_N = 1024;

export interface WorkerEngine extends AttentionEngine {
  readonly backend: 'cpu';
  /** Stop the Worker; calls in flight reject. */
  dispose(): void;
}

function toError(error: SerializedError): Error {
  if (error.name === 'EngineError') return new EngineError(error.message, { maxN: error.maxN });
  const plain = new Error(error.message);
  plain.name = error.name;
  return plain;
}

export function createWorkerEngine(port: WorkerPort, maxN = CPU_MAX_N): WorkerEngine {
  let nextId = 1;
  const calls = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const call of calls.values()) call.reject(error);
    calls.clear();
  };

  port.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const call = calls.get(reply.id);
    if (call === undefined) return;
    calls.delete(reply.id);
    if (reply.ok) call.resolve(reply);
    else call.reject(toError(reply.error));
  });
  port.addEventListener('error', (event: ErrorEvent) => {
    failAll(new Error(`the CPU worker failed: ${event.message || 'unknown error'}`));
  });

  const call = (message: Omit<WorkerCall, 'id'>): Promise<WorkerReply> => {
    if (failure !== null) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      calls.set(id, { resolve, reject });
      port.postMessage({ ...message, id } as WorkerCall);
    });
  };

  const checkSize = (n: number) => {
    if (n > maxN) {
      throw new EngineError(`the CPU fallback runs at most n = ${maxN} (asked for n = ${n})`, { maxN });
    }
  };

  return {
    backend: 'cpu',
    async run(request: RunRequest): Promise<RunResult> {
      checkSize(request.problem.n);
      const reply = await call({ op: 'run', request });
      if (!reply.ok || reply.op !== 'run') throw new EngineError('the CPU worker answered the wrong call');
      return reply.result;
    },
    async weights(request: Omit<RunRequest, 'form'>): Promise<MatrixHandle> {
      checkSize(request.problem.n);
      const reply = await call({ op: 'weights', request });
      if (!reply.ok || reply.op !== 'weights')
        throw new EngineError('the CPU worker answered the wrong call');
      const { host, rows, cols } = reply.matrix;
      return hostMatrix(host, rows, cols);
    },
    dispose() {
      failAll(new EngineError('the CPU engine was stopped'));
      port.terminate();
    },
  };
}
