// Lesson 13's fitted W (dk×r) as a diverging map, exportable as CSV or JSON
// with what produced it (inputs, loss, learning rate, step, backend).
import { useMemo } from 'react';
import { hostMatrix, type FitSettings } from '../../engine';
import { toCsv } from '../../components/export/csv';
import { ExportButtons } from '../../components/export/ExportButtons';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useT } from '../../i18n';
import styles from '../../components/lab/Lab.module.css';
import type { ProblemInputs } from '../../components/lab/useProblem';
import type { FitView } from './useFit';

export function WeightsSection({
  fit,
  inputs,
  settings,
}: {
  readonly fit: FitView;
  readonly inputs: ProblemInputs;
  readonly settings: FitSettings;
}) {
  const t = useT();
  const { snapshot } = fit;
  const { n, d } = inputs;
  const { r: rank, loss: fitLoss, lr } = settings;
  const step = snapshot?.step ?? null;
  const now = snapshot ? snapshot.points[snapshot.points.length - 1] : undefined;
  const wMatrix = useMemo(
    () => (snapshot && snapshot.w.length === d * rank ? hostMatrix(snapshot.w, d, rank) : null),
    [snapshot, d, rank],
  );
  const exportStem = `hedgehog-W-seed${inputs.seed}-n${n}-d${d}-r${rank}-${fitLoss}-step${step ?? 0}`;
  const wJson = () => ({
    description:
      'Hedgehog feature projection W (dk×r, row-major: w[a][c]); φ(x) = [softmax(xW), softmax(−xW)], each half normalised over its r features',
    backend: fit.backend,
    step,
    loss: fitLoss,
    lossValue: now?.loss ?? null,
    lr,
    inputs,
    dk: d,
    r: rank,
    w: snapshot
      ? Array.from({ length: d }, (_, a) => Array.from(snapshot.w.subarray(a * rank, (a + 1) * rank)))
      : [],
  });
  const wCsv = () =>
    toCsv(
      ['row (input channel a)', ...Array.from({ length: rank }, (_, c) => `feature ${c}`)],
      Array.from({ length: d }, (_, a) => [
        a,
        ...Array.from(snapshot?.w.subarray(a * rank, (a + 1) * rank) ?? []),
      ]),
    );
  return (
    <div className={styles.section}>
      <h3 className={styles.sectionTitle}>{t('linearise.w.title', { d, r: rank, step: step ?? 0 })}</h3>
      <Heatmap
        matrix={wMatrix}
        causal={false}
        colorMap="diverging"
        label={t('linearise.w.label', { d, r: rank, step: step ?? 0 })}
        rowName={t('linearise.w.row')}
        colName={t('linearise.w.col')}
        valueLabel={t('linearise.w.value')}
        testId="fit-w-map"
        maxSide={280}
        exportName={exportStem}
      />
      <ExportButtons fileStem={exportStem} csv={wCsv} json={wJson} testId="fit-w-export" />
      <p className={styles.note}>{t('linearise.w.note')}</p>
    </div>
  );
}
