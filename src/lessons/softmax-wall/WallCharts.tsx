// Lesson 1's two charts: the memory of the n×n score matrix against that of
// Q, K, V and O over n (from the cost model), and the times of the reader's
// own runs with a button for a quick sweep.
import { memoryFootprint, attentionMatrixBytes } from '../../engine';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { logGrid } from '../../components/controls/sliderScale';
import { formatBytes, formatMs, formatN } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { LIMITS } from '../../state/limits';
import { QUICK_SWEEP_MAX } from './useWallRuns';

export function WallCharts({
  n,
  d,
  runHistory,
  canSweep,
  sweeping,
  onQuickSweep,
  maxN,
}: {
  readonly n: number;
  readonly d: number;
  readonly runHistory: ReadonlyMap<number, number>;
  readonly canSweep: boolean;
  readonly sweeping: boolean;
  readonly onQuickSweep: () => void;
  /** Largest n the engine runs, if it has a cap. */
  readonly maxN: number | undefined;
}) {
  const t = useT();
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
            disabled={!canSweep || sweeping}
            onClick={onQuickSweep}
            data-testid="quick-sweep"
          >
            {sweeping
              ? t('view.computing')
              : t('wall.quickSweep', { max: Math.min(QUICK_SWEEP_MAX, maxN ?? QUICK_SWEEP_MAX) })}
          </button>
        </div>
      </div>
    </div>
  );
}
