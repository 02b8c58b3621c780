// What lesson 11's lab asks the engine (WebGPU or the CPU worker): the three
// implied maps (HLA, identity-φ linear attention, softmax), HLA's outputs
// (unnormalised, normalised, the normaliser itself, the chunk form) beside
// linear attention's, and the state after token t.
import { useMemo } from 'react';
import type { GeneratedProblem, MatrixHandle } from '../../engine';
import { useEngine, useLatestRun, type LatestRun } from '../../app/engine-host/useEngine';
import { prefixProblem, problemKey, type ProblemInputs } from '../../components/lab/useProblem';

export interface HlaOutputs {
  readonly raw: Float64Array;
  readonly normalized: Float64Array;
  /** The unnormalised output of v ≡ 1: the second-order normaliser u·m_t − q_t·h_t. */
  readonly normalizers: Float64Array;
  readonly chunked: Float64Array;
  /** First-order linear attention (identity φ, unnormalised) on the same q, k, v. */
  readonly linear: Float64Array;
}

export interface HlaRuns {
  readonly hlaMap: LatestRun<MatrixHandle>;
  readonly linearMap: LatestRun<MatrixHandle>;
  readonly softmaxMap: LatestRun<MatrixHandle>;
  readonly outputs: LatestRun<HlaOutputs>;
  /** HLA's recurrent state [S^K, C, G] after token `tokens`. */
  readonly stateRun: LatestRun<Float64Array>;
}

export interface HlaSettings {
  readonly normalize: boolean;
  readonly chunk: number;
  /** The scrubbed token t (1-based). */
  readonly tokens: number;
}

export function useHlaRuns(
  inputs: ProblemInputs,
  problem: GeneratedProblem,
  { normalize, chunk, tokens }: HlaSettings,
): HlaRuns {
  const { engine, epoch, backend } = useEngine();
  const { n, d } = inputs;
  const base = useMemo(
    () => ({ n, dk: d, dv: d, q: problem.q, k: problem.k, v: problem.v }),
    [problem, n, d],
  );
  const key = engine ? `${epoch}|${backend}|${problemKey(inputs)}` : null;

  const hlaMap = useLatestRun<MatrixHandle>(key && `${key}|hla|${normalize}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'hla2', problem: { ...base, params: { normalize } } });
  });
  const linearMap = useLatestRun<MatrixHandle>(key && `${key}|linear|${normalize}`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({
      variant: 'linear',
      problem: { ...base, params: { featureMap: 'identity', normalize } },
    });
  });
  const softmaxMap = useLatestRun<MatrixHandle>(key && `${key}|softmax`, () => {
    if (!engine) throw new Error('no engine');
    return engine.weights({ variant: 'softmax', problem: base });
  });

  const outputs = useLatestRun<HlaOutputs>(key && `${key}|outputs|${chunk}`, async () => {
    if (!engine) throw new Error('no engine');
    const run = async (normalized: boolean) =>
      Float64Array.from(
        (
          await engine.run({
            variant: 'hla2',
            form: 'recurrent',
            problem: { ...base, params: { normalize: normalized } },
          })
        ).o,
      );
    const raw = await run(false);
    const normalized = await run(true);
    const ones = await engine.run({
      variant: 'hla2',
      form: 'recurrent',
      problem: { ...base, dv: 1, v: new Float32Array(n).fill(1) },
    });
    const chunked = await engine.run({
      variant: 'hla2',
      form: 'chunk',
      problem: { ...base, params: { chunkSize: chunk } },
    });
    const linear = await engine.run({
      variant: 'linear',
      form: 'recurrent',
      problem: { ...base, params: { featureMap: 'identity', normalize: false } },
    });
    return {
      raw,
      normalized,
      normalizers: Float64Array.from(ones.o),
      chunked: Float64Array.from(chunked.o),
      linear: Float64Array.from(linear.o),
    };
  });

  // The state after token t: the recurrent form on the first t tokens.
  const stateRun = useLatestRun<Float64Array>(key && `${key}|t${tokens}`, async () => {
    if (!engine) throw new Error('no engine');
    const result = await engine.run({
      variant: 'hla2',
      form: 'recurrent',
      problem: {
        ...prefixProblem(problem, tokens, d),
      },
    });
    if (!result.state) throw new Error('the recurrent form returned no state');
    return Float64Array.from(result.state);
  });

  return { hlaMap, linearMap, softmaxMap, outputs, stateRun };
}
