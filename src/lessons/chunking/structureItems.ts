// The numbers lesson 7 prints about the chunk form's structure: chunks (= its
// sequential steps), pairs computed inside the chunks, state hand-overs, and
// the measured gap to the recurrent form.
import { formatCount, formatNumber } from '../../components/format';
import type { Translate } from '../../i18n';
import type { ReadoutItem } from '../../components/lab/Readout';

/** Pairs (i, j ≤ i) computed inside the chunks: Σ size·(size + 1)/2. */
export function intraChunkPairs(n: number, chunk: number): number {
  let pairs = 0;
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    pairs += (size * (size + 1)) / 2;
  }
  return pairs;
}

export function structureItems(
  t: Translate,
  {
    n,
    d,
    chunk,
    chunks,
  }: { readonly n: number; readonly d: number; readonly chunk: number; readonly chunks: number },
  /** Largest |chunk − recurrent|, undefined while it computes. */
  diff: number | undefined,
): ReadoutItem[] {
  const intra = intraChunkPairs(n, chunk);
  const allPairs = (n * (n + 1)) / 2;
  return [
    {
      name: 'chunk-count',
      label: t('chunking.readout.chunks'),
      text: String(chunks),
      value: chunks,
      detail: t('chunking.readout.chunksDetail', { n, c: chunk }),
    },
    {
      name: 'sequential-steps',
      label: t('chunking.readout.steps'),
      text: String(chunks),
      value: chunks,
      detail: t('chunking.readout.stepsDetail', { n }),
    },
    {
      name: 'intra-pairs',
      label: t('chunking.readout.intra'),
      text: formatCount(intra),
      value: intra,
      detail: t('chunking.readout.intraDetail', {
        share: formatNumber((100 * intra) / allPairs, 3),
        all: formatCount(allPairs),
      }),
    },
    {
      name: 'state-passes',
      label: t('chunking.readout.passes'),
      text: String(chunks - 1),
      value: chunks - 1,
      detail: t('chunking.readout.passesDetail', { floats: d * d, d }),
    },
    {
      name: 'chunk-max-diff',
      label: t('chunking.readout.maxDiff'),
      text: diff !== undefined ? formatNumber(diff) : null,
      value: diff,
      detail: t('chunking.readout.maxDiffDetail', { n }),
    },
  ];
}
