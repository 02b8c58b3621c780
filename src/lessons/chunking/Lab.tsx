// Lesson 7 lab: the chunk form between the recurrent and the parallel forms.
// The variant's attention map with the chunks drawn over it (intra-chunk
// blocks, inter-chunk parts read from the state, the state passed between
// chunks), a chunk-size slider, how many sequential steps each form takes, the
// chunk form checked against the recurrent one, and the three forms timed on
// the reader's device as n and the chunk size change (progress and cancel).
import { useRef, useState } from 'react';
import type { MatrixHandle } from '../../engine/types';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { ChunkKey, ChunkOverlay, chunkCount } from '../../components/chunk-diagram/ChunkOverlay';
import {
  FORMS_TIMED,
  TIMING_MIN_N,
  TIMING_RUNS,
  TIMING_WARMUP,
  runChunkTiming,
  useLastChunkTiming,
  type ChunkTimingProgress,
} from '../../components/chunk-diagram/chunkTiming';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { GateControls, variantLabel } from '../../components/decay-mask/GateControls';
import { gateSetup, isGatedVariantId } from '../../components/decay-mask/gates';
import { formatCount, formatMs, formatN, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../components/hooks/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import { useSettledKey } from '../../components/lab/useSettledKey';
import styles from '../../components/lab/Lab.module.css';
import { pointBudgetMs } from '../../components/timing-chart/sweepPlan';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';

/** Largest n of the map (an n×n matrix is formed for the picture). */
export const CHUNKING_MAX_N = 2048;
/** Largest n the timing offers. */
const TIMING_MAX_N = 65536;

/** Pairs (i, j ≤ i) computed inside the chunks: Σ size·(size + 1)/2. */
export function intraChunkPairs(n: number, chunk: number): number {
  let pairs = 0;
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    pairs += (size * (size + 1)) / 2;
  }
  return pairs;
}

export default function ChunkingLab() {
  const t = useT();
  const { engine, epoch, maxN, backend, status } = useEngine();
  const storeVariant = useViewStore((s) => s.variant);
  const variant = isGatedVariantId(storeVariant) ? storeVariant : 'retnet';
  const gamma = useViewStore((s) => s.gamma);
  const gate = useViewStore((s) => s.gate);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const forgetAt = useViewStore((s) => s.forgetAt);
  const beta = useViewStore((s) => s.beta);
  const chunk = useViewStore((s) => s.chunk);
  const sweepMaxN = useViewStore((s) => s.sweepMaxN);
  const sweepBudgetS = useViewStore((s) => s.sweepBudgetS);
  const setView = useViewStore((s) => s.setView);
  const labMaxN = Math.min(CHUNKING_MAX_N, maxN ?? CHUNKING_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const problem = useProblem(inputs);
  const { n, d, seed } = inputs;
  const gateView = { variant, d, seed, gamma, gate, gateStrength, forgetAt, beta };
  const setup = gateSetup({ ...gateView, n });
  const gateKey = `${variant}|${gamma}|${gate}|${gateStrength}|${forgetAt}|${beta}`;
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${gateKey}` : null;
  const engineProblem = { ...problem, dk: d, dv: d, inputs: setup.inputs };

  const weights = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant, problem: { ...engineProblem, params: setup.params } });
  });
  // The chunk form against the recurrent one waits until the map is on screen.
  const [settledKey, onMapPainted] = useSettledKey(key);
  const agreement = useLatestRun<number>(settledKey && `${settledKey}|c${chunk}`, async () => {
    if (!engine) throw new Error('no engine');
    const chunked = await engine.run({
      variant,
      form: 'chunk',
      problem: { ...engineProblem, params: { ...setup.params, chunkSize: chunk } },
    });
    const recurrent = await engine.run({
      variant,
      form: 'recurrent',
      problem: { ...engineProblem, params: setup.params },
    });
    let maxAbsDiff = 0;
    for (let i = 0; i < chunked.o.length; i++) {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(chunked.o[i] - recurrent.o[i]));
    }
    return maxAbsDiff;
  });

  // Timing.
  const timing = useLastChunkTiming((s) => s.result);
  const [progress, setProgress] = useState<ChunkTimingProgress | null>(null);
  const [timingError, setTimingError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const running = progress !== null;
  const timingTop = Math.min(sweepMaxN, TIMING_MAX_N, maxN ?? TIMING_MAX_N);
  const ns = powersOfTwo(TIMING_MIN_N, timingTop);
  const chunkSizes = powersOfTwo(LIMITS.chunk.min, LIMITS.chunk.max);
  const runTiming = async () => {
    if (!engine) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    setTimingError(null);
    setProgress({ done: 0, total: ns.length * FORMS_TIMED.length + chunkSizes.length });
    const watchdog = setTimeout(() => controller.abort(), sweepBudgetS * 1000);
    try {
      const result = await runChunkTiming(
        engine,
        {
          view: gateView,
          shape: inputs,
          ns,
          chunk,
          chunks: chunkSizes,
          chunkN: n,
          budgetMs: pointBudgetMs(sweepBudgetS, FORMS_TIMED.length),
        },
        setProgress,
        controller.signal,
      );
      useLastChunkTiming.setState({ result: { ...result, backend, variant } });
    } catch (caught) {
      setTimingError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      clearTimeout(watchdog);
      controllerRef.current = null;
      setProgress(null);
    }
  };

  const chunks = chunkCount(n, chunk);
  const intra = intraChunkPairs(n, chunk);
  const allPairs = (n * (n + 1)) / 2;
  const name = variantLabel(variant);
  const diff = agreement.pending ? undefined : agreement.value;
  const stateFloats = d * d;

  const formLabel = (form: string) => t(`chunking.form.${form as 'recurrent' | 'parallel' | 'chunk'}`);
  const timingItems: ReadoutItem[] = [];
  let byN: { id: string; label: string; points: ChartPoint[] }[] = [];
  let byChunk: ChartPoint[] = [];
  if (timing) {
    byN = FORMS_TIMED.map((form) => ({
      id: form,
      label: formLabel(form),
      points: timing.byN.filter((p) => p.form === form).map((p) => ({ x: p.n, y: p.ms })),
    }));
    byChunk = timing.byChunk.map((p) => ({ x: p.chunk, y: p.ms }));
    for (const form of FORMS_TIMED) {
      const points = timing.byN.filter((p) => p.form === form);
      const last = points[points.length - 1];
      timingItems.push({
        name: `time-${form}`,
        label: t('chunking.timing.timeAt', { form: formLabel(form) }),
        text: last ? formatMs(last.ms) : '—',
        value: last?.ms,
        detail: last ? t('chunking.timing.atN', { n: formatN(last.n) }) : t('chunking.timing.noPoint'),
      });
    }
    const best = timing.byChunk.reduce<(typeof timing.byChunk)[number] | null>(
      (a, b) => (a === null || b.ms < a.ms ? b : a),
      null,
    );
    timingItems.push({
      name: 'best-chunk',
      label: t('chunking.timing.bestChunk'),
      text: best ? String(best.chunk) : '—',
      value: best?.chunk,
      detail: best
        ? t('chunking.timing.bestDetail', { ms: formatMs(best.ms), n: formatN(best.n) })
        : undefined,
    });
  }

  return (
    <div className={styles.lab}>
      <GateControls variant={variant} n={n} />
      <div className={styles.controls}>
        <Slider
          label={t('chunking.chunk')}
          value={chunk}
          values={chunkSizes}
          onChange={(value) => setView({ chunk: value })}
          hint={t('chunking.chunkHint', { chunks })}
          testId="chunk-slider"
        />
      </div>
      <InputControls show={['n', 'd', 'seed']} maxN={labMaxN} />
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'chunk-count',
            label: t('chunking.readout.chunks'),
            text: String(chunks),
            value: chunks,
            detail: t('chunking.readout.chunksDetail', { n, c: chunk }),
          },
          {
            name: 'sequential-steps',
            label: t('chunking.readout.steps'),
            text: String(chunks),
            value: chunks,
            detail: t('chunking.readout.stepsDetail', { n }),
          },
          {
            name: 'intra-pairs',
            label: t('chunking.readout.intra'),
            text: formatCount(intra),
            value: intra,
            detail: t('chunking.readout.intraDetail', {
              share: formatNumber((100 * intra) / allPairs, 3),
              all: formatCount(allPairs),
            }),
          },
          {
            name: 'state-passes',
            label: t('chunking.readout.passes'),
            text: String(chunks - 1),
            value: chunks - 1,
            detail: t('chunking.readout.passesDetail', { floats: stateFloats, d }),
          },
          {
            name: 'chunk-max-diff',
            label: t('chunking.readout.maxDiff'),
            text: diff !== undefined ? formatNumber(diff) : null,
            value: diff,
            detail: t('chunking.readout.maxDiffDetail', { n }),
          },
        ]}
      />
      <EngineErrorNote error={weights.error ?? agreement.error} />
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('chunking.map.title', { variant: name, c: chunk })}</h3>
        <Heatmap
          matrix={weights.value ?? null}
          causal
          colorMap="diverging"
          label={t('chunking.map.label', { variant: name, n, c: chunk })}
          rowName={t('lab.query')}
          colName={t('lab.key')}
          valueLabel={t('lab.weight')}
          testId="heatmap"
          pending={weights.pending}
          unavailable={!!weights.error && !weights.pending}
          onPainted={() => onMapPainted(weights.key ?? null)}
          exportName={`chunks-${variant}-n${n}-c${chunk}`}
          overlay={({ side, rows }) => <ChunkOverlay side={side} rows={rows} chunk={chunk} />}
        />
        <ChunkKey />
        <p className={styles.note} data-testid="chunk-description">
          {t('chunking.map.description', {
            n,
            chunks,
            c: chunk,
            intra: formatCount(intra),
            passes: chunks - 1,
            d,
          })}
        </p>
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('chunking.timing.title')}</h3>
        <div className={styles.controls}>
          <Slider
            label={t('chunking.timing.maxN')}
            value={Math.min(sweepMaxN, TIMING_MAX_N)}
            values={powersOfTwo(TIMING_MIN_N, TIMING_MAX_N)}
            format={formatN}
            onChange={(value) => setView({ sweepMaxN: value })}
            disabled={running}
            testId="timing-max-n"
          />
        </div>
        <p className={styles.note}>
          {t('chunking.timing.plan', {
            variant: name,
            from: formatN(ns[0] ?? TIMING_MIN_N),
            to: formatN(ns[ns.length - 1] ?? TIMING_MIN_N),
            c: chunk,
            n,
            runs: TIMING_RUNS,
            warmup: TIMING_WARMUP,
            budget: sweepBudgetS,
            d,
          })}
        </p>
        <div className={styles.buttons}>
          <button
            type="button"
            className="button button--primary"
            disabled={running || status !== 'ready' || !engine || ns.length === 0}
            onClick={() => void runTiming()}
            data-testid="timing-run"
          >
            {t('chunking.timing.run')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!running}
            onClick={() => controllerRef.current?.abort()}
            data-testid="timing-cancel"
          >
            {t('chunking.timing.cancel')}
          </button>
        </div>
        {progress && (
          <div className={styles.section}>
            <progress
              className={styles.progress}
              value={progress.done}
              max={Math.max(1, progress.total)}
              data-testid="timing-progress"
              aria-label={t('chunking.timing.progress')}
            />
            <p className={styles.note} aria-live="polite">
              {progress.current
                ? t('chunking.timing.progressLine', {
                    done: progress.done,
                    total: progress.total,
                    form: formLabel(progress.current.form),
                    n: progress.current.n,
                    c: progress.current.chunk,
                  })
                : `${progress.done} / ${progress.total}`}
            </p>
          </div>
        )}
        {timingError && (
          <p className={styles.error} role="alert">
            {timingError}
          </p>
        )}
        {timing && (
          <>
            <p className={styles.note}>
              {t(
                timing.backend === 'webgpu' ? 'chunking.timing.measuredGpu' : 'chunking.timing.measuredCpu',
                {
                  variant: variantLabel(isGatedVariantId(timing.variant) ? timing.variant : 'retnet'),
                },
              )}
            </p>
            <Readout items={timingItems} computingText={t('view.computing')} />
            <div className={styles.pair}>
              <LineChart
                title={t('chunking.timing.byNTitle')}
                series={byN}
                xLabel="n"
                yLabel="ms"
                xAxis="log2"
                yAxis="log10"
                formatX={formatN}
                formatY={formatMs}
                dots
                testId="timing-by-n"
              />
              <LineChart
                title={t('chunking.timing.byChunkTitle')}
                series={[{ id: 'chunk', label: formLabel('chunk'), points: byChunk }]}
                xLabel={t('chunking.timing.chunkAxis')}
                yLabel="ms"
                xAxis="log2"
                yAxis="log10"
                formatY={formatMs}
                markerX={chunk}
                dots
                testId="timing-by-chunk"
              />
            </div>
            {timing.skipped.length > 0 && (
              <details className={styles.note} data-testid="timing-skipped">
                <summary>{t('chunking.timing.skipped', { count: timing.skipped.length })}</summary>
                <ul>
                  {timing.skipped.map((s) => (
                    <li key={`${s.form}-${s.n}-${s.chunk}`}>
                      {`${formLabel(s.form)}, n = ${s.n}, C = ${s.chunk}: ${s.reason}`}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
    </div>
  );
}
