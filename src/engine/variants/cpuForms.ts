// The float64 CPU forms of every registered variant, loaded through each
// definition's loadCpu (a dynamic import of the folder's cpu.ts), so no id is
// listed again and code that only needs descriptors never loads them. Whoever
// runs the references synchronously (the Workers, the CLI, the tests) awaits
// loadCpuForms() once first; the CPU engine's async run() does it itself.
import { EngineError } from '../types';
import type { CpuForms } from './common/head';
import { definitions, getDefinition } from './registry';

const loaded = new Map<string, CpuForms>();

/** Loads the CPU forms of `variants` (default: every registered variant). */
export async function loadCpuForms(variants?: readonly string[]): Promise<void> {
  const wanted = variants ? variants.map((id) => getDefinition(id)) : definitions;
  await Promise.all(
    wanted
      .filter((d) => !loaded.has(d.id))
      .map(async (d) => {
        loaded.set(d.id, await d.loadCpu());
      }),
  );
}

/** The CPU forms of a registered variant; loadCpuForms must have loaded them. */
export function cpuForms(variant: string): CpuForms {
  const forms = loaded.get(variant);
  if (forms) return forms;
  getDefinition(variant); // the unknown-id message, where the id is unknown
  throw new EngineError(`the float64 forms of "${variant}" are not loaded (await loadCpuForms() first)`);
}
