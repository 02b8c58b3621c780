// Lesson 10's lab: the associative-recall experiment of src/engine/recall run
// live through the engine. Controls (P, d, T, w, β, |g|, seed) live in the URL;
// the sweep (accuracy against P at d, against d at P) runs with progress and
// cancel; a table prints every variant's accuracy and its state size, and three
// line charts (with tables and exports) draw the curves.
import { useMemo } from 'react';
import {
  RUNS_PER_POINT,
  clampPairs,
  recentCount,
  softmaxScale,
  sweepPoints,
  type RecallSettings,
  type RecallVariant,
} from '../../engine';
import { useViewStore } from '../../state/store';
import { formatNumber } from '../../components/format';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/translate';
import { InputControls } from '../../components/lab/InputControls';
import labStyles from '../../components/lab/Lab.module.css';
import styles from './RecallLab.module.css';
import { RecallCharts } from './RecallCharts';
import { recallRows, usePublishedRecallValues } from './recallCells';
import { RECALL_MAX_D, RecallControls } from './RecallControls';
import { RecallTable } from './RecallTable';
import { SweepStatus } from './SweepStatus';
import { useRecallSweep } from './useRecallSweep';

export function RecallLab() {
  const t = useT();
  const { engine, epoch, backend } = useEngine();
  const seed = useViewStore((s) => s.seed);
  // The lab computes at most d = RECALL_MAX_D (Based's state has (1 + d + d²)·(d + 1) floats): show what it computes.
  const d = Math.min(
    useViewStore((s) => s.d),
    RECALL_MAX_D,
  );
  const pairsField = useViewStore((s) => s.pairs);
  const temperature = useViewStore((s) => s.temperature);
  const windowSize = useViewStore((s) => s.window);
  const beta = useViewStore((s) => s.beta);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const pairs = clampPairs(pairsField);
  const settings = useMemo<RecallSettings>(
    () => ({ seed, temperature, window: windowSize, beta, gateStrength }),
    [seed, temperature, windowSize, beta, gateStrength],
  );
  const key = engine
    ? [epoch, backend, seed, d, pairs, temperature, windowSize, beta, gateStrength].join('|')
    : null;
  const sweep = useRecallSweep(engine, key, settings, pairs, d);
  const current = sweep.status === 'done' && sweep.resultKey === key ? sweep.result : null;
  const shown = sweep.result;
  const label = (v: RecallVariant) => t(`recall.variant.${v}` as MessageKey);
  const scale = softmaxScale(settings, d);
  const decay = Math.exp(-gateStrength);
  const points = sweepPoints(pairs, d);
  const runs =
    new Set([...points.byPairs, ...points.byD].map((p) => `${p.pairs}|${p.d}`)).size * RUNS_PER_POINT;

  const definition = (v: RecallVariant): string =>
    t(`recall.def.${v}` as MessageKey, {
      scale: formatNumber(scale, 4),
      w: windowSize,
      beta,
      g: formatNumber(gateStrength, 3),
      decay: formatNumber(decay, 4),
    });

  // The row at P = pairs, d = d (the last point of the P sweep).
  const row = current?.byPairs[current.byPairs.length - 1];
  const rows = recallRows(t, row, { d, pairs, windowSize });
  usePublishedRecallValues(rows, scale, pairs);

  return (
    <div className={labStyles.lab}>
      <RecallControls pairs={pairs} decay={decay} />
      <InputControls show={['temperature', 'seed']} />
      <p className={labStyles.note} data-testid="recall-scale" data-value={String(scale)}>
        {t('recall.tempHint', { scale: formatNumber(scale, 4), d })}
      </p>

      <div className={styles.statement} data-testid="recall-statement">
        <p>
          <strong>{t('recall.task.title')}.</strong> {t('recall.task.text', { seed })}
        </p>
        <p>
          <strong>{t('recall.rule.title')}.</strong> {t('recall.rule.text')}
        </p>
      </div>

      <SweepStatus
        sweep={sweep}
        finished={current !== null}
        canRun={!!engine}
        runs={runs}
        backend={backend}
      />
      <RecallTable
        rows={rows}
        pairs={pairs}
        d={d}
        recent={recentCount(d)}
        total={row?.scores.softmax.total}
        placeholder={sweep.status === 'cancelled' ? t('recall.notRun') : t('view.computing')}
        label={label}
        definition={definition}
      />
      <RecallCharts
        byPairs={shown?.byPairs ?? []}
        byD={shown?.byD ?? []}
        d={d}
        pairs={pairs}
        pending={current === null}
        label={label}
      />
    </div>
  );
}
