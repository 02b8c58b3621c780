// Lesson 11's float64 analysis, run in the analysis worker: the three implied
// maps (HLA, identity-φ linear attention, softmax) and their errors against
// softmax, the norms of S^K, C, G over t, and the paper's caption formula against
// the recurrence, and the effective rank of each map. O(n³) for HLA's map and the
// spectra, O(n·d²·dv/c) for the caption formula: seconds at n = 512, d = 256, so
// never on the main thread. Stages report progress
// and stop between stages when the call is cancelled.
import { maxAbsDifference, weightError, type WeightError } from '../error';
import { spectrumAsync } from '../spectrum';
import { cpuWeights, runCpu } from '../../cpu';
import { hla2CaptionChunk, hla2Trace } from '../../variants/hla2/cpu';
import { generatedProblem, type GeneratorInputs } from './inputs';
import { definition as softmaxVariant } from '../../variants/softmax';
import { definition as linearVariant } from '../../variants/linear';
import { definition as hla2Variant } from '../../variants/hla2';

export interface HlaAnalysisSettings {
  readonly normalize: boolean;
  readonly chunk: number;
}

export interface HlaAnalysis {
  readonly n: number;
  /** n×n row-major maps. */
  readonly softmax: Float64Array;
  readonly hla: Float64Array;
  readonly linear: Float64Array;
  readonly hlaError: WeightError;
  readonly linearError: WeightError;
  /** ‖S^K_t‖_F, ‖C_t‖_F, ‖G_t‖_F for t = 1..n. */
  readonly sNorms: Float64Array;
  readonly cNorms: Float64Array;
  readonly gNorms: Float64Array;
  /** max|O_caption − O| / max(1, max|O|), unnormalised. */
  readonly captionError: number;
  /** Effective rank (exp of the entropy of σ/Σσ) of each map. */
  readonly effectiveRank: { readonly hla: number; readonly linear: number; readonly softmax: number };
}

export interface AnalysisOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('analysis cancelled', 'AbortError');
}

/** max |a_i|. */
function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]));
  return worst;
}

/** Lets a 'cancel' message in between stages. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function analyzeHla(
  inputs: GeneratorInputs,
  settings: HlaAnalysisSettings,
  options: AnalysisOptions = {},
): Promise<HlaAnalysis> {
  const { n, d } = inputs;
  const { signal, onProgress } = options;
  const p = generatedProblem(inputs);
  const base = { n, dk: d, dv: d, q: p.q, k: p.k, v: p.v };
  const head = {
    n,
    dk: d,
    dv: d,
    q: Float64Array.from(p.q),
    k: Float64Array.from(p.k),
    v: Float64Array.from(p.v),
  };
  const stages: (() => void)[] = [];
  let softmax: Float64Array = new Float64Array(0);
  let hla: Float64Array = softmax;
  let linear: Float64Array = softmax;
  let trace: ReturnType<typeof hla2Trace> | undefined;
  let captionError = 0;
  stages.push(
    () => (softmax = cpuWeights({ variant: softmaxVariant.id, problem: base }).host as Float64Array),
  );
  stages.push(
    () =>
      (hla = cpuWeights({
        variant: hla2Variant.id,
        problem: { ...base, params: { normalize: settings.normalize } },
      }).host as Float64Array),
  );
  stages.push(
    () =>
      (linear = cpuWeights({
        variant: linearVariant.id,
        problem: { ...base, params: { featureMap: 'identity', normalize: settings.normalize } },
      }).host as Float64Array),
  );
  stages.push(() => (trace = hla2Trace(head, 1e-6, n)));
  stages.push(() => {
    const exact = runCpu({ variant: hla2Variant.id, form: 'recurrent', problem: base }).o;
    captionError =
      maxAbsDifference(hla2CaptionChunk(head, settings.chunk), exact) / Math.max(1, maxAbs(exact));
  });
  for (let i = 0; i < stages.length; i++) {
    checkCancelled(signal);
    stages[i]();
    onProgress?.(((i + 1) / stages.length) * (stages.length / (stages.length + 3 * 4)));
    await yieldToEvents();
  }
  // The three spectra: O(n³) each, most of the work at large n (progress 0.3 → 1).
  const maps = [hla, linear, softmax];
  const ranks: number[] = [];
  const done = stages.length / (stages.length + 3 * 4);
  for (let i = 0; i < maps.length; i++) {
    const summary = await spectrumAsync(
      { rows: n, cols: n, data: maps[i] },
      {
        signal,
        onProgress: (f) => onProgress?.(done + ((1 - done) * (i + f)) / maps.length),
      },
    );
    ranks.push(summary.effectiveRank);
  }
  checkCancelled(signal);
  const reference = { rows: n, cols: n, data: softmax };
  if (!trace) throw new Error('internal: the state trace did not run');
  return {
    n,
    softmax,
    hla,
    linear,
    hlaError: weightError({ rows: n, cols: n, data: hla }, reference, { causal: true }),
    linearError: weightError({ rows: n, cols: n, data: linear }, reference, { causal: true }),
    sNorms: trace.sNorms,
    cNorms: trace.cNorms,
    gNorms: trace.gNorms,
    captionError,
    effectiveRank: { hla: ranks[0], linear: ranks[1], softmax: ranks[2] },
  };
}
