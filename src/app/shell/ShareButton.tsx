// Share: copies the canonical link of the current view and says so; where copying
// is refused, shows the link selected in a field so the reader can copy it.
import { useEffect, useRef, useState } from 'react';
import { canonicalQuery, selectView, useViewStore } from '../../state/store';
import { useT } from '../../i18n';
import { copyText } from './copyText';
import { termFromHash } from '../../components/glossary/termFocus';

type ShareState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

export function canonicalLink(): string {
  const query = canonicalQuery(selectView(useViewStore.getState()));
  // The glossary's focused entry (#term-<id>) is the one part of the view kept in the hash.
  const hash = termFromHash(window.location.hash) !== null ? window.location.hash : '';
  return `${window.location.origin}${window.location.pathname}?${query}${hash}`;
}

export function ShareButton() {
  const t = useT();
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (share.kind === 'manual') fieldRef.current?.select();
    if (share.kind !== 'copied') return;
    const timer = window.setTimeout(() => setShare({ kind: 'idle' }), 2500);
    return () => window.clearTimeout(timer);
  }, [share]);

  const onClick = async () => {
    const url = canonicalLink();
    setShare((await copyText(url)) ? { kind: 'copied' } : { kind: 'manual', url });
  };

  return (
    <div className="share">
      <button type="button" className="button button--primary" onClick={() => void onClick()}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="button__icon">
          <path
            d="M6.5 9.5l3-3M7 4.5l1.3-1.3a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.3 1.3a2.5 2.5 0 01-3.5-3.5L5.5 8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        {t('share.button')}
      </button>
      <p className="share__status" role="status" aria-live="polite">
        {share.kind === 'copied' ? t('share.copied') : ''}
      </p>
      {share.kind === 'manual' && (
        <div className="share__manual">
          <label htmlFor="share-link">{t('share.manual')}</label>
          <input
            id="share-link"
            ref={fieldRef}
            readOnly
            value={share.url}
            aria-label={t('share.linkLabel')}
          />
        </div>
      )}
    </div>
  );
}
