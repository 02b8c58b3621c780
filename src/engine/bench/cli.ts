// Headless benchmark: `npm run --silent bench -- --json [--quick] [options]`.
// Prints the contract's JSON: {device, ceilings: {matmulGflops, copyGBps}, results: [...]}.
// Ceilings and kernels are measured in the same process on the same device.
// Options (all optional):
//   --quick                 small sizes, finishes in < 2 min on the SwiftShader CPU device
//   --json                  JSON on stdout (else a readable table)
//   --cases a:f,b:g         (variant:form) list, e.g. softmax:flash,linear:chunk (alias --variants);
//                           gated variants (retnet, mamba2, gla, rwkv6, deltanet, gated-deltanet) get
//                           seeded gates, β and u from inputs/gates.ts (sweep.ts sweepExtraInputs)
//   --ns 4096,16384         sequence lengths       --heads 1,16   head counts (one sweep each)
//   --d 64 | --dk 64 --dv 64                      --chunk-size 64 (every chunk form) --window 64
//   --warmup 2 --runs 5 --budget-ms 5000          --matmul-n 4096 --copy-mib 512
//   --cpu                   sweep the CPU reference instead (no ceilings)
//   --no-timestamps         wall clock around onSubmittedWorkDone even if timestamps exist
//   --warmup-ms 500         keep warming each point up for this long (GPU clocks ramp up under load)
//   --cooldown-ms 1000      pause between points (a heavy point can leave the GPU power-throttled)
//   --breakdown             also time each dispatch of every point on its own (diagnostic)
//   --no-subgroups          kernels without subgroup operations
//   --flash-tiles 64x32     force the flash tile (query rows × keys) instead of the automatic choice
//   --out FILE              also write the JSON to FILE
import { writeFileSync } from 'node:fs';
import { checkCeilingMatmul, measureCeilings, type Ceilings } from './ceilings';
import { runCpuSweep, runGpuSweep, sweepRequest, timeDispatches, type CaseParams } from './sweep';
import type { SweepConfig, SweepResult } from './types';
import { FORMS, VARIANT_IDS, type Form, type Params, type VariantId } from '../types';
import { definition as swaVariant } from '../variants/swa';

interface CliOptions {
  readonly json: boolean;
  readonly quick: boolean;
  readonly cpu: boolean;
  readonly noTimestamps: boolean;
  readonly noSubgroups: boolean;
  readonly breakdown: boolean;
  readonly warmupMs: number;
  readonly cooldownMs: number;
  readonly flashTiles?: readonly [number, number];
  readonly out?: string;
  readonly cases: SweepConfig['cases'];
  readonly ns: readonly number[];
  readonly heads: readonly number[];
  readonly dk: number;
  readonly dv: number;
  readonly chunkSize: number;
  readonly window: number;
  readonly warmup: number;
  readonly runs: number;
  readonly budgetMs: number;
  readonly matmulN: number;
  readonly copyBytes: number;
}

const QUICK_CASES =
  'softmax:parallel,softmax:recurrent,softmax:flash,swa:flash,linear:parallel,linear:recurrent,linear:chunk';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliOptions {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const booleanFlags = ['json', 'quick', 'cpu', 'no-timestamps', 'no-subgroups', 'breakdown'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if (booleanFlags.includes(name)) {
      flags.add(name);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name === 'variants' ? 'cases' : name, value);
    i++;
  }
  const known = [
    'cases',
    'ns',
    'heads',
    'd',
    'dk',
    'dv',
    'chunk-size',
    'window',
    'warmup',
    'runs',
    'budget-ms',
    'matmul-n',
    'copy-mib',
    'out',
    'flash-tiles',
    'warmup-ms',
    'cooldown-ms',
  ];
  for (const key of values.keys()) if (!known.includes(key)) throw new UsageError(`unknown option --${key}`);
  const quick = flags.has('quick');
  const int = (name: string, fallback: number, min = 1): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min)
      throw new UsageError(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  const list = (name: string, fallback: readonly number[]): number[] => {
    const raw = values.get(name);
    if (raw === undefined) return [...fallback];
    const out = raw.split(',').map(Number);
    if (out.some((v) => !Number.isInteger(v) || v < 1))
      throw new UsageError(`--${name} must be integers ≥ 1, comma-separated`);
    return out.sort((a, b) => a - b);
  };
  const d = int('d', quick ? 16 : 64);
  const cases = (values.get('cases') ?? QUICK_CASES).split(',').map((item) => {
    const [variant, form] = item.split(':');
    if (
      !(VARIANT_IDS as readonly string[]).includes(variant) ||
      !(FORMS as readonly string[]).includes(form)
    ) {
      throw new UsageError(`bad case "${item}" (want variant:form, e.g. softmax:flash)`);
    }
    return { variant: variant as VariantId, form: form as Form };
  });
  return {
    json: flags.has('json'),
    quick,
    cpu: flags.has('cpu'),
    noTimestamps: flags.has('no-timestamps'),
    noSubgroups: flags.has('no-subgroups'),
    breakdown: flags.has('breakdown'),
    warmupMs: int('warmup-ms', quick ? 0 : 300, 0),
    cooldownMs: int('cooldown-ms', 0, 0),
    flashTiles: parseTiles(values.get('flash-tiles')),
    out: values.get('out'),
    cases,
    ns: list('ns', quick ? [64, 256] : [256, 512, 1024, 2048, 4096, 8192, 16384]),
    heads: list('heads', [1]),
    dk: int('dk', d),
    dv: int('dv', d),
    chunkSize: int('chunk-size', 64),
    window: int('window', 64),
    warmup: int('warmup', quick ? 1 : 2, 0),
    runs: int('runs', 5),
    budgetMs: int('budget-ms', quick ? 2000 : 5000),
    matmulN: int('matmul-n', quick ? 256 : 4096),
    copyBytes: int('copy-mib', quick ? 4 : 512) * 1024 * 1024,
  };
}

function parseTiles(raw: string | undefined): readonly [number, number] | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)x(\d+)$/.exec(raw);
  if (!match) throw new UsageError('--flash-tiles must look like 64x32');
  return [Number(match[1]), Number(match[2])];
}

function caseParams(opts: CliOptions): CaseParams {
  return (variant, form): Params => {
    // Every chunk form (linear, the feature maps, the gated variants) takes the chunk size.
    if (form === 'chunk') return { chunkSize: opts.chunkSize };
    if (variant === swaVariant.id) return { window: opts.window };
    return {};
  };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sweeps: SweepResult[] = [];
  let ceilings: (Ceilings & { matmulCheckRelErr: number }) | undefined;
  let device: Record<string, unknown>;
  const breakdowns: {
    variant: string;
    form: string;
    n: number;
    heads: number;
    dispatches: { label: string; ms: number }[];
  }[] = [];
  const configFor = (heads: number): SweepConfig => ({
    cases: opts.cases,
    ns: opts.ns,
    heads,
    dk: opts.dk,
    dv: opts.dv,
    warmup: opts.warmup,
    runs: opts.runs,
    budgetMs: opts.budgetMs,
    seed: 1,
  });
  const progress =
    (label: string) =>
    (p: { done: number; total: number; current?: { variant: string; form: string; n: number } }) => {
      if (p.current)
        log(`[${label}] ${p.done + 1}/${p.total} ${p.current.variant} ${p.current.form} n=${p.current.n}`);
    };

  if (opts.cpu) {
    device = { name: 'CPU (float64 reference, JavaScript)', backend: 'cpu' };
    for (const heads of opts.heads)
      sweeps.push(
        await runCpuSweep(configFor(heads), progress(`cpu H=${heads}`), undefined, {
          params: caseParams(opts),
        }),
      );
  } else {
    const { acquireNodeDevice } = await import('../gpu/node');
    const acquired = await acquireNodeDevice({ withoutTimestamps: opts.noTimestamps });
    const { createGpuEngine } = await import('../gpu/engine');
    const { setFlashTileOverride } = await import('../gpu/kernels');
    setFlashTileOverride(opts.flashTiles);
    const { adapterName } = await import('../gpu/device');
    device = {
      ...acquired.adapterInfo,
      name: adapterName(acquired.adapterInfo),
      backend: 'webgpu',
      limits: acquired.limits,
      features: acquired.features,
      hasTimestamps: acquired.hasTimestamps,
    };
    log(`device: ${adapterName(acquired.adapterInfo)}`);
    const matmulCheckRelErr = await checkCeilingMatmul(acquired.device, 128);
    if (!(matmulCheckRelErr < 1e-4))
      throw new Error(`the ceiling matmul is wrong (relative error ${matmulCheckRelErr})`);
    log(`ceilings: matmul ${opts.matmulN}³, copy ${opts.copyBytes / 2 ** 20} MiB`);
    ceilings = {
      ...(await measureCeilings(acquired.device, {
        matmulN: opts.matmulN,
        copyBytes: opts.copyBytes,
        warmup: Math.max(1, opts.warmup),
        minWarmupMs: opts.warmupMs,
        runs: opts.runs,
        useTimestamps: acquired.hasTimestamps && !opts.noTimestamps,
      })),
      matmulCheckRelErr,
    };
    log(`matmul ${ceilings.matmulGflops.toFixed(1)} GFLOP/s, copy ${ceilings.copyGBps.toFixed(1)} GB/s`);
    const engine = createGpuEngine(acquired.device, { withoutSubgroups: opts.noSubgroups });
    for (const heads of opts.heads) {
      sweeps.push(
        await runGpuSweep(acquired, configFor(heads), progress(`gpu H=${heads}`), undefined, {
          params: caseParams(opts),
          withoutTimestamps: opts.noTimestamps,
          engine,
          minWarmupMs: opts.warmupMs,
          cooldownMs: opts.cooldownMs,
        }),
      );
      if (opts.breakdown) {
        const config = configFor(heads);
        for (const n of opts.ns) {
          for (const { variant, form } of opts.cases) {
            const request = sweepRequest(config, variant, form, n, caseParams(opts)(variant, form));
            try {
              const dispatches = await timeDispatches(engine, request, opts.runs);
              breakdowns.push({ variant, form, n, heads, dispatches });
              log(
                `breakdown ${variant} ${form} n=${n} H=${heads}: ${dispatches.map((d) => `${d.label} ${d.ms.toFixed(3)} ms`).join(', ')}`,
              );
            } catch (error) {
              log(
                `breakdown ${variant} ${form} n=${n} H=${heads}: ${error instanceof Error ? error.message : String(error)}`,
              );
            }
          }
        }
      }
    }
  }

  const first = sweeps[0];
  const results = sweeps.flatMap((sweep) =>
    sweep.points.map((p) => ({
      variant: p.variant,
      form: p.form,
      n: p.n,
      heads: p.heads,
      dk: p.dk,
      dv: p.dv,
      ms: p.ms,
      msMin: p.msMin,
      msMax: p.msMax,
      runs: p.samples.length,
      bytes: p.bytes,
      ...(p.gflops !== undefined ? { gflops: p.gflops } : {}),
      ...(p.gbps !== undefined ? { gbps: p.gbps } : {}),
      ...(ceilings && p.gflops !== undefined ? { fractionOfMatmul: p.gflops / ceilings.matmulGflops } : {}),
      ...(ceilings && p.gbps !== undefined ? { fractionOfCopy: p.gbps / ceilings.copyGBps } : {}),
    })),
  );
  const output = {
    device: { ...device, timing: first?.timing, timestampResolutionMs: first?.resolutionMs },
    ceilings: ceilings ?? null,
    results,
    skipped: sweeps.flatMap((s) => s.skipped),
    ...(breakdowns.length > 0 ? { breakdowns } : {}),
    config: { ...opts, copyBytes: opts.copyBytes, heads: opts.heads },
    date: new Date().toISOString(),
  };
  const text = JSON.stringify(output, null, opts.json ? 0 : 2);
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(output, null, 2)}\n`);
  if (opts.json) {
    process.stdout.write(`${text}\n`);
  } else {
    const rows = results.map(
      (r) =>
        `${r.variant.padEnd(14)} ${r.form.padEnd(10)} n=${String(r.n).padStart(7)} H=${String(r.heads).padStart(3)} ` +
        `${r.ms.toFixed(3).padStart(10)} ms  ${r.gflops !== undefined ? `${r.gflops.toFixed(1)} GFLOP/s` : ''}` +
        `${r.fractionOfMatmul !== undefined ? ` (${(100 * r.fractionOfMatmul).toFixed(1)}% of matmul)` : ''}` +
        `${r.gbps !== undefined ? `  ${r.gbps.toFixed(1)} GB/s` : ''}` +
        `${r.fractionOfCopy !== undefined ? ` (${(100 * r.fractionOfCopy).toFixed(1)}% of copy)` : ''}`,
    );
    process.stdout.write(`${rows.join('\n')}\n`);
    for (const s of output.skipped)
      process.stdout.write(`skipped ${s.variant} ${s.form} n=${s.n}: ${s.reason}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof UsageError ? 'usage: ' : ''}${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
