// The Worker side: runs spectrum and Performer-sweep calls with the async
// drivers (they give the event loop a turn every few tens of milliseconds, so
// a cancel message is seen mid-computation), posts progress, and answers each
// call once with its result or its error.
import { performerErrorSweepAsync } from '../performerSweep';
import { spectrumAsync } from '../spectrum';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './protocol';

/** Progress messages are posted at most this often (the drivers report every 1 %). */
const PROGRESS_INTERVAL_MS = 50;

export function serveAnalysis(port: AnalysisPort<AnalysisCall, AnalysisReply>): void {
  const running = new Map<number, AbortController>();
  port.onmessage = (event) => {
    const call = event.data;
    if (call.kind === 'cancel') {
      running.get(call.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(call.id, controller);
    let lastProgress = -Infinity;
    const onProgress = (fraction: number) => {
      const now = performance.now();
      if (fraction < 1 && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      port.postMessage({ kind: 'progress', id: call.id, fraction });
    };
    const options = { signal: controller.signal, onProgress };
    const work: Promise<AnalysisReply> =
      call.kind === 'spectrum'
        ? spectrumAsync(
            { rows: call.rows, cols: call.cols, data: call.data },
            { ...options, relativeTolerance: call.relativeTolerance },
          ).then((summary) => ({ kind: 'spectrum', id: call.id, summary }))
        : performerErrorSweepAsync({ ...call, ...options }).then((points) => ({
            kind: 'performer-sweep',
            id: call.id,
            points,
          }));
    work
      .then((reply) => {
        const transfer = reply.kind === 'spectrum' ? [reply.summary.values.buffer] : [];
        port.postMessage(reply, transfer);
      })
      .catch((error: unknown) => {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ kind: 'error', id: call.id, name, message });
      })
      .finally(() => running.delete(call.id));
  };
}
