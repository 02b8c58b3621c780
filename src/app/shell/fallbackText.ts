// The sentence that says why the CPU fallback is in use.
import type { FallbackReason } from '../engine-host/startBackend';
import type { Translate } from '../../i18n';

export function fallbackReasonText(reason: FallbackReason, t: Translate): string {
  switch (reason.kind) {
    case 'disabled':
      return t('engine.reason.disabled');
    case 'noWebGpu':
      return t('engine.reason.noWebGpu');
    case 'noAdapter':
      return t('engine.reason.noAdapter');
    case 'failed':
      return t('engine.reason.failed', { message: reason.message });
  }
}
