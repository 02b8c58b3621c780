// hla2 on a real GPU: every form against the float64 CPU reference (normalised
// and not, several heads, n not a multiple of the chunk), then the GPU time of
// each form (submit → done, median of 5 after 2 warm-ups). Bundled for the GPU
// machine with scripts/bench-bundle.config.ts:
//   BUNDLE_ENTRY=src/engine/variants/hla2/gpucheck.ts BUNDLE_NAME=hla2check \
//     npx vite build --config scripts/bench-bundle.config.ts
// then, with .gpu/'s node, webgpu and Vulkan packages beside it: bash .gpu/remote.sh hla2check.mjs
// Measured on an H100 (2026-11-22): every case agrees except the normalised
// recurrent form at n = 777, d = 32, head 2, where token 472's normaliser (109)
// is 1/7000 of its typical size and the f32 output (|o| ≈ 31 500) is off by 2.2e-3
// relative: the normalised form is ill-conditioned where the normaliser cancels.
import { createCpuEngine } from '../../cpu';
import { adapterName } from '../../gpu/device';
import { createGpuEngine } from '../../gpu/engine';
import { acquireNodeDevice } from '../../gpu/node';
import { generateProblem } from '../../inputs/generate';
import { maxAbsDiff, toleranceFor } from '../../testing/vectors';
import type { Form } from '../../types';

const FORMS: readonly Form[] = ['parallel', 'recurrent', 'chunk'];

async function main(): Promise<number> {
  const acquired = await acquireNodeDevice();
  console.log(`device: ${adapterName(acquired.adapterInfo)}`);
  const gpu = createGpuEngine(acquired.device);
  const cpu = createCpuEngine();
  let failures = 0;
  const checks = [
    { n: 1000, heads: 2, d: 64, chunk: 64 },
    { n: 777, heads: 3, d: 32, chunk: 48 },
    { n: 300, heads: 1, d: 128, chunk: 64 },
  ];
  for (const [index, c] of checks.entries()) {
    const problem = generateProblem({
      seed: 900 + index,
      n: c.n,
      dk: c.d,
      dv: c.d,
      heads: c.heads,
      temperature: 1,
      locality: 0.3,
      clustering: 0.5,
    });
    for (const normalize of [false, true]) {
      for (const form of FORMS) {
        const request = {
          variant: 'hla2' as const,
          form,
          problem: { ...problem, params: { normalize, chunkSize: c.chunk } },
        };
        const [got, want] = await Promise.all([gpu.run(request), cpu.run(request)]);
        const err = maxAbsDiff(got.o, want.o);
        const bound = toleranceFor(want.o, 1e-3);
        const ok = err <= bound;
        if (!ok) failures++;
        console.log(
          `${ok ? 'ok  ' : 'FAIL'} hla2 ${form} n=${c.n} H=${c.heads} d=${c.d} chunk=${c.chunk} normalize=${normalize} ` +
            `max|gpu-cpu|=${err.toExponential(2)} bound=${bound.toExponential(2)}`,
        );
      }
    }
  }
  console.log(
    failures === 0 ? 'hla2 check: all cases agree with the CPU reference' : `hla2 check: ${failures} FAILED`,
  );
  const timings = [
    { form: 'recurrent' as const, n: 4096, heads: 1 },
    { form: 'recurrent' as const, n: 4096, heads: 16 },
    { form: 'chunk' as const, n: 4096, heads: 1 },
    { form: 'chunk' as const, n: 4096, heads: 16 },
    { form: 'chunk' as const, n: 65536, heads: 1 },
    { form: 'parallel' as const, n: 1024, heads: 1 },
    { form: 'parallel' as const, n: 4096, heads: 1 },
    { form: 'recurrent' as const, n: 65536, heads: 1 },
  ];
  for (const t of timings) {
    const problem = generateProblem({
      seed: 1,
      n: t.n,
      dk: 64,
      dv: 64,
      heads: t.heads,
      temperature: 1,
      locality: 0,
      clustering: 0.5,
    });
    const request = {
      variant: 'hla2' as const,
      form: t.form,
      problem: { ...problem, params: { chunkSize: 64 } },
    };
    const ms: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        const r = await gpu.run(request);
        if (i >= 2) ms.push(r.ms);
      }
      ms.sort((a, b) => a - b);
      console.log(
        `time hla2 ${t.form} n=${t.n} H=${t.heads} d=64 chunk=64: median ${ms[2].toFixed(3)} ms [${ms[0].toFixed(3)}, ${ms[4].toFixed(3)}]`,
      );
    } catch (error) {
      console.log(
        `time hla2 ${t.form} n=${t.n} H=${t.heads}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
