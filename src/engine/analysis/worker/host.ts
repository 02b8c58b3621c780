// The worker side: runs each call's pipeline from the registry (the async ones
// give the event loop a turn every few tens of milliseconds, so a cancel is
// seen mid-computation), posts progress, and answers each call once with its
// result or its error (./serve.ts). The typed arrays of a result are
// transferred, not copied: pipelines return arrays they do not keep.
import { runPipeline, type PipelineName } from '../pipelines/registry';
import type { AnalysisCall, AnalysisPort, AnalysisReply, PipelineCall, PipelineReply } from './protocol';
import { serveCancellableCalls } from './serve';

/** Progress messages are posted at most this often (the drivers report every 1 %). */
const PROGRESS_INTERVAL_MS = 50;

export function serveAnalysis(port: AnalysisPort<AnalysisCall, AnalysisReply>): void {
  serveCancellableCalls<PipelineCall, PipelineReply>(
    port,
    async (call, options) => {
      const reply = await answer(call, options);
      return { reply, transfer: transferables(reply.result) };
    },
    PROGRESS_INTERVAL_MS,
  );
}

async function answer<P extends PipelineName>(
  call: PipelineCall<P>,
  options: Parameters<typeof runPipeline>[2],
): Promise<PipelineReply<P>> {
  const result = await runPipeline(call.pipeline, call.settings, options);
  return { kind: 'result', id: call.id, pipeline: call.pipeline, result } as PipelineReply<P>;
}

/** The buffers of every typed array in a result (each once). */
export function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) transferables(item, found);
  }
  return [...found];
}
