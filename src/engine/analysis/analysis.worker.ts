// Web Worker entry of the analysis module: spectra and Performer sweeps run
// here so the page stays responsive. Create it with
//   new Worker(new URL('../engine/analysis/analysis.worker.ts', import.meta.url), { type: 'module' })
// and talk to it through createAnalysisClient (./worker/client.ts).
import { serveAnalysis } from './worker/host';
import type { AnalysisCall, AnalysisPort, AnalysisReply } from './worker/protocol';

serveAnalysis(self as unknown as AnalysisPort<AnalysisCall, AnalysisReply>);
