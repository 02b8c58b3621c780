// Lesson 11 lab: second-order higher-order linear attention (HLA). The state
// S^K, C, G scrubbed through t with its size against linear attention's and the
// KV cache; the implied n×n maps of HLA, identity-φ linear attention and softmax
// side by side with their errors against softmax; the query seen through the key
// metric (u = q_t S^K_t); the O(t²) growth of the unnormalised output and what the
// second-order normaliser does; the chunk form against the recurrence, and the
// paper's caption formula without its middle term.
import { useCallback, useMemo, useState } from 'react';
import type { MatrixHandle } from '../../engine';
import type { HlaAnalysis } from '../../components/hla-state/analysis';
import { useHlaWorker } from '../../components/hla-state/useHlaWorker';
import { LineChart } from '../../components/charts/LineChart';
import { Slider } from '../../components/controls/Slider';
import { Toggle } from '../../components/controls/Toggle';
import { formatCount, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { HlaStateView } from './HlaStateView';
import {
  fitStart,
  frobenius,
  growthExponent,
  keyMetric,
  maxAbs,
  maxAbsDiff,
  nonPositiveCount,
  rowNorms,
  splitState,
  stateSizes,
} from '../../components/hla-state/numbers';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';

/** Largest n of this lab: the Worker's float64 maps (n³/3 for HLA's) and three n×n heatmaps. */
export const HLA_MAX_N = 512;
/** Chunk sizes offered (the view's chunk field: powers of two). */
const CHUNK_SIZES = [8, 16, 32, 64, 128, 256];

interface Outputs {
  readonly raw: Float64Array;
  readonly normalized: Float64Array;
  /** The unnormalised output of v ≡ 1: the second-order normaliser u·m_t − q_t·h_t. */
  readonly normalizers: Float64Array;
  readonly chunked: Float64Array;
  /** First-order linear attention (identity φ, unnormalised) on the same q, k, v. */
  readonly linear: Float64Array;
}

export default function HigherOrderLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const normalize = useViewStore((s) => s.normalize);
  const storeT = useViewStore((s) => s.t);
  const chunk = useViewStore((s) => s.chunk);
  const setView = useViewStore((s) => s.setView);
  const cap = Math.min(HLA_MAX_N, maxN ?? HLA_MAX_N);
  const inputs = useProblemInputs(cap);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  const tokens = Math.max(1, Math.min(storeT, n));
  const base = useMemo(
    () => ({ n, dk: d, dv: d, q: problem.q, k: problem.k, v: problem.v }),
    [problem, n, d],
  );
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}` : null;

  // The three implied maps, from the engine (WebGPU or the CPU worker).
  const hlaMap = useLatestRun<MatrixHandle>(key && `${key}|hla|${normalize}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'hla2', problem: { ...base, params: { normalize } } });
  });
  const linearMap = useLatestRun<MatrixHandle>(key && `${key}|linear|${normalize}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({
      variant: 'linear',
      problem: { ...base, params: { featureMap: 'identity', normalize } },
    });
  });
  const softmaxMap = useLatestRun<MatrixHandle>(key && `${key}|softmax`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'softmax', problem: base });
  });

  // Outputs: unnormalised, normalised, the normaliser (v ≡ 1) and the chunk form.
  const outputs = useLatestRun<Outputs>(key && `${key}|outputs|${chunk}`, async () => {
    if (!engine) throw new Error('no engine');
    const run = async (normalized: boolean) =>
      Float64Array.from(
        (
          await engine.run({
            variant: 'hla2',
            form: 'recurrent',
            problem: { ...base, params: { normalize: normalized } },
          })
        ).o,
      );
    const raw = await run(false);
    const normalized = await run(true);
    const ones = await engine.run({
      variant: 'hla2',
      form: 'recurrent',
      problem: { ...base, dv: 1, v: new Float32Array(n).fill(1) },
    });
    const chunked = await engine.run({
      variant: 'hla2',
      form: 'chunk',
      problem: { ...base, params: { chunkSize: chunk } },
    });
    const linear = await engine.run({
      variant: 'linear',
      form: 'recurrent',
      problem: { ...base, params: { featureMap: 'identity', normalize: false } },
    });
    return {
      raw,
      normalized,
      normalizers: Float64Array.from(ones.o),
      chunked: Float64Array.from(chunked.o),
      linear: Float64Array.from(linear.o),
    };
  });

  // The state after token t: the recurrent form on the first t tokens.
  const stateRun = useLatestRun<Float64Array>(key && `${key}|t${tokens}`, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({
      variant: 'hla2',
      form: 'recurrent',
      problem: {
        n: tokens,
        dk: d,
        dv: d,
        q: problem.q.subarray(0, tokens * d),
        k: problem.k.subarray(0, tokens * d),
        v: problem.v.subarray(0, tokens * d),
      },
    });
    if (!result.state) throw new Error('the recurrent form returned no state');
    return Float64Array.from(result.state);
  });

  // Float64 references in a Worker (seconds at n = 512, d = 256): the maps' errors
  // against softmax, the state norms over t and the caption formula of Fig. 1(C).
  const worker = useHlaWorker();
  const [progress, setProgress] = useState(0);
  const analysisRun = useLatestRun<HlaAnalysis>(`${problemKey(inputs)}|${normalize}|${chunk}`, (signal) => {
    const client = worker.current;
    if (!client) throw new Error('the analysis Worker is not running');
    setProgress(0);
    return client.analyze(inputs, { normalize, chunk }, { signal, onProgress: setProgress });
  });
  const analysis = analysisRun.pending ? undefined : analysisRun.value;
  const comparison = analysis;
  const caption = analysis?.captionError;
  const onTChange = useCallback((value: number) => setView({ t: value }), [setView]);
  const sizes = stateSizes(d, d, tokens, normalize);
  const out = outputs.pending ? undefined : outputs.value;
  const rawNorms = useMemo(() => (out ? rowNorms(out.raw, n, d) : null), [out, n, d]);
  const normNorms = useMemo(() => (out ? rowNorms(out.normalized, n, d) : null), [out, n, d]);
  const growthRaw = rawNorms ? growthExponent(rawNorms) : undefined;
  const growthNorm = normNorms ? growthExponent(normNorms) : undefined;
  const growthLinear = out ? growthExponent(rowNorms(out.linear, n, d)) : undefined;
  const nonPositive = out ? nonPositiveCount(out.normalizers) : undefined;
  const chunkError = out ? maxAbsDiff(out.chunked, out.raw) / Math.max(1, maxAbs(out.raw)) : undefined;
  const stateNow = stateRun.pending ? undefined : stateRun.value;
  const blocks = stateNow ? splitState(stateNow, d, d) : undefined;
  const metric = stateNow
    ? keyMetric(problem.q.subarray((tokens - 1) * d, tokens * d), stateNow, d)
    : undefined;

  const sizeSeries = useMemo(() => {
    const at = (x: number) => stateSizes(d, d, x, normalize);
    const xs = Array.from({ length: n }, (_, i) => i + 1);
    return [
      { id: 'kv', label: t('hla.size.kv'), points: xs.map((x) => ({ x, y: at(x).kvCache })) },
      { id: 'linear', label: t('hla.size.linear'), points: xs.map((x) => ({ x, y: at(x).linear })) },
      { id: 'hla', label: t('hla.size.hla'), points: xs.map((x) => ({ x, y: at(x).hla })) },
    ];
  }, [n, d, normalize, t]);
  const rowSeries = useMemo(() => {
    if (!comparison) return [];
    // Each row divided by its own largest |weight|: the three maps differ in scale by
    // orders of magnitude (HLA unnormalised grows like t²), and the shapes are what compare.
    const row = (data: Float64Array) => {
      const values = data.subarray((tokens - 1) * n, (tokens - 1) * n + tokens);
      const scale = maxAbs(values) || 1;
      return Array.from(values, (y, j) => ({ x: j + 1, y: y / scale }));
    };
    return [
      { id: 'softmax', label: t('hla.maps.softmax'), points: row(comparison.softmax) },
      { id: 'linear', label: t('hla.maps.linear'), points: row(comparison.linear), dashed: true },
      { id: 'hla', label: t('hla.maps.hla'), points: row(comparison.hla) },
    ];
  }, [comparison, tokens, n, t]);
  const growthSeries = useMemo(
    () =>
      rawNorms && normNorms
        ? [
            { id: 'raw', label: t('hla.growth.raw'), points: rawNorms.map((y, i) => ({ x: i + 1, y })) },
            {
              id: 'normalized',
              label: t('hla.growth.normalized'),
              points: normNorms.map((y, i) => ({ x: i + 1, y })),
            },
          ]
        : [],
    [rawNorms, normNorms, t],
  );
  const maps = [
    { id: 'hla', run: hlaMap, label: t('hla.maps.hla') },
    { id: 'linear', run: linearMap, label: t('hla.maps.linear') },
    { id: 'softmax', run: softmaxMap, label: t('hla.maps.softmax') },
  ] as const;

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'temperature', 'locality', 'clustering', 'seed']} maxN={cap} />
      <Slider
        label={t('hla.chunk.size')}
        value={chunk}
        values={CHUNK_SIZES}
        onChange={(value) => setView({ chunk: value })}
        format={(value) => String(value)}
        testId="hla-chunk"
      />
      <Toggle
        label={t('hla.normalize')}
        checked={normalize}
        onChange={(value) => setView({ normalize: value })}
        testId="hla-normalize"
      />
      <EngineErrorNote
        error={
          hlaMap.error ??
          linearMap.error ??
          softmaxMap.error ??
          outputs.error ??
          stateRun.error ??
          analysisRun.error
        }
      />
      {analysisRun.pending && (
        <label className={styles.note}>
          {t('hla.analysis.progress')}
          <progress
            className={styles.progress}
            max={1}
            value={progress}
            data-testid="hla-analysis-progress"
          />
        </label>
      )}

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.size.title')}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'hla-floats',
              label: t('hla.size.hla'),
              text: formatCount(sizes.hla),
              value: sizes.hla,
              detail: t(normalize ? 'hla.size.hlaDetailNorm' : 'hla.size.hlaDetail', { d }),
            },
            {
              name: 'linear-floats',
              label: t('hla.size.linear'),
              text: formatCount(sizes.linear),
              value: sizes.linear,
              detail: t(normalize ? 'hla.size.linearDetailNorm' : 'hla.size.linearDetail', { d }),
            },
            {
              name: 'kv-floats',
              label: t('hla.size.kvAt', { t: tokens }),
              text: formatCount(sizes.kvCache),
              value: sizes.kvCache,
              detail: t('hla.size.kvDetail', { d, t: tokens }),
            },
          ]}
        />
        <LineChart
          title={t('hla.size.chartTitle')}
          series={sizeSeries}
          xLabel={t('state.tAxis')}
          yLabel={t('hla.size.axis')}
          markerX={tokens}
          height={180}
          testId="hla-size-chart"
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.state.title')}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 's-norm',
              label: t('hla.state.sNorm', { t: tokens }),
              text: blocks ? formatNumber(frobenius(blocks.s), 4) : null,
              value: blocks ? frobenius(blocks.s) : undefined,
            },
            {
              name: 'c-norm',
              label: t('hla.state.cNorm', { t: tokens }),
              text: blocks ? formatNumber(frobenius(blocks.c), 4) : null,
              value: blocks ? frobenius(blocks.c) : undefined,
            },
            {
              name: 'g-norm',
              label: t('hla.state.gNorm', { t: tokens }),
              text: blocks ? formatNumber(frobenius(blocks.g), 4) : null,
              value: blocks ? frobenius(blocks.g) : undefined,
            },
          ]}
        />
        <HlaStateView
          state={stateRun.value ?? null}
          dk={d}
          dv={d}
          t={tokens}
          n={n}
          onTChange={onTChange}
          norms={{
            s: analysisRun.value?.sNorms ?? [],
            c: analysisRun.value?.cNorms ?? [],
            g: analysisRun.value?.gNorms ?? [],
          }}
          pending={stateRun.pending}
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.maps.title')}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'err-hla',
              label: t('hla.maps.errHla'),
              text: comparison ? formatNumber(comparison.hlaError.relativeFrobenius, 4) : null,
              value: comparison?.hlaError.relativeFrobenius,
              detail: t('hla.maps.errDetail'),
            },
            {
              name: 'err-linear',
              label: t('hla.maps.errLinear'),
              text: comparison ? formatNumber(comparison.linearError.relativeFrobenius, 4) : null,
              value: comparison?.linearError.relativeFrobenius,
              detail: t('hla.maps.errDetail'),
            },
            {
              name: 'kl-hla',
              label: t('hla.maps.klHla'),
              text: comparison ? formatNumber(comparison.hlaError.meanRowKl, 4) : null,
              value: comparison?.hlaError.meanRowKl,
              detail: t('hla.maps.klDetail'),
            },
            {
              name: 'rank-hla',
              label: t('hla.maps.rankHla'),
              text: comparison ? formatNumber(comparison.effectiveRank.hla, 4) : null,
              value: comparison?.effectiveRank.hla,
              detail: t('hla.maps.rankDetail', { n }),
            },
            {
              name: 'rank-linear',
              label: t('hla.maps.rankLinear'),
              text: comparison ? formatNumber(comparison.effectiveRank.linear, 4) : null,
              value: comparison?.effectiveRank.linear,
              detail: t('hla.maps.rankDetail', { n }),
            },
            {
              name: 'rank-softmax',
              label: t('hla.maps.rankSoftmax'),
              text: comparison ? formatNumber(comparison.effectiveRank.softmax, 4) : null,
              value: comparison?.effectiveRank.softmax,
              detail: t('hla.maps.rankDetail', { n }),
            },
            {
              name: 'kl-linear',
              label: t('hla.maps.klLinear'),
              text: comparison ? formatNumber(comparison.linearError.meanRowKl, 4) : null,
              value: comparison?.linearError.meanRowKl,
              detail: t('hla.maps.klDetail'),
            },
          ]}
        />
        <div className={styles.section}>
          {maps.map((map) => (
            <figure key={map.id} className={styles.section} style={{ margin: 0 }}>
              <figcaption className={styles.sectionTitle}>{map.label}</figcaption>
              <Heatmap
                matrix={map.run.value ?? null}
                causal
                colorMap={map.id === 'softmax' ? 'sequential' : 'diverging'}
                label={map.label}
                rowName={t('hla.maps.query')}
                colName={t('hla.maps.key')}
                valueLabel={t('hla.maps.weight')}
                testId={`map-${map.id}`}
                maxSide={340}
                pending={map.run.pending}
                unavailable={map.run.error !== undefined}
                exportName={`map-${map.id}`}
              />
            </figure>
          ))}
        </div>
        <p className={styles.note}>{t(normalize ? 'hla.maps.noteNorm' : 'hla.maps.noteRaw')}</p>
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.metric.title', { t: tokens })}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'metric-gain',
              label: t('hla.metric.gain', { t: tokens }),
              text: metric ? formatNumber(metric.gain, 4) : null,
              value: metric?.gain,
              detail: t('hla.metric.gainDetail'),
            },
            {
              name: 'metric-cosine',
              label: t('hla.metric.cosine', { t: tokens }),
              text: metric ? formatNumber(metric.cosine, 4) : null,
              value: metric?.cosine,
              detail: t('hla.metric.cosineDetail'),
            },
          ]}
        />
        <LineChart
          title={t('hla.metric.rowTitle', { t: tokens })}
          series={rowSeries}
          xLabel={t('hla.maps.keyAxis')}
          yLabel={t('hla.metric.rowAxis')}
          height={200}
          dots={tokens <= 32}
          testId="hla-row-chart"
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.growth.title')}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'growth-raw',
              label: t('hla.growth.exponentRaw'),
              text: growthRaw !== undefined ? formatNumber(growthRaw, 3) : null,
              value: growthRaw,
              detail: t('hla.growth.exponentDetail', { from: fitStart(n), n }),
            },
            {
              name: 'growth-linear',
              label: t('hla.growth.exponentLinear'),
              text: growthLinear !== undefined ? formatNumber(growthLinear, 3) : null,
              value: growthLinear,
              detail: t('hla.growth.exponentDetail', { from: fitStart(n), n }),
            },
            {
              name: 'growth-normalized',
              label: t('hla.growth.exponentNorm'),
              text: growthNorm !== undefined ? formatNumber(growthNorm, 3) : null,
              value: growthNorm,
              detail: t('hla.growth.exponentDetail', { from: fitStart(n), n }),
            },
            {
              name: 'nonpositive',
              label: t('hla.growth.nonPositive'),
              text: nonPositive !== undefined ? t('hla.growth.ofN', { count: nonPositive, n }) : null,
              value: nonPositive,
              detail: t('hla.growth.nonPositiveDetail'),
            },
          ]}
        />
        <LineChart
          title={t('hla.growth.chartTitle')}
          series={growthSeries}
          xLabel={t('state.tAxis')}
          yLabel="‖o_t‖₂"
          yAxis="log10"
          markerX={tokens}
          height={200}
          testId="hla-growth-chart"
        />
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('hla.chunk.title', { chunk })}</h3>
        <Readout
          computingText={t('view.computing')}
          items={[
            {
              name: 'chunk-error',
              label: t('hla.chunk.full'),
              text: chunkError !== undefined ? formatNumber(chunkError, 3) : null,
              value: chunkError,
              detail: t('hla.chunk.fullDetail', { backend }),
            },
            {
              name: 'caption-error',
              label: t('hla.chunk.caption'),
              text: caption !== undefined ? formatNumber(caption, 4) : null,
              value: caption,
              detail: t('hla.chunk.captionDetail'),
            },
          ]}
        />
      </div>
    </div>
  );
}
