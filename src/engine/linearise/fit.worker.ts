// Web Worker of the CPU fit (float64): holds one HedgehogFit and advances it in
// batches bounded by a step count and a time budget, so the page can ask for
// one animation frame's worth of steps at a time and stay responsive.
import type { FitCall, FitReply } from './protocol';
import { serveFit } from './serveFit';

interface WorkerScope {
  onmessage: ((event: { readonly data: FitCall }) => void) | null;
  postMessage(message: FitReply, transfer: Transferable[]): void;
}

serveFit(self as unknown as WorkerScope);
