// Lesson 1 lab: drag n and watch the softmax attention map, the memory of its
// n×n matrix and the time of a run grow as n².
import { useRef, useState } from 'react';
import { useRunAfterPaint } from '../common/useRunAfterPaint';
import {
  attentionMatrixBytes,
  attentionPairs,
  memoryFootprint,
  generateProblem,
  type MatrixHandle,
} from '../../engine';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { Toggle } from '../../components/controls/Toggle';
import { logGrid } from '../../components/controls/sliderScale';
import { formatBytes, formatCount, formatMs, formatN } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../components/i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/urlSchema';
import { useViewStore } from '../../state/store';

interface TimedRun {
  readonly ms: number;
  /** Every run the reader made at this d, causal setting and backend: n → ms. */
  readonly history: ReadonlyMap<number, number>;
}

const QUICK_SWEEP_MAX = 4096;
/** The quick sweep stops after a size whose median run took longer than this. */
const QUICK_SWEEP_STOP_MS = 1500;

export default function SoftmaxWallLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const causal = useViewStore((s) => s.causal);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(maxN);
  const problem = useProblem(inputs);
  const engineProblem = { ...problem, dk: inputs.d, dv: inputs.d, params: { causal } };
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${causal}` : null;
  // Runs the reader made, per (d, causal, backend): the time chart plots them.
  const historyRef = useRef(new Map<string, Map<number, number>>());
  const historyKey = `${inputs.d}|${causal}|${backend}`;
  const [sweeping, setSweeping] = useState(false);

  const weights = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'softmax', problem: engineProblem });
  });
  // The timed run waits until the map of the same key is on screen and the drag
  // has paused: the map is what the reader drags for, and a run queued on the
  // GPU before the next map would delay it. Until it is back for this key, "Computing…".
  const [timed, onMapPainted] = useRunAfterPaint<TimedRun>(key, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({ variant: 'softmax', form: 'parallel', problem: engineProblem });
    const history = historyRef.current.get(historyKey) ?? new Map<number, number>();
    history.set(inputs.n, result.ms);
    historyRef.current.set(historyKey, history);
    return { ms: result.ms, history: new Map(history) };
  });

  const [sweepHistory, setSweepHistory] = useState<{
    key: string;
    history: ReadonlyMap<number, number>;
  } | null>(null);
  const quickSweep = async () => {
    if (!engine) return;
    setSweeping(true);
    try {
      const top = Math.min(QUICK_SWEEP_MAX, maxN ?? QUICK_SWEEP_MAX);
      const history = historyRef.current.get(historyKey) ?? new Map<number, number>();
      for (let size = 64; size <= top; size *= 2) {
        const p = generateProblem({ ...inputs, n: size, dk: inputs.d, dv: inputs.d });
        const request = {
          variant: 'softmax' as const,
          form: 'parallel' as const,
          problem: { ...p, params: { causal } },
        };
        await engine.run(request); // warm-up: pipeline and buffers
        const samples: number[] = [];
        for (let i = 0; i < 3; i++) samples.push((await engine.run(request)).ms);
        samples.sort((a, b) => a - b);
        history.set(size, samples[1]);
        historyRef.current.set(historyKey, history);
        setSweepHistory({ key: historyKey, history: new Map(history) });
        // The next size costs about four times as much: stop before it takes too long.
        if (samples[1] > QUICK_SWEEP_STOP_MS) break;
      }
    } finally {
      setSweeping(false);
    }
  };

  const n = inputs.n;
  const d = inputs.d;
  const scoreBytes = attentionMatrixBytes(n);
  const pairs = attentionPairs(n, causal);
  const runHistory =
    sweepHistory &&
    sweepHistory.key === historyKey &&
    (!timed.previous || sweepHistory.history.size >= timed.previous.history.size)
      ? sweepHistory.history
      : (timed.previous?.history ?? new Map<number, number>());
  const timePoints: ChartPoint[] = [...runHistory.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, y]) => ({ x, y }));
  const grid = logGrid(LIMITS.n.min, LIMITS.n.max);
  const memorySeries = [
    {
      id: 'scores',
      label: t('wall.memScores'),
      points: grid.map((x) => ({ x, y: attentionMatrixBytes(x) })),
    },
    {
      id: 'qkv',
      label: t('wall.memInputs'),
      dashed: true,
      points: grid.map((x) => {
        const m = memoryFootprint('softmax', 'parallel', { n: x, dk: d, dv: d });
        return { x, y: m.inputBytes + m.outputBytes };
      }),
    },
  ];

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'temperature', 'locality', 'seed']} maxN={maxN} />
      <Toggle
        label={t('lab.causal')}
        checked={causal}
        onChange={(value) => setView({ causal: value })}
        testId="causal-toggle"
      />
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'score-count',
            label: t('wall.scoreCount'),
            text: formatCount(pairs),
            value: pairs,
            detail: t('wall.scoreCountDetail', { n }),
          },
          {
            name: 'score-bytes',
            label: t('wall.scoreBytes'),
            text: formatBytes(scoreBytes),
            value: scoreBytes,
            detail: t('wall.scoreBytesDetail', { n }),
          },
          {
            name: 'run-ms',
            label: t('wall.runMs'),
            text: timed.value ? formatMs(timed.value.ms) : weights.error ? t('lab.notRun') : null,
            value: timed.value?.ms,
            detail: t(backend === 'webgpu' ? 'lab.measuredGpu' : 'lab.measuredCpu'),
          },
        ]}
      />
      <EngineErrorNote error={weights.error ?? timed.error} />
      <Heatmap
        matrix={weights.value ?? null}
        causal={causal}
        label={t('wall.mapLabel', { n })}
        rowName={t('lab.query')}
        colName={t('lab.key')}
        valueLabel={t('lab.weight')}
        testId="heatmap"
        pending={weights.pending}
        unavailable={!!weights.error && !weights.pending}
        onPainted={() => onMapPainted(weights.key ?? null)}
        exportName={`softmax-map-n${n}`}
      />
      <div className={styles.pair}>
        <LineChart
          title={t('wall.memTitle')}
          series={memorySeries}
          xLabel="n"
          yLabel={t('wall.bytes')}
          xAxis="log2"
          yAxis="log2"
          formatX={formatN}
          formatY={formatBytes}
          markerX={n}
          testId="memory-chart"
        />
        <div className={styles.section}>
          <LineChart
            title={t('wall.timeTitle')}
            series={[{ id: 'runs', label: t('wall.yourRuns'), points: timePoints }]}
            xLabel="n"
            yLabel="ms"
            xAxis="log2"
            yAxis="log10"
            formatX={formatN}
            formatY={formatMs}
            markerX={n}
            dots
            testId="time-chart"
          />
          <div className={styles.buttons}>
            <button
              type="button"
              className="button"
              disabled={!engine || sweeping}
              onClick={() => void quickSweep()}
              data-testid="quick-sweep"
            >
              {sweeping
                ? t('view.computing')
                : t('wall.quickSweep', { max: Math.min(QUICK_SWEEP_MAX, maxN ?? QUICK_SWEEP_MAX) })}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
