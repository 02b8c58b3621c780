// The analysis module's public surface (spectrum, ranks, entropy, errors
// against softmax, Performer's m sweep) and the pipelines the labs run in its
// worker. Pure TypeScript, no DOM: runs in a Worker or in Node. cost.ts (FLOP
// and memory models) is exported by engine/index.ts directly.
export { checkedDense, denseFromHandle } from './dense';
export type { DenseMatrix } from './dense';
export { singularValues, singularValuesAsync } from './svd';
export type { AsyncProgressOptions } from './svd';
export type { ProgressOptions } from './turns';
export { spectrum, spectrumAsync, summarizeSpectrum } from './spectrum';
export type { SpectrumOptions, SpectrumSummary } from './spectrum';
export {
  effectiveRank,
  numericalRank,
  defaultRankTolerance,
  featureRankBound,
  FLOAT32_EPSILON,
  FLOAT64_EPSILON,
} from './rank';
export type { RankBound } from './rank';
export { visibleKeyCount } from './mask';
export type { KeyMask } from './mask';
export { rowEntropies, histogram } from './entropy';
export type { RowEntropies, Histogram } from './entropy';
export { weightError, maxAbsDifference, KL_UNIFORM_MIX } from './error';
export type { WeightError } from './error';
export { softmaxReference, compareWith, compareWithSoftmax } from './compare';
export type { SoftmaxReference, SoftmaxComparison } from './compare';
export { sampleStats } from './stats';
export type { SampleStats } from './stats';
export { performerErrorSweep, performerErrorSweepAsync } from './performerSweep';
export type { PerformerSweepOptions, PerformerSweepPoint } from './performerSweep';
export { createAnalysisClient, connectAnalysisClient } from './worker/client';
export type { AnalysisClient, CallOptions } from './worker/client';
export { serveAnalysis } from './worker/host';
export type { AnalysisCall, AnalysisReply, AnalysisPort } from './worker/protocol';
export { runPipeline } from './pipelines/registry';
export type { PipelineName, PipelineResult, PipelineSettings } from './pipelines/registry';
export { featureMatrices, isFeatureMapVariant, FEATURE_MAP_VARIANTS } from './features';
export type { FeatureMatrices, FeatureMapVariant } from './features';
