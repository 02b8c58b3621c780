// Web Worker of the feature-map labs: runs analyzeFeatureMap, the Performer
// sweep and the Focused p sweep (./featureAnalysis.ts) off the main thread, posts progress, and stops a
// call when the page sends its cancel (the analysis drivers yield to the event
// loop every few tens of milliseconds, so the message is seen mid-spectrum).
import { type AnalysisPort, serveCancellableCalls } from '../../engine';
import { analyzeFeatureMap, focusSweep, performerSweep } from './featureAnalysis';
import type { FeatureWorkerCall, FeatureWorkerReply } from './featureAnalysisProtocol';

/** Progress messages at most this often. */
const PROGRESS_INTERVAL_MS = 60;

serveCancellableCalls<FeatureWorkerCall, FeatureWorkerReply>(
  self as unknown as AnalysisPort<FeatureWorkerCall, FeatureWorkerReply>,
  async (call, options) => {
    if (call.kind === 'analyze') {
      const analysis = await analyzeFeatureMap(call.inputs, call.settings, options);
      return { reply: { kind: 'analysis', id: call.id, analysis }, transfer: [analysis.difference.buffer] };
    }
    if (call.kind === 'sweep') {
      const points = await performerSweep(call.inputs, call.causal, options);
      return { reply: { kind: 'sweep', id: call.id, points } };
    }
    const points = await focusSweep(call.inputs, call.causal, options);
    return { reply: { kind: 'focus-sweep', id: call.id, points } };
  },
  PROGRESS_INTERVAL_MS,
);
