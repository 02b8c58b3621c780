// Lesson 11, growth: how fast ‖o_t‖ grows with t, unnormalised (like t² for
// HLA) against linear attention and the normalised output, and how often the
// second-order normaliser is not positive.
import { useMemo } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { formatNumber } from '../../components/format';
import { fitStart, growthExponent, nonPositiveCount, rowNorms } from './numbers';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import type { HlaOutputs } from './useHlaRuns';

export function GrowthSection({
  out,
  n,
  d,
  tokens,
}: {
  /** The settled outputs (undefined while they compute). */
  readonly out: HlaOutputs | undefined;
  readonly n: number;
  readonly d: number;
  readonly tokens: number;
}) {
  const t = useT();
  const rawNorms = useMemo(() => (out ? rowNorms(out.raw, n, d) : null), [out, n, d]);
  const normNorms = useMemo(() => (out ? rowNorms(out.normalized, n, d) : null), [out, n, d]);
  const growthRaw = rawNorms ? growthExponent(rawNorms) : undefined;
  const growthNorm = normNorms ? growthExponent(normNorms) : undefined;
  const growthLinear = out ? growthExponent(rowNorms(out.linear, n, d)) : undefined;
  const nonPositive = out ? nonPositiveCount(out.normalizers) : undefined;
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
  const exponent = (name: string, label: string, value: number | undefined) => ({
    name,
    label,
    text: value !== undefined ? formatNumber(value, 3) : null,
    value,
    detail: t('hla.growth.exponentDetail', { from: fitStart(n), n }),
  });
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('hla.growth.title')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={[
          exponent('growth-raw', t('hla.growth.exponentRaw'), growthRaw),
          exponent('growth-linear', t('hla.growth.exponentLinear'), growthLinear),
          exponent('growth-normalized', t('hla.growth.exponentNorm'), growthNorm),
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
  );
}
