// WGSL sources and the compile-time constants the kernels are specialised with.
// Constants (DK, DV, tile sizes, feature map) are prepended as `const`
// declarations: WGSL sizes register arrays only with constants, and the pipeline
// cache keys on the final source text, so each shape compiles once.
import common from '../../shaders/util/common.wgsl?raw';
import scores from '../../shaders/util/scores.wgsl?raw';
import normalizeRows from '../../shaders/util/normalize_rows.wgsl?raw';
import weightsTimesV from '../../shaders/util/weights_times_v.wgsl?raw';
import minmax from '../../shaders/util/minmax.wgsl?raw';
import scoresSimple from '../../shaders/util/scores_simple.wgsl?raw';
import normalizeRowsSimple from '../../shaders/util/normalize_rows_simple.wgsl?raw';
import weightsTimesVSimple from '../../shaders/util/weights_times_v_simple.wgsl?raw';
import minmaxSimple from '../../shaders/util/minmax_simple.wgsl?raw';
import matmul from '../../shaders/util/matmul.wgsl?raw';
import copy from '../../shaders/util/copy.wgsl?raw';
import softmaxFlash from '../../shaders/softmax/flash.wgsl?raw';
import softmaxRecurrent from '../../shaders/softmax/recurrent.wgsl?raw';
import linearRecurrent from '../../shaders/linear/recurrent.wgsl?raw';
import linearRecurrentSg from '../../shaders/linear/recurrent_sg.wgsl?raw';
import columnParts from '../../shaders/util/column_parts.wgsl?raw';
import linearChunkState from '../../shaders/linear/chunk_state.wgsl?raw';
import linearChunkScan from '../../shaders/linear/chunk_scan.wgsl?raw';
import linearChunkOutput from '../../shaders/linear/chunk_output.wgsl?raw';

export const KERNELS = {
  scores,
  normalizeRows,
  weightsTimesV,
  minmax,
  scoresSimple,
  normalizeRowsSimple,
  weightsTimesVSimple,
  minmaxSimple,
  matmul,
  copy,
  softmaxFlash,
  softmaxRecurrent,
  linearRecurrent,
  linearRecurrentSg: `${columnParts}\n${linearRecurrentSg}`,
  linearChunkState,
  linearChunkScan,
  linearChunkOutput,
} as const;
export type KernelName = keyof typeof KERNELS;

/** Kernels that use the shared Params struct, phi() and visible(). */
const USES_COMMON: ReadonlySet<KernelName> = new Set<KernelName>([
  'scores',
  'normalizeRows',
  'weightsTimesV',
  'scoresSimple',
  'normalizeRowsSimple',
  'weightsTimesVSimple',
  'softmaxFlash',
  'softmaxRecurrent',
  'linearRecurrent',
  'linearRecurrentSg',
  'linearChunkState',
  'linearChunkScan',
  'linearChunkOutput',
]);

/** u32 constants; every kernel of the common family needs DK, DV and FEATURE_MAP. */
export type KernelConstants = Readonly<Record<string, number>>;

/** `const NAME: u32 = Vu;` lines sorted by name; throws on a value that is not a u32. */
export function u32Constants(constants: KernelConstants): string {
  return Object.entries(constants)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      if (!Number.isInteger(value) || value < 0)
        throw new Error(`kernel constant ${key} must be a u32, got ${value}`);
      return `const ${key}: u32 = ${value}u;`;
    })
    .join('\n');
}

/**
 * The final WGSL of a kernel: `const` declarations for the constants, then the
 * common part, then the kernel. Lines between `//#if NAME` (or `//#if !NAME`),
 * `//#else` and `//#endif` are kept or dropped by constant NAME being non-zero:
 * WGSL has no preprocessor, and a subgroup builtin may not even appear in a
 * module that does not enable the feature. SUBGROUP_* constants enable it.
 */
export function kernelSource(name: KernelName, constants: KernelConstants): string {
  const header = u32Constants(constants);
  const body = USES_COMMON.has(name) ? `${common}\n${KERNELS[name]}` : KERNELS[name];
  const usesSubgroups = Object.entries(constants).some(
    ([key, value]) => key.startsWith('SUBGROUP_') && value !== 0,
  );
  const enable = usesSubgroups ? 'enable subgroups;\n' : '';
  return `${enable}// kernel ${name}\n${header}\n${preprocess(body, constants)}`;
}

function preprocess(source: string, constants: KernelConstants): string {
  const out: string[] = [];
  // Stack of "is this branch kept" for nested blocks.
  const keep: boolean[] = [];
  for (const line of source.split('\n')) {
    const directive = /^\s*\/\/#(if|else|endif)\s*(!?)(\w*)/.exec(line);
    if (directive) {
      const [, kind, negate, flag] = directive;
      if (kind === 'if') keep.push((constants[flag] ?? 0) !== 0 ? negate !== '!' : negate === '!');
      else if (kind === 'else') keep.push(!(keep.pop() ?? true));
      else keep.pop();
      continue;
    }
    if (keep.every(Boolean)) out.push(line);
  }
  if (keep.length !== 0) throw new Error('unbalanced //#if in a kernel');
  return out.join('\n');
}
