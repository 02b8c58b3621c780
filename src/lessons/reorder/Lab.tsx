// Lesson 2 lab: (φ(Q)φ(K)ᵀ)V against φ(Q)(φ(K)ᵀV), both run live by the engine
// (linear attention, parallel form against recurrent form), with the largest
// difference of their outputs, the FLOPs of each order and both intermediates:
// the n×n score matrix and the d×d state.
import { useRunAfterPaint } from '../common/useRunAfterPaint';
import {
  attentionMatrixBytes,
  flopCount,
  linearStateBytes,
  hostMatrix,
  type MatrixHandle,
  type RunResult,
} from '../../engine';
import { Segmented } from '../../components/controls/Segmented';
import { Toggle } from '../../components/controls/Toggle';
import { formatBytes, formatCount, formatNumber } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import type { FeatureMapId } from '../../state/types';
import { useViewStore } from '../../state/store';

interface BothOrders {
  readonly scoresFirst: RunResult;
  readonly stateFirst: RunResult;
  /** max |O_left − O_right| */
  readonly maxAbsDiff: number;
  /** maxAbsDiff / max |O_left| */
  readonly relativeDiff: number;
  /** S = φ(K)ᵀV of the whole sequence (non-causal) or of all n tokens (causal), d×d. */
  readonly state: MatrixHandle | null;
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): { diff: number; scale: number } {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return { diff, scale };
}

const FEATURE_MAP_OPTIONS: readonly FeatureMapId[] = ['identity', 'elu1', 'relu'];

export default function ReorderLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const causal = useViewStore((s) => s.causal);
  const featureMap = useViewStore((s) => s.featureMap);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(maxN);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  // The identity map gives plain matrix products (no normaliser, whose denominator could be 0);
  // positive maps are normalised as in the kernel formula of the prose.
  const normalize = featureMap !== 'identity';
  const params = { causal, featureMap, normalize };
  const engineProblem = { ...problem, dk: d, dv: d, params };
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${causal}|${featureMap}` : null;

  const scores = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'linear', problem: engineProblem });
  });
  // Both orders run once the score map of the same key is on screen (see lesson 1's lab);
  // until their result for this key arrives, the readouts say "Computing…".
  const [orders, onMapPainted] = useRunAfterPaint<BothOrders>(key, async () => {
    if (!engine) throw new Error('no engine');
    const scoresFirst = await engine.run({ variant: 'linear', form: 'parallel', problem: engineProblem });
    const stateFirst = await engine.run({ variant: 'linear', form: 'recurrent', problem: engineProblem });
    const { diff, scale } = maxAbsDifference(scoresFirst.o, stateFirst.o);
    const s = stateFirst.state;
    return {
      scoresFirst,
      stateFirst,
      maxAbsDiff: diff,
      relativeDiff: scale > 0 ? diff / scale : diff,
      state: s && s.length >= d * d ? hostMatrix(s.slice(0, d * d), d, d) : null,
    };
  });

  const dims = { n, dk: d, dv: d };
  const flopsLeft = flopCount('linear', 'parallel', dims, { causal, normalize });
  const flopsRight = flopCount('linear', 'recurrent', dims, { causal, normalize });
  const result = orders.value;

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'seed']} maxN={maxN} />
      <div className={styles.controls}>
        <Segmented
          label={t('reorder.featureMap')}
          value={featureMap}
          options={FEATURE_MAP_OPTIONS.map((value) => ({ value, label: t(`reorder.map.${value}`) }))}
          onChange={(value) => setView({ featureMap: value })}
          testId="feature-map"
        />
        <Toggle
          label={t('lab.causal')}
          checked={causal}
          onChange={(value) => setView({ causal: value })}
          testId="causal-toggle"
        />
      </div>
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'max-diff',
            label: t('reorder.maxDiff'),
            text: result ? formatNumber(result.relativeDiff) : null,
            value: result?.relativeDiff,
          },
          {
            name: 'max-diff-abs',
            label: t('reorder.maxDiffAbs'),
            text: result ? formatNumber(result.maxAbsDiff) : null,
            value: result?.maxAbsDiff,
          },
          {
            name: 'flops-quadratic',
            label: t('reorder.flopsLeft'),
            text: `${formatCount(flopsLeft)}FLOP`,
            value: flopsLeft,
            detail: t('reorder.intermediate', {
              size: formatBytes(attentionMatrixBytes(n)),
              shape: `${n}×${n}`,
            }),
          },
          {
            name: 'flops-linear',
            label: t('reorder.flopsRight'),
            text: `${formatCount(flopsRight)}FLOP`,
            value: flopsRight,
            detail: t('reorder.intermediate', {
              size: formatBytes(linearStateBytes(d, d, normalize)),
              shape: `${d}×${d}`,
            }),
          },
          {
            name: 'flops-ratio',
            label: t('reorder.ratio'),
            text: `${formatNumber(flopsLeft / flopsRight)}×`,
            value: flopsLeft / flopsRight,
          },
        ]}
      />
      <EngineErrorNote error={orders.error ?? scores.error} />
      <div className={styles.pair}>
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('reorder.scoresTitle', { n })}</h3>
          <Heatmap
            matrix={scores.value ?? null}
            causal={causal}
            colorMap={featureMap === 'identity' ? 'diverging' : 'sequential'}
            label={t('reorder.scoresTitle', { n })}
            rowName={t('lab.query')}
            colName={t('lab.key')}
            valueLabel={t(featureMap === 'identity' ? 'reorder.score' : 'lab.weight')}
            testId="heatmap"
            maxSide={360}
            pending={scores.pending}
            onPainted={() => onMapPainted(scores.key ?? null)}
            exportName={`scores-n${n}`}
          />
        </section>
        <section className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('reorder.stateTitle', { d })}</h3>
          <Heatmap
            matrix={result?.state ?? orders.previous?.state ?? null}
            causal={false}
            colorMap="diverging"
            label={t('reorder.stateTitle', { d })}
            rowName={t('state.rowName')}
            colName={t('state.colName')}
            valueLabel={t('reorder.stateValue')}
            testId="state-heatmap"
            maxSide={360}
            pending={orders.pending}
            exportName={`state-d${d}`}
          />
        </section>
      </div>
      <p className={styles.note}>{t(causal ? 'reorder.noteCausal' : 'reorder.noteFull')}</p>
    </div>
  );
}
