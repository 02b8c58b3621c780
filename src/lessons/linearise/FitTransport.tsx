// Lesson 13's transport: play / pause, one step, run 200, reset, and the fit's
// status (announced when it comes to rest, not on every frame of play).
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import { MAX_FIT_STEPS, type FitView } from './useFit';

/** Steps of the "run 200" button: the done criterion. */
export const RUN_STEPS = 200;

export function FitTransport({
  fit,
  backendName,
}: {
  readonly fit: FitView;
  readonly backendName: string | null;
}) {
  const t = useT();
  const { snapshot } = fit;
  return (
    <div className={styles.section} role="group" aria-label={t('linearise.transport')}>
      <div className={styles.pair} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        <button
          type="button"
          className="button button--primary"
          data-testid="fit-play"
          disabled={!snapshot}
          aria-pressed={fit.running}
          onClick={() => (fit.running ? fit.pause() : fit.play())}
        >
          {fit.running ? t('view.pause') : t('view.play')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="fit-step-once"
          disabled={!snapshot || fit.running}
          onClick={() => fit.runSteps(1)}
        >
          {t('linearise.step')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="fit-run"
          disabled={!snapshot || fit.running}
          onClick={() => fit.runSteps(RUN_STEPS)}
        >
          {t('linearise.run', { steps: RUN_STEPS })}
        </button>
        <button type="button" className="button" data-testid="fit-reset" onClick={fit.reset}>
          {t('linearise.reset')}
        </button>
      </div>
      <p className={styles.note} aria-live={fit.running ? 'off' : 'polite'} data-testid="fit-status">
        {snapshot
          ? t(fit.running ? 'linearise.statusRunning' : 'linearise.statusResting', {
              step: snapshot.step,
              backend: backendName ?? '',
              max: MAX_FIT_STEPS,
            })
          : t('view.computing')}
      </p>
      {fit.gpuFailure && (
        <p className={styles.note} role="status">
          {t('linearise.gpuFailed', { message: fit.gpuFailure })}
        </p>
      )}
      {fit.error && (
        <p className={styles.error} role="alert" data-testid="engine-error">
          {fit.error}
        </p>
      )}
    </div>
  );
}
