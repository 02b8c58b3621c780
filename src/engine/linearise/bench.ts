// Headless timing of the fit: steps per second of the float64 CPU fit and of the
// WebGPU fit (batches of B steps per submission and read-back), and the GPU's
// loss at step 200 against the CPU's. Bundled for the real-GPU machine with
//   BUNDLE_ENTRY=src/engine/linearise/bench.ts BUNDLE_NAME=linearise-bench \
//     npx vite build --config scripts/bench-bundle.config.ts
// then run there as `bash .gpu/remote.sh .gpu/linearise-bench.mjs` (see scripts/bench-h100.sh),
// or here under SwiftShader: `bash scripts/with-swiftshader.sh node .gpu-build/linearise-bench.mjs`.
import { acquireNodeDevice } from '../gpu/node';
import { createGpuFit } from './gpu';
import { HedgehogFit, fitProblemFromInputs, type FitSettings } from './session';

const STEPS = 200;

async function main(): Promise<void> {
  const { device, adapterInfo } = await acquireNodeDevice();
  const rows: unknown[] = [];
  const sizes = (process.argv[2] ?? '64,128,256').split(',').map(Number);
  for (const n of sizes) {
    const inputs = { seed: 42, n, d: 16, temperature: 1, locality: 0.5, clustering: 0.5 };
    const settings: FitSettings = { r: 16, loss: 'output', lr: 0.1 };
    const problem = fitProblemFromInputs(inputs);
    const cpu = new HedgehogFit(problem, settings, inputs.seed);
    let started = performance.now();
    cpu.advance(STEPS);
    const cpuStepsPerS = (1000 * STEPS) / (performance.now() - started);
    const gpuRuns: Record<string, number> = {};
    let gpuLoss = NaN;
    for (const batch of [1, 20, 200]) {
      const gpu = await createGpuFit(device, problem, settings, inputs.seed, cpu.target);
      await gpu.advance(0);
      started = performance.now();
      let last = null;
      for (let done = 0; done < STEPS; done += batch) last = await gpu.advance(batch);
      gpuRuns[`batch${batch}`] = (1000 * STEPS) / (performance.now() - started);
      gpuLoss = last?.points[last.points.length - 1].loss ?? NaN;
      gpu.destroy();
    }
    const cpuLoss = cpu.history[STEPS].loss;
    rows.push({
      n,
      d: 16,
      r: 16,
      cpuStepsPerS,
      gpuStepsPerS: gpuRuns,
      loss0: cpu.history[0].loss,
      cpuLoss200: cpuLoss,
      gpuLoss200: gpuLoss,
      relativeDifference: Math.abs(gpuLoss / cpuLoss - 1),
    });
  }
  console.log(JSON.stringify({ device: adapterInfo, rows }, null, 2));
  device.destroy();
}

await main();
