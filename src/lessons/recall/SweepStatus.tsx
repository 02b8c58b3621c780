// Lesson 10's sweep controls: cancel, run again, progress, and what the sweep
// is doing (or did, and how long it took).
import { formatMs } from '../../components/format';
import { useT } from '../../i18n';
import labStyles from '../../components/lab/Lab.module.css';
import type { useRecallSweep } from './useRecallSweep';

export function SweepStatus({
  sweep,
  finished,
  canRun,
  runs,
  backend,
}: {
  readonly sweep: ReturnType<typeof useRecallSweep>;
  /** The sweep of the current settings is done. */
  readonly finished: boolean;
  readonly canRun: boolean;
  /** Trials the sweep runs. */
  readonly runs: number;
  readonly backend: string;
}) {
  const t = useT();
  return (
    <div className={labStyles.section}>
      <div className={labStyles.buttons}>
        <button
          type="button"
          className="button"
          disabled={sweep.status !== 'running'}
          onClick={sweep.cancel}
          data-testid="recall-cancel"
        >
          {t('recall.cancel')}
        </button>
        <button
          type="button"
          className="button"
          disabled={sweep.status === 'running' || !canRun}
          onClick={sweep.again}
          data-testid="recall-again"
        >
          {t('recall.again')}
        </button>
      </div>
      <progress
        className={labStyles.progress}
        value={sweep.status === 'running' ? sweep.done : finished ? 1 : 0}
        max={sweep.status === 'running' ? Math.max(1, sweep.total) : 1}
        aria-label={t('recall.progress')}
        data-testid="recall-progress"
      />
      <p className={labStyles.note} aria-live="polite" data-testid="recall-status" data-status={sweep.status}>
        {sweep.status === 'running' &&
          t('recall.progressLine', { done: sweep.done, total: sweep.total || runs, backend })}
        {sweep.status === 'done' &&
          finished &&
          t('recall.doneLine', { runs, backend, time: formatMs(sweep.ms ?? 0) })}
      </p>
      {sweep.status === 'cancelled' && (
        <p className={labStyles.error} role="status" data-testid="recall-cancelled">
          {t('recall.cancelled')}
        </p>
      )}
      {sweep.error && (
        <p className={labStyles.error} role="alert" data-testid="engine-error">
          {sweep.error.message}
        </p>
      )}
    </div>
  );
}
