// Headless check of the gated kernels at long n with strong gates, for a real GPU
// (bundled by scripts/bench-bundle.config.ts with BUNDLE_ENTRY set to this file)
// or SwiftShader (`bash scripts/with-swiftshader.sh npx vite-node <this file> -- --n 4096`).
// For every gated variant, forms recurrent and chunk at n (default 65,536) with
// g = −20 at every step, then with seeded data-dependent gates that contain
// −20 spikes: the outputs must be finite and within the contract's tolerance of
// the float64 CPU reference. The parallel form at this n must be refused with a
// clear EngineError (its n×n matrix exceeds any device's buffer limit). Prints
// one line per run (with its time, for information) and exits 1 on any failure.
import { runCpu } from '../../../cpu';
import { acquireNodeDevice } from '../../../gpu/node';
import { createGpuEngine } from '../../../gpu/engine';
import { dataDependentGates } from '../../../inputs/gates';
import { maxAbsDiff, toleranceFor } from '../../../testing/vectors';
import { EngineError, type AttentionProblem, type Form, type VariantId } from '../../../types';
import { gatedTestProblem } from './testProblems';
import { familyIds, getDefinition } from '../../registry';
import { loadCpuForms } from '../../cpuForms';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const n = option('n', 65536);
const d = option('d', 64);
const heads = option('heads', 1);
const ALL: readonly VariantId[] = familyIds('gated');
const only = process.argv.indexOf('--variants');
/** `--variants a,b` restricts the check to those ids. */
const variants: readonly VariantId[] =
  only >= 0 ? ALL.filter((id) => process.argv[only + 1].split(',').includes(id)) : ALL;

function withGates(variant: VariantId, base: AttentionProblem, mode: 'strong' | 'mixed'): AttentionProblem {
  if (getDefinition(variant).gated?.decay === 'gamma')
    return { ...base, params: { gamma: mode === 'strong' ? Math.exp(-20) : 0.96875 } };
  const g = base.inputs?.g;
  if (!g) return base;
  let gates: Float32Array;
  if (mode === 'strong') gates = new Float32Array(g.length).fill(-20);
  else {
    gates = dataDependentGates({ seed: 5, n, heads, channels: g.length / (n * heads), normalizer: 4 });
    for (let i = 0; i < gates.length; i += 997) gates[i] = -20;
  }
  return { ...base, inputs: { ...base.inputs, g: gates } };
}

async function main(): Promise<void> {
  await loadCpuForms();
  const { device, adapterInfo } = await acquireNodeDevice();
  console.log(
    `device: ${adapterInfo.vendor} ${adapterInfo.architecture} ${adapterInfo.description}; n=${n} d=${d} H=${heads}`,
  );
  const engine = createGpuEngine(device);
  let failures = 0;
  for (const variant of variants) {
    const base = gatedTestProblem(variant, { n, dk: d, dv: d, heads, seed: 17 });
    for (const mode of ['strong', 'mixed'] as const) {
      if (getDefinition(variant).gated?.decay === 'none' && mode === 'mixed') continue; // no gates
      const problem = withGates(variant, base, mode);
      const started = performance.now();
      const reference = runCpu({ variant, form: 'recurrent', problem });
      const cpuMs = performance.now() - started;
      const bound = toleranceFor(reference.o, 1e-3);
      for (const form of ['recurrent', 'chunk'] as const satisfies readonly Form[]) {
        await engine.run({
          variant,
          form,
          problem: { ...problem, params: { ...problem.params, chunkSize: 64 } },
        });
        const result = await engine.run({
          variant,
          form,
          problem: { ...problem, params: { ...problem.params, chunkSize: 64 } },
        });
        const finite = result.o.every(Number.isFinite);
        const diff = maxAbsDiff(result.o, reference.o);
        const ok = finite && diff <= bound;
        if (!ok) failures++;
        console.log(
          `${ok ? 'ok  ' : 'FAIL'} ${variant} ${form} gates=${mode}: finite=${finite} max|gpu−ref|=${diff.toExponential(2)} ` +
            `(bound ${bound.toExponential(2)}) gpu ${result.ms.toFixed(1)} ms, cpu ref ${cpuMs.toFixed(0)} ms`,
        );
      }
    }
    try {
      await engine.run({ variant, form: 'parallel', problem: base });
      console.log(`note ${variant} parallel ran at n=${n}`);
    } catch (error) {
      const refused = error instanceof EngineError;
      if (!refused) failures++;
      console.log(`${refused ? 'ok  ' : 'FAIL'} ${variant} parallel refused: ${(error as Error).message}`);
    }
  }
  device.destroy();
  console.log(failures === 0 ? 'all passed' : `${failures} failure(s)`);
  process.exit(failures === 0 ? 0 : 1);
}

void main();
