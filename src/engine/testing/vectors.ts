// Loads the shared test vectors (../shared/spec/vectors beside the repository,
// see its README) for the CPU and GPU tests, and the contract's pass rule.
// Node-only (tests): it reads files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttentionProblem, Form, RunRequest, VariantId } from '../types';
import { problemFromJson } from '../validate';
import { getVariant } from '../variants/registry';

/**
 * The vectors folder: $LA_VECTORS_DIR if set, else ../shared/spec/vectors
 * next to the repository root (CI clones the repository with ../shared beside it).
 */
export const VECTORS_DIR: string =
  process.env.LA_VECTORS_DIR ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/spec/vectors');

export interface VectorCase {
  /** File name without .json, e.g. "softmax-causal". */
  readonly name: string;
  readonly variant: VariantId;
  readonly problem: AttentionProblem;
  readonly expectedO: readonly number[];
  /** Informational (README): S = Σφ(k)ᵀv etc., null where the variant has no state. */
  readonly expectedState: readonly number[] | null;
  readonly tol: number;
  readonly note: string;
}

interface VectorFile {
  input: unknown;
  variant: VariantId;
  expected_o: number[];
  expected_state: number[] | null;
  tol: number;
  note?: string;
}

/** Every vector file of the given variants (all files when `variants` is omitted), sorted by name. */
export function loadVectors(variants?: readonly VariantId[]): VectorCase[] {
  if (!existsSync(VECTORS_DIR)) throw new Error(`vectors folder not found: ${VECTORS_DIR}`);
  const cases: VectorCase[] = [];
  for (const file of readdirSync(VECTORS_DIR).sort()) {
    if (!file.endsWith('.json')) continue;
    const raw = JSON.parse(readFileSync(join(VECTORS_DIR, file), 'utf8')) as VectorFile;
    if (variants && !variants.includes(raw.variant)) continue;
    cases.push({
      name: file.slice(0, -'.json'.length),
      variant: raw.variant,
      problem: problemFromJson(raw.input),
      expectedO: raw.expected_o,
      expectedState: raw.expected_state,
      tol: raw.tol,
      note: raw.note ?? '',
    });
  }
  return cases;
}

/** Chunk size the README prescribes for chunk forms. */
export const VECTOR_CHUNK_SIZE = 16;

/** The forms of the case's variant, each as a run request (chunk forms get chunkSize 16). */
export function vectorRequests(vector: VectorCase): RunRequest[] {
  return getVariant(vector.variant).forms.map((form: Form) => ({
    variant: vector.variant,
    form,
    problem:
      form === 'chunk'
        ? { ...vector.problem, params: { ...vector.problem.params, chunkSize: VECTOR_CHUNK_SIZE } }
        : vector.problem,
  }));
}

/** max_i |got_i − expected_i|; Infinity if lengths differ or anything is not finite. */
export function maxAbsDiff(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (got.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const diff = Math.abs(got[i] - expected[i]);
    if (!(diff <= worst)) worst = Number.isNaN(diff) ? Infinity : diff;
  }
  return worst;
}

/** The contract's bound tol · max(1, max|expected|). */
export function toleranceFor(expected: ArrayLike<number>, tol: number): number {
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
  return tol * Math.max(1, maxAbs);
}

/** True when got passes the contract's rule against expected. */
export function withinTolerance(got: ArrayLike<number>, expected: ArrayLike<number>, tol: number): boolean {
  return maxAbsDiff(got, expected) <= toleranceFor(expected, tol);
}
