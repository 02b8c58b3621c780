// Every shared vector of the variants this build implements, in every form the
// contract lists, on the CPU backend, under the contract's pass rule.
import { describe, expect, it } from 'vitest';
import { runCpu } from './cpu';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests, VECTOR_CHUNK_SIZE } from './testing/vectors';
import { getVariant, implementedVariants } from './variants/registry';

const vectors = loadVectors(implementedVariants.map((d) => d.id));

describe('shared vectors on the CPU backend', () => {
  it('finds the vectors of every implemented variant', () => {
    expect(vectors.map((v) => v.name)).toEqual([
      'based-basic',
      'cosformer-basic',
      'deltanet-basic',
      'focused-p3',
      'gated-deltanet-basic',
      'gla-basic',
      'hedgehog-r8',
      'hla2-basic',
      'infini-seg16',
      'inline-identity',
      'linear-elu1',
      'linear-identity-noncausal',
      'linformer-k8',
      'mamba2-basic',
      'mamba2-n70',
      'nystrom-m8',
      'performer-m16',
      'rala-basic',
      'retnet-default',
      'rwkv6-basic',
      'softmax-causal',
      'softmax-noncausal',
      'swa-w5',
      'swa-w8',
    ]);
  });

  for (const vector of vectors) {
    for (const request of vectorRequests(vector)) {
      it(`${vector.name} (${vector.note}) ${request.form}`, () => {
        const result = runCpu(request);
        expect(result.o).toHaveLength(vector.expectedO.length);
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(
          toleranceFor(vector.expectedO, vector.tol),
        );
        // The float64 oracle should in fact agree far beyond the f32 tolerance.
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThan(1e-9);
        if (vector.expectedState) {
          expect(result.state).toBeDefined();
          expect(maxAbsDiff(result.state as Float64Array, vector.expectedState)).toBeLessThan(1e-9);
        } else {
          expect(result.state).toBeUndefined();
        }
        if (request.form === 'chunk') expect(request.problem.params?.chunkSize).toBe(VECTOR_CHUNK_SIZE);
      });
    }
  }

  // The README prescribes chunkSize 16; the chunk form must pass at any size,
  // including 1 (pure recurrence), sizes that do not divide n, and sizes ≥ n.
  for (const vector of vectors.filter((v) => getVariant(v.variant).forms.includes('chunk'))) {
    it(`${vector.name} chunk at chunkSize 1, 5, 7, 32, 64 (default), 1000`, () => {
      for (const chunkSize of [1, 5, 7, 32, undefined, 1000]) {
        const params =
          chunkSize === undefined ? vector.problem.params : { ...vector.problem.params, chunkSize };
        const result = runCpu({
          variant: vector.variant,
          form: 'chunk',
          problem: { ...vector.problem, params },
        });
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThan(1e-9);
      }
    });
  }
});
