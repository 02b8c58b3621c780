// Lesson 8's results: each curve's fitted slope and the crossover, the
// log–log timing chart, the memory each form allocates, the points that
// could not run and how many samples each point took.
import type { SweepResult } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { formatBytes, formatN, formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { crossovers, headlineCrossover, timingCurves } from '../../components/timing-chart/curves';
import { TimingChart } from '../../components/timing-chart/TimingChart';

export function SweepResults({ result }: { readonly result: SweepResult }) {
  const t = useT();
  const curves = timingCurves(result);
  const headline = headlineCrossover(crossovers(curves));
  const readout: ReadoutItem[] = [
    ...curves.map((c) => ({
      name: `slope-${c.variant}-${c.form}`,
      label: t('timing.slopeOf', { curve: c.id }),
      text: c.fit ? c.fit.slope.toFixed(2) : '—',
      value: c.fit?.slope,
    })),
    {
      name: 'crossover-n',
      label: t('timing.crossoverN'),
      text: headline ? `≈ ${Math.round(headline.n)}` : t('timing.noCrossover'),
      value: headline?.n,
      detail: headline ? `${headline.linear} < ${headline.quadratic}` : undefined,
    },
  ];
  return (
    <>
      <Readout items={readout} computingText={t('view.computing')} />
      <TimingChart result={result} />
      <LineChart
        title={t('timing.memoryTitle')}
        series={curves.map((c) => ({
          id: c.id,
          label: c.id,
          points: c.points.map((p) => ({ x: p.n, y: p.bytes })),
        }))}
        xLabel={t('timing.xAxis')}
        yLabel={t('wall.bytes')}
        xAxis="log2"
        yAxis="log2"
        formatX={formatN}
        formatY={formatBytes}
        dots
        testId="sweep-memory-chart"
      />
      {result.skipped.length > 0 && (
        <details className={styles.note} data-testid="sweep-skipped">
          <summary>{t('timing.skipped', { count: result.skipped.length })}</summary>
          <ul>
            {result.skipped.map((s) => (
              <li
                key={`${s.variant}-${s.form}-${s.n}`}
              >{`${s.variant} ${s.form}, n = ${s.n}: ${s.reason}`}</li>
            ))}
          </ul>
        </details>
      )}
      <p className={styles.note}>
        {t('timing.pointsNote', {
          points: result.points.length,
          median: formatNumber(
            result.points.reduce((s, p) => s + p.samples.length, 0) / Math.max(1, result.points.length),
          ),
        })}
      </p>
    </>
  );
}
