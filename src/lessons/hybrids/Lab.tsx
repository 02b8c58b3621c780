// Lesson 12 lab: Infini-attention segment by segment (the implied map from the
// engine, the memory branch's share of every token's output, the gate), its
// fixed memory against a growing KV cache, and a sliding-window + linear hybrid
// whose branch shares show how much each branch supplies.
import { useEngine } from '../../app/engine-host/useEngine';
import { InputControls } from '../../components/lab/InputControls';
import { useProblem, useProblemInputs } from '../../components/lab/useProblem';
import styles from '../../components/lab/Lab.module.css';
import { useViewStore } from '../../state/store';
import { HybridsControls } from './HybridsControls';
import { HybridStep } from './HybridStep';
import { InfiniStep } from './InfiniStep';
import { meta } from './meta';
import { useHybridAnalysis } from './useHybridAnalysis';
import { useInfiniRuns } from './useInfiniRuns';

/** Largest n of this lab: the branch shares are computed in float64 (in the analysis worker). */
export const HYBRIDS_MAX_N = 1024;

export default function HybridsLab() {
  const { maxN, backend } = useEngine();
  const stepIndex = useViewStore((s) => s.step);
  const segment = useViewStore((s) => s.chunk);
  const mix = useViewStore((s) => s.mix);
  const window = useViewStore((s) => s.window);
  const stepId = meta.steps[stepIndex]?.id ?? 'segments';
  const hybridStep = stepId === 'hybrid' || stepId === 'imbalance';
  const cap = Math.min(HYBRIDS_MAX_N, maxN ?? HYBRIDS_MAX_N);
  const inputs = useProblemInputs(cap);
  const problem = useProblem(inputs);
  const { n, d } = inputs;
  // One field, two readings: β (the gate's logit) for Infini-attention, ln λ for the hybrid.
  const infini = useInfiniRuns(inputs, problem, { segment, beta: mix }, !hybridStep);
  const lambda = Math.exp(mix);
  const hybrid = useHybridAnalysis(inputs, { window, lambda }, hybridStep);

  return (
    <div className={styles.lab}>
      <InputControls show={['n', 'd', 'locality', 'seed']} maxN={cap} />
      <HybridsControls
        hybridStep={hybridStep}
        window={window}
        segments={Math.ceil(n / segment)}
        gate={infini.gate}
        lambda={lambda}
      />
      {hybridStep ? (
        <HybridStep analysis={hybrid} n={n} window={window} lambda={lambda} logLambda={mix} />
      ) : (
        <InfiniStep
          runs={infini}
          memoryStep={stepId === 'memory'}
          n={n}
          d={d}
          segment={segment}
          backend={backend}
        />
      )}
    </div>
  );
}
