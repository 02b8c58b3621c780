// Web Worker entry of the analysis module: every pipeline of
// ./pipelines/registry.ts runs here so the page stays responsive. The page
// starts it with createAnalysisClient() (./worker/client.ts), which names this
// file, so nothing outside the engine refers to it.
import { serveAnalysis } from './worker/host';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './worker/protocol';

serveAnalysis(self as unknown as AnalysisPort<AnalysisCall, AnalysisReply>);
