// Lesson 7's timing results: where they were measured and how, the time of
// each form at the largest n and the fastest chunk size, the two charts (over
// n, over chunk size) and the points that could not run.
import type { Form } from '../../engine';
import { LineChart, type ChartPoint } from '../../components/charts/LineChart';
import { variantLabel } from '../../components/decay-mask/GateControls';
import { isGatedVariantId } from '../../components/decay-mask/gates';
import { formatMs, formatN } from '../../components/format';
import { useT, type Translate } from '../../i18n';
import { Readout, type ReadoutItem } from '../../components/lab/Readout';
import styles from '../../components/lab/Lab.module.css';
import { FORMS_TIMED, type ChunkTiming } from './useChunkTiming';

const TIMING_KEYS: Record<
  ChunkTiming['timing'],
  'timing.methodTimestamp' | 'timing.methodWorkDone' | 'timing.methodPerformanceNow'
> = {
  'timestamp-query': 'timing.methodTimestamp',
  'submitted-work-done': 'timing.methodWorkDone',
  'performance-now': 'timing.methodPerformanceNow',
};

export function formLabel(t: Translate, form: string): string {
  return t(`chunking.form.${form as 'recurrent' | 'parallel' | 'chunk'}`);
}

function timingItems(t: Translate, timing: ChunkTiming): ReadoutItem[] {
  const items: ReadoutItem[] = [];
  for (const form of FORMS_TIMED) {
    const points = timing.byN.filter((p) => p.form === form);
    const last = points[points.length - 1];
    items.push({
      name: `time-${form}`,
      label: t('chunking.timing.timeAt', { form: formLabel(t, form) }),
      text: last ? formatMs(last.ms) : '—',
      value: last?.ms,
      detail: last ? t('chunking.timing.atN', { n: formatN(last.n) }) : t('chunking.timing.noPoint'),
    });
  }
  const best = timing.byChunk.reduce<(typeof timing.byChunk)[number] | null>(
    (a, b) => (a === null || b.ms < a.ms ? b : a),
    null,
  );
  items.push({
    name: 'best-chunk',
    label: t('chunking.timing.bestChunk'),
    text: best ? String(best.chunk) : '—',
    value: best?.chunk,
    detail: best ? t('chunking.timing.bestDetail', { ms: formatMs(best.ms), n: formatN(best.n) }) : undefined,
  });
  return items;
}

export function ChunkTimingResults({
  timing,
  chunk,
}: {
  readonly timing: ChunkTiming;
  readonly chunk: number;
}) {
  const t = useT();
  const byN = FORMS_TIMED.map((form: Form) => ({
    id: form,
    label: formLabel(t, form),
    points: timing.byN.filter((p) => p.form === form).map((p): ChartPoint => ({ x: p.n, y: p.ms })),
  }));
  const byChunk = timing.byChunk.map((p): ChartPoint => ({ x: p.chunk, y: p.ms }));
  return (
    <>
      <p className={styles.note} data-testid="timing-device">
        {t('perf.chunkMeasured', {
          variant: variantLabel(isGatedVariantId(timing.variant) ? timing.variant : 'retnet'),
          device: timing.deviceName,
          backend: timing.backend,
          method: t(TIMING_KEYS[timing.timing]),
        })}{' '}
        {timing.resolutionMs !== undefined
          ? t('timing.resolution', { value: formatMs(timing.resolutionMs) })
          : ''}
      </p>
      <Readout items={timingItems(t, timing)} computingText={t('view.computing')} />
      <div className={styles.pair}>
        <LineChart
          title={t('chunking.timing.byNTitle')}
          series={byN}
          xLabel="n"
          yLabel="ms"
          xAxis="log2"
          yAxis="log10"
          formatX={formatN}
          formatY={formatMs}
          dots
          testId="timing-by-n"
        />
        <LineChart
          title={t('chunking.timing.byChunkTitle')}
          series={[{ id: 'chunk', label: formLabel(t, 'chunk'), points: byChunk }]}
          xLabel={t('chunking.timing.chunkAxis')}
          yLabel="ms"
          xAxis="log2"
          yAxis="log10"
          formatY={formatMs}
          markerX={chunk}
          dots
          testId="timing-by-chunk"
        />
      </div>
      {timing.skipped.length > 0 && (
        <details className={styles.note} data-testid="timing-skipped">
          <summary>{t('chunking.timing.skipped', { count: timing.skipped.length })}</summary>
          <ul>
            {timing.skipped.map((s) => (
              <li key={`${s.form}-${s.n}-${s.chunk}`}>
                {`${formLabel(t, s.form)}, n = ${s.n}, C = ${s.chunk}: ${s.reason}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
