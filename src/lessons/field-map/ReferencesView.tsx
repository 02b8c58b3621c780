// The references page: every paper the four seeds cite, searchable by text and
// filterable by lesson. Each entry shows the checked metadata with its status
// (verified / corrected / unverified, and the note saying what changed or what
// disagrees) and, under "As cited", the seed's own words and link.
import { useId, useMemo, useState } from 'react';
import { citedUrls, referenceUrl, REFERENCES } from '../../content/references/references';
import { filterReferences } from '../../content/references/search';
import type { Reference, ReferenceStatus } from '../../content/references/types';
import { getLesson, lessonMetas } from '../index';
import { useViewStore } from '../../state/store';
import { LESSON_IDS, type LessonId } from '../../state/types';
import { toCsv } from '../../components/export/csv';
import { ExportButtons } from '../../components/export/ExportButtons';
import { useT } from '../../i18n';
import { useStepLink } from '../../components/hooks/useViewHref';
import styles from './References.module.css';

function LessonChip({ id }: { readonly id: LessonId }) {
  const lang = useViewStore((state) => state.lang);
  const link = useStepLink(id, 0);
  const lesson = getLesson(id);
  if (!lesson) return null;
  return (
    <a {...link} className={styles.chip}>
      {lesson.number}. {lesson.title[lang]}
    </a>
  );
}

function Entry({ entry }: { readonly entry: Reference }) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const url = referenceUrl(entry);
  const lessons = entry.lessons
    .filter((id) => getLesson(id) !== undefined)
    .sort((a, b) => (getLesson(a)?.number ?? 0) - (getLesson(b)?.number ?? 0));
  return (
    <li className={styles.entry} id={`ref-${entry.id}`} data-ref={entry.id} data-status={entry.status}>
      <p className={styles.title}>
        {url ? (
          <a href={url} target="_blank" rel="noreferrer" lang="en">
            {entry.title}
          </a>
        ) : (
          <span lang="en">{entry.title}</span>
        )}
      </p>
      <p className={styles.meta}>
        {[
          entry.authors,
          entry.year,
          entry.arxiv ? `arXiv:${entry.arxiv}` : entry.doi ? `doi:${entry.doi}` : null,
        ]
          .filter((part) => part !== undefined && part !== null)
          .join(' · ')}
        <span className={`${styles.status} ${styles[entry.status]}`} data-testid="ref-status">
          {t(`refs.status.${entry.status}`)}
        </span>
      </p>
      {entry.note && <p className={styles.note}>{entry.note[lang]}</p>}
      <details className={styles.cited}>
        <summary>{t('refs.cited')}</summary>
        <ul>
          {entry.cited.map((c, i) => (
            <li key={i}>
              <span className={styles.where}>{t('refs.citedIn', { seed: c.seed, section: c.section })}</span>
              {': '}
              <q lang="zh-Hans">{c.text}</q>
              {c.url !== undefined && (
                <>
                  {' · '}
                  <a href={c.url} target="_blank" rel="noreferrer" data-seed-link={c.url}>
                    {c.url}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      </details>
      {lessons.length > 0 && (
        <p className={styles.lessons}>
          <span className={styles.where}>{t('refs.lessons')}:</span>{' '}
          {lessons.map((id) => (
            <LessonChip key={id} id={id} />
          ))}
        </p>
      )}
    </li>
  );
}

export function ReferencesView() {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const [query, setQuery] = useState('');
  const [lesson, setLesson] = useState<LessonId | null>(null);
  const [status, setStatus] = useState<ReferenceStatus | null>(null);
  const statusId = useId();
  const searchId = useId();
  const filterId = useId();
  const shown = useMemo(
    () => filterReferences(REFERENCES, { query, lesson, status }),
    [query, lesson, status],
  );
  const count = (status: Reference['status']) => REFERENCES.filter((r) => r.status === status).length;
  const lessonOptions = LESSON_IDS.filter((id) => REFERENCES.some((r) => r.lessons.includes(id)));
  const titleOf = (id: LessonId) => {
    const meta = lessonMetas.find((m) => m.id === id);
    return meta ? `${meta.number}. ${meta.title[lang]}` : id;
  };

  return (
    <div className={styles.root}>
      <div className={styles.controls}>
        <div className={styles.field}>
          <label htmlFor={searchId}>{t('refs.search.label')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('refs.search.placeholder')}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="refs-search"
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={filterId}>{t('refs.filter.label')}</label>
          <select
            id={filterId}
            value={lesson ?? ''}
            onChange={(event) =>
              setLesson(event.target.value === '' ? null : (event.target.value as LessonId))
            }
            data-testid="refs-lesson"
          >
            <option value="">{t('refs.filter.all')}</option>
            {lessonOptions.map((id) => (
              <option key={id} value={id}>
                {titleOf(id)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={statusId}>{t('refs.status.label')}</label>
          <select
            id={statusId}
            value={status ?? ''}
            onChange={(event) =>
              setStatus(event.target.value === '' ? null : (event.target.value as ReferenceStatus))
            }
            data-testid="refs-status"
          >
            <option value="">{t('refs.status.all')}</option>
            {(['verified', 'corrected', 'unverified'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`refs.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className={styles.count} role="status" data-testid="refs-count" data-shown={shown.length}>
        {t('refs.count', { shown: shown.length, total: REFERENCES.length })}
        <br />
        <span className={styles.muted}>
          {t('refs.counts', {
            verified: count('verified'),
            corrected: count('corrected'),
            unverified: count('unverified'),
          })}{' '}
          {t('refs.seedLinks', { count: citedUrls().length })}
        </span>
      </p>
      <ExportButtons
        fileStem={t('refs.list')}
        csv={() =>
          toCsv(
            [
              'id',
              'title',
              'authors',
              'year',
              'arxiv',
              'doi',
              'status',
              'note',
              'cited',
              'seed_links',
              'lessons',
            ],
            shown.map((r) => [
              r.id,
              r.title,
              r.authors,
              r.year,
              r.arxiv,
              r.doi,
              r.status,
              r.note?.en,
              r.cited.map((c) => `${c.seed} ${c.section}: ${c.text}`).join(' | '),
              r.cited.flatMap((c) => (c.url === undefined ? [] : [c.url])).join(' '),
              r.lessons.join(' '),
            ]),
          )
        }
        json={() => shown}
        testId="refs-export"
      />
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t('refs.list')}>
        {shown.length === 0 ? (
          <p>{t('refs.empty')}</p>
        ) : (
          <ol className={styles.list} data-testid="refs-list">
            {shown.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
