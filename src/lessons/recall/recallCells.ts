// The cells of lesson 10's table (accuracy overall, on the most recent pairs,
// inside the window; the state size) for every variant at P = pairs, d = d,
// and their publication as live values for the prose's <Value>.
import { useEffect } from 'react';
import { RECALL_VARIANTS, stateFloats, type PointResult, type RecallVariant } from '../../engine';
import { formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import { clearValue, publishValue } from '../../components/live-values/liveValues';

/** "0.816 (209/256)": the accuracy with its count, so nothing is rounded away. */
export function formatAccuracy(correct: number, total: number): string {
  return total > 0 ? `${formatNumber(correct / total, 3)} (${correct}/${total})` : '—';
}

export interface Cell {
  readonly text: string;
  readonly value: number | undefined;
}

export interface RecallRow {
  readonly variant: RecallVariant;
  /** null while the sweep computes. */
  readonly accuracy: Cell | null;
  readonly recent: Cell | null;
  readonly window: Cell | null;
  readonly state: Cell;
}

export function recallRows(
  t: Translate,
  /** The point at P = pairs, d = d, or undefined while it computes. */
  row: PointResult | undefined,
  { d, pairs, windowSize }: { readonly d: number; readonly pairs: number; readonly windowSize: number },
): RecallRow[] {
  return RECALL_VARIANTS.map((variant) => {
    const score = row?.scores[variant];
    const state = stateFloats(variant, d, 2 * pairs, windowSize);
    return {
      variant,
      accuracy: score ? { text: formatAccuracy(score.correct, score.total), value: score.accuracy } : null,
      recent: score
        ? {
            text: formatAccuracy(score.recentCorrect, score.recentTotal),
            value: score.recentCorrect / score.recentTotal,
          }
        : null,
      window: score
        ? score.inWindowTotal > 0
          ? {
              text: formatAccuracy(score.inWindowCorrect, score.inWindowTotal),
              value: score.inWindowCorrect / score.inWindowTotal,
            }
          : { text: t('recall.table.none'), value: undefined }
        : null,
      state: { text: formatNumber(state, 6), value: state },
    };
  });
}

/** Publishes the table's texts, the softmax scale and the chance level; clears them when the lab leaves. */
export function usePublishedRecallValues(rows: readonly RecallRow[], scale: number, pairs: number): void {
  const published = rows
    .flatMap((c) => [
      [`recall-acc-${c.variant}`, c.accuracy?.text ?? ''],
      [`recall-recent-${c.variant}`, c.recent?.text ?? ''],
      [`recall-window-${c.variant}`, c.window?.text ?? ''],
      [`recall-state-${c.variant}`, c.state.text],
    ])
    .concat([
      ['recall-scale', formatNumber(scale, 4)],
      ['recall-chance', formatNumber(1 / pairs, 3)],
    ])
    .filter(([, text]) => text !== '');
  const publishedKey = published.map(([name, text]) => `${name}\u0000${text}`).join('\u0001');
  useEffect(() => {
    for (const [name, text] of published) publishValue(name, text);
    // Re-run when a printed text changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publishedKey]);
  useEffect(
    () => () => {
      for (const variant of RECALL_VARIANTS) {
        for (const kind of ['acc', 'recent', 'window', 'state']) clearValue(`recall-${kind}-${variant}`);
      }
      clearValue('recall-scale');
      clearValue('recall-chance');
    },
    [],
  );
}
