// Lesson 15's Monte-Carlo risk against M: plain GD, Newton, the optimal scalar
// step and the reader's Γ, with the closed forms beside the estimates at the
// grid point nearest the current M. The curve computes on the page in chunks
// and can be cancelled.
import { newtonRisk, optimalEta, RISK_DEFAULT_TASKS, RISK_M_GRID, scalarRisk } from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { useT, type Translate } from '../../i18n';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import type { RiskCurveState } from './useRiskCurve';

type RiskKind = 'gd' | 'newton' | 'optimal' | 'reader';

export function RiskSection({
  risk,
  riskD,
  riskNoise,
  s,
  M,
  worked,
}: {
  readonly risk: RiskCurveState;
  readonly riskD: number;
  readonly riskNoise: number;
  readonly s: number;
  /** The task's number of examples: the chart marks it and the readouts take the nearest grid point. */
  readonly M: number;
  readonly worked: boolean;
}) {
  const t = useT();
  const totalTasks = RISK_DEFAULT_TASKS * RISK_M_GRID.length;
  const riskSeries = risk.points
    ? [
        { id: 'gd', label: t('icl.risk.gd'), points: risk.points.map((p) => ({ x: p.M, y: p.gd })) },
        {
          id: 'newton',
          label: t('icl.risk.newton'),
          points: risk.points.map((p) => ({ x: p.M, y: p.newton })),
        },
        {
          id: 'optimal',
          label: t('icl.risk.optimal'),
          points: risk.points.map((p) => ({ x: p.M, y: p.optimal })),
        },
        {
          id: 'reader',
          label: t('icl.risk.reader', { s: s.toFixed(2) }),
          dashed: true,
          points: risk.points.map((p) => ({ x: p.M, y: p.reader })),
        },
      ]
    : [];
  return (
    <div className={styles.section}>
      {risk.points ? (
        <LineChart
          title={t('icl.risk.title', { tasks: RISK_DEFAULT_TASKS, d: riskD, noise: riskNoise })}
          xLabel={t('icl.risk.x')}
          yLabel={t('icl.risk.y')}
          xAxis="log2"
          // Without noise Newton's risk is rounding (≈1e-30) once M ≥ d: a log axis would
          // spend most of its height on rounding, so the axis is linear then.
          yAxis={riskNoise === 0 ? 'lin' : 'log10'}
          markerX={worked ? undefined : M}
          dots
          height={260}
          testId="icl-risk-chart"
          series={riskSeries}
        />
      ) : (
        <div className={styles.section} data-testid="icl-risk-pending">
          <p className={styles.note} role="status">
            {risk.cancelled
              ? t('icl.risk.cancelled')
              : t('icl.risk.progress', { done: Math.round(risk.progress * 100), total: totalTasks })}
          </p>
          {!risk.cancelled && (
            <div>
              <button type="button" className="button" onClick={risk.cancel} data-testid="icl-risk-cancel">
                {t('icl.risk.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      <p className={styles.note}>{t('icl.risk.note')}</p>
      <Readout
        computingText={t('view.computing')}
        items={[
          ...riskItems(t, risk, riskD, riskNoise, M),
          {
            name: 'icl-risk-tasks',
            label: t('icl.risk.samples'),
            text: risk.points ? String(RISK_DEFAULT_TASKS) : null,
            value: risk.points ? RISK_DEFAULT_TASKS : undefined,
            detail: t('icl.risk.samplesDetail', { total: totalTasks }),
          },
        ]}
      />
    </div>
  );
}

/** The four risks at the grid point nearest M (in log distance), each with its standard error and closed form. */
function riskItems(
  t: Translate,
  risk: RiskCurveState,
  riskD: number,
  riskNoise: number,
  M: number,
): ReadoutItem[] {
  const riskM = RISK_M_GRID.reduce((best, m) =>
    Math.abs(Math.log(m / M)) < Math.abs(Math.log(best / M)) ? m : best,
  );
  const riskPoint = risk.points?.find((p) => p.M === riskM) ?? null;
  const formulaText = (value: number) =>
    Number.isFinite(value)
      ? t('icl.readout.formula', { value: formatNumber(value, 4) })
      : t('icl.readout.noFormula');
  const item = (name: string, kind: RiskKind, short: string, detail: string): ReadoutItem => ({
    name,
    label: `${t('icl.readout.riskAt', { m: riskM })}: ${short}`,
    text: riskPoint ? formatNumber(riskPoint[kind], 4) : null,
    value: riskPoint?.[kind],
    detail: riskPoint
      ? `± ${formatNumber(riskPoint.se[kind], 2)} (${t('icl.readout.se')}) · ${detail}`
      : detail,
  });
  return [
    item('icl-risk-gd', 'gd', t('icl.risk.gdShort'), formulaText(scalarRisk(riskD, riskM, riskNoise, 1))),
    item(
      'icl-risk-optimal',
      'optimal',
      t('icl.risk.optimalShort'),
      formulaText(scalarRisk(riskD, riskM, riskNoise, optimalEta(riskD, riskM, riskNoise))),
    ),
    item(
      'icl-risk-newton',
      'newton',
      t('icl.risk.newtonShort'),
      formulaText(newtonRisk(riskD, riskM, riskNoise)),
    ),
    item('icl-risk-reader', 'reader', t('icl.risk.readerShort'), t('icl.readout.riskAtDetail')),
  ];
}
