// Header links to the references and the glossary (steps of lesson field-map),
// shown when that lesson is in this build. Real anchors (shareable hrefs); the
// current page is marked with aria-current.
import { getLesson } from '../../lessons/index';
import { useViewStore } from '../../state/store';
import { useT } from '../../i18n';
import { useStepLink } from '../../components/hooks/useViewHref';
import styles from './HeaderLinks.module.css';
import { FIELD_MAP_LESSON, FIELD_MAP_STEP } from '../../components/field-map/steps';

export function HeaderLinks() {
  const t = useT();
  const here = useViewStore((state) => (state.lesson === FIELD_MAP_LESSON ? state.step : null));
  const references = useStepLink(FIELD_MAP_LESSON, FIELD_MAP_STEP.references);
  const glossary = useStepLink(FIELD_MAP_LESSON, FIELD_MAP_STEP.glossary);
  if (getLesson(FIELD_MAP_LESSON) === undefined) return null;
  return (
    <nav className={styles.nav} aria-label={t('fieldMap.header.nav')}>
      <a
        className={styles.link}
        {...references}
        aria-current={here === FIELD_MAP_STEP.references ? 'page' : undefined}
        data-testid="header-references"
      >
        {t('fieldMap.header.references')}
      </a>
      <a
        className={styles.link}
        {...glossary}
        aria-current={here === FIELD_MAP_STEP.glossary ? 'page' : undefined}
        data-testid="header-glossary"
      >
        {t('fieldMap.header.glossary')}
      </a>
    </nav>
  );
}
