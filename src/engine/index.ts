// The engine's public surface for lessons, views, the app shell and tools.
// GPU pieces (src/engine/gpu) are imported from there directly, so code that
// only needs the CPU references or the models never pulls WebGPU in.
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
