// Web Worker entry of the CPU fallback: the float64 references run here, off the
// main thread, so sliders stay responsive while a large n computes.
import { handleWorkerCall } from './workerHandler';
import type { WorkerCall } from './workerProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerCall>) => void | Promise<void>) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const { reply, transfer } = await handleWorkerCall(event.data);
  scope.postMessage(reply, transfer);
};
