// The field map's legend: what a circle, a square and a line stand for.
import { useT } from '../../i18n';
import styles from './FieldMap.module.css';

export function MapLegend() {
  const t = useT();
  return (
    <div className={styles.legend} aria-hidden="true">
      <span>
        <svg width="14" height="14" viewBox="0 0 14 14">
          <circle cx="7" cy="7" r="5.5" className={styles.dotProblem} />
        </svg>
        {t('fieldMap.legend.problem')}
      </span>
      <span>
        <svg width="14" height="14" viewBox="0 0 14 14">
          <rect x="1.5" y="1.5" width="11" height="11" rx="2" className={styles.dotDirection} />
        </svg>
        {t('fieldMap.legend.direction')}
      </span>
      <span>
        <svg width="22" height="10" viewBox="0 0 22 10">
          <path d="M1,5 L21,5" className={styles.edgeSample} />
        </svg>
        {t('fieldMap.legend.edge')}
      </span>
    </div>
  );
}
