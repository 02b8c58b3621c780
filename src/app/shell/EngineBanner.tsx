// Persistent line under the header while the CPU fallback runs (or the engine failed).
import { useEngine } from '../engine-host/useEngine';
import { useT } from '../../i18n';
import { fallbackReasonText } from './fallbackText';

export function EngineBanner() {
  const t = useT();
  const { fallbackReason, maxN, status, error } = useEngine();
  if (status === 'error') {
    return (
      <p className="banner banner--error" role="alert">
        {t('engine.error', { message: error ?? '' })}
      </p>
    );
  }
  if (fallbackReason === null) return null;
  return (
    <p className="banner banner--cpu" data-testid="cpu-banner">
      {t('engine.cpuBanner', { reason: fallbackReasonText(fallbackReason, t), maxN: maxN ?? '' })}
    </p>
  );
}
