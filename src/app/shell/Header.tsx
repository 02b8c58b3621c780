// The top bar: title (back to the course map), References and Glossary, settings, About this GPU, Share.
import { HeaderLinks } from './HeaderLinks';
import { useT } from '../../i18n';
import { AboutButton } from './AboutPanel';
import { Settings } from './Settings';
import { ShareButton } from './ShareButton';
import { useStepLink } from '../../components/hooks/useViewHref';

export function Header() {
  const t = useT();
  const homeLink = useStepLink(null, 0);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" {...homeLink}>
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" width="28" height="28">
            <rect x="2" y="2" width="28" height="28" rx="7" fill="var(--accent)" />
            <path d="M9 23 L23 9" stroke="var(--accent-contrast)" strokeWidth="2.5" strokeLinecap="round" />
            <circle cx="9" cy="23" r="2.6" fill="var(--accent-contrast)" />
            <circle cx="16" cy="16" r="2.6" fill="var(--accent-contrast)" opacity="0.8" />
            <circle cx="23" cy="9" r="2.6" fill="var(--accent-contrast)" opacity="0.6" />
          </svg>
          <span className="brand__title">{t('app.title')}</span>
        </a>
        <div className="site-header__tools">
          <HeaderLinks />
          <Settings />
          <AboutButton />
          <ShareButton />
        </div>
      </div>
    </header>
  );
}
