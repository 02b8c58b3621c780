// The bilingual glossary: every term the lessons mark, with both names, a
// definition in both languages and the lessons where it appears; searchable.
// Each entry has an anchor (#term-<id>); arriving by a <Term> link or a shared
// link with that hash scrolls to the entry and focuses it.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  GLOSSARY,
  glossaryAnchor,
  searchGlossary,
  type GlossaryEntry,
} from '../../content/glossary/glossary';
import { getLesson } from '../index';
import { useViewStore } from '../../state/store';
import type { LessonId } from '../../state/types';
import { toCsv } from '../../components/export/csv';
import { ExportButtons } from '../../components/export/ExportButtons';
import { useT } from '../../i18n';
import { useStepLink } from '../../components/hooks/useViewHref';
import { FIELD_MAP_LESSON, FIELD_MAP_STEP } from '../../components/field-map/steps';
import {
  onTermFocus,
  takePendingTerm,
  termFromHash,
  writeTermHash,
} from '../../components/glossary/termFocus';
import { useTermLink } from '../../app/shell/useTermLink';
import styles from './Glossary.module.css';

function LessonLink({ id }: { readonly id: LessonId }) {
  const lang = useViewStore((state) => state.lang);
  const link = useStepLink(id, 0);
  const lesson = getLesson(id);
  if (!lesson) return null;
  return (
    <a {...link}>
      {lesson.number}. {lesson.title[lang]}
    </a>
  );
}

function Entry({ entry, current }: { readonly entry: GlossaryEntry; readonly current: boolean }) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const anchor = useTermLink(entry.id);
  const other = lang === 'en' ? 'zh' : 'en';
  const tag = (l: 'en' | 'zh') => (l === 'zh' ? 'zh-Hans' : 'en');
  const lessons = entry.lessons
    .filter((id) => getLesson(id) !== undefined)
    .sort((a, b) => (getLesson(a)?.number ?? 0) - (getLesson(b)?.number ?? 0));
  return (
    <li
      id={glossaryAnchor(entry.id)}
      className={`${styles.entry} ${current ? styles.current : ''}`}
      tabIndex={-1}
      data-term-entry={entry.id}
      aria-current={current ? 'true' : undefined}
    >
      <h3 className={styles.names}>
        <span lang={tag(lang)}>{entry[lang]}</span>
        <span className={styles.other} lang={tag(other)}>
          {entry[other]}
        </span>
        {anchor && (
          <a className={styles.anchor} {...anchor} aria-label={`${t('gloss.anchor')}: ${entry[lang]}`}>
            #
          </a>
        )}
      </h3>
      <p lang={tag(lang)}>{entry.def[lang]}</p>
      <p className={styles.otherDef} lang={tag(other)}>
        {entry.def[other]}
      </p>
      {lessons.length > 0 && (
        <p className={styles.lessons}>
          <span className={styles.muted}>{t('gloss.lessons')}:</span>{' '}
          {lessons.map((id) => (
            <LessonLink key={id} id={id} />
          ))}
        </p>
      )}
    </li>
  );
}

export function GlossaryView() {
  const t = useT();
  const [query, setQuery] = useState('');
  // The entry asked for before this mounted: by a <Term> link, or by the address's hash.
  const [current, setCurrent] = useState<string | null>(() => {
    const id = takePendingTerm() ?? termFromHash(window.location.hash);
    return id !== null && GLOSSARY.some((entry) => entry.id === id) ? id : null;
  });
  const listRef = useRef<HTMLOListElement>(null);
  const searchId = useId();
  const shown = useMemo(() => searchGlossary(query), [query]);

  const show = useCallback((id: string) => {
    if (!GLOSSARY.some((entry) => entry.id === id)) return;
    setQuery('');
    setCurrent(id);
  }, []);

  // Later requests: a <Term> link while this is shown, or a hash change.
  useEffect(() => {
    const onHash = () => {
      const id = termFromHash(window.location.hash);
      if (id !== null) show(id);
    };
    window.addEventListener('hashchange', onHash);
    const stop = onTermFocus((id) => {
      takePendingTerm();
      show(id);
    });
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
    };
  }, [show]);

  // Keep #term-<id> on the address while that entry is shown: the URL sync rewrites
  // the address on every view change (language, theme) and would drop the hash.
  useEffect(() => {
    if (current === null) return;
    return useViewStore.subscribe((state) => {
      const here = state.lesson === FIELD_MAP_LESSON && state.step === FIELD_MAP_STEP.glossary;
      if (here && window.location.hash !== `#${glossaryAnchor(current)}`) writeTermHash(current);
    });
  }, [current]);

  // Scroll to and focus the requested entry once it is rendered; a frame later
  // than the lesson page's own focus-on-arrival, which would otherwise win.
  useEffect(() => {
    if (current === null) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const element = listRef.current?.querySelector<HTMLElement>(`#${glossaryAnchor(current)}`);
        if (!element) return;
        element.scrollIntoView({ block: 'start' });
        element.focus({ preventScroll: true });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [current]);

  return (
    <div className={styles.root}>
      <div className={styles.field}>
        <label htmlFor={searchId}>{t('gloss.search.label')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t('gloss.search.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="gloss-search"
        />
      </div>
      <p className={styles.count} role="status" data-testid="gloss-count" data-shown={shown.length}>
        {t('gloss.count', { shown: shown.length, total: GLOSSARY.length })}
      </p>
      <ExportButtons
        fileStem={t('gloss.list')}
        csv={() =>
          toCsv(
            ['id', 'en', 'zh', 'aliases', 'definition_en', 'definition_zh', 'lessons'],
            shown.map((e) => [
              e.id,
              e.en,
              e.zh,
              (e.aliases ?? []).join('; '),
              e.def.en,
              e.def.zh,
              e.lessons.join(' '),
            ]),
          )
        }
        json={() => shown}
        testId="gloss-export"
      />
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('gloss.list')}>
        {shown.length === 0 ? (
          <p>{t('gloss.empty')}</p>
        ) : (
          <ol className={styles.list} ref={listRef} data-testid="gloss-list">
            {shown.map((entry) => (
              <Entry key={entry.id} entry={entry} current={entry.id === current} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
