// Spectrum benchmark (issue 3, "Analysis"): singular values of softmax
// attention maps of 512×512 and 1024×1024 on the CPU, as the app computes
// them in a Worker. Median (and min) of several runs, the async driver's cost
// (40 ms slices), the process's CPU time (the machine is shared: wall time
// includes waiting for a core), and ml-matrix's SVD on the same matrix as the library
// baseline. Writes bench-results/spectrum-<machine>.json.
//
//   npx vite-node scripts/bench-spectrum.ts -- --machine 2core [--runs 5] [--sizes 512,1024] [--no-library]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { cpuWeights } from '../src/engine/cpu';
import { loadCpuForms } from '../src/engine/variants/cpuForms';
import { generateProblem } from '../src/engine/inputs/generate';
import { spectrum, spectrumAsync } from '../src/engine/analysis/spectrum';
import type { DenseMatrix } from '../src/engine/analysis/dense';

interface Args {
  machine: string;
  runs: number;
  sizes: number[];
  library: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { machine: `${os.cpus().length}core`, runs: 5, sizes: [512, 1024], library: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--') continue;
    else if (flag === '--machine') args.machine = argv[++i];
    else if (flag === '--runs') args.runs = Number(argv[++i]);
    else if (flag === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (flag === '--no-library') args.library = false;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!/^[\w.-]+$/.test(args.machine))
    throw new Error(`--machine must be a plain name (got ${args.machine})`);
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a positive integer');
  return args;
}

/** The map a lesson shows by default: causal softmax of generated inputs (dk = dv = 64). */
function softmaxMap(n: number): DenseMatrix {
  const problem = generateProblem({
    seed: 1,
    n,
    dk: 64,
    dv: 64,
    temperature: 1,
    locality: 0.5,
    clustering: 0.5,
  });
  const handle = cpuWeights({ variant: 'softmax', problem: { ...problem, params: { causal: true } } });
  if (!handle.host) throw new Error('CPU weights without host data');
  return { rows: n, cols: n, data: handle.host };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function libraryMs(matrix: DenseMatrix): { ms: number; largest: number } {
  const rows = Array.from({ length: matrix.rows }, (_, i) =>
    Array.from({ length: matrix.cols }, (_, j) => matrix.data[i * matrix.cols + j]),
  );
  const started = performance.now();
  const svd = new SingularValueDecomposition(new Matrix(rows), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return { ms: performance.now() - started, largest: svd.diagonal[0] };
}

async function main(): Promise<void> {
  await loadCpuForms(['softmax']);
  const args = parseArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();
  const results = [];
  for (const n of args.sizes) {
    const matrix = softmaxMap(n);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let summary = spectrum(matrix);
    for (let run = 0; run < args.runs; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      summary = spectrum(matrix);
      const cpu = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      console.error(
        `n=${n} run ${run + 1}/${args.runs}: ${times[run].toFixed(0)} ms wall, ${cpuTimes[run].toFixed(0)} ms CPU`,
      );
    }
    const asyncStart = performance.now();
    await spectrumAsync(matrix, { sliceMs: 40 });
    const asyncMs = performance.now() - asyncStart;
    const library = args.library ? libraryMs(matrix) : null;
    if (library) console.error(`n=${n} ml-matrix: ${library.ms.toFixed(0)} ms`);
    results.push({
      n,
      runs: args.runs,
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      timesMs: times.map(Math.round),
      // CPU time of this process: what the wall time would be on an otherwise idle core.
      cpuMedianMs: Math.round(median(cpuTimes)),
      cpuMinMs: Math.round(Math.min(...cpuTimes)),
      asyncOneRunMs: Math.round(asyncMs),
      mlMatrixOneRunMs: library ? Math.round(library.ms) : null,
      sigmaMax: summary.values[0],
      sigmaMin: summary.values[n - 1],
      mlMatrixSigmaMax: library ? library.largest : null,
      effectiveRank: summary.effectiveRank,
      numericalRank: summary.numericalRank,
      relativeTolerance: summary.relativeTolerance,
    });
  }
  const report = {
    benchmark:
      'spectrum of causal softmax attention maps (generateProblem seed 1, dk 64, temperature 1, locality 0.5, clustering 0.5)',
    algorithm:
      'Householder bidiagonalisation + implicit-shift bidiagonal QR, singular values only, float64 (src/engine/analysis/svd.ts)',
    machine: args.machine,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
    loadAverageAfter: os.loadavg().map((x) => Number(x.toFixed(2))),
    targetsMs: { 512: 1000, 1024: 6000 },
    results,
  };
  mkdirSync('bench-results', { recursive: true });
  const path = `bench-results/spectrum-${args.machine}.json`;
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  console.error(`wrote ${path}`);
}

await main();
