// Lesson 15's streaming view: token by token, linear attention's state beside
// the GD accumulator and DeltaNet's state beside online SGD's weights, with
// the largest gap of each pair.
import chartStyles from '../../components/charts/Chart.module.css';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { Readout } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { maxAbsDiff, vector } from './numbers';
import type { StreamRow } from './useIclPredictions';

export function StreamSection({
  stream,
  beta,
}: {
  readonly stream: readonly StreamRow[];
  readonly beta: number;
}) {
  const t = useT();
  const streamDiff = stream.reduce((w, r) => Math.max(w, maxAbsDiff(r.attentionState, r.gdAccumulator)), 0);
  const deltaDiff = stream.reduce((w, r) => Math.max(w, maxAbsDiff(r.deltaState, r.sgdWeights)), 0);
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('icl.stream.title', { rows: stream.length })}</h3>
      <div className={chartStyles.scroll}>
        <table className={chartStyles.table} data-testid="icl-stream-table">
          <thead>
            <tr>
              <th scope="col">{t('icl.stream.t')}</th>
              <th scope="col">{t('icl.stream.state')}</th>
              <th scope="col">{t('icl.stream.accum')}</th>
              <th scope="col">{t('icl.stream.delta', { beta: beta.toFixed(2) })}</th>
              <th scope="col">{t('icl.stream.sgd')}</th>
            </tr>
          </thead>
          <tbody>
            {stream.map((row) => (
              <tr key={row.t}>
                <td>{row.t}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{vector(row.attentionState)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{vector(row.gdAccumulator)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{vector(row.deltaState)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{vector(row.sgdWeights)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'icl-stream-diff',
            label: t('icl.readout.streamDiff'),
            text: formatNumber(streamDiff),
            value: streamDiff,
          },
          {
            name: 'icl-delta-diff',
            label: t('icl.readout.deltaDiff'),
            text: formatNumber(deltaDiff),
            value: deltaDiff,
          },
        ]}
      />
    </div>
  );
}
