// The device ring's message log: the current frame's messages as a table
// (from, to, what each carries, floats).
import type { SimMessage } from '../../engine';
import { useT } from '../../i18n';
import styles from './DeviceRing.module.css';

export function MessageLog({
  algo,
  current,
  merged,
  kindLabel,
  testId,
}: {
  readonly algo: 'lasp2' | 'ring';
  readonly current: readonly SimMessage[];
  readonly merged: (m: SimMessage) => boolean;
  readonly kindLabel: (m: SimMessage) => string;
  readonly testId: string;
}) {
  const t = useT();
  return (
    <details className={styles.details}>
      <summary>{t('sp.ring.log')}</summary>
      {current.length === 0 ? (
        <p className={styles.phase}>{t('sp.ring.noComm')}</p>
      ) : (
        <table className={styles.table} data-testid={`${testId}-log`}>
          <thead>
            <tr>
              <th scope="col">{t('sp.ring.col.from')}</th>
              <th scope="col">{t('sp.ring.col.to')}</th>
              <th scope="col">{t('sp.ring.col.carries')}</th>
              <th scope="col">{t('sp.ring.col.floats')}</th>
            </tr>
          </thead>
          <tbody>
            {current.map((m) => (
              <tr key={m.from}>
                <td>{t('sp.ring.device', { t: m.from + 1 })}</td>
                <td>{t('sp.ring.device', { t: m.to + 1 })}</td>
                <td>
                  {kindLabel(m)}
                  {algo === 'ring' && ` (${merged(m) ? t('sp.ring.merged') : t('sp.ring.masked')})`}
                </td>
                <td>{m.floats}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
