// Traffic over n (log–log): each algorithm's counted floats per device beside
// §23's formula, the crossover W·d/2 marked, and how closely the counts follow
// the formulas over the whole sweep.
import type { SeqParallelResult } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { formatN, formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { exact } from './trafficItems';
import { SWEEP_MAX_N } from './useSeqParallelSimulation';

export function TrafficSection({
  sweep,
  sweepNs,
  sweepWorst,
  d,
  devices: W,
}: {
  /** The newest sweep, kept while a newer one computes. */
  readonly sweep: SeqParallelResult['sweep'];
  readonly sweepNs: readonly number[];
  /** Largest |simulated − formula| of the current sweep; undefined while it computes. */
  readonly sweepWorst: number | undefined;
  readonly d: number;
  readonly devices: number;
}) {
  const t = useT();
  const crossover = (W * d) / 2;
  return (
    <div className={styles.section}>
      <LineChart
        title={t('sp.chart.title', { w: W, d })}
        xLabel={t('sp.chart.x')}
        yLabel={t('sp.chart.y')}
        xAxis="log2"
        yAxis="log10"
        formatX={formatN}
        formatY={(y) => formatNumber(y)}
        markerX={crossover}
        dots
        height={240}
        testId="sp-traffic-chart"
        series={[
          {
            id: 'lasp-sim',
            label: t('sp.chart.laspSim'),
            points: sweep.map((p) => ({ x: p.n, y: p.lasp2Simulated })),
          },
          {
            id: 'lasp-formula',
            label: t('sp.chart.laspFormula'),
            dashed: true,
            points: sweep.map((p) => ({ x: p.n, y: p.lasp2Formula })),
          },
          {
            id: 'ring-sim',
            label: t('sp.chart.ringSim'),
            points: sweep.map((p) => ({ x: p.n, y: p.ringSimulated })),
          },
          {
            id: 'ring-formula',
            label: t('sp.chart.ringFormula'),
            dashed: true,
            points: sweep.map((p) => ({ x: p.n, y: p.ringFormula })),
          },
        ]}
      />
      <p className={styles.note}>{t('sp.chart.note')}</p>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'sp-sweep-worst',
            label: t('sp.readout.sweepAgree'),
            text: sweepWorst !== undefined ? formatNumber(sweepWorst) : null,
            value: sweepWorst,
            detail: t('sp.readout.sweepAgreeDetail', {
              points: sweepNs.length,
              from: formatN(sweepNs[0] ?? 0),
              to: formatN(SWEEP_MAX_N),
            }),
          },
          {
            name: 'sp-crossover',
            label: t('sp.readout.crossover'),
            text: exact(crossover),
            value: crossover,
            detail: t('sp.readout.crossoverDetail'),
          },
        ]}
      />
    </div>
  );
}
