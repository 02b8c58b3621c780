// What lesson 9's lab computes: every family's map and numbers in float64 (the
// gallery Worker), the cost curves over n, and on WebGPU the enlarged map
// from the GPU kernels (f32) with its distance from the float64 one.
import { useMemo } from 'react';
import { hostMatrix, runPattern, type GeneratedProblem, type MatrixHandle } from '../../engine';
import { useEngine, useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import {
  isPatternFamily,
  variantRequest,
  type CostCurve,
  type FamilyEntry,
  type FamilyId,
  type FamilySettings,
  type Gallery,
} from '../../engine';
import { maxAbsDiff, readMatrix } from './readMatrix';
import { asRun, useAnalysis, type AnalysisRun } from '../../app/engine-host/useAnalysis';
import { problemKey, type ProblemInputs } from '../../components/lab/useProblem';

export interface FamilyRuns {
  readonly gallery: AnalysisRun<Gallery>;
  readonly costs: AnalysisRun<CostCurve[]>;
  /** The map comes from the GPU kernels (WebGPU); else the gallery's float64 map is drawn. */
  readonly onGpu: boolean;
  readonly gpuMap: LatestRun<MatrixHandle>;
  /** Largest |GPU − float64| of the enlarged map. */
  readonly gpuDiff: LatestRun<number>;
  /** The gallery's entry of the enlarged family. */
  readonly current: FamilyEntry | undefined;
}

export function useFamilyRuns(
  inputs: ProblemInputs,
  problem: GeneratedProblem,
  settings: FamilySettings,
  pattern: FamilyId,
): FamilyRuns {
  const { engine, backend, epoch } = useEngine();
  const { window: windowW, block, globals, buckets, kproj, landmarks } = settings;
  const settingsKey = `${windowW}|${block}|${globals}|${buckets}|${kproj}|${landmarks}`;

  const gallerySettings = useMemo(() => ({ inputs, settings }), [inputs, settings]);
  const gallery = asRun(useAnalysis('familyGallery', gallerySettings));
  const costSettings = useMemo(
    () => ({
      inputs: {
        seed: inputs.seed,
        d: inputs.d,
        temperature: inputs.temperature,
        locality: inputs.locality,
        clustering: inputs.clustering,
      },
      settings,
    }),
    [inputs, settings],
  );
  const costs = asRun(useAnalysis('familyCosts', costSettings));

  // On WebGPU the enlarged map comes from the GPU kernels (f32): engine.weights()
  // for the variants, the pattern kernel for the masks. The numbers and the
  // thumbnails stay the float64 references of the worker on both backends.
  const onGpu = backend === 'webgpu' && engine !== null;
  const gpuMap = useLatestRun<MatrixHandle>(
    onGpu ? `${epoch}|${problemKey(inputs)}|${settingsKey}|${pattern}` : null,
    async () => {
      if (!engine) throw new Error('no engine');
      const { n: len, d } = inputs;
      const base = { n: len, dk: d, dv: d, q: problem.q, k: problem.k, v: problem.v };
      if (isPatternFamily(pattern)) {
        const result = await runPattern(
          engine,
          pattern,
          { causal: false, window: windowW, block, globals, buckets, seed: inputs.seed },
          base,
        );
        return hostMatrix(result.weights, len, len);
      }
      return engine.weights(variantRequest(pattern, base, settings, inputs.seed));
    },
  );
  const current = gallery.value?.entries.find((e) => e.id === pattern);
  // On WebGPU: how far the GPU's f32 map is from the float64 one (the contract's
  // tolerance is 1e-3 relative; an ill-conditioned Nyström kernel can exceed it).
  const gpuDiff = useLatestRun<number>(
    onGpu && gpuMap.value && !gpuMap.pending && current?.map && !gallery.pending
      ? `${epoch}|${problemKey(inputs)}|${settingsKey}|${pattern}|diff`
      : null,
    async () => {
      if (!gpuMap.value || !current?.map) throw new Error('no maps');
      return maxAbsDiff(await readMatrix(gpuMap.value), current.map);
    },
  );
  return { gallery, costs, onGpu, gpuMap, gpuDiff, current };
}
