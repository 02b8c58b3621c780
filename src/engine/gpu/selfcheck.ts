// Checks the WebGPU engine against the float64 CPU reference on the device at hand
// (the unit tests run on SwiftShader; this runs the same comparison on a real GPU,
// whose limits select other tile sizes). Prints one line per case and exits 1 on
// any failure. Bundled for the GPU machine by scripts/bench-h100.sh.
import { createCpuEngine } from '../cpu';
import { generateProblem } from '../inputs/generate';
import { linformerProjections } from '../inputs/projections';
import { maxAbsDiff, toleranceFor } from '../testing/vectors';
import type { ExtraInputs, Form, Params, VariantId } from '../types';
import { adapterName } from './device';
import { createGpuEngine } from './engine';
import { acquireNodeDevice } from './node';
import { definition as softmaxVariant } from '../variants/softmax';
import { definition as swaVariant } from '../variants/swa';
import { definition as linearVariant } from '../variants/linear';
import { definition as linformerVariant } from '../variants/linformer';
import { definition as nystromVariant } from '../variants/nystrom';

const CASES: readonly {
  variant: VariantId;
  form: Form;
  n: number;
  heads: number;
  d: number;
  params?: Params;
  inputs?: (n: number) => ExtraInputs;
}[] = [
  // Enough rows (n·H / 64 ≥ 256 workgroups) for the large 64-row flash tiles.
  { variant: softmaxVariant.id, form: 'flash', n: 4096, heads: 4, d: 64 },
  { variant: swaVariant.id, form: 'flash', n: 4096, heads: 4, d: 64, params: { window: 200 } },
  { variant: softmaxVariant.id, form: 'flash', n: 1000, heads: 2, d: 64 },
  // One causal head: the row blocks run in reverse order.
  { variant: softmaxVariant.id, form: 'flash', n: 3000, heads: 1, d: 64 },
  { variant: swaVariant.id, form: 'flash', n: 3000, heads: 1, d: 64, params: { window: 300 } },
  { variant: softmaxVariant.id, form: 'flash', n: 777, heads: 1, d: 64, params: { causal: false } },
  { variant: softmaxVariant.id, form: 'recurrent', n: 600, heads: 2, d: 64 },
  { variant: softmaxVariant.id, form: 'parallel', n: 600, heads: 2, d: 64 },
  { variant: swaVariant.id, form: 'flash', n: 1000, heads: 2, d: 64, params: { window: 100 } },
  { variant: swaVariant.id, form: 'parallel', n: 500, heads: 1, d: 32, params: { window: 33 } },
  { variant: linearVariant.id, form: 'chunk', n: 1000, heads: 2, d: 64 },
  {
    variant: linearVariant.id,
    form: 'chunk',
    n: 1000,
    heads: 1,
    d: 64,
    params: { chunkSize: 48, featureMap: 'relu' },
  },
  { variant: linearVariant.id, form: 'recurrent', n: 1000, heads: 2, d: 64 },
  {
    variant: linearVariant.id,
    form: 'parallel',
    n: 600,
    heads: 2,
    d: 64,
    params: { featureMap: 'identity' },
  },
  // Sums over n through the workgroup-reduction kernels (linformer/kernels.ts, LONG_REDUCTION).
  {
    variant: linformerVariant.id,
    form: 'parallel',
    n: 4096,
    heads: 2,
    d: 64,
    params: { causal: false },
    inputs: (n) => linformerProjections({ n, kproj: 32, seed: 7 }),
  },
  {
    variant: nystromVariant.id,
    form: 'parallel',
    n: 4096,
    heads: 2,
    d: 64,
    params: { causal: false, landmarks: 16 },
  },
];

async function main(): Promise<number> {
  const acquired = await acquireNodeDevice();
  console.log(`device: ${adapterName(acquired.adapterInfo)}`);
  const gpu = createGpuEngine(acquired.device);
  const cpu = createCpuEngine();
  let failures = 0;
  for (const [index, c] of CASES.entries()) {
    const problem = generateProblem({
      seed: 500 + index,
      n: c.n,
      dk: c.d,
      dv: c.d,
      heads: c.heads,
      temperature: 3,
      locality: 0.4,
      clustering: 0.4,
    });
    const request = {
      variant: c.variant,
      form: c.form,
      problem: { ...problem, params: c.params ?? {}, ...(c.inputs ? { inputs: c.inputs(c.n) } : {}) },
    };
    const [got, want] = await Promise.all([gpu.run(request), cpu.run(request)]);
    const err = maxAbsDiff(got.o, want.o);
    const bound = toleranceFor(want.o, 1e-3);
    const ok = err <= bound;
    if (!ok) failures++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${c.variant} ${c.form} n=${c.n} H=${c.heads} d=${c.d} ${JSON.stringify(c.params ?? {})} ` +
        `max|gpu-cpu|=${err.toExponential(2)} bound=${bound.toExponential(2)}`,
    );
  }
  console.log(
    failures === 0 ? 'selfcheck: all cases agree with the CPU reference' : `selfcheck: ${failures} FAILED`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
