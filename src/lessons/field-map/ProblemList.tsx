// The field map as text, for readers who prefer it: every problem by theme
// with its kind, text, sources and lessons.
import { OPEN_PROBLEMS, THEMES } from '../../content/openProblems/openProblems';
import { useT } from '../../i18n';
import { useViewStore } from '../../state/store';
import styles from './FieldMap.module.css';
import { LessonLink, Sources } from './ProblemDetail';
import { availableLessons } from './problemIndex';

export function ProblemList() {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  return (
    <details className={styles.list} data-testid="field-list">
      <summary>{t('fieldMap.list.summary')}</summary>
      {THEMES.map((theme) => (
        <section key={theme.id}>
          <h3 className={styles.subhead}>{theme.title[lang]}</h3>
          <ul>
            {OPEN_PROBLEMS.filter((p) => p.theme === theme.id).map((p) => (
              <li key={p.id} className={styles.listItem}>
                <strong>{p.title[lang]}</strong> ({t(`fieldMap.kind.${p.kind}`)}). {p.text[lang]}
                <Sources problem={p} />
                <ul className={styles.inline}>
                  {availableLessons(p).map((id) => (
                    <li key={id}>
                      <LessonLink id={id} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
