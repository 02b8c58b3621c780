// What lesson 7's lab asks the engine: the gated variant's attention map, and
// (once that map is on screen) the chunk form against the recurrent one.
import type { GeneratedProblem, MatrixHandle } from '../../engine';
import { useEngine, useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import type { GateSetup, GatedVariantId } from '../../components/decay-mask/gates';
import { problemKey, type ProblemInputs } from '../../components/lab/useProblem';
import { useSettledKey } from '../../components/lab/useSettledKey';

export interface ChunkingRuns {
  readonly weights: LatestRun<MatrixHandle>;
  /** Largest |chunk − recurrent| over the outputs. */
  readonly agreement: LatestRun<number>;
  /** The map's onPainted: starts the agreement check for the key it was drawn for. */
  readonly onMapPainted: (key: string | null) => void;
}

export function useChunkingRuns(
  inputs: ProblemInputs,
  problem: GeneratedProblem,
  variant: GatedVariantId,
  setup: GateSetup,
  /** Everything about the gates the runs depend on. */
  gateKey: string,
  chunk: number,
): ChunkingRuns {
  const { engine, epoch, backend } = useEngine();
  const { d } = inputs;
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}|${gateKey}` : null;
  const engineProblem = { ...problem, dk: d, dv: d, inputs: setup.inputs };

  const weights = useLatestRun<MatrixHandle>(key, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant, problem: { ...engineProblem, params: setup.params } });
  });
  // The chunk form against the recurrent one waits until the map is on screen.
  const [settledKey, onMapPainted] = useSettledKey(key);
  const agreement = useLatestRun<number>(settledKey && `${settledKey}|c${chunk}`, async () => {
    if (!engine) throw new Error('no engine');
    const chunked = await engine.run({
      variant,
      form: 'chunk',
      problem: { ...engineProblem, params: { ...setup.params, chunkSize: chunk } },
    });
    const recurrent = await engine.run({
      variant,
      form: 'recurrent',
      problem: { ...engineProblem, params: setup.params },
    });
    let maxAbsDiff = 0;
    for (let i = 0; i < chunked.o.length; i++) {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(chunked.o[i] - recurrent.o[i]));
    }
    return maxAbsDiff;
  });
  return { weights, agreement, onMapPainted };
}
