// The engine's public surface for lessons, views, the app shell and tools: code
// outside src/engine imports the engine from here (lint enforces it). What
// imports WGSL (webgpu.ts) is loaded on demand through loadWebGpu(), so this
// face loads in plain Node (the Playwright specs) and keeps kernels out of the
// page's entry chunk and of CPU-only code.
export * from './types';
export {
  createCpuEngine,
  runCpu,
  cpuWeights,
  cpuLinearStateTrace,
  cpuGatedStateTrace,
  DEFAULT_CPU_MAX_BUFFER_BYTES,
} from './cpu';
export { hostMatrix } from './handles';
export { loadCpuForms } from './variants/cpuForms';
export type { CpuEngineOptions } from './cpu';
export {
  validateRequest,
  validateProblem,
  checkFitsLimits,
  largestFittingN,
  problemFromJson,
  formatBytes,
} from './validate';
export type { NormalizedProblem, NormalizedRequest, BufferLimits, BufferSizeModel } from './validate';
export { checkFits, maxFittingN, sizedRequest, buffersFit } from './sizeRule';
export type { SizeLimit, SizedRequest, SizingOptions } from './sizeRule';
export type { BufferPlan, PlanRequest } from './variants/common/buffers';
export {
  getVariant,
  findVariant,
  implementedVariants,
  isVariantId,
  definitions,
  getDefinition,
  findDefinition,
} from './variants/registry';
export type { VariantDefinition, ExampleSizes } from './variants/definition';
export type {
  VariantDescriptor,
  ParamSpec,
  NumberParamSpec,
  BooleanParamSpec,
  EnumParamSpec,
  ExtraInputSpec,
  CausalSupport,
  ProblemDims,
  ResolvedParams,
} from './variants/common/descriptor';
export { FEATURE_MAPS } from './variants/linear/descriptor';
export type { FeatureMap } from './variants/linear/descriptor';
export {
  applyFeatureMap,
  featureMapValue,
  linearRecurrent,
  linearChunk,
  linearParallel,
  linearWeights,
  emptyLinearState,
} from './variants/linear/cpu';
export type { LinearOptions, LinearState, LinearRun, LinearStateTrace } from './variants/linear/cpu';
export type { HeadData, HeadResult } from './variants/common/head';
export { generateProblem, rotaryFrequencies, CLUSTER_COUNT } from './inputs/generate';
export type { GenerateOptions, GeneratedProblem } from './inputs/generate';
export { createRng, xoshiro128StarStar } from './inputs/random';
export { performerProjection, hedgehogProjection } from './inputs/randomFeatures';
export type {
  PerformerProjectionOptions,
  PerformerRowScaling,
  HedgehogProjectionOptions,
} from './inputs/randomFeatures';
export {
  performerFeatures,
  cosformerFeatures,
  basedFeatures,
  hedgehogFeatures,
  focusedFeatures,
  elementwiseFeatures,
  ralaKeyFeatures,
  taylorKernel,
  featureDims,
} from './variants/common/featuremap/maps';
export type { Rng } from './inputs/random';
export {
  flopCount,
  memoryFootprint,
  productOrderFlops,
  attentionMatrixBytes,
  attentionPairs,
  kvCacheBytes,
  linearStateBytes,
  gpuBufferSizes,
  featureDimension,
  BYTES_F32,
  BYTES_F64,
} from './analysis/cost';
export type { CostDims, MemoryFootprint, BufferSize } from './analysis/cost';
export {
  constantGates,
  dataDependentGates,
  forgetAtGates,
  writeStrengths,
  bonusVector,
  FORGET_LOG_GATE,
} from './inputs/gates';
export type { DataDependentGateOptions, ForgetAtOptions } from './inputs/gates';
export { retainedFraction } from './variants/common/gated/cpu';
export type { GatedStateTrace } from './variants/common/gated/cpu';
export type { GatedRule } from './variants/common/gated/rule';
export { isGatedVariant, formsByVariant, familyIds, isInFamily } from './variants/registry';
export type { GatedVariant, FamilyVariant } from './variants/registry';
export type { VariantFamily } from './variants/definition';
export { DELTANET_BETA_MAX } from './variants/deltanet/descriptor';
export { GATED_DELTANET_BETA_MAX } from './variants/gated-deltanet/descriptor';
export {
  hla2Recurrent,
  hla2Parallel,
  hla2Chunk,
  hla2Weights,
  hla2Step,
  hla2Trace,
  hla2CaptionChunk,
  hla2StateFloats,
  packHla2State,
  emptyHla2State,
} from './variants/hla2/cpu';
export type { Hla2Options, Hla2State, Hla2Trace } from './variants/hla2/cpu';
export {
  evaluateFit,
  softmaxTarget,
  hedgehogPhi,
  fitErrors,
  initialProjection,
  adamUpdate,
  createAdam,
  FIT_EPS,
  INIT_NOISE,
} from './linearise/fit';
export type {
  FitLossKind,
  FitProblem,
  FitTarget,
  FitEvaluation,
  FitErrors,
  AdamState,
} from './linearise/fit';
export { HedgehogFit, fitProblemFromInputs } from './linearise/session';
export type { FitInputs, FitSettings, FitPoint } from './linearise/session';
// Lessons 14 and 15: simulated sequence parallelism and in-context regression.
export * as seqpar from './seqpar';
export * as icl from './icl';
export {
  RECALL_VARIANTS,
  RECALL_D_GRID,
  RECALL_MAX_PAIRS,
  RECALL_MIN_PAIRS,
  QUERIES_PER_POINT,
  RUNS_PER_POINT,
  clampPairs,
  pairsGrid,
  recallSequence,
  recallRequests,
  recallOutputs,
  recentCount,
  runRecallPoint,
  runRecallSweep,
  scoreOutput,
  shiftedQueries,
  softmaxScale,
  stateFloats,
  sweepPoints,
  trialsFor,
} from './recall/experiment';
export type {
  PointResult,
  PointScores,
  RecallPoint,
  RecallRun,
  RecallSequence,
  RecallSettings,
  RecallSweep,
  RecallVariant,
  RunFn as RecallRunFn,
  VariantScore,
} from './recall/experiment';
export { linformerProjections } from './inputs/projections';
export type { LinformerProjectionOptions } from './inputs/projections';
export { pseudoInverse, jacobiSvd } from './variants/nystrom/pinv';
export { nystromParts, segmentMeans } from './variants/nystrom/cpu';
export {
  PATTERN_IDS,
  isPatternId,
  resolvePatternParams,
  buildMask,
  maskPairs,
  structuredPairs,
  lshPairs,
  lshAssign,
  runPatternCpu,
  runPattern,
  patternDensity,
} from './patterns';
export type { PatternId, PatternParams, PatternProblem, PatternResult, LshAssignment } from './patterns';
// The analysis worker (src/engine/analysis): the page starts it with
// createAnalysisClient() and runs its pipelines by name; the pipelines' settings
// and results, and the helpers the labs share with them.
export { createAnalysisClient } from './analysis/worker/client';
export type { AnalysisClient, CallOptions as AnalysisCallOptions } from './analysis/worker/client';
export type { PipelineName, PipelineResult, PipelineSettings } from './analysis/pipelines/registry';
export { generatedProblem } from './analysis/pipelines/inputs';
export type { GeneratorInputs } from './analysis/pipelines/inputs';
export type { PerformerSweepPoint } from './analysis/performerSweep';
export {
  MAP_CHOICES,
  FOCUS_POWERS,
  SWEEP_FEATURE_COUNTS,
  SWEEP_SEED_COUNT,
  choiceVariant,
  hedgehogFeaturesPerHalf,
  mapRequest,
} from './analysis/pipelines/featureMap';
export type { FeatureAnalysis, FocusPoint, MapChoice, MapSettings } from './analysis/pipelines/featureMap';
export {
  COST_NS,
  FAMILY_IDS,
  computeCostCurves,
  computeGallery,
  isPatternFamily,
  variantRequest,
} from './analysis/pipelines/familyGallery';
export type {
  CostCurve,
  CostPoint,
  FamilyEntry,
  FamilyId,
  FamilySettings,
  Gallery,
} from './analysis/pipelines/familyGallery';
export type { HlaAnalysis, HlaAnalysisSettings } from './analysis/pipelines/hlaState';
export { STATE_TRACE_BUDGET } from './analysis/pipelines/stateTrace';
export type { HybridAnalysis, InfiniBranches } from './analysis/pipelines/hybridParts';
export type { SeqParallelResult, SeqParallelSettings, SimulatedRun } from './analysis/pipelines/seqParallel';
// Below: what the app, views and lessons import that the list above lacked, so
// that nothing outside src/engine imports an engine module directly (lint
// enforces it). Nothing here may reach WGSL statically; that loads through loadWebGpu().
export { acquireDevice, NoAdapterError } from './gpu/device';
// Dawn's WebGPU in Node (the GPU tests of views, the headless tools).
export { acquireNodeDevice, hasNodeAdapter } from './gpu/node';
export type { AcquiredDevice } from './gpu/device';
export {
  spectrum,
  spectrumAsync,
  featureRankBound,
  rowEntropies,
  histogram,
  weightError,
  maxAbsDifference,
  compareWithSoftmax,
  performerErrorSweep,
  featureMatrices,
} from './analysis';
export type { SpectrumSummary, RankBound, WeightError, SoftmaxComparison } from './analysis';
export type { CaseInputs, CaseParams } from './bench/sweep';
export type { SweepConfig, SweepPoint, SweepProgress, SweepResult, TimingMethod } from './bench/types';
// What lesson 12's pipelines compose (the hybrid module and Infini-attention's two branches).
export {
  equalShareLogLambda,
  hybridBranches,
  hybridShares,
  infiniShares,
  infiniStateFloats,
  kvCacheFloats,
} from './hybrid/hybrid';
export type { HybridShares, InfiniShares } from './hybrid/hybrid';
export { elu1Errors, heldOutErrors, heldOutProblem } from './linearise/baseline';
export { createFitWorker } from './linearise/fitWorker';
export type { FitBackend, FitDriver } from './linearise/workerDriver';
export { createWorkerFitDriver } from './linearise/workerDriver';
// The WebGPU half (GPU engine, timing sweeps, the fit's GPU driver), loaded on demand.
export { loadWebGpu, createGpuFitDriver } from './webgpuLoader';
export type { GpuEngine, GpuEngineOptions } from './gpu/engine';
export type { FitPort, FitSnapshot } from './linearise/protocol';
export {
  attentionPrediction,
  gdPrediction,
  newtonRisk,
  optimalEta,
  scalarRisk,
  preconditioner,
  seededTask,
  workedExample,
} from './icl/icl';
export type { IclTask } from './icl/icl';
export { computeRiskCurve, riskCurve, RISK_DEFAULT_TASKS, RISK_M_GRID } from './icl/risk';
export type { RiskOptions, RiskPoint } from './icl/risk';
export { streamingTable } from './icl/streaming';
export {
  lasp2FormulaFloats,
  lasp2PayloadFloats,
  meanPerDevice,
  ringFormulaFloats,
  simulateLasp2,
  simulateRing,
} from './seqpar';
export type { SeqParFeatureMap, SimMessage } from './seqpar';
