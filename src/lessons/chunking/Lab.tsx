// Lesson 7 lab: the chunk form between the recurrent and the parallel forms.
// The variant's attention map with the chunks drawn over it (intra-chunk
// blocks, inter-chunk parts read from the state, the state passed between
// chunks), a chunk-size slider, how many sequential steps each form takes, the
// chunk form checked against the recurrent one, and the three forms timed on
// the reader's device as n and the chunk size change (through the timing lab's
// runner, components/timing-chart/useSweepRunner: timestamp queries where the
// device has them, warm-up, median of ≥ 5 runs, no read-back timed; progress and cancel).
import { chunkCount } from '../../components/chunk-diagram/ChunkOverlay';
import { StoreSlider } from '../../components/controls/StoreSlider';
import { GateControls, variantLabel } from '../../components/decay-mask/GateControls';
import { gateSetup, isGatedVariantId } from '../../components/decay-mask/gates';
import { useEngine } from '../../app/engine-host/useEngine';
import { useT } from '../../i18n';
import { EngineErrorNote } from '../../components/lab/EngineErrorNote';
import { InputControls } from '../../components/lab/InputControls';
import { Readout } from '../../components/lab/Readout';
import { useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { ChunkMapSection } from './ChunkMapSection';
import { ChunkTimingSection } from './ChunkTimingSection';
import { structureItems } from './structureItems';
import { useChunkingRuns } from './useChunkingRuns';
import { useChunkTiming } from './useChunkTiming';

/** Largest n of the map (an n×n matrix is formed for the picture). */
export const CHUNKING_MAX_N = 2048;

export default function ChunkingLab() {
  const t = useT();
  const { engine, maxN } = useEngine();
  const storeVariant = useViewStore((s) => s.variant);
  const variant = isGatedVariantId(storeVariant) ? storeVariant : 'retnet';
  const gamma = useViewStore((s) => s.gamma);
  const gate = useViewStore((s) => s.gate);
  const gateStrength = useViewStore((s) => s.gateStrength);
  const forgetAt = useViewStore((s) => s.forgetAt);
  const beta = useViewStore((s) => s.beta);
  const chunk = useViewStore((s) => s.chunk);
  const sweepMaxN = useViewStore((s) => s.sweepMaxN);
  const sweepBudgetS = useViewStore((s) => s.sweepBudgetS);
  const labMaxN = Math.min(CHUNKING_MAX_N, maxN ?? CHUNKING_MAX_N);
  const inputs = useProblemInputs(labMaxN);
  const problem = useProblem(inputs);
  const { n, d, seed } = inputs;
  const gateView = { variant, d, seed, gamma, gate, gateStrength, forgetAt, beta };
  const setup = gateSetup({ ...gateView, n });
  const gateKey = `${variant}|${gamma}|${gate}|${gateStrength}|${forgetAt}|${beta}`;
  const { weights, agreement, onMapPainted } = useChunkingRuns(
    inputs,
    problem,
    variant,
    setup,
    gateKey,
    chunk,
  );
  const timing = useChunkTiming({
    gateView,
    params: setup.params,
    n,
    chunk,
    sweepMaxN,
    sweepBudgetS,
    maxN,
  });

  const chunks = chunkCount(n, chunk);
  const name = variantLabel(variant);
  const diff = agreement.pending ? undefined : agreement.value;

  return (
    <div className={styles.lab}>
      <GateControls variant={variant} n={n} />
      <div className={styles.controls}>
        <StoreSlider
          field="chunk"
          label={t('chunking.chunk')}
          hint={t('chunking.chunkHint', { chunks })}
          testId="chunk-slider"
        />
      </div>
      <InputControls show={['n', 'd', 'seed']} maxN={labMaxN} />
      <Readout computingText={t('view.computing')} items={structureItems(t, { n, d, chunk, chunks }, diff)} />
      <EngineErrorNote error={weights.error ?? agreement.error} />
      <ChunkMapSection
        weights={weights}
        onMapPainted={onMapPainted}
        variant={variant}
        name={name}
        n={n}
        d={d}
        chunk={chunk}
        chunks={chunks}
      />
      <ChunkTimingSection
        timing={timing}
        canRun={!!engine}
        name={name}
        n={n}
        d={d}
        chunk={chunk}
        sweepBudgetS={sweepBudgetS}
      />
    </div>
  );
}
