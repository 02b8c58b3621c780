// Headless entry point (spec/engine-contract.md, "Command line"):
//   npm run --silent engine -- run --variant ID --form FORM --backend cpu|webgpu --input FILE [--output FILE]
// Prints the result JSON to stdout (or writes it to --output). Every failure,
// from a missing flag to a validation error, exits with status 2 and exactly
// one line on stderr, with nothing on stdout, so scripts can rely on both.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createCpuEngine } from './cpu';
import { EngineError, FORMS, type AttentionEngine, type Backend, type Form, type RunResult } from './types';
import { problemFromJson, validateRequest } from './validate';
import { getVariant } from './variants/registry';

const USAGE =
  'usage: npm run --silent engine -- run --variant ID --form FORM --backend cpu|webgpu --input FILE [--output FILE]';

const FLAGS = ['variant', 'form', 'backend', 'input', 'output'] as const;
type Flag = (typeof FLAGS)[number];

interface CliArgs {
  readonly variant: string;
  readonly form: Form;
  readonly backend: Backend;
  readonly input: string;
  readonly output?: string;
}

/** A failure the user caused; reported as one line, exit status 2. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliArgs {
  // vite-node drops the `--` that npm passes on; accept it either way.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const command = args.shift();
  if (command !== 'run') {
    throw new UsageError(
      command === undefined ? `missing command; ${USAGE}` : `unknown command "${command}"; ${USAGE}`,
    );
  }
  const values: Partial<Record<Flag, string>> = {};
  while (args.length > 0) {
    const arg = args.shift() as string;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"; ${USAGE}`);
    const name = match[1];
    if (!(FLAGS as readonly string[]).includes(name))
      throw new UsageError(`unknown option --${name}; ${USAGE}`);
    const value = match[2] ?? args.shift();
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new UsageError(`option --${name} needs a value`);
    }
    if (values[name as Flag] !== undefined) throw new UsageError(`option --${name} is given twice`);
    values[name as Flag] = value;
  }
  for (const flag of ['variant', 'form', 'backend', 'input'] as const) {
    if (values[flag] === undefined) throw new UsageError(`missing option --${flag}; ${USAGE}`);
  }
  const form = values.form as string;
  if (!(FORMS as readonly string[]).includes(form)) {
    throw new UsageError(`unknown form "${form}" (forms: ${FORMS.join(', ')})`);
  }
  const backend = values.backend as string;
  if (backend !== 'cpu' && backend !== 'webgpu') {
    throw new UsageError(`unknown backend "${backend}" (backends: cpu, webgpu)`);
  }
  return {
    variant: values.variant as string,
    form: form as Form,
    backend,
    input: values.input as string,
    output: values.output,
  };
}

function readInput(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read input file ${path}: ${messageOf(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`input file ${path} is not valid JSON: ${messageOf(error)}`);
  }
}

/** The contract's output object; `state` only where the variant has one. */
function resultToJson(result: RunResult): string {
  const out: Record<string, unknown> = {
    variant: result.variant,
    form: result.form,
    backend: result.backend,
    n: result.n,
    dv: result.dv,
    o: Array.from(result.o),
  };
  if (result.state) out.state = Array.from(result.state);
  out.ms = result.ms;
  return JSON.stringify(out);
}

/** Runs on the engine of the chosen backend; the WebGPU device is destroyed afterwards. */
async function runOnBackend(
  args: CliArgs,
  run: (engine: AttentionEngine) => Promise<RunResult>,
): Promise<RunResult> {
  if (args.backend === 'cpu') return run(createCpuEngine());
  preferSoftwareVulkanWithoutGpu();
  // Imported lazily: the CPU path must not load the native Dawn addon.
  const { acquireNodeDevice } = await import('./gpu/node');
  const { createGpuEngine } = await import('./gpu/engine');
  const acquired = await acquireNodeDevice();
  try {
    return await run(createGpuEngine(acquired.device));
  } finally {
    acquired.device.destroy();
  }
}

/** Debian's chromium ships this Vulkan software driver (SwiftShader), which Dawn accepts. */
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * The contract: without a GPU, --backend webgpu runs on SwiftShader. Other
 * software drivers (Mesa's lavapipe) lack features Dawn requires and make it
 * print warnings, so point the Vulkan loader at SwiftShader unless the caller
 * chose a driver (VK_ICD_FILENAMES), asked for the real GPU (LA_REAL_GPU), or
 * a GPU device node exists. Must run before the Dawn addon loads.
 */
function preferSoftwareVulkanWithoutGpu(): void {
  // Without it the Vulkan loader prints a warning line on stderr.
  process.env.XDG_RUNTIME_DIR ??= tmpdir();
  if (process.env.VK_ICD_FILENAMES || process.env.LA_REAL_GPU) return;
  const renderNodes = existsSync('/dev/dri')
    ? readdirSync('/dev/dri').filter((name) => name.startsWith('renderD'))
    : [];
  const hasGpu = existsSync('/dev/nvidia0') || renderNodes.length > 0;
  if (!hasGpu && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const variant = getVariant(args.variant).id; // unknown ids fail before the input file is read
    const problem = problemFromJson(readInput(args.input));
    // Validate before acquiring a GPU: bad input fails fast, without Dawn's start-up.
    validateRequest({ variant, form: args.form, problem });
    const result = await runOnBackend(args, (engine) => engine.run({ variant, form: args.form, problem }));
    const json = resultToJson(result);
    if (args.output !== undefined) {
      try {
        writeFileSync(args.output, json + '\n');
      } catch (error) {
        throw new UsageError(`cannot write output file ${args.output}: ${messageOf(error)}`);
      }
    } else {
      await writeFully(process.stdout, json + '\n');
    }
    return 0;
  } catch (error) {
    const prefix = error instanceof UsageError || error instanceof EngineError ? 'error' : 'internal error';
    await writeFully(process.stderr, `${prefix}: ${oneLine(messageOf(error))}\n`);
    return 2;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Resolves once the text is handed to the OS, so exiting right after loses nothing on a pipe. */
function writeFully(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

// Top-level await: vite-node closes its module server once this module has
// evaluated, so the lazy WebGPU imports must happen before evaluation ends.
// Exit explicitly: a WebGPU instance can keep Node's event loop alive after the
// device is destroyed.
process.exit(await main(process.argv.slice(2)));
