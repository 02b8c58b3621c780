// Web Worker of the feature-map labs: runs analyzeFeatureMap, the Performer
// sweep and the Focused p sweep (./featureAnalysis.ts) off the main thread, posts progress, and stops a
// call when the page sends its cancel (the analysis drivers yield to the event
// loop every few tens of milliseconds, so the message is seen mid-spectrum).
import { analyzeFeatureMap, focusSweep, performerSweep } from './featureAnalysis';
import type { FeatureWorkerCall, FeatureWorkerReply } from './featureAnalysisProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<FeatureWorkerCall>) => void) | null;
  postMessage(message: FeatureWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();
/** Progress messages at most this often. */
const PROGRESS_INTERVAL_MS = 60;

scope.onmessage = (event) => {
  const call = event.data;
  if (call.kind === 'cancel') {
    running.get(call.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(call.id, controller);
  let last = -Infinity;
  const onProgress = (fraction: number) => {
    const now = performance.now();
    if (fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    scope.postMessage({ kind: 'progress', id: call.id, fraction });
  };
  const options = { signal: controller.signal, onProgress };
  const work: Promise<FeatureWorkerReply> =
    call.kind === 'analyze'
      ? analyzeFeatureMap(call.inputs, call.settings, options).then((analysis) => ({
          kind: 'analysis',
          id: call.id,
          analysis,
        }))
      : call.kind === 'sweep'
        ? performerSweep(call.inputs, call.causal, options).then((points) => ({
            kind: 'sweep',
            id: call.id,
            points,
          }))
        : focusSweep(call.inputs, call.causal, options).then((points) => ({
            kind: 'focus-sweep',
            id: call.id,
            points,
          }));
  work
    .then((reply) => {
      const transfer = reply.kind === 'analysis' ? [reply.analysis.difference.buffer] : [];
      scope.postMessage(reply, transfer);
    })
    .catch((error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ kind: 'error', id: call.id, name, message });
    })
    .finally(() => running.delete(call.id));
};
