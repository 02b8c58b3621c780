// Lesson 11, state size: HLA's state against linear attention's and the KV
// cache at token t, and the three sizes over t.
import { useMemo } from 'react';
import { LineChart } from '../../components/charts/LineChart';
import { formatCount } from '../../components/format';
import { stateSizes } from './numbers';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';

export function SizeSection({
  n,
  d,
  tokens,
  normalize,
}: {
  readonly n: number;
  readonly d: number;
  readonly tokens: number;
  readonly normalize: boolean;
}) {
  const t = useT();
  const sizes = stateSizes(d, d, tokens, normalize);
  const sizeSeries = useMemo(() => {
    const at = (x: number) => stateSizes(d, d, x, normalize);
    const xs = Array.from({ length: n }, (_, i) => i + 1);
    return [
      { id: 'kv', label: t('hla.size.kv'), points: xs.map((x) => ({ x, y: at(x).kvCache })) },
      { id: 'linear', label: t('hla.size.linear'), points: xs.map((x) => ({ x, y: at(x).linear })) },
      { id: 'hla', label: t('hla.size.hla'), points: xs.map((x) => ({ x, y: at(x).hla })) },
    ];
  }, [n, d, normalize, t]);
  return (
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
  );
}
