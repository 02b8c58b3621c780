// Masked softmax patterns of the efficient-Transformer family: definitions
// (types.ts), masks and pair counts (mask.ts, lsh.ts), the float64 reference
// (cpu.ts) and the WebGPU kernel (gpu.ts, imported from there directly so
// CPU-only code never pulls WebGPU in).
import type { AttentionEngine } from '../types';
import { runPatternCpu, type PatternProblem, type PatternResult } from './cpu';
import type { PatternId, PatternParams } from './types';

export * from './types';
export { buildMask, lshMask, maskPairs, structuredPairs, lshPairs, structuredAllowed } from './mask';
export { lshAssign, lshRotation, lshRaw } from './lsh';
export type { LshAssignment } from './lsh';
export { runPatternCpu, patternDensity, normalisedRows, checkPatternProblem } from './cpu';
export type { PatternProblem, PatternResult } from './cpu';

/**
 * Runs a pattern on the engine's backend: the WebGPU kernel when the engine
 * carries a GPU context, else the float64 reference in this thread (callers
 * on the page run it inside a worker).
 */
export async function runPattern(
  engine: AttentionEngine & { readonly context?: { readonly device: GPUDevice } },
  pattern: PatternId,
  params: PatternParams,
  problem: PatternProblem,
): Promise<PatternResult> {
  if (engine.backend === 'webgpu' && engine.context) {
    const { runPatternGpu } = await import('./gpu');
    return runPatternGpu(engine.context.device, pattern, params, problem);
  }
  return runPatternCpu(pattern, params, problem);
}
