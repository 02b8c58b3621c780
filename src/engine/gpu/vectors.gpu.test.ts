// Every shared test vector of softmax, swa and linear, in every form the contract
// lists, on the WebGPU engine (f32) against the float64 expected output.
import { describe, expect, it } from 'vitest';
import { loadVectors, maxAbsDiff, toleranceFor, vectorRequests } from '../testing/vectors';
import { GPU_AVAILABLE, testEngine } from './testSetup';

const vectors = loadVectors(['softmax', 'swa', 'linear']);

describe.skipIf(!GPU_AVAILABLE)('WebGPU engine on the shared vectors', () => {
  it('finds the vectors of every variant of this issue', () => {
    const variants = new Set(vectors.map((v) => v.variant));
    expect([...variants].sort()).toEqual(['linear', 'softmax', 'swa']);
  });

  for (const vector of vectors) {
    for (const request of vectorRequests(vector)) {
      it(`${vector.name} ${request.form}`, async () => {
        const engine = await testEngine();
        const result = await engine.run(request);
        expect(result.backend).toBe('webgpu');
        expect(result.o).toBeInstanceOf(Float32Array);
        const bound = toleranceFor(vector.expectedO, vector.tol);
        expect(maxAbsDiff(result.o, vector.expectedO)).toBeLessThanOrEqual(bound);
        if (result.state && vector.expectedState) {
          // The state is informational in the vectors, but where both exist they must agree.
          expect(maxAbsDiff(result.state, vector.expectedState)).toBeLessThanOrEqual(
            toleranceFor(vector.expectedState, vector.tol),
          );
        }
      });
    }
  }
});
