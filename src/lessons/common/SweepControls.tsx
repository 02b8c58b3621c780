// Run and cancel buttons, the progress bar with a live line, and the error of a
// useSweepRunner job: the same controls in every lab that times forms.
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import type { JobProgress, SweepRunner } from './useSweepRunner';

export interface SweepControlsProps {
  readonly runner: SweepRunner;
  readonly runLabel: string;
  /** Extra reasons the run button is disabled (no cases, no sizes). */
  readonly disabled?: boolean;
  readonly onRun: () => void;
  /** The progress line while a point runs (the lab's words for its curves). */
  readonly describe: (
    progress: JobProgress & { readonly current: NonNullable<JobProgress['current']> },
  ) => string;
  /** Test ids: `${testIdPrefix}-run`, `-cancel`, `-progress`. */
  readonly testIdPrefix: string;
}

export function SweepControls({
  runner,
  runLabel,
  disabled,
  onRun,
  describe,
  testIdPrefix,
}: SweepControlsProps) {
  const t = useT();
  const { progress, running, error } = runner;
  return (
    <>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--primary"
          disabled={running || !runner.ready || disabled}
          onClick={onRun}
          data-testid={`${testIdPrefix}-run`}
        >
          {runLabel}
        </button>
        <button
          type="button"
          className="button"
          disabled={!running}
          onClick={runner.cancel}
          data-testid={`${testIdPrefix}-cancel`}
        >
          {t('timing.cancel')}
        </button>
      </div>
      {progress && (
        <div className={styles.section}>
          <progress
            className={styles.progress}
            value={progress.done}
            max={Math.max(1, progress.total)}
            data-testid={`${testIdPrefix}-progress`}
            aria-label={t('timing.progress')}
          />
          <p className={styles.note} aria-live="polite">
            {progress.current
              ? describe({ ...progress, current: progress.current })
              : `${progress.done} / ${progress.total}`}
          </p>
        </div>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </>
  );
}
