// One problem on the field map: a circle (problem) or square (direction) with
// its wrapped title, a link to its first lesson, highlighted when selected or
// within the reach of the selected one.
import type { KeyboardEvent } from 'react';
import type { NodePlace } from '../../content/openProblems/layout';
import { BOX_WIDTH, LABEL_GAP } from '../../content/openProblems/layout';
import type { OpenProblem } from '../../content/openProblems/openProblems';
import { useT } from '../../i18n';
import { useViewStore } from '../../state/store';
import { getLesson } from '../index';
import styles from './FieldMap.module.css';
import { availableLessons, themeTitle } from './problemIndex';

export interface MapNodeProps {
  readonly node: NodePlace;
  readonly problem: OpenProblem;
  readonly isSelected: boolean;
  readonly inReach: boolean;
  /** Registers the node's element, so arrow keys can move focus to it. */
  readonly nodeRef: (element: SVGGElement | null) => void;
  readonly onMouseEnter: () => void;
  readonly onMouseLeave: () => void;
  readonly onFocus: () => void;
  readonly onClick: () => void;
  readonly onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
}

export function MapNode({ node, problem: p, isSelected, inReach, nodeRef, ...handlers }: MapNodeProps) {
  const t = useT();
  const lang = useViewStore((state) => state.lang);
  const lesson = getLesson(availableLessons(p)[0] ?? null);
  const kind = t(`fieldMap.kind.${p.kind}`);
  const theme = themeTitle.get(p.theme)?.[lang] ?? '';
  const label = lesson
    ? t('fieldMap.map.node', {
        title: p.title[lang],
        kind,
        theme,
        number: lesson.number,
        lesson: lesson.title[lang],
      })
    : t('fieldMap.map.nodeNoLesson', { title: p.title[lang], kind, theme });
  const className = [
    styles.node,
    isSelected ? styles.selected : '',
    inReach && !isSelected ? styles.neighbour : '',
    inReach ? '' : styles.outside,
  ].join(' ');
  return (
    <g
      ref={nodeRef}
      className={className}
      role="link"
      tabIndex={isSelected ? 0 : -1}
      aria-label={label}
      data-problem={node.id}
      data-in-reach={inReach ? 'true' : 'false'}
      data-lesson={lesson?.id}
      {...handlers}
    >
      <rect
        x={node.x - 12}
        y={node.y - 13}
        width={BOX_WIDTH - 36}
        height={node.lines.length * 15 + 11}
        rx="6"
        className={styles.hit}
      />
      {p.kind === 'problem' ? (
        <circle cx={node.x} cy={node.y} r="6.5" className={styles.dotProblem} />
      ) : (
        <rect x={node.x - 6} y={node.y - 6} width="12" height="12" rx="2" className={styles.dotDirection} />
      )}
      <text x={node.x + LABEL_GAP} y={node.y + 4.5} className={styles.label}>
        {node.lines.map((line, i) => (
          <tspan key={i} x={node.x + LABEL_GAP} dy={i === 0 ? 0 : 15}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
