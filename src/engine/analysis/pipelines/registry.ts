// Every pipeline the analysis worker runs, registered once by name. A call names
// its pipeline and carries its settings (structured-clonable: numbers, strings,
// plain objects and typed arrays); the worker answers with its result. The
// protocol's and the client's types derive from this table, so a call's
// settings and its result are checked per name.
import { loadCpuForms } from '../../variants/cpuForms';
import type { DenseMatrix } from '../dense';
import type { PerformerSweepOptions } from '../performerSweep';
import { performerErrorSweepAsync } from '../performerSweep';
import { spectrumAsync } from '../spectrum';
import type { ProgressOptions } from '../turns';
import { analyzeFeatureMap, focusSweep, performerSweep, type MapSettings } from './featureMap';
import { computeCostCurves, computeGallery, type FamilySettings } from './familyGallery';
import { analyzeHla, type HlaAnalysisSettings } from './hlaState';
import { hybridAnalysis, infiniBranches } from './hybridParts';
import type { GeneratorInputs } from './inputs';
import { simulateSeqParallel } from './seqParallel';
import { gatedStateNorms, linearStateNorms } from './stateTrace';

/** What the worker hands every pipeline: its call's cancel signal and a progress sink (0..1). */
export interface PipelineOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (fraction: number) => void;
}

/** One entry: settings in, result out (synchronous pipelines run in one piece, between messages). */
type Pipeline<Settings, Result> = (settings: Settings, options: PipelineOptions) => Result | Promise<Result>;

/** Lab settings of the pipelines that take the view's generator inputs and one more choice. */
interface WithInputs<Settings> {
  readonly inputs: GeneratorInputs;
  readonly settings: Settings;
}

interface SweepSettings {
  readonly inputs: GeneratorInputs;
  readonly causal: boolean;
}

export const PIPELINES = {
  /** Singular values and ranks of one matrix. */
  spectrum: (matrix: DenseMatrix & { readonly relativeTolerance?: number }, options: ProgressOptions) =>
    spectrumAsync(
      { rows: matrix.rows, cols: matrix.cols, data: matrix.data },
      { ...options, relativeTolerance: matrix.relativeTolerance },
    ),
  /** Performer's errors against softmax over m and projection seeds, on any problem. */
  performerErrorSweep: (
    sweep: Omit<PerformerSweepOptions, keyof ProgressOptions | 'sliceMs'>,
    options: ProgressOptions,
  ) => performerErrorSweepAsync({ ...sweep, ...options }),
  /** Lessons 3 and 5: the chosen φ against softmax (maps, spectra, entropies, errors). */
  featureMap: ({ inputs, settings }: WithInputs<MapSettings>, options: ProgressOptions) =>
    analyzeFeatureMap(inputs, settings, options),
  /** Lessons 3 and 5: Performer's errors over the m grid. */
  performerSweep: ({ inputs, causal }: SweepSettings, options: ProgressOptions) =>
    performerSweep(inputs, causal, options),
  /** Lesson 3: Focused's entropy and ranks over p. */
  focusSweep: ({ inputs, causal }: SweepSettings, options: ProgressOptions) =>
    focusSweep(inputs, causal, options),
  /** Lesson 9: every family's map, costs and errors. */
  familyGallery: ({ inputs, settings }: WithInputs<FamilySettings>, options: ProgressOptions) =>
    computeGallery(inputs, settings, options),
  /** Lesson 9: every family's cost over n. */
  familyCosts: (
    { inputs, settings }: { readonly inputs: Omit<GeneratorInputs, 'n'>; readonly settings: FamilySettings },
    options: ProgressOptions,
  ) => computeCostCurves(inputs, settings, options),
  /** Lesson 11: HLA's maps, state norms, caption formula and ranks. */
  hlaState: ({ inputs, settings }: WithInputs<HlaAnalysisSettings>, options: ProgressOptions) =>
    analyzeHla(inputs, settings, options),
  /** Lesson 4: ‖S_t‖ of linear attention. */
  linearStateNorms,
  /** Lesson 6: ‖S_t‖ of a gated variant. */
  gatedStateNorms,
  /** Lesson 12: Infini-attention's branches. */
  infiniBranches,
  /** Lesson 12: the window + linear hybrid's shares. */
  hybridAnalysis,
  /** Lesson 14: LASP-2, Ring Attention and the traffic sweep. */
  seqParallel: simulateSeqParallel,
} satisfies Record<string, Pipeline<never, unknown>>;

export type PipelineName = keyof typeof PIPELINES;
export type PipelineSettings<P extends PipelineName> = Parameters<(typeof PIPELINES)[P]>[0];
export type PipelineResult<P extends PipelineName> = Awaited<ReturnType<(typeof PIPELINES)[P]>>;

/** Runs pipeline `name` (the worker's host does this; tests and Node tools may too). */
export function runPipeline<P extends PipelineName>(
  name: P,
  settings: PipelineSettings<P>,
  options: PipelineOptions,
): Promise<PipelineResult<P>> {
  const pipeline = PIPELINES[name] as Pipeline<PipelineSettings<P>, PipelineResult<P>>;
  // Every pipeline runs float64 references synchronously: load them first.
  return loadCpuForms().then(() => pipeline(settings, options));
}
