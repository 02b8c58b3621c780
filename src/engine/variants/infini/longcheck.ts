// Headless check of the infini kernels at sizes SwiftShader cannot reach, for a
// real GPU (bundled by scripts/bench-bundle.config.ts with BUNDLE_ENTRY set to
// this file) or SwiftShader (`bash scripts/with-swiftshader.sh npx vite-node
// <this file> -- --n 512`). Both WebGPU forms against the float64 chunk reference
// at n (default 4096) with several heads, segments and gates, the tiled and the
// simple kernels; then the chunk form at 16·n with one head, whose parallel form
// must be refused with a clear EngineError when its n×n matrix does not fit.
// Prints one line per run and exits 1 on any failure.
import { runCpu } from '../../cpu';
import { createGpuEngine } from '../../gpu/engine';
import { acquireNodeDevice } from '../../gpu/node';
import { createRng } from '../../inputs/random';
import { maxAbsDiff, toleranceFor } from '../../testing/vectors';
import { EngineError, type Form } from '../../types';
import { loadCpuForms } from '../cpuForms';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const n = option('n', 4096);
const d = option('d', 64);

function problem(seed: number, heads: number, length: number, segment: number, beta: number) {
  const rng = createRng(seed);
  const draw = (count: number) => Float32Array.from({ length: count }, () => rng.nextNormal());
  return {
    n: length,
    dk: d,
    dv: d,
    heads,
    q: draw(heads * length * d),
    k: draw(heads * length * d),
    v: draw(heads * length * d),
    params: { segment, beta },
  };
}

async function main(): Promise<void> {
  await loadCpuForms();
  const { device, adapterInfo } = await acquireNodeDevice();
  console.log(`device: ${JSON.stringify(adapterInfo)}`);
  let failures = 0;
  const engines = {
    tiled: createGpuEngine(device, { kernels: 'tiled' }),
    simple: createGpuEngine(device, { kernels: 'simple' }),
  };
  const cases: [heads: number, length: number, segment: number, beta: number][] = [
    [4, n, 64, 0],
    [4, n - 37, 256, -2],
    [1, n, 1, 1.5],
    [1, 16 * n, 64, 0.5],
    [1, 16 * n + 5, 2048, -0.5],
  ];
  for (const [heads, length, segment, beta] of cases) {
    const p = problem(length + segment, heads, length, segment, beta);
    const started = performance.now();
    const reference = runCpu({ variant: 'infini', form: 'chunk', problem: p });
    const cpuMs = performance.now() - started;
    for (const form of ['chunk', 'parallel'] as Form[]) {
      for (const [kernels, engine] of Object.entries(engines)) {
        if (form === 'chunk' && kernels === 'simple') continue; // the chunk form has one set of kernels
        const label = `infini ${form} (${kernels}) H=${heads} n=${length} d=${d} N_s=${segment} β=${beta}`;
        try {
          await engine.run({ variant: 'infini', form, problem: p }); // warm-up (pipelines)
          const result = await engine.run({ variant: 'infini', form, problem: p });
          const err = maxAbsDiff(result.o, reference.o);
          const bound = toleranceFor(reference.o, 1e-3);
          const stateErr = maxAbsDiff(result.state ?? [], reference.state ?? []);
          const stateBound = toleranceFor(reference.state ?? [], 1e-3);
          const ok = err <= bound && stateErr <= stateBound && result.o.every(Number.isFinite);
          if (!ok) failures++;
          console.log(
            `${ok ? 'ok  ' : 'FAIL'} ${label}: max|o−ref| = ${err.toExponential(2)} (bound ${bound.toExponential(2)}), ` +
              `max|M−ref| = ${stateErr.toExponential(2)} (bound ${stateBound.toExponential(2)}), ` +
              `${result.ms.toFixed(2)} ms on the GPU (one run, upload and read-back included), CPU reference ${cpuMs.toFixed(0)} ms`,
          );
        } catch (error) {
          const refused = error instanceof EngineError && form === 'parallel';
          if (!refused) failures++;
          console.log(`${refused ? 'ok  ' : 'FAIL'} ${label}: ${refused ? 'refused: ' : ''}${String(error)}`);
        }
      }
    }
  }
  console.log(failures === 0 ? 'all infini checks passed' : `${failures} infini checks failed`);
  process.exit(failures === 0 ? 0 : 1);
}

void main();
