// The notices area: corrections of a link, engine events. Text only (React
// escapes it); each notice can be dismissed; announced politely to screen readers.
import { useViewStore } from '../../state/store';
import { useT } from '../../i18n';

export function Notices() {
  const t = useT();
  const notices = useViewStore((state) => state.notices);
  const dismissNotice = useViewStore((state) => state.dismissNotice);
  return (
    <>
      <ul className="notices__list" aria-live="polite" aria-relevant="additions text">
        {notices.map((notice) => (
          <li key={notice.id} className={`notice notice--${notice.kind}`} data-testid="notice">
            <p className="notice__text">{notice.text}</p>
            <button
              type="button"
              className="notice__dismiss"
              onClick={() => dismissNotice(notice.id)}
              aria-label={`${t('notices.dismiss')}: ${notice.text}`}
              title={t('notices.dismiss')}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {notices.length > 1 && (
        <button
          type="button"
          className="notices__clear"
          onClick={() => {
            for (const notice of notices) dismissNotice(notice.id);
          }}
        >
          {t('notices.dismissAll')}
        </button>
      )}
    </>
  );
}
