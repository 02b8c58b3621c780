// What a lab shows when the engine refuses a request: its message, and for
// "too big" a button that sets n to the largest size the device holds.
import { useViewStore } from '../../state/store';
import { useT } from '../../i18n';
import styles from './Lab.module.css';

export function EngineErrorNote({ error }: { readonly error: Error | undefined }) {
  const t = useT();
  const setView = useViewStore((s) => s.setView);
  if (!error) return null;
  const maxN = 'maxN' in error && typeof error.maxN === 'number' ? error.maxN : undefined;
  return (
    <p className={styles.error} role="alert" data-testid="engine-error">
      {error.message}{' '}
      {maxN !== undefined && maxN >= 1 && (
        <button type="button" className="button" onClick={() => setView({ n: maxN })}>
          {t('lab.useMaxN', { n: maxN })}
        </button>
      )}
    </p>
  );
}
