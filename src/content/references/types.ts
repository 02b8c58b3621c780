// The shape of one entry of the references page: how a seed cites the paper
// (verbatim), what the paper really is (checked metadata) and how sure we are.
import type { Bilingual } from '../../state/types';
import type { LessonId } from '../../state/types';

export type SeedId = '000' | '001' | '002' | '003';

/** One place where a seed cites the paper, quoted verbatim (tests check the quotes against the seeds). */
export interface Citation {
  readonly seed: SeedId;
  /** The heading of the seed section the citation sits in, as the seed writes it. */
  readonly section: string;
  /** The citation's text as the seed writes it (title, author-year, or reference-list line). */
  readonly text: string;
  /** The link the seed gives, exactly as written, if any. */
  readonly url?: string;
}

/**
 * verified: the title, year and identifier agree with the paper;
 * corrected: the seed's citation disagrees and the correct metadata could be confirmed (the note says what changed);
 * unverified: the seed's citation could not be confirmed (the note says what disagrees or is missing).
 */
export type ReferenceStatus = 'verified' | 'corrected' | 'unverified';

export interface Reference {
  /** Stable id, used as the entry's anchor. */
  readonly id: string;
  /** The paper's title: the checked title, or the seed's when unverified. */
  readonly title: string;
  readonly authors?: string;
  readonly year?: number;
  /** arXiv identifier without version, when known and checked. */
  readonly arxiv?: string;
  /** A link to the paper other than arXiv (DOI), when no arXiv identifier is known. */
  readonly doi?: string;
  readonly status: ReferenceStatus;
  /** What was corrected, or what disagrees / could not be confirmed. */
  readonly note?: Bilingual;
  readonly cited: readonly Citation[];
  /** Lessons that show or discuss the idea (may be empty for papers the course does not cover). */
  readonly lessons: readonly LessonId[];
}
