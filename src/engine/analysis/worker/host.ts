// The Worker side: runs spectrum and Performer-sweep calls with the async
// drivers (they give the event loop a turn every few tens of milliseconds, so
// a cancel message is seen mid-computation), posts progress, and answers each
// call once with its result or its error (./serve.ts).
import { performerErrorSweepAsync } from '../performerSweep';
import { spectrumAsync } from '../spectrum';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './protocol';
import { serveCancellableCalls } from './serve';

/** Progress messages are posted at most this often (the drivers report every 1 %). */
const PROGRESS_INTERVAL_MS = 50;

export function serveAnalysis(port: AnalysisPort<AnalysisCall, AnalysisReply>): void {
  serveCancellableCalls<AnalysisCall, AnalysisReply>(
    port,
    async (call, options) => {
      if (call.kind === 'spectrum') {
        const summary = await spectrumAsync(
          { rows: call.rows, cols: call.cols, data: call.data },
          { ...options, relativeTolerance: call.relativeTolerance },
        );
        return { reply: { kind: 'spectrum', id: call.id, summary }, transfer: [summary.values.buffer] };
      }
      const points = await performerErrorSweepAsync({ ...call, ...options });
      return { reply: { kind: 'performer-sweep', id: call.id, points } };
    },
    PROGRESS_INTERVAL_MS,
  );
}
