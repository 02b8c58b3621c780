// Web Worker of lesson 11: runs analyzeHla (./analysis.ts) off the main thread,
// posts progress, and stops a call between stages when the page cancels it.
import { type AnalysisPort, serveCancellableCalls } from '../../engine';
import { analyzeHla } from './analysis';
import type { HlaWorkerCall, HlaWorkerReply } from './protocol';

serveCancellableCalls<HlaWorkerCall, HlaWorkerReply>(
  self as unknown as AnalysisPort<HlaWorkerCall, HlaWorkerReply>,
  async (call, options) => {
    const analysis = await analyzeHla(call.inputs, call.settings, options);
    return {
      reply: { kind: 'analysis', id: call.id, analysis },
      transfer: [analysis.softmax.buffer, analysis.hla.buffer, analysis.linear.buffer],
    };
  },
  60,
);
