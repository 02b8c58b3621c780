// The family gallery's numbers, computed from the engine's float64 references
// on the seeded q, k, v of the view: one map per family of the survey's
// taxonomy, its scored entries, FLOPs (analysis/cost.ts convention: matrix
// products, a multiply-add is 2) and its error against full non-causal
// softmax; and the cost of every family as n grows, from the definitions.
// Pure functions plus an async driver that yields between families (it runs
// in the analysis worker on the page and directly in Node for the tests and e2e).
import { flopCount } from '../cost';
import { compareWith, softmaxReference } from '../compare';
import { maxAbsDifference, weightError } from '../error';
import { cpuWeights } from '../../cpu';
import { linformerProjections } from '../../inputs/projections';
import {
  lshAssign,
  lshPairs,
  resolvePatternParams,
  runPatternCpu,
  structuredPairs,
  type PatternId,
} from '../../patterns';
import type { AttentionProblem, RunRequest } from '../../types';
import { EngineError } from '../../types';
import { generatedProblem, type GeneratorInputs } from './inputs';
import { definition as linear } from '../../variants/linear';
import { definition as linformer } from '../../variants/linformer';
import { definition as nystrom } from '../../variants/nystrom';
import { definition as softmax } from '../../variants/softmax';

export const FAMILY_IDS = [
  'window',
  'block',
  'strided',
  'longformer',
  'lsh',
  linformer.id,
  nystrom.id,
  linear.id,
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

export type GalleryInputs = GeneratorInputs;

export interface FamilySettings {
  /** Window w of window and longformer. */
  readonly window: number;
  readonly block: number;
  readonly globals: number;
  readonly buckets: number;
  readonly kproj: number;
  readonly landmarks: number;
}

export interface FamilyEntry {
  readonly id: FamilyId;
  /** n×n map (row-major), or null when the family cannot run at these settings. */
  readonly map: Float64Array | null;
  /** Why not (an EngineError message), when map is null. */
  readonly unavailable?: string;
  /** Score entries computed (exp taken of): pairs for the masks, n·kproj, 2nm + m², 0 for linear. */
  readonly scores: number;
  /** scores / n². */
  readonly scoreFraction: number;
  readonly flops: number;
  /** ‖A − A_softmax‖_F / ‖A_softmax‖_F. */
  readonly relFrobenius: number;
  /** max |o − o_softmax|. */
  readonly maxOutputError: number;
}

export interface Gallery {
  readonly n: number;
  readonly d: number;
  readonly softmaxFlops: number;
  readonly entries: readonly FamilyEntry[];
}

export interface DriverOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

const PATTERNS: readonly FamilyId[] = ['window', 'block', 'strided', 'longformer', 'lsh'];

export function isPatternFamily(id: FamilyId): id is FamilyId & PatternId {
  return PATTERNS.includes(id);
}

function problemOf(inputs: GalleryInputs, n = inputs.n): AttentionProblem & { q: Float32Array } {
  const g = generatedProblem({ ...inputs, n });
  return { n, dk: inputs.d, dv: inputs.d, q: g.q, k: g.k, v: g.v };
}

function patternParams(id: PatternId, s: FamilySettings, seed: number, d: number) {
  return resolvePatternParams(
    id,
    { causal: false, window: s.window, block: s.block, globals: s.globals, buckets: s.buckets, seed },
    d,
  );
}

/** The engine request of a variant family at these settings (linear: elu+1, normalised, non-causal). */
export function variantRequest(
  id: typeof linformer.id | typeof nystrom.id | typeof linear.id,
  problem: AttentionProblem,
  s: FamilySettings,
  seed: number,
): Omit<RunRequest, 'form'> {
  if (id === linformer.id) {
    const { E, F } = linformerProjections({ n: problem.n, kproj: s.kproj, seed });
    return { variant: linformer.id, problem: { ...problem, params: { causal: false }, inputs: { E, F } } };
  }
  if (id === nystrom.id) {
    return {
      variant: nystrom.id,
      problem: { ...problem, params: { causal: false, landmarks: s.landmarks } },
    };
  }
  return { variant: linear.id, problem: { ...problem, params: { causal: false, featureMap: 'elu1' } } };
}

/** Score entries and FLOPs of a family at length n (LSH needs that n's queries). */
export function familyCost(
  id: FamilyId,
  n: number,
  d: number,
  s: FamilySettings,
  seed: number,
  queries?: () => ArrayLike<number>,
): { scores: number; flops: number } {
  const perPair = 2 * (d + d);
  switch (id) {
    case 'window':
    case 'block':
    case 'strided':
    case 'longformer': {
      const pairs = structuredPairs(id, patternParams(id, s, seed, d), n);
      return { scores: pairs, flops: pairs * perPair };
    }
    case 'lsh': {
      if (!queries) throw new Error('lsh cost needs the queries');
      const a = lshAssign(queries(), n, d, s.buckets, s.block, seed);
      const pairs = lshPairs(a, n, s.block, false);
      return { scores: pairs, flops: pairs * perPair };
    }
    case linformer.id:
      return {
        scores: n * s.kproj,
        flops: flopCount(linformer.id, 'parallel', { n, dk: d, dv: d, features: s.kproj }),
      };
    case nystrom.id: {
      const m = s.landmarks;
      return {
        scores: 2 * n * m + m * m,
        flops: flopCount(nystrom.id, 'parallel', { n, dk: d, dv: d }, { landmarks: m }),
      };
    }
    case linear.id:
      return { scores: 0, flops: flopCount(linear.id, 'recurrent', { n, dk: d, dv: d }, { causal: false }) };
  }
}

function turn(options: DriverOptions): Promise<void> {
  if (options.signal?.aborted) throw new DOMException('gallery cancelled', 'AbortError');
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every family's map, costs and errors on the view's inputs. */
export async function computeGallery(
  inputs: GalleryInputs,
  s: FamilySettings,
  options: DriverOptions = {},
): Promise<Gallery> {
  const { n, d, seed } = inputs;
  const problem = problemOf(inputs);
  const reference = softmaxReference(softmax.id, { ...problem, params: { causal: false } });
  const entries: FamilyEntry[] = [];
  for (const [index, id] of FAMILY_IDS.entries()) {
    await turn(options);
    const cost = familyCost(id, n, d, s, seed, () => problem.q);
    const base = { id, scores: cost.scores, scoreFraction: cost.scores / (n * n), flops: cost.flops };
    try {
      if (isPatternFamily(id)) {
        const r = runPatternCpu(id, patternParams(id, s, seed, d), problem);
        const map = r.weights as Float64Array;
        const err = weightError({ rows: n, cols: n, data: map }, reference.weights, reference.mask);
        entries.push({
          ...base,
          map,
          relFrobenius: err.relativeFrobenius,
          maxOutputError: maxAbsDifference(r.o, reference.output),
        });
      } else {
        const request = variantRequest(id, problem, s, seed);
        const map = cpuWeights(request).host as Float64Array;
        const cmp = compareWith(reference, request);
        entries.push({
          ...base,
          map,
          relFrobenius: cmp.relativeFrobenius,
          maxOutputError: cmp.maxOutputError,
        });
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      entries.push({
        ...base,
        map: null,
        unavailable: error.message,
        relFrobenius: NaN,
        maxOutputError: NaN,
      });
    }
    options.onProgress?.((index + 1) / FAMILY_IDS.length);
  }
  return { n, d, softmaxFlops: n * n * 2 * (d + d), entries };
}

/** Lengths of the cost chart: powers of two, each a multiple of every landmark count (≤ 256). */
export const COST_NS: readonly number[] = [256, 512, 1024, 2048, 4096, 8192, 16384];

export interface CostPoint {
  readonly n: number;
  readonly flops: number;
  readonly scores: number;
}

export interface CostCurve {
  readonly id: FamilyId | typeof softmax.id;
  readonly points: readonly CostPoint[];
  /** Log–log slope of FLOPs between the last two lengths: 1 linear, 2 quadratic. */
  readonly slope: number;
}

function slopeOf(points: readonly CostPoint[]): number {
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  return Math.log(b.flops / a.flops) / Math.log(b.n / a.n);
}

/** FLOPs (and score entries) of softmax and every family at each length of COST_NS. */
export async function computeCostCurves(
  inputs: Omit<GalleryInputs, 'n'>,
  s: FamilySettings,
  options: DriverOptions = {},
): Promise<CostCurve[]> {
  const curves: CostCurve[] = [];
  const quadratic = COST_NS.map((n) => ({ n, flops: n * n * 4 * inputs.d, scores: n * n }));
  curves.push({ id: softmax.id, points: quadratic, slope: slopeOf(quadratic) });
  for (const [index, id] of FAMILY_IDS.entries()) {
    await turn(options);
    const points = COST_NS.map((n) => ({
      n,
      ...familyCost(id, n, inputs.d, s, inputs.seed, () => problemOf({ ...inputs, n }, n).q),
    }));
    curves.push({ id, points, slope: slopeOf(points) });
    options.onProgress?.((index + 1) / FAMILY_IDS.length);
  }
  return curves;
}
