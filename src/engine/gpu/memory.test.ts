// Which WebGPU errors lower the memory budget: size errors do, kernel faults do not.
import { describe, expect, it } from 'vitest';
import { isSizeError } from './memory';

class GPUOutOfMemoryError {
  constructor(readonly message: string) {}
}

describe('isSizeError', () => {
  it('counts out-of-memory and over-the-limit buffers as size errors', () => {
    expect(isSizeError(new GPUOutOfMemoryError('Allocation failed'))).toBe(true);
    expect(isSizeError({ message: 'Out of memory while allocating the buffer' })).toBe(true);
    expect(
      isSizeError({ message: 'Buffer size (17179869184) exceeds the max buffer size limit (2147483648).' }),
    ).toBe(true);
    expect(
      isSizeError({
        message:
          'Binding size (4294967296) is larger than the maximum storage buffer binding size (2147483644).',
      }),
    ).toBe(true);
  });

  it('does not count shader and pipeline faults: no smaller n would fix them', () => {
    expect(
      isSizeError({ message: "Error while parsing WGSL: :71:7 error: 'active' is a reserved keyword" }),
    ).toBe(false);
    expect(isSizeError({ message: '[Invalid ShaderModule (unlabeled)] is invalid.' })).toBe(false);
    expect(isSizeError({ message: '[Invalid ComputePipeline "hla2 blockScan"] is invalid.' })).toBe(false);
  });
});
