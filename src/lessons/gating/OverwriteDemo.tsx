// The delta rule's overwrite demo: the same key written twice (old value, then
// new value) and read back, by DeltaNet and by plain linear attention, with
// cosines and errors against both values, the vectors drawn as colour strips and
// listed as numbers for screen readers.
import { useMemo } from 'react';
import { formatNumber } from '../../components/format';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useResolvedTheme } from '../../components/hooks/useResolvedTheme';
import { getLut, lutCss, lutIndex } from '../../components/heatmap/colorMaps';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { Readout } from '../../components/lab/Readout';
import { NumbersTable } from '../../components/charts/ChartFooter';
import labStyles from '../../components/lab/Lab.module.css';
import { overwriteProblem, runOverwrite, type OverwriteResult } from './overwrite';
import styles from './OverwriteDemo.module.css';

export interface OverwriteDemoProps {
  readonly seed: number;
  readonly d: number;
  readonly beta: number;
}

const CELL = 14;
const LABEL_W = 150;

export function OverwriteDemo({ seed, d, beta }: OverwriteDemoProps) {
  const t = useT();
  const theme = useResolvedTheme();
  const { engine, epoch, backend } = useEngine();
  const problem = useMemo(() => overwriteProblem(seed, d), [seed, d]);
  const key = engine ? `${epoch}|${backend}|${seed}|${d}|${beta}` : null;
  const run = useLatestRun<OverwriteResult>(key, () => {
    if (!engine) throw new Error('no engine');
    return runOverwrite(engine, problem, beta);
  });
  const result = run.pending ? undefined : run.value;
  const rows: { id: string; label: string; values: ArrayLike<number> }[] = [
    { id: 'old', label: t('gating.overwrite.vOld'), values: problem.vOld },
    { id: 'new', label: t('gating.overwrite.vNew'), values: problem.vNew },
    ...(run.value
      ? [
          { id: 'delta', label: t('gating.overwrite.readDelta'), values: run.value.delta.read },
          { id: 'linear', label: t('gating.overwrite.readLinear'), values: run.value.linear.read },
        ]
      : []),
  ];
  let maxAbs = 0;
  for (const row of rows)
    for (let i = 0; i < row.values.length; i++) maxAbs = Math.max(maxAbs, Math.abs(row.values[i]));
  const lut = getLut('diverging', theme);
  const shown = Math.min(d, 32);
  const width = LABEL_W + shown * CELL;
  const height = rows.length * (CELL + 6);
  return (
    <div className={labStyles.section} data-testid="overwrite-demo">
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'overwrite-cos-new-delta',
            label: t('gating.overwrite.cosNewDelta'),
            text: result ? formatNumber(result.delta.cosNew, 4) : null,
            value: result?.delta.cosNew,
            detail: result
              ? t('gating.overwrite.cosOld', { value: formatNumber(result.delta.cosOld, 3) })
              : undefined,
          },
          {
            name: 'overwrite-err-new-delta',
            label: t('gating.overwrite.errNewDelta'),
            text: result ? formatNumber(result.delta.errNew, 3) : null,
            value: result?.delta.errNew,
            detail: t('gating.overwrite.expected', { beta }),
          },
          {
            name: 'overwrite-cos-new-linear',
            label: t('gating.overwrite.cosNewLinear'),
            text: result ? formatNumber(result.linear.cosNew, 4) : null,
            value: result?.linear.cosNew,
            detail: result
              ? t('gating.overwrite.cosOld', { value: formatNumber(result.linear.cosOld, 3) })
              : undefined,
          },
          {
            name: 'overwrite-cos-old-linear',
            label: t('gating.overwrite.cosOldLinear'),
            text: result ? formatNumber(result.linear.cosOld, 4) : null,
            value: result?.linear.cosOld,
            detail: t('gating.overwrite.linearSum'),
          },
          {
            name: 'overwrite-err-new-linear',
            label: t('gating.overwrite.errNewLinear'),
            text: result ? formatNumber(result.linear.errNew, 3) : null,
            value: result?.linear.errNew,
          },
        ]}
      />
      <EngineErrorNote error={run.error} />
      <figure className={styles.figure}>
        <figcaption className={styles.caption}>{t('gating.overwrite.stripsTitle', { shown, d })}</figcaption>
        <div className={styles.scroll}>
          <svg width={width} height={height} role="img" aria-label={t('gating.overwrite.stripsAlt')}>
            {rows.map((row, r) => (
              <g key={row.id} transform={`translate(0, ${r * (CELL + 6)})`} data-row={row.id}>
                <text className={styles.label} x={LABEL_W - 8} y={CELL / 2} dy="0.32em" textAnchor="end">
                  {row.label}
                </text>
                {Array.from({ length: shown }, (_, i) => (
                  <rect
                    key={i}
                    x={LABEL_W + i * CELL}
                    y={0}
                    width={CELL - 1}
                    height={CELL}
                    fill={lutCss(lut, lutIndex(row.values[i], -maxAbs || -1, maxAbs || 1))}
                  />
                ))}
              </g>
            ))}
          </svg>
        </div>
        <NumbersTable
          columns={[t('gating.overwrite.channel'), ...rows.map((row) => row.label)]}
          rows={Array.from({ length: d }, (_, i) => ({
            key: i,
            cells: [i + 1, ...rows.map((row) => formatNumber(row.values[i], 3))],
          }))}
        />
      </figure>
    </div>
  );
}
