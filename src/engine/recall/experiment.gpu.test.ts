// The recall experiment on WebGPU (Dawn; SwiftShader in CI) gives the same
// accuracies, retrieval for retrieval, as the float64 CPU engine at the same seed:
// f32 outputs move cosines by ~1e-6, far less than the margins of the decisions.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../cpu';
import { GPU_AVAILABLE, testEngine } from '../gpu/testSetup';
import { RECALL_VARIANTS, runRecallSweep, type RecallSettings, type RecallSweep } from './experiment';

const SETTINGS: RecallSettings = { seed: 42, temperature: 4, window: 8, beta: 0.9, gateStrength: 0.02 };

function counts(sweep: RecallSweep) {
  return [...sweep.byPairs, ...sweep.byD].map((p) => ({
    pairs: p.pairs,
    d: p.d,
    scores: RECALL_VARIANTS.map((v) => [
      v,
      p.scores[v].correct,
      p.scores[v].recentCorrect,
      p.scores[v].inWindowCorrect,
    ]),
  }));
}

describe.skipIf(!GPU_AVAILABLE)('recall on WebGPU', () => {
  it('matches the CPU engine at every point of a small sweep (P ≤ 16, d = 8 and the d grid)', async () => {
    const engine = await testEngine();
    const started = performance.now();
    const gpu = await runRecallSweep(SETTINGS, 16, 8, (request) => engine.run(request));
    const gpuMs = performance.now() - started;
    const cpu = await runRecallSweep(SETTINGS, 16, 8, (request) => runCpu(request));
    expect(counts(gpu)).toEqual(counts(cpu));
    console.info(`recall sweep P ≤ 16, d = 8 on WebGPU: ${gpuMs.toFixed(0)} ms`);
  }, 300_000);
});
