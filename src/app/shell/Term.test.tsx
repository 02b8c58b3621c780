// <Term> in lesson prose: a term with a glossary entry is a link to that entry
// (the field-map lesson's glossary step plus #term-<id>), found by its text or
// its en/zh prop; a term without an entry stays plain text.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { Term } from './mdxComponents';
import { useViewStore } from '../../state/store';
import { DEFAULT_VIEW } from '../../state/urlSchema';
import { registerLessons } from '../../state/lessonCatalog';
import { getLesson } from '../../lessons/index';

// The app registers the lessons with the view state at start (main.tsx); so does this test.
registerLessons(getLesson);

function render(element: ReactElement): string {
  Object.assign(useViewStore.getInitialState(), useViewStore.getState());
  return renderToStaticMarkup(element);
}

beforeEach(() => useViewStore.setState({ ...DEFAULT_VIEW, lesson: 'low-rank', step: 0, notices: [] }));

describe('<Term>', () => {
  it('links an English term to its entry and keeps the Chinese gloss', () => {
    const html = render(<Term zh="秩">rank</Term>);
    expect(html).toContain('data-term="rank"');
    expect(html).toMatch(/href="\?lesson=field-map&amp;step=2[^"]*#term-rank"/);
    expect(html).toContain('<dfn>rank</dfn>');
    expect(html).toContain('(秩)');
    expect(html).toContain('title="Glossary: rank"');
  });

  it('finds a Chinese term by its text in the Chinese page', () => {
    useViewStore.setState({ lang: 'zh' });
    const html = render(<Term en="state matrix">状态矩阵</Term>);
    expect(html).toContain('data-term="state-matrix"');
    expect(html).toContain('#term-state-matrix');
    expect(html).toContain('title="术语表：状态矩阵"');
  });

  it('uses an explicit id, and leaves a term without an entry unlinked', () => {
    expect(render(<Term id="kernel">kernel trick</Term>)).toContain('#term-kernel');
    const plain = render(<Term>no such term</Term>);
    expect(plain).not.toContain('<a');
    expect(plain).toContain('<dfn>no such term</dfn>');
  });
});
