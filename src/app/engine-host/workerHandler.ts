// What the CPU Worker does with one call: run the float64 reference and reply,
// listing the result's buffers to transfer. Kept apart from the Worker entry so
// Node tests can call it directly.
import { cpuWeights, loadCpuForms, runCpu, EngineError } from '../../engine';
import type { WorkerCall, WorkerReply } from './workerProtocol';

export async function handleWorkerCall(
  call: WorkerCall,
): Promise<{ reply: WorkerReply; transfer: ArrayBuffer[] }> {
  try {
    await loadCpuForms();
    if (call.op === 'run') {
      const result = runCpu(call.request);
      const transfer = [result.o.buffer, ...(result.state ? [result.state.buffer] : [])] as ArrayBuffer[];
      return { reply: { id: call.id, ok: true, op: 'run', result }, transfer };
    }
    const { rows, cols, maxAbs, minValue, maxValue, host } = cpuWeights(call.request);
    if (host === undefined) throw new EngineError('the CPU weights have no host data');
    return {
      reply: {
        id: call.id,
        ok: true,
        op: 'weights',
        matrix: { rows, cols, maxAbs, minValue, maxValue, host },
      },
      transfer: [host.buffer as ArrayBuffer],
    };
  } catch (error) {
    const maxN = error instanceof EngineError ? error.maxN : undefined;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return {
      reply: {
        id: call.id,
        ok: false,
        error: maxN === undefined ? { name, message } : { name, message, maxN },
      },
      transfer: [],
    };
  }
}
