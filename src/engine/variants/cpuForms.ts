// The float64 CPU forms of every registered variant: each folder's cpu.ts,
// found by folder name (import.meta.glob, which Vite, vite-node and Vitest all
// resolve), so no id is listed again. Only the CPU engine imports this (the
// worker, the CLI, tests), which keeps the references out of the main thread's
// entry chunk.
import { EngineError } from '../types';
import type { CpuForms } from './common/head';
import { definitions } from './registry';

const modules = import.meta.glob<{ cpu: CpuForms }>('./*/cpu.ts', { eager: true });

const table = new Map<string, CpuForms>(
  definitions.map((d) => {
    const module = modules[`./${d.id}/cpu.ts`];
    if (!module) throw new EngineError(`variant "${d.id}" has no cpu.ts in its folder`);
    return [d.id, module.cpu];
  }),
);

/** The CPU forms of a registered variant. */
export function cpuForms(variant: string): CpuForms {
  const forms = table.get(variant);
  // validate accepts only registered variants, and each has a cpu.ts.
  if (!forms) throw new EngineError(`variant "${variant}" has no CPU implementation`);
  return forms;
}
