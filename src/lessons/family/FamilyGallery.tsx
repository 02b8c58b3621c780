// The gallery of lesson 9: a small map per family (name, survey category,
// complexity, scores computed, what it gives up), each a button that enlarges
// it, and a table of every family's numbers as the text alternative.
import { useMemo } from 'react';
import { hostMatrix, type MatrixHandle } from '../../engine';
import { formatCount, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/translate';
import { FAMILY_IDS, type FamilyEntry, type FamilyId, type Gallery } from '../../engine';
import styles from './Gallery.module.css';

export function familyKey(kind: 'name' | 'short' | 'taxonomy' | 'cost' | 'gives', id: FamilyId): MessageKey {
  return `family.${kind}.${id}` as MessageKey;
}

export function FamilyGallery({
  gallery,
  selected,
  onSelect,
  pending,
}: {
  readonly gallery: Gallery | undefined;
  readonly selected: FamilyId;
  readonly onSelect: (id: FamilyId) => void;
  readonly pending: boolean;
}) {
  const t = useT();
  const entries = new Map<FamilyId, FamilyEntry>(gallery?.entries.map((e) => [e.id, e]) ?? []);
  const n = gallery?.n ?? 0;
  // One handle per map and gallery (hostMatrix scans n² entries for the colour range).
  const handles = useMemo(
    () =>
      new Map<FamilyId, MatrixHandle>(
        (gallery?.entries ?? []).flatMap((e) =>
          e.map ? [[e.id, hostMatrix(e.map, gallery?.n ?? 0, gallery?.n ?? 0)]] : [],
        ),
      ),
    [gallery],
  );
  return (
    <ul className={styles.grid} data-testid="family-gallery">
      {FAMILY_IDS.map((id) => {
        const entry = entries.get(id);
        const name = t(familyKey('name', id));
        return (
          <li
            key={id}
            className={`${styles.card} ${id === selected ? styles.selected : ''}`}
            data-testid={`family-card-${id}`}
          >
            <button
              type="button"
              className={styles.select}
              aria-pressed={id === selected}
              aria-label={t('family.gallery.select', { name })}
              onClick={() => onSelect(id)}
            >
              {t(familyKey('short', id))}
            </button>
            {entry?.map ? (
              <Heatmap
                matrix={handles.get(id) ?? null}
                causal={false}
                colorMap={id === 'linformer' || id === 'nystrom' ? 'diverging' : 'sequential'}
                label={t('family.map.label', { name, n })}
                rowName={t('family.map.row')}
                colName={t('family.map.col')}
                valueLabel={t('family.map.value')}
                testId={`thumb-${id}`}
                maxSide={150}
                pending={pending}
                exportName={`family-${id}`}
              />
            ) : entry ? (
              <p className={styles.unavailable}>
                {t('family.unavailable', { reason: entry.unavailable ?? '' })}
              </p>
            ) : (
              <p className={styles.meta}>{t('view.computing')}</p>
            )}
            <p className={styles.meta}>{t(familyKey('taxonomy', id))}</p>
            <p className={styles.cost}>{t(familyKey('cost', id))}</p>
            {entry && (
              <p className={styles.cost} data-testid={`thumb-scores-${id}`}>
                {t('family.gallery.scores', { scores: formatCount(entry.scores) })}
              </p>
            )}
            <p className={styles.meta}>{t(familyKey('gives', id))}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function FamilyTable({ gallery }: { readonly gallery: Gallery }) {
  const t = useT();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="family-table">
        <caption className="visually-hidden">{t('family.table.title', { n: gallery.n })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('family.table.family')}</th>
            <th scope="col">{t('family.table.taxonomy')}</th>
            <th scope="col">{t('family.table.cost')}</th>
            <th scope="col">{t('family.table.scores')}</th>
            <th scope="col">{t('family.table.flops')}</th>
            <th scope="col">{t('family.table.error')}</th>
          </tr>
        </thead>
        <tbody>
          {gallery.entries.map((e) => (
            <tr key={e.id} data-family={e.id}>
              <th scope="row">{t(familyKey('name', e.id))}</th>
              <td>{t(familyKey('taxonomy', e.id))}</td>
              <td>{t(familyKey('cost', e.id))}</td>
              <td className={styles.num} data-value={e.scores}>
                {formatCount(e.scores)}
              </td>
              <td className={styles.num} data-value={e.flops}>
                {formatCount(e.flops)}
              </td>
              <td
                className={styles.num}
                data-value={Number.isFinite(e.relFrobenius) ? e.relFrobenius : undefined}
              >
                {Number.isFinite(e.relFrobenius) ? formatNumber(e.relFrobenius, 4) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
