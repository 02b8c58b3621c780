// Lesson 10's table: every variant's accuracy (overall, on the most recent
// pairs, inside the window) and state size at P = pairs, d = d, then each
// variant's definition.
import { RECALL_VARIANTS, type RecallVariant } from '../../engine';
import chartStyles from '../../components/charts/Chart.module.css';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from './RecallLab.module.css';
import type { RecallRow } from './recallCells';

export function RecallTable({
  rows,
  pairs,
  d,
  recent,
  total,
  placeholder,
  label,
  definition,
}: {
  readonly rows: readonly RecallRow[];
  readonly pairs: number;
  readonly d: number;
  /** How many of the latest pairs count as recent. */
  readonly recent: number;
  /** Queries per variant, once known. */
  readonly total: number | undefined;
  /** What an empty cell says (computing, or not run). */
  readonly placeholder: string;
  readonly label: (variant: RecallVariant) => string;
  readonly definition: (variant: RecallVariant) => string;
}) {
  const t = useT();
  return (
    <>
      <div className={styles.tableWrap}>
        <table className={`${chartStyles.table} ${styles.table}`} data-testid="recall-table">
          <caption className={styles.caption} data-testid="recall-chance" data-value={String(1 / pairs)}>
            {t('recall.table.caption', {
              P: pairs,
              d,
              total: total ?? '…',
              chance: formatNumber(1 / pairs, 3),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('recall.table.variant')}</th>
              <th scope="col">{t('recall.table.accuracy')}</th>
              <th scope="col">{t('recall.table.recent', { r: recent })}</th>
              <th scope="col">{t('recall.table.window')}</th>
              <th scope="col">{t('recall.table.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.variant}>
                <th scope="row">{label(c.variant)}</th>
                {(['accuracy', 'recent', 'window', 'state'] as const).map((kind) => {
                  const cell = c[kind];
                  const name = `recall-${kind === 'accuracy' ? 'acc' : kind}-${c.variant}`;
                  return (
                    <td
                      key={kind}
                      data-testid={name}
                      data-value={cell?.value !== undefined ? String(cell.value) : undefined}
                    >
                      {cell?.text ?? placeholder}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className={styles.definitions} open>
        <summary>{t('recall.table.definition')}</summary>
        <dl>
          {RECALL_VARIANTS.map((variant) => (
            <div key={variant}>
              <dt>{label(variant)}</dt>
              <dd>{definition(variant)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
