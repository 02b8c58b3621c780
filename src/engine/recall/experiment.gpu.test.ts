// The recall experiment on WebGPU (Dawn; SwiftShader in CI) gives the same
// accuracies, retrieval for retrieval, as the float64 CPU engine at the same seed:
// f32 outputs move cosines by ~1e-6, far less than the margins of the decisions.
import { describe, expect, it } from 'vitest';
import { runCpu } from '../cpu';
import { GPU_AVAILABLE, testEngine } from '../gpu/testSetup';
import { RECALL_VARIANTS, runRecallPoint, type PointResult, type RecallSettings } from './experiment';

const SETTINGS: RecallSettings = { seed: 42, temperature: 4, window: 8, beta: 0.9, gateStrength: 0.02 };

function counts(points: readonly PointResult[]) {
  return points.map((p) => ({
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
  // One d only: SwiftShader compiles every kernel once per d (seconds each), the runs themselves are cheap.
  it('matches the CPU engine retrieval for retrieval at P = 4, 8, 16 (d = 8)', async () => {
    const engine = await testEngine();
    const points = [4, 8, 16].map((pairs) => ({ pairs, d: 8 }));
    const started = performance.now();
    const gpu: PointResult[] = [];
    for (const point of points)
      gpu.push(await runRecallPoint(SETTINGS, point, (request) => engine.run(request)));
    const gpuMs = performance.now() - started;
    const cpu: PointResult[] = [];
    for (const point of points) cpu.push(await runRecallPoint(SETTINGS, point, (request) => runCpu(request)));
    expect(counts(gpu)).toEqual(counts(cpu));
    // Not a trivial agreement: the variants differ from each other at P = 16.
    const at16 = cpu[2].scores;
    expect(new Set(RECALL_VARIANTS.map((v) => at16[v].correct)).size).toBeGreaterThan(3);
    console.info(`recall at P = 4, 8, 16, d = 8 on WebGPU: ${gpuMs.toFixed(0)} ms (compiles included)`);
  }, 300_000);
});
