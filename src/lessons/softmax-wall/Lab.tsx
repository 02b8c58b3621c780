// Lesson 1 lab: drag n and watch the softmax attention map, the memory of its
// n×n matrix and the time of a run grow as n².
import { attentionMatrixBytes, attentionPairs } from '../../engine';
import { Toggle } from '../../components/controls/Toggle';
import { formatBytes, formatCount, formatMs } from '../../components/format';
import { Heatmap } from '../../components/heatmap/Heatmap';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { useWallRuns } from './useWallRuns';
import { WallCharts } from './WallCharts';

export default function SoftmaxWallLab() {
  const t = useT();
  const { engine, maxN, backend } = useEngine();
  const causal = useViewStore((s) => s.causal);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(maxN);
  const problem = useProblem(inputs);
  const { weights, timed, onMapPainted, runHistory, sweeping, quickSweep } = useWallRuns(
    inputs,
    problem,
    causal,
  );

  const n = inputs.n;
  const scoreBytes = attentionMatrixBytes(n);
  const pairs = attentionPairs(n, causal);

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'temperature', 'locality', 'seed']} maxN={maxN} />
      <Toggle
        label={t('lab.causal')}
        checked={causal}
        onChange={(value) => setView({ causal: value })}
        testId="causal-toggle"
      />
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'score-count',
            label: t('wall.scoreCount'),
            text: formatCount(pairs),
            value: pairs,
            detail: t('wall.scoreCountDetail', { n }),
          },
          {
            name: 'score-bytes',
            label: t('wall.scoreBytes'),
            text: formatBytes(scoreBytes),
            value: scoreBytes,
            detail: t('wall.scoreBytesDetail', { n }),
          },
          {
            name: 'run-ms',
            label: t('wall.runMs'),
            text: timed.value ? formatMs(timed.value.ms) : weights.error ? t('lab.notRun') : null,
            value: timed.value?.ms,
            detail: t(backend === 'webgpu' ? 'lab.measuredGpu' : 'lab.measuredCpu'),
          },
        ]}
      />
      <EngineErrorNote error={weights.error ?? timed.error} />
      <Heatmap
        matrix={weights.value ?? null}
        causal={causal}
        label={t('wall.mapLabel', { n })}
        rowName={t('lab.query')}
        colName={t('lab.key')}
        valueLabel={t('lab.weight')}
        testId="heatmap"
        pending={weights.pending}
        unavailable={!!weights.error && !weights.pending}
        onPainted={() => onMapPainted(weights.key ?? null)}
        exportName={`softmax-map-n${n}`}
      />
      <WallCharts
        n={n}
        d={inputs.d}
        runHistory={runHistory}
        canSweep={!!engine}
        sweeping={sweeping}
        onQuickSweep={() => void quickSweep()}
        maxN={maxN}
      />
    </div>
  );
}
