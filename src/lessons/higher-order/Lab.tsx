// Lesson 11 lab: second-order higher-order linear attention (HLA). The state
// S^K, C, G scrubbed through t with its size against linear attention's and the
// KV cache; the implied n×n maps of HLA, identity-φ linear attention and softmax
// side by side with their errors against softmax; the query seen through the key
// metric (u = q_t S^K_t); the O(t²) growth of the unnormalised output and what the
// second-order normaliser does; the chunk form against the recurrence, and the
// paper's caption formula without its middle term.
import { useCallback } from 'react';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { Toggle } from '../../components/controls/Toggle';
import { keyMetric } from './numbers';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { ChunkCheckSection } from './ChunkCheckSection';
import { GrowthSection } from './GrowthSection';
import { MapsSection } from './MapsSection';
import { MetricSection } from './MetricSection';
import { SizeSection } from './SizeSection';
import { StateSection } from './StateSection';
import { useHlaAnalysis } from './useHlaAnalysis';
import { useHlaRuns } from './useHlaRuns';

/** Largest n of this lab: the Worker's float64 maps (n³/3 for HLA's) and three n×n heatmaps. */
export const HLA_MAX_N = 512;
/** Chunk sizes offered (the view's chunk field: powers of two). */
const CHUNK_SIZES = [8, 16, 32, 64, 128, 256];

export default function HigherOrderLab() {
  const t = useT();
  const { maxN, backend } = useEngine();
  const normalize = useViewStore((s) => s.normalize);
  const storeT = useViewStore((s) => s.t);
  const chunk = useViewStore((s) => s.chunk);
  const setView = useViewStore((s) => s.setView);
  const cap = Math.min(HLA_MAX_N, maxN ?? HLA_MAX_N);
  const inputs = useProblemInputs(cap);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  const tokens = Math.max(1, Math.min(storeT, n));
  const { hlaMap, linearMap, softmaxMap, outputs, stateRun } = useHlaRuns(inputs, problem, {
    normalize,
    chunk,
    tokens,
  });
  const { run: analysisRun, progress } = useHlaAnalysis(inputs, normalize, chunk);
  const analysis = analysisRun.pending ? undefined : analysisRun.value;
  const onTChange = useCallback((value: number) => setView({ t: value }), [setView]);
  const out = outputs.pending ? undefined : outputs.value;
  const stateNow = stateRun.pending ? undefined : stateRun.value;
  const metric = stateNow
    ? keyMetric(problem.q.subarray((tokens - 1) * d, tokens * d), stateNow, d)
    : undefined;

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'temperature', 'locality', 'clustering', 'seed']} maxN={cap} />
      <StoreSlider
        field="chunk"
        label={t('hla.chunk.size')}
        grid={CHUNK_SIZES}
        format={(value) => String(value)}
        testId="hla-chunk"
      />
      <Toggle
        label={t('hla.normalize')}
        checked={normalize}
        onChange={(value) => setView({ normalize: value })}
        testId="hla-normalize"
      />
      <EngineErrorNote
        error={
          hlaMap.error ??
          linearMap.error ??
          softmaxMap.error ??
          outputs.error ??
          stateRun.error ??
          analysisRun.error
        }
      />
      {analysisRun.pending && (
        <label className={styles.note}>
          {t('hla.analysis.progress')}
          <progress
            className={styles.progress}
            max={1}
            value={progress}
            data-testid="hla-analysis-progress"
          />
        </label>
      )}
      <SizeSection n={n} d={d} tokens={tokens} normalize={normalize} />
      <StateSection
        stateRun={stateRun}
        analysis={analysisRun.value}
        n={n}
        d={d}
        tokens={tokens}
        onTChange={onTChange}
      />
      <MapsSection
        runs={{ hla: hlaMap, linear: linearMap, softmax: softmaxMap }}
        comparison={analysis}
        normalize={normalize}
        n={n}
      />
      <MetricSection metric={metric} comparison={analysis} n={n} tokens={tokens} />
      <GrowthSection out={out} n={n} d={d} tokens={tokens} />
      <ChunkCheckSection out={out} captionError={analysis?.captionError} chunk={chunk} backend={backend} />
    </div>
  );
}
