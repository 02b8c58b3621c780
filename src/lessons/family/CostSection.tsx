// Lesson 9's costs over n (from the definitions): which families stay linear,
// with each family's log–log slope.
import type { AnalysisRun } from '../../app/engine-host/useAnalysis';
import { LineChart } from '../../components/charts/LineChart';
import type { CostCurve } from '../../engine';
import { formatCount, formatN } from '../../components/format';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { slopeItems } from './familyItems';
import { familyKey } from './FamilyGallery';

export function CostSection({ costs, n }: { readonly costs: AnalysisRun<CostCurve[]>; readonly n: number }) {
  const t = useT();
  return (
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
      <Readout computingText={t('view.computing')} items={slopeItems(t, costs)} />
    </div>
  );
}
