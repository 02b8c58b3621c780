// Lesson 7 lab: the chunk form between the recurrent and the parallel forms.
// The variant's attention map with the chunks drawn over it (intra-chunk
// blocks, inter-chunk parts read from the state, the state passed between
// chunks), a chunk-size slider, how many sequential steps each form takes, the
// chunk form checked against the recurrent one, and the three forms timed on
// the reader's device as n and the chunk size change (through the timing lab's
// runner, components/timing-chart/useSweepRunner: timestamp queries where the
// device has them, warm-up, median of ≥ 5 runs, no read-back timed; progress and cancel).
import { create } from 'zustand';
import type {
  CaseInputs,
  CaseParams,
  SweepConfig,
  SweepResult,
  TimingMethod,
  Form,
  MatrixHandle,
} from '../../engine';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { ChunkKey, ChunkOverlay, chunkCount } from '../../components/chunk-diagram/ChunkOverlay';
import { Slider } from '../../components/controls/Slider';
import { powersOfTwo } from '../../components/controls/sliderScale';
import { GateControls, variantLabel } from '../../components/decay-mask/GateControls';
import { gateSetup, isGatedVariantId } from '../../components/decay-mask/gates';
import { formatCount, formatMs, formatN, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import { useSettledKey } from '../../components/lab/useSettledKey';
import styles from '../../components/lab/Lab.module.css';
import { pointBudgetMs, SWEEP_RUNS, SWEEP_WARMUP } from '../../components/timing-chart/sweepPlan';
import { SweepControls } from '../common/SweepControls';
import { useSweepRunner } from '../common/useSweepRunner';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';

/** Largest n of the map (an n×n matrix is formed for the picture). */
export const CHUNKING_MAX_N = 2048;
/** Largest n the timing offers. */
const TIMING_MAX_N = 65536;
/** Smallest n of the timing over n. */
const TIMING_MIN_N = 256;
/** The forms timed, in the charts' order. */
const FORMS_TIMED: readonly Form[] = ['recurrent', 'parallel', 'chunk'];

interface TimedPoint {
  readonly form: Form;
  readonly n: number;
  readonly chunk: number;
  /** Median of the timed runs, ms. */
  readonly ms: number;
}

interface ChunkTiming {
  readonly byN: readonly TimedPoint[];
  readonly byChunk: readonly TimedPoint[];
  readonly skipped: readonly { form: Form; n: number; chunk: number; reason: string }[];
  readonly variant: string;
  readonly backend: string;
  readonly deviceName: string;
  readonly timing: TimingMethod;
  readonly resolutionMs?: number;
}

/** The last timing of this lab (kept while the lab remounts on a step change; never in the link). */
const useLastChunkTiming = create<{ readonly result: ChunkTiming | null }>(() => ({ result: null }));

const TIMING_KEYS: Record<
  TimingMethod,
  'timing.methodTimestamp' | 'timing.methodWorkDone' | 'timing.methodPerformanceNow'
> = {
  'timestamp-query': 'timing.methodTimestamp',
  'submitted-work-done': 'timing.methodWorkDone',
  'performance-now': 'timing.methodPerformanceNow',
};

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
  const { engine, epoch, maxN, backend } = useEngine();
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
  const runner = useSweepRunner();
  const running = runner.running;
  const timingTop = Math.min(sweepMaxN, TIMING_MAX_N, maxN ?? TIMING_MAX_N);
  const ns = powersOfTwo(TIMING_MIN_N, timingTop);
  const chunkSizes = powersOfTwo(LIMITS.chunk.min, LIMITS.chunk.max);
  const runTiming = async () => {
    const cases = FORMS_TIMED.map((form) => ({ variant, form }));
    const base: Omit<SweepConfig, 'cases' | 'ns' | 'budgetMs'> = {
      heads: 1,
      dk: d,
      dv: d,
      warmup: SWEEP_WARMUP,
      runs: SWEEP_RUNS,
      seed,
    };
    // The lab's gates (kind, strength, forget token, β) at every n.
    const inputs: CaseInputs = (_variant, size) => gateSetup({ ...gateView, n: size }).inputs;
    const paramsAt =
      (c: number): CaseParams =>
      (_variant, form) =>
        form === 'chunk' ? { ...setup.params, chunkSize: c } : setup.params;
    const total = cases.length * ns.length + chunkSizes.length;
    const result = await runner.start(total, sweepBudgetS, async (job) => {
      const overN = await job.sweep(
        { ...base, cases, ns, budgetMs: pointBudgetMs(sweepBudgetS, cases.length) },
        { params: paramsAt(chunk), inputs, tag: String(chunk) },
      );
      const overChunk: { c: number; result: SweepResult }[] = [];
      for (const c of chunkSizes) {
        const swept = await job.sweep(
          { ...base, cases: [{ variant, form: 'chunk' }], ns: [n], budgetMs: Number.POSITIVE_INFINITY },
          { params: paramsAt(c), inputs, tag: String(c) },
        );
        overChunk.push({ c, result: swept });
      }
      const timed = (c: number) => (p: SweepResult['points'][number]) => ({
        form: p.form,
        n: p.n,
        chunk: c,
        ms: p.ms,
      });
      const skippedOf = (c: number) => (s: SweepResult['skipped'][number]) => ({
        form: s.form,
        n: s.n,
        chunk: c,
        reason: s.reason,
      });
      return {
        byN: overN.points.map(timed(chunk)),
        byChunk: overChunk.flatMap(({ c, result: r }) => r.points.map(timed(c))),
        skipped: [
          ...overN.skipped.map(skippedOf(chunk)),
          ...overChunk.flatMap(({ c, result: r }) => r.skipped.map(skippedOf(c))),
        ],
        variant,
        backend: overN.backend,
        deviceName: overN.deviceName,
        timing: overN.timing,
        resolutionMs: overN.resolutionMs,
      } satisfies ChunkTiming;
    });
    if (result) useLastChunkTiming.setState({ result });
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
          {t('perf.chunkPlan', {
            variant: name,
            from: formatN(ns[0] ?? TIMING_MIN_N),
            to: formatN(ns[ns.length - 1] ?? TIMING_MIN_N),
            c: chunk,
            n,
            runs: SWEEP_RUNS,
            warmup: SWEEP_WARMUP,
            budget: sweepBudgetS,
            d,
          })}
        </p>
        <SweepControls
          runner={runner}
          runLabel={t('chunking.timing.run')}
          disabled={!engine || ns.length === 0}
          onRun={() => void runTiming()}
          describe={(p) =>
            t('chunking.timing.progressLine', {
              done: p.done,
              total: p.total,
              form: formLabel(p.current.form),
              n: p.current.n,
              c: Number(p.tag ?? chunk),
            })
          }
          testIdPrefix="timing"
        />
        {timing && (
          <>
            <p className={styles.note} data-testid="timing-device">
              {t('perf.chunkMeasured', {
                variant: variantLabel(isGatedVariantId(timing.variant) ? timing.variant : 'retnet'),
                device: timing.deviceName,
                backend: timing.backend,
                method: t(TIMING_KEYS[timing.timing]),
              })}{' '}
              {timing.resolutionMs !== undefined
                ? t('timing.resolution', { value: formatMs(timing.resolutionMs) })
                : ''}
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
