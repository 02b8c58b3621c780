// Lesson 4 lab: linear attention as an RNN. Step through tokens and watch the
// state S_t fill (the engine's recurrent form run on the first t tokens), its
// norm over t, the KV cache against the fixed-size state as n grows, and the
// parallel and recurrent forms giving the same outputs.
import { useCallback } from 'react';
import {
  kvCacheBytes,
  linearStateBytes,
  hostMatrix,
  STATE_TRACE_BUDGET,
  type MatrixHandle,
} from '../../engine';
import { LineChart } from '../../components/charts/LineChart';
import { Segmented } from '../../components/controls/Segmented';
import { formatBytes, formatN, formatNumber } from '../../components/format';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { prefixProblem, problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { StateMatrixView } from '../../components/state-matrix/StateMatrixView';
import type { FeatureMapId } from '../../state/types';
import { useViewStore } from '../../state/store';

const FEATURE_MAPS: readonly FeatureMapId[] = ['elu1', 'relu', 'identity'];

function frobenius(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

export default function RnnLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const featureMap = useViewStore((s) => s.featureMap);
  const storeT = useViewStore((s) => s.t);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(maxN);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  const tokens = Math.max(1, Math.min(storeT, n));
  const normalize = featureMap !== 'identity';
  const params = { causal: true, featureMap, normalize };
  const baseKey = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${featureMap}` : null;

  // S_t: the recurrent form run on the first t tokens; its final state is S_t.
  const stateRun = useLatestRun<MatrixHandle>(baseKey && `${baseKey}|t${tokens}`, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({
      variant: 'linear',
      form: 'recurrent',
      problem: {
        ...prefixProblem(problem, tokens, d),
        params,
      },
    });
    if (!result.state) throw new Error('the recurrent form returned no state');
    return hostMatrix(result.state.slice(0, d * d), d, d);
  });

  // Parallel against recurrent on the whole sequence.
  const agreement = useLatestRun<{ maxAbsDiff: number; parallelMs: number; recurrentMs: number }>(
    baseKey,
    async () => {
      if (!engine) throw new Error('no engine');
      const engineProblem = { ...problem, dk: d, dv: d, params };
      const parallel = await engine.run({ variant: 'linear', form: 'parallel', problem: engineProblem });
      const recurrent = await engine.run({ variant: 'linear', form: 'recurrent', problem: engineProblem });
      let maxAbsDiff = 0;
      for (let i = 0; i < parallel.o.length; i++) {
        maxAbsDiff = Math.max(maxAbsDiff, Math.abs(parallel.o[i] - recurrent.o[i]));
      }
      return { maxAbsDiff, parallelMs: parallel.ms, recurrentMs: recurrent.ms };
    },
  );

  // ‖S_t‖_F for every t from the float64 reference, in the analysis worker (null: too big to trace).
  const traceable = n * d * d <= STATE_TRACE_BUDGET;
  const trace = useAnalysis('linearStateNorms', traceable ? { inputs, featureMap } : null);
  const norms = traceable ? (trace.result ?? []) : null;

  const onTChange = useCallback((value: number) => setView({ t: value }), [setView]);
  const kvBytes = kvCacheBytes(tokens, d, d);
  const stateBytes = linearStateBytes(d, d, normalize);
  const state = stateRun.pending ? undefined : stateRun.value;
  const grid: number[] = [];
  for (let x = 8; x <= 1048576; x *= 2) grid.push(x);
  const agree = agreement.pending ? undefined : agreement.value;

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'seed']} maxN={maxN} />
      <Segmented
        label={t('reorder.featureMap')}
        value={featureMap}
        options={FEATURE_MAPS.map((value) => ({ value, label: t(`reorder.map.${value}`) }))}
        onChange={(value) => setView({ featureMap: value })}
        testId="feature-map"
      />
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'state-norm',
            label: t('rnn.stateNorm', { t: tokens }),
            text: state ? formatNumber(frobenius(state.host ?? [])) : null,
            value: state ? frobenius(state.host ?? []) : undefined,
          },
          {
            name: 'kv-bytes',
            label: t('rnn.kvBytes', { t: tokens }),
            text: formatBytes(kvBytes),
            value: kvBytes,
            detail: t('rnn.kvDetail', { t: tokens, d }),
          },
          {
            name: 'state-bytes',
            label: t('rnn.stateBytes'),
            text: formatBytes(stateBytes),
            value: stateBytes,
            detail: t(normalize ? 'rnn.stateDetail' : 'rnn.stateDetailNoZ', { d }),
          },
          {
            name: 'max-diff',
            label: t('rnn.maxDiff'),
            text: agree ? formatNumber(agree.maxAbsDiff) : null,
            value: agree?.maxAbsDiff,
            detail: t('rnn.maxDiffDetail', { n }),
          },
        ]}
      />
      <EngineErrorNote error={stateRun.error ?? agreement.error} />
      <StateMatrixView
        state={stateRun.value ?? null}
        t={tokens}
        n={n}
        onTChange={onTChange}
        norms={norms ?? []}
        pending={stateRun.pending}
      />
      {norms === null && <p className={styles.note}>{t('rnn.traceTooBig')}</p>}
      <LineChart
        title={t('rnn.memoryTitle')}
        series={[
          { id: 'kv', label: t('rnn.kvSeries'), points: grid.map((x) => ({ x, y: kvCacheBytes(x, d, d) })) },
          {
            id: 'state',
            label: t('rnn.stateSeries'),
            dashed: true,
            points: grid.map((x) => ({ x, y: linearStateBytes(d, d, normalize) })),
          },
        ]}
        xLabel={t('rnn.tokensAxis')}
        yLabel={t('wall.bytes')}
        xAxis="log2"
        yAxis="log2"
        formatX={formatN}
        formatY={formatBytes}
        markerX={n}
        testId="memory-chart"
      />
    </div>
  );
}
