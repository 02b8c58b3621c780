// Lesson 9 lab: the efficient-Transformer family. One map per family of the
// survey's taxonomy, computed in float64 (a Worker) on the view's q, k, v: the
// `pattern` field picks the enlarged one; each shows its complexity, the scores
// it computes at this n, its FLOPs and its error against full softmax. A cost
// chart over n (from the definitions) shows which families stay linear.
import { useMemo } from 'react';
import { hostMatrix, runPattern, type MatrixHandle } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { Segmented } from '../../components/controls/Segmented';
import { Slider } from '../../components/controls/Slider';
import { logGrid, powersOfTwo } from '../../components/controls/sliderScale';
import { FamilyGallery, FamilyTable, familyKey } from './FamilyGallery';
import {
  FAMILY_IDS,
  isPatternFamily,
  variantRequest,
  type FamilyId,
  type FamilySettings,
} from '../../components/family-gallery/gallery';
import { maxAbsDiff, readMatrix } from '../../components/family-gallery/readMatrix';
import { useGalleryWorker } from '../../components/family-gallery/useGalleryWorker';
import { formatCount, formatN, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import { useAnalysisRun } from '../../components/lab/useAnalysisRun';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';
import { useViewStore } from '../../state/store';

/** Largest n of the maps: eight n×n float64 maps plus softmax's are formed per change. */
export const FAMILY_MAX_N = 1024;

export default function FamilyLab() {
  const t = useT();
  const { maxN, engine, backend, epoch } = useEngine();
  const pattern = useViewStore((s) => s.pattern) as FamilyId;
  const windowW = useViewStore((s) => s.window);
  const block = useViewStore((s) => s.block);
  const globals = useViewStore((s) => s.globals);
  const buckets = useViewStore((s) => s.buckets);
  const kproj = useViewStore((s) => s.kproj);
  const landmarks = useViewStore((s) => s.landmarks);
  const setView = useViewStore((s) => s.setView);
  const labMaxN = Math.min(FAMILY_MAX_N, maxN ?? FAMILY_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const settings: FamilySettings = useMemo(
    () => ({ window: windowW, block, globals, buckets, kproj, landmarks }),
    [windowW, block, globals, buckets, kproj, landmarks],
  );
  const settingsKey = `${windowW}|${block}|${globals}|${buckets}|${kproj}|${landmarks}`;
  const worker = useGalleryWorker();

  const gallery = useAnalysisRun(`${problemKey(inputs)}|${settingsKey}`, (signal, onProgress) => {
    if (!worker.current) return Promise.reject(new Error('the gallery worker is not running'));
    return worker.current.gallery(inputs, settings, signal, onProgress);
  });
  const costInputs = useMemo(
    () => ({
      seed: inputs.seed,
      d: inputs.d,
      temperature: inputs.temperature,
      locality: inputs.locality,
      clustering: inputs.clustering,
    }),
    [inputs],
  );
  const costs = useAnalysisRun(
    `${inputs.seed}|${inputs.d}|${inputs.temperature}|${inputs.locality}|${inputs.clustering}|${settingsKey}`,
    (signal, onProgress) => {
      if (!worker.current) return Promise.reject(new Error('the gallery worker is not running'));
      return worker.current.costs(costInputs, settings, signal, onProgress);
    },
  );

  // On WebGPU the enlarged map comes from the GPU kernels (f32): engine.weights()
  // for the variants, the pattern kernel for the masks. The numbers and the
  // thumbnails stay the float64 references of the worker on both backends.
  const problem = useProblem(inputs);
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
  const value = gallery.value;
  const current = value?.entries.find((e) => e.id === pattern);
  const n = value?.n ?? inputs.n;
  const cpuMatrix = useMemo(
    () => (current?.map && value ? hostMatrix(current.map, value.n, value.n) : null),
    [current, value],
  );
  const matrix = onGpu ? (gpuMap.value ?? null) : cpuMatrix;
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
  const mapPending = gallery.pending || (onGpu && gpuMap.pending);
  const name = t(familyKey('name', pattern));
  const ready = !gallery.pending && current !== undefined;
  const items: ReadoutItem[] = [
    {
      name: 'family-scores',
      label: t('family.readout.scores'),
      text: ready ? formatCount(current.scores) : null,
      value: ready ? current.scores : undefined,
      detail: ready
        ? current.scores === 0
          ? t('family.readout.scoresNone')
          : t('family.readout.scoresDetail', {
              fraction: formatNumber(current.scoreFraction, 3),
              n2: formatCount(n * n),
            })
        : undefined,
    },
    {
      name: 'family-flops',
      label: t('family.readout.flops'),
      text: ready ? formatCount(current.flops) : null,
      value: ready ? current.flops : undefined,
      detail: value
        ? t('family.readout.flopsDetail', { softmax: formatCount(value.softmaxFlops) })
        : undefined,
    },
    {
      name: 'family-rel-error',
      label: t('family.readout.relError'),
      text: ready ? (current.map ? formatNumber(current.relFrobenius, 4) : '—') : null,
      value: ready && current.map ? current.relFrobenius : undefined,
      detail: t('family.readout.relErrorDetail'),
    },
    {
      name: 'family-output-error',
      label: t('family.readout.outError'),
      text: ready ? (current.map ? formatNumber(current.maxOutputError, 4) : '—') : null,
      value: ready && current.map ? current.maxOutputError : undefined,
      detail: t('family.readout.outErrorDetail'),
    },
  ];
  if (onGpu) {
    items.push({
      name: 'family-gpu-diff',
      label: t('family.readout.gpuDiff'),
      text: gpuDiff.value !== undefined && !gpuDiff.pending ? formatNumber(gpuDiff.value, 3) : null,
      value: gpuDiff.value !== undefined && !gpuDiff.pending ? gpuDiff.value : undefined,
      detail: t('family.readout.gpuDiffDetail'),
    });
  }
  const slopes: ReadoutItem[] = [
    ...(['softmax', ...FAMILY_IDS] as const).map((id) => {
      const curve = costs.value?.find((c) => c.id === id);
      return {
        name: `slope-${id}`,
        label: id === 'softmax' ? t('family.costs.softmax') : t(familyKey('short', id)),
        text: curve && !costs.pending ? formatNumber(curve.slope, 3) : null,
        value: curve && !costs.pending ? curve.slope : undefined,
      };
    }),
  ];

  return (
    <div className={styles.lab}>
      <Segmented
        label={t('family.pattern')}
        value={pattern}
        options={FAMILY_IDS.map((id) => ({ value: id, label: t(familyKey('short', id)) }))}
        onChange={(id) => setView({ pattern: id })}
        testId="pattern-select"
      />
      <div className={styles.controls}>
        <Slider
          label={t('family.window')}
          value={windowW}
          values={logGrid(1, 512)}
          onChange={(v) => setView({ window: v })}
          hint={t('family.windowHint')}
          testId="window-slider"
        />
        <Slider
          label={t('family.block')}
          value={block}
          values={powersOfTwo(LIMITS.block.min, LIMITS.block.max)}
          onChange={(v) => setView({ block: v })}
          hint={t('family.blockHint')}
          testId="block-slider"
        />
        <Slider
          label={t('family.globals')}
          value={globals}
          min={LIMITS.globals.min}
          max={LIMITS.globals.max}
          step={1}
          onChange={(v) => setView({ globals: v })}
          hint={t('family.globalsHint')}
          testId="globals-slider"
        />
        <Slider
          label={t('family.buckets')}
          value={buckets}
          values={powersOfTwo(LIMITS.buckets.min, LIMITS.buckets.max)}
          onChange={(v) => setView({ buckets: v })}
          hint={t('family.bucketsHint')}
          testId="buckets-slider"
        />
        <Slider
          label={t('family.kproj')}
          value={kproj}
          values={logGrid(LIMITS.kproj.min, LIMITS.kproj.max)}
          onChange={(v) => setView({ kproj: v })}
          hint={t('family.kprojHint')}
          testId="kproj-slider"
        />
        <Slider
          label={t('family.landmarks')}
          value={landmarks}
          values={powersOfTwo(LIMITS.landmarks.min, LIMITS.landmarks.max)}
          onChange={(v) => setView({ landmarks: v })}
          hint={t('family.landmarksHint')}
          testId="landmarks-slider"
        />
      </div>
      <InputControls show={['n', 'd', 'seed']} maxN={labMaxN} />
      <p className={styles.note}>
        {t('family.capNote', { max: labMaxN })} {t('family.noncausalNote')}
      </p>
      {gallery.pending && (
        <progress
          className={styles.progress}
          value={gallery.progress}
          max={1}
          aria-label={t('family.progress')}
          data-testid="family-progress"
        />
      )}
      <Readout computingText={t('view.computing')} items={items} />
      <EngineErrorNote error={gallery.error ?? costs.error} />
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{name}</h3>
        {current && !current.map && (
          <p className={styles.error}>{t('family.unavailable', { reason: current.unavailable ?? '' })}</p>
        )}
        <Heatmap
          matrix={matrix}
          causal={false}
          colorMap={pattern === 'linformer' || pattern === 'nystrom' ? 'diverging' : 'sequential'}
          label={t('family.map.label', { name, n })}
          rowName={t('family.map.row')}
          colName={t('family.map.col')}
          valueLabel={t('family.map.value')}
          pending={mapPending}
          unavailable={current !== undefined && !current.map}
          exportName={`family-${pattern}-n${n}`}
          testId="heatmap"
        />
        <p className={styles.note} data-testid="family-map-source">
          {t(onGpu ? 'family.source.gpu' : 'family.source.cpu')}
        </p>
        {onGpu && current?.map && <EngineErrorNote error={gpuMap.error} />}
        <p className={styles.note}>
          {t(familyKey('taxonomy', pattern))} · {t(familyKey('cost', pattern))} ·{' '}
          {t(familyKey('gives', pattern))}
        </p>
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('family.gallery.title')}</h3>
        <FamilyGallery
          gallery={value}
          selected={pattern}
          onSelect={(id) => setView({ pattern: id })}
          pending={gallery.pending}
        />
        {value && <FamilyTable gallery={value} />}
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('family.costs.title')}</h3>
        {costs.value && (
          <LineChart
            title={t('family.costs.title')}
            series={costs.value.map((c) => ({
              id: c.id,
              label: c.id === 'softmax' ? t('family.costs.softmax') : t(familyKey('short', c.id)),
              points: c.points.map((p) => ({ x: p.n, y: p.flops })),
              dashed: c.id === 'softmax',
            }))}
            xLabel={t('family.costs.x')}
            yLabel={t('family.costs.y')}
            xAxis="log2"
            yAxis="log10"
            formatX={formatN}
            formatY={(y) => formatCount(y)}
            markerX={n}
            height={280}
            testId="family-cost-chart"
          />
        )}
        <p className={styles.note}>{t('family.costs.note')}</p>
        <h4 className={styles.sectionTitle}>{t('family.costs.slope')}</h4>
        <Readout computingText={t('view.computing')} items={slopes} />
      </div>
    </div>
  );
}
