// Lesson 6 lab: gates and decay. Pick a gated variant and its gate; see the
// decay mask the gates imply beside the weights the variant applies, how long a
// write survives (memory horizon, per channel for vector gates), the state S_t
// scrubbed through t with its norm, and for the delta rule the overwrite demo.
import { useCallback, useMemo } from 'react';
import { hostMatrix, STATE_TRACE_BUDGET, type MatrixHandle } from '../../engine';
import { GateControls, variantLabel } from '../../components/decay-mask/GateControls';
import { DecayMaskPair } from './GatingViews';
import {
  decayMask,
  gateControlsOf,
  gateSetup,
  inputsForPrefix,
  isGatedVariantId,
} from '../../components/decay-mask/gates';
import { formatNumber } from '../../components/format';
import { useAnalysis } from '../../app/engine-host/useAnalysis';
import { useEngine, useLatestRun } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { prefixProblem, problemKey, useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { MemoryHorizon } from './MemoryHorizon';
import { OverwriteDemo } from './OverwriteDemo';
import { StateMatrixView } from '../../components/state-matrix/StateMatrixView';
import { useViewStore } from '../../state/store';

/** Largest n of this lab: the decay mask is formed on the main thread (n²/2 · channels exponentials). */
export const GATING_MAX_N = 512;
/** The token whose write the memory horizon follows. */
const HORIZON_TOKEN = 1;

function frobenius(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/** Mean of the mask over the kept (causal) cells. */
function causalMean(mask: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) sum += mask[i * n + j];
  return sum / ((n * (n + 1)) / 2);
}

export default function GatingLab() {
  const t = useT();
  const { engine, epoch, maxN, backend } = useEngine();
  const storeVariant = useViewStore((s) => s.variant);
  const variant = isGatedVariantId(storeVariant) ? storeVariant : 'retnet';
  const gamma = useViewStore((s) => s.gamma);
  const gate = useViewStore((s) => s.gate);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const forgetAt = useViewStore((s) => s.forgetAt);
  const beta = useViewStore((s) => s.beta);
  const storeT = useViewStore((s) => s.t);
  const setView = useViewStore((s) => s.setView);
  const inputs = useProblemInputs(Math.min(GATING_MAX_N, maxN ?? GATING_MAX_N));
  const problem = useProblem(inputs);
  const { n, d, seed } = inputs;
  const controls = gateControlsOf(variant);
  const setup = useMemo(
    () => gateSetup({ variant, n, d, seed, gamma, gate, gateStrength, forgetAt, beta }),
    [variant, n, d, seed, gamma, gate, gateStrength, forgetAt, beta],
  );
  const gateKey = `${variant}|${gamma}|${gate}|${gateStrength}|${forgetAt}|${beta}`;
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${gateKey}` : null;
  const engineProblem = { ...problem, dk: d, dv: d, params: setup.params, inputs: setup.inputs };
  const tokens = Math.max(1, Math.min(storeT, n));

  const weights = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant, problem: engineProblem });
  });

  // S_t: the recurrent form run on the first t tokens; its final state is S_t.
  const stateRun = useLatestRun<MatrixHandle>(key && `${key}|t${tokens}`, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({
      variant,
      form: 'recurrent',
      problem: {
        ...prefixProblem(problem, tokens, d),
        params: setup.params,
        inputs: inputsForPrefix(setup, tokens),
      },
    });
    if (!result.state) throw new Error('the recurrent form returned no state');
    return hostMatrix(result.state.slice(0, d * d), d, d);
  });

  const maskData = useMemo(() => decayMask(setup.logGates, n, setup.channels), [setup, n]);
  const mask = useMemo(() => hostMatrix(maskData, n, n), [maskData, n]);
  const maskMean = useMemo(() => causalMean(maskData, n), [maskData, n]);
  // ‖S_t‖ for every t, in the analysis worker (null: too big to trace).
  const traceable = n * d * d <= STATE_TRACE_BUDGET;
  const traceSettings = useMemo(
    () => (traceable ? { variant, inputs, params: setup.params, extraInputs: setup.inputs } : null),
    [traceable, variant, inputs, setup],
  );
  const trace = useAnalysis('gatedStateNorms', traceSettings);
  const norms = traceable ? (trace.result ?? []) : null;
  const onTChange = useCallback((value: number) => setView({ t: value }), [setView]);
  const state = stateRun.pending ? undefined : stateRun.value;
  const stateNorm = state?.host ? frobenius(state.host) : undefined;
  const name = variantLabel(variant);
  const maskAtT = maskData[(tokens - 1) * n];

  return (
    <div className={styles.lab}>
      <GateControls variant={variant} n={n} />
      <InputControls show={['n', 'd', 'seed']} maxN={Math.min(GATING_MAX_N, maxN ?? GATING_MAX_N)} />
      <Readout
        computingText={t('view.computing')}
        items={[
          {
            name: 'decay-mean',
            label: t('gating.readout.maskMean'),
            text: formatNumber(maskMean, 4),
            value: maskMean,
            detail: t('gating.readout.maskMeanDetail', { n }),
          },
          {
            name: 'decay-first',
            label: t('gating.readout.firstAtT', { t: tokens }),
            text: formatNumber(maskAtT, 4),
            value: maskAtT,
            detail: t(controls.perChannel ? 'gating.readout.meanChannels' : 'gating.readout.firstDetail'),
          },
          {
            name: 'state-norm',
            label: t('gating.readout.stateNorm', { t: tokens }),
            text: stateNorm !== undefined ? formatNumber(stateNorm) : null,
            value: stateNorm,
          },
        ]}
      />
      <EngineErrorNote error={weights.error ?? stateRun.error} />
      {/* The delta rule's steps are about the overwrite: it comes first for them. */}
      {controls.beta && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{t('gating.overwrite.title')}</h3>
          <p className={styles.note}>{t('gating.overwrite.intro', { beta })}</p>
          <OverwriteDemo seed={seed} d={d} beta={beta} />
        </div>
      )}
      <DecayMaskPair
        mask={mask}
        weights={weights.value ?? null}
        pending={weights.pending}
        variantName={name}
        n={n}
        perChannel={controls.perChannel}
      />
      <MemoryHorizon
        logGates={setup.logGates}
        n={n}
        channels={setup.channels}
        j={HORIZON_TOKEN}
        noDecay={variant === 'deltanet'}
      />
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t('gating.state.title', { variant: name })}</h3>
        <StateMatrixView
          state={stateRun.value ?? null}
          t={tokens}
          n={n}
          onTChange={onTChange}
          norms={norms ?? []}
          pending={stateRun.pending}
        />
        {norms === null && <p className={styles.note}>{t('gating.state.traceTooBig')}</p>}
      </div>
    </div>
  );
}
