// The references page's search: a case-insensitive match of every word of the
// query against title, authors, year, identifier, status and the seeds' text.
import type { LessonId } from '../../state/types';
import type { Reference, ReferenceStatus } from './types';

export interface ReferenceFilter {
  readonly query: string;
  /** Only references related to this lesson; null: all. */
  readonly lesson: LessonId | null;
  /** Only references of this status; null or absent: all. */
  readonly status?: ReferenceStatus | null;
}

function haystack(ref: Reference): string {
  return [
    ref.title,
    ref.authors ?? '',
    ref.year === undefined ? '' : String(ref.year),
    ref.arxiv ?? '',
    ref.doi ?? '',
    ...ref.cited.flatMap((c) => [c.text, c.url ?? '']),
  ]
    .join('\n')
    .toLowerCase();
}

export function filterReferences(refs: readonly Reference[], filter: ReferenceFilter): Reference[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return refs.filter((ref) => {
    if (filter.lesson !== null && !ref.lessons.includes(filter.lesson)) return false;
    if (filter.status != null && ref.status !== filter.status) return false;
    const text = haystack(ref);
    return words.every((word) => text.includes(word));
  });
}
