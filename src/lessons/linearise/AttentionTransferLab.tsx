// Lesson 13's lab: attention transfer, live. Fits Hedgehog's W by Adam so that
// causal linear attention reproduces causal softmax attention on the seeded
// inputs; shows the loss curve, softmax's map beside the implied map, the error
// numbers (also elu+1's, and the fitted W on held-out tokens) and W itself,
// exportable as CSV or JSON.
import { useMemo } from 'react';
import type { FitSettings } from '../../engine';
import { useViewStore } from '../../state/store';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { FitControls } from './FitControls';
import { fitItems, referenceItems, startItems } from './fitItems';
import { FitMaps } from './FitMaps';
import { FitTransport } from './FitTransport';
import { LossCurve } from './LossCurve';
import { useFit } from './useFit';
import { useFitReferences } from './useFitReferences';
import { WeightsSection } from './WeightsSection';

/** Largest n of this lab: each step is O(n²·(2r + d)) on the CPU fallback. */
export const LINEARISE_MAX_N = 256;

export function AttentionTransferLab() {
  const t = useT();
  const { device, backend: engineBackend, epoch, status } = useEngine();
  const rank = useViewStore((s) => s.rank);
  const fitLoss = useViewStore((s) => s.fitLoss);
  const lr = useViewStore((s) => s.lr);
  const inputs = useProblemInputs(LINEARISE_MAX_N);
  const settings: FitSettings = useMemo(() => ({ r: rank, loss: fitLoss, lr }), [rank, fitLoss, lr]);
  const gpuDevice = engineBackend === 'webgpu' ? device : null;
  const fit = useFit(inputs, settings, gpuDevice, epoch, status === 'ready');
  const { snapshot, history } = fit;
  const { n } = inputs;
  // The fitted W on held-out tokens: measured while the fit rests (not every frame of play).
  const references = useFitReferences(inputs, rank, fit.running ? null : (snapshot?.w ?? null));

  const step = snapshot?.step ?? null;
  const start = history[0];
  const now = snapshot ? snapshot.points[snapshot.points.length - 1] : undefined;
  const backendName =
    fit.backend === 'webgpu'
      ? t('linearise.backend.gpu')
      : fit.backend === 'cpu'
        ? t('linearise.backend.cpu')
        : null;
  const lossName = t(fitLoss === 'output' ? 'linearise.loss.output' : 'linearise.loss.weights');

  return (
    <div className={styles.lab}>
      <FitControls />
      <InputControls
        show={['n', 'd', 'temperature', 'locality', 'clustering', 'seed']}
        maxN={LINEARISE_MAX_N}
      />
      <FitTransport fit={fit} backendName={backendName} />
      <h3 className={styles.sectionTitle}>{t('linearise.readout.fitTitle')}</h3>
      <Readout
        computingText={t('view.computing')}
        items={fitItems(t, fit, { step, start, now, backendName, lossName })}
      />
      {/* Hidden twins of the step-0 numbers, for the prose's <Value> and the tests. */}
      <Readout computingText={t('view.computing')} items={startItems(t, start, lossName)} />
      <FitMaps softmaxMap={references.softmaxMap} snapshot={snapshot} n={n} rank={rank} />
      <LossCurve history={history} lossName={lossName} step={step} />
      <h3 className={styles.sectionTitle}>{t('linearise.readout.refTitle')}</h3>
      <Readout computingText={t('view.computing')} items={referenceItems(t, references, fit.running, step)} />
      <p className={styles.note}>{t('linearise.heldOutNote', { from: n + 1, to: 2 * n })}</p>
      <WeightsSection fit={fit} inputs={inputs} settings={settings} />
    </div>
  );
}
