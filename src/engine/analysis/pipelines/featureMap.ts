// What the feature-map and low-rank labs compute in the analysis worker: for the
// chosen φ, its normalised weights φ(Q)φ(K)ᵀ against softmax's on the same
// inputs (difference, errors), the singular values of both maps and of φ(Q),
// φ(K), effective and numerical rank, the rank bound r sets, and the row
// entropies; Performer's m sweep and Focused's p sweep. Everything comes from
// the engine's float64 CPU references and the analysis module, so the e2e tests
// can recompute each printed number in Node from the same seed.
import { featureRankBound, type RankBound } from '../rank';
import { compareWith, softmaxReference, type SoftmaxComparison } from '../compare';
import { featureMatrices } from '../features';
import { rowEntropies } from '../entropy';
import { performerErrorSweepAsync, type PerformerSweepPoint } from '../performerSweep';
import { spectrumAsync, type SpectrumSummary } from '../spectrum';
import { cpuWeights } from '../../cpu';
import { hedgehogProjection, performerProjection } from '../../inputs/randomFeatures';
import type { AttentionProblem, Params, RunRequest, VariantId } from '../../types';
import { generatedProblem, type GeneratorInputs } from './inputs';
import { familyIds, type FamilyVariant } from '../../variants/registry';
import { definition as linear } from '../../variants/linear';
import { definition as performer } from '../../variants/performer';
import { definition as hedgehog } from '../../variants/hedgehog';
import { definition as focused } from '../../variants/focused';
import { definition as inline } from '../../variants/inline';
import { definition as rala } from '../../variants/rala';

/** The φ choices the labs offer: elu1 and relu (the plain linear variant with that map), then every feature-map variant. */
export type MapChoice = 'elu1' | 'relu' | FamilyVariant<'feature-map'>;
export const MAP_CHOICES: readonly MapChoice[] = ['elu1', 'relu', ...familyIds('feature-map')];

/** The engine variant of a choice: elu1 and relu are the plain linear variant with that map. */
export function choiceVariant(choice: MapChoice): VariantId {
  return choice === 'elu1' || choice === 'relu' ? linear.id : choice;
}

export interface MapSettings {
  readonly choice: MapChoice;
  readonly causal: boolean;
  /** Performer's random features. */
  readonly m: number;
  /** Focused's power. */
  readonly p: number;
}

/** Hedgehog's learned features per half: r = dk (the paper's identity start; the map has 2·dk features). */
export function hedgehogFeaturesPerHalf(dk: number): number {
  return dk;
}

/**
 * The engine request of a choice on a problem: the variant, its params and,
 * for Performer and Hedgehog, the seeded projection (Performer's W from the
 * view's seed with m rows; Hedgehog's identity-like start).
 */
export function mapRequest(
  problem: AttentionProblem,
  settings: MapSettings,
  seed: number,
): Omit<RunRequest, 'form'> {
  const { choice, causal } = settings;
  const variant = choiceVariant(choice);
  let params: Params = { causal };
  let inputs: AttentionProblem['inputs'];
  switch (choice) {
    case 'elu1':
    case 'relu':
      params = { causal, featureMap: choice, normalize: true };
      break;
    case performer.id:
      inputs = { projection: performerProjection({ seed, m: settings.m, dk: problem.dk }) };
      break;
    case hedgehog.id:
      inputs = {
        projection: hedgehogProjection({ dk: problem.dk, r: hedgehogFeaturesPerHalf(problem.dk) }),
      };
      break;
    case focused.id:
      params = { causal, p: settings.p };
      break;
    case rala.id:
      // Non-causal only.
      params = { causal: false };
      break;
    default:
      break;
  }
  return { variant, problem: { ...problem, params, inputs } };
}

/** Q, K, V of the view's generator inputs (dk = dv = d), as the labs' useProblem makes them. */
export function problemOf(inputs: GeneratorInputs): AttentionProblem {
  return { ...generatedProblem(inputs), dk: inputs.d, dv: inputs.d };
}

export interface FeatureAnalysis {
  readonly n: number;
  /** Feature dimension: columns of φ(Q), φ(K). */
  readonly r: number;
  readonly rankBound: RankBound;
  /** Spectrum of the chosen φ's n×n weight matrix. */
  readonly map: SpectrumSummary;
  readonly softmax: SpectrumSummary;
  readonly phiQ: SpectrumSummary;
  readonly phiK: SpectrumSummary;
  /** Row entropies (nats) of the chosen map and of softmax. */
  readonly entropy: Float64Array;
  readonly softmaxEntropy: Float64Array;
  readonly meanEntropy: number;
  readonly softmaxMeanEntropy: number;
  /** ln n: a uniform row's entropy (non-causal; causal rows see fewer keys). */
  readonly maxEntropy: number;
  readonly comparison: SoftmaxComparison;
  /** n×n, row-major: chosen weights − softmax weights. */
  readonly difference: Float64Array;
}

export interface AnalysisOptions {
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('analysis cancelled', 'AbortError');
}

/** Stage weights of the progress bar: the two n×n spectra dominate. */
const SHARE = { weights: 0.06, map: 0.4, softmax: 0.4, phi: 0.07 };

export async function analyzeFeatureMap(
  inputs: GeneratorInputs,
  settings: MapSettings,
  options: AnalysisOptions = {},
): Promise<FeatureAnalysis> {
  const { signal } = options;
  const report = options.onProgress ?? (() => {});
  const problem = problemOf(inputs);
  const request = mapRequest(problem, settings, inputs.seed);
  const n = problem.n;
  report(0);
  const reference = softmaxReference(request.variant, request.problem);
  const comparison = compareWith(reference, request);
  const weights = cpuWeights(request).host;
  if (!weights) throw new Error('CPU weights without host data');
  const difference = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) difference[i] = weights[i] - reference.weights.data[i];
  const features = featureMatrices(request);
  const causal = reference.mask.causal;
  const entropy = rowEntropies({ rows: n, cols: n, data: weights }, reference.mask);
  const softmaxEntropy = rowEntropies(reference.weights, reference.mask);
  report(SHARE.weights);
  throwIfAborted(signal);
  let base = SHARE.weights;
  const stage = async (data: Float64Array | Float32Array, rows: number, cols: number, share: number) => {
    const start = base;
    const summary = await spectrumAsync(
      { rows, cols, data },
      // The shares add up to 1 only up to rounding: never report past 1 before the end.
      { signal, onProgress: (fraction) => report(Math.min(start + fraction * share, 0.999)) },
    );
    base += share;
    return summary;
  };
  const map = await stage(weights, n, n, SHARE.map);
  const softmax = await stage(Float64Array.from(reference.weights.data), n, n, SHARE.softmax);
  const phiQ = await stage(features.phiQ, n, features.r, SHARE.phi);
  const phiK = await stage(features.phiK, n, features.r, SHARE.phi);
  report(1);
  return {
    n,
    r: features.r,
    rankBound: featureRankBound({
      n,
      featureDim: features.r,
      causal,
      extraRankOne: settings.choice === inline.id ? 1 : 0,
    }),
    map,
    softmax,
    phiQ,
    phiK,
    entropy: entropy.entropy,
    softmaxEntropy: softmaxEntropy.entropy,
    meanEntropy: entropy.mean,
    softmaxMeanEntropy: softmaxEntropy.mean,
    maxEntropy: Math.log(n),
    comparison,
    difference,
  };
}

/** Values of m the Performer sweep measures: the m slider's powers of two and two beyond (the 1/√m trend shows late when ‖q‖²/√dk is large). */
export const SWEEP_FEATURE_COUNTS: readonly number[] = [4, 8, 16, 32, 64, 128, 256, 512, 1024];
/** Projection seeds per m: the view's seed and the next ones. */
export const SWEEP_SEED_COUNT = 5;

export function sweepSeeds(seed: number): number[] {
  return Array.from({ length: SWEEP_SEED_COUNT }, (_, i) => seed + i);
}

/** Performer's errors against softmax for every m of SWEEP_FEATURE_COUNTS over SWEEP_SEED_COUNT seeds. */
export function performerSweep(
  inputs: GeneratorInputs,
  causal: boolean,
  options: AnalysisOptions = {},
): Promise<PerformerSweepPoint[]> {
  return performerErrorSweepAsync({
    problem: { ...problemOf(inputs), params: { causal } },
    featureCounts: SWEEP_FEATURE_COUNTS,
    seeds: sweepSeeds(inputs.seed),
    signal: options.signal,
    onProgress: options.onProgress,
  });
}

/** Powers p the Focused sweep measures (the p slider's range, whole numbers). */
export const FOCUS_POWERS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

export interface FocusPoint {
  readonly p: number;
  /** Mean row entropy of Focused's weights, nats. */
  readonly meanEntropy: number;
  readonly effectiveRank: number;
  readonly numericalRank: number;
}

/** Focused linear attention's mean row entropy and ranks for each p of FOCUS_POWERS. */
export async function focusSweep(
  inputs: GeneratorInputs,
  causal: boolean,
  options: AnalysisOptions = {},
): Promise<FocusPoint[]> {
  const problem = problemOf(inputs);
  const report = options.onProgress ?? (() => {});
  const points: FocusPoint[] = [];
  report(0);
  for (const [index, p] of FOCUS_POWERS.entries()) {
    throwIfAborted(options.signal);
    const request = mapRequest(problem, { choice: focused.id, causal, m: 1, p }, inputs.seed);
    const weights = cpuWeights(request).host;
    if (!weights) throw new Error('CPU weights without host data');
    const n = problem.n;
    const entropy = rowEntropies({ rows: n, cols: n, data: weights }, { causal });
    const summary = await spectrumAsync(
      { rows: n, cols: n, data: weights },
      {
        signal: options.signal,
        onProgress: (fraction) => report((index + fraction) / FOCUS_POWERS.length),
      },
    );
    points.push({
      p,
      meanEntropy: entropy.mean,
      effectiveRank: summary.effectiveRank,
      numericalRank: summary.numericalRank,
    });
  }
  report(1);
  return points;
}
