// Lesson 15's task laid out: the first context examples with the head's score
// and each example's term of the prediction, and the preconditioner Γ.
import type { IclTask } from '../../engine';
import chartStyles from '../../components/charts/Chart.module.css';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { vector } from './numbers';

/** Rows of the context table. */
const TABLE_ROWS = 8;

export function TaskTables({
  task,
  scores,
  gamma,
  s,
}: {
  readonly task: IclTask;
  /** The attention head's score of each context example. */
  readonly scores: ArrayLike<number>;
  readonly gamma: ArrayLike<number>;
  readonly s: number;
}) {
  const t = useT();
  return (
    <div className={styles.section}>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('icl.table.title')}</h3>
        <div className={chartStyles.scroll}>
          <table className={chartStyles.table} data-testid="icl-context-table">
            <thead>
              <tr>
                <th scope="col">{t('icl.table.i')}</th>
                <th scope="col">{t('icl.table.x')}</th>
                <th scope="col">{t('icl.table.y')}</th>
                <th scope="col">{t('icl.table.score')}</th>
                <th scope="col">{t('icl.table.term')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.min(TABLE_ROWS, task.M) }, (_, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    {vector(task.xs.subarray(i * task.d, (i + 1) * task.d), 3)}
                  </td>
                  <td>{formatNumber(task.ys[i], 4)}</td>
                  <td>{formatNumber(scores[i], 4)}</td>
                  <td>{formatNumber((scores[i] * task.ys[i]) / task.M, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {task.M > TABLE_ROWS && (
          <p className={styles.note}>{t('icl.table.more', { shown: TABLE_ROWS, m: task.M })}</p>
        )}
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('icl.gamma', { s: s.toFixed(2) })}</h3>
        <table className={chartStyles.table} style={{ width: 'auto' }} data-testid="icl-gamma">
          <tbody>
            {Array.from({ length: task.d }, (_, i) => (
              <tr key={i}>
                {Array.from({ length: task.d }, (_, j) => (
                  <td key={j}>{formatNumber(gamma[i * task.d + j], 4)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
