import { describe, expect, it } from 'vitest';
import { EngineError } from '../types';
import {
  attentionMatrixBytes,
  attentionPairs,
  flopCount,
  gpuBufferSizes,
  kvCacheBytes,
  linearStateBytes,
  memoryFootprint,
  productOrderFlops,
} from './cost';

/** Brute-force count of the (i, j) pairs a mask keeps. */
function countPairs(n: number, causal: boolean, window: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (!causal || (j <= i && j > i - window)) count++;
  return count;
}

describe('attentionPairs', () => {
  it('matches a brute-force count', () => {
    for (const n of [1, 2, 7, 64, 100]) {
      for (const window of [1, 3, 64, Infinity]) {
        expect(attentionPairs(n, true, window)).toBe(countPairs(n, true, window));
      }
      expect(attentionPairs(n, false)).toBe(n * n);
    }
  });
});

describe('flopCount', () => {
  it('softmax: 2·pairs·(dk + dv) in every form', () => {
    const dims = { n: 1024, dk: 64, dv: 32 };
    const expected = ((1024 * 1025) / 2) * 2 * (64 + 32);
    for (const form of ['parallel', 'recurrent', 'flash'] as const)
      expect(flopCount('softmax', form, dims)).toBe(expected);
    expect(flopCount('softmax', 'parallel', dims, { causal: false })).toBe(1024 * 1024 * 2 * 96);
  });

  it('swa: grows linearly in n once n exceeds the window', () => {
    const at = (n: number) => flopCount('swa', 'flash', { n, dk: 16, dv: 16 }, { window: 64 });
    expect(at(2048) - at(1024)).toBe(1024 * 64 * 2 * 32);
  });

  it('heads multiply every count', () => {
    const one = flopCount('linear', 'chunk', { n: 100, dk: 8, dv: 8 });
    expect(flopCount('linear', 'chunk', { n: 100, dk: 8, dv: 8, heads: 12 })).toBe(12 * one);
  });

  it('linear recurrent: 4·n·r·(dv + 1) normalised, 4·n·r·dv unnormalised', () => {
    expect(flopCount('linear', 'recurrent', { n: 1000, dk: 64, dv: 64 })).toBe(4 * 1000 * 64 * 65);
    expect(flopCount('linear', 'recurrent', { n: 1000, dk: 64, dv: 64 }, { normalize: false })).toBe(
      4 * 1000 * 64 * 64,
    );
  });

  it('linear parallel is quadratic, recurrent linear, chunk in between', () => {
    const dims = { n: 4096, dk: 64, dv: 64 };
    const parallel = flopCount('linear', 'parallel', dims);
    const recurrent = flopCount('linear', 'recurrent', dims);
    const chunk = flopCount('linear', 'chunk', dims, { chunkSize: 64 });
    expect(parallel).toBe(((4096 * 4097) / 2) * 2 * (64 + 65));
    expect(chunk).toBeGreaterThan(recurrent);
    expect(chunk).toBeLessThan(parallel);
    // Doubling n doubles the recurrent and chunk cost, about quadruples the parallel one.
    const doubled = { ...dims, n: 8192 };
    expect(flopCount('linear', 'recurrent', doubled) / recurrent).toBe(2);
    expect(flopCount('linear', 'chunk', doubled, { chunkSize: 64 }) / chunk).toBe(2);
    expect(flopCount('linear', 'parallel', doubled) / parallel).toBeCloseTo(4, 2);
  });

  it('linear chunk counts a short last chunk exactly', () => {
    // n = 10, C = 4: chunks of 4, 4, 2 tokens; r = dv = 1, unnormalised.
    const intra = (c: number) => ((c * (c + 1)) / 2) * 2 * 2;
    const expected = intra(4) + intra(4) + intra(2) + 10 * 4;
    expect(flopCount('linear', 'chunk', { n: 10, dk: 1, dv: 1 }, { chunkSize: 4, normalize: false })).toBe(
      expected,
    );
  });

  it('rejects variants without a model and forms a variant lacks', () => {
    expect(() => flopCount('retnet', 'chunk', { n: 8, dk: 8, dv: 8 })).toThrow(EngineError);
    expect(() => flopCount('linear', 'flash', { n: 8, dk: 8, dv: 8 })).toThrow(
      'linear attention has no flash form',
    );
  });
});

describe('lesson models', () => {
  it('lesson 2: (QKᵀ)V costs 2n²(dk + dv), Q(KᵀV) costs 4·n·dk·dv', () => {
    expect(productOrderFlops(1024, 64, 64)).toEqual({
      scoresFirst: 2 * 1024 ** 2 * 128,
      stateFirst: 4 * 1024 * 64 * 64,
    });
    // They agree with the non-causal identity forms of linear attention.
    const dims = { n: 1024, dk: 64, dv: 64 };
    const identity = { causal: false, normalize: false };
    expect(flopCount('linear', 'parallel', dims, identity)).toBe(productOrderFlops(1024, 64, 64).scoresFirst);
    expect(flopCount('linear', 'recurrent', dims, identity)).toBe(productOrderFlops(1024, 64, 64).stateFirst);
  });

  it('lesson 1: the n×n matrix in bytes', () => {
    expect(attentionMatrixBytes(4096)).toBe(64 * 2 ** 20);
    expect(attentionMatrixBytes(1000, 8, 2)).toBe(16_000_000);
  });

  it('lesson 4: the KV cache grows with t, the state does not', () => {
    expect(kvCacheBytes(1, 64, 64)).toBe(512);
    expect(kvCacheBytes(1000, 64, 64)).toBe(512_000);
    expect(linearStateBytes(64, 64)).toBe((64 * 64 + 64) * 4);
    expect(linearStateBytes(64, 64, false, 8)).toBe(64 * 64 * 8);
  });
});

describe('memoryFootprint', () => {
  const dims = { n: 2048, dk: 64, dv: 64, heads: 2 };

  it('parallel forms hold the n×n matrix; flash and the state forms do not', () => {
    const parallel = memoryFootprint('softmax', 'parallel', dims);
    expect(parallel.materializesMatrix).toBe(true);
    expect(parallel.workBytes).toBe(2 * 2048 * 2048 * 4);
    expect(parallel.inputBytes).toBe(2 * 2048 * 192 * 4);
    expect(parallel.outputBytes).toBe(2 * 2048 * 64 * 4);
    expect(parallel.totalBytes).toBe(parallel.inputBytes + parallel.outputBytes + parallel.workBytes);
    expect(memoryFootprint('softmax', 'flash', dims).workBytes).toBe(2 * 2 * 2048 * 4);
    expect(memoryFootprint('softmax', 'recurrent', dims).workBytes).toBe(2 * kvCacheBytes(2048, 64, 64));
    expect(memoryFootprint('linear', 'recurrent', dims).workBytes).toBe(2 * linearStateBytes(64, 64));
    expect(memoryFootprint('linear', 'chunk', dims, { chunkSize: 32 }).workBytes).toBe(
      2 * (linearStateBytes(64, 64) + 32 * 32 * 4),
    );
  });

  it('the recurrent state does not grow with n', () => {
    const small = memoryFootprint('linear', 'recurrent', { ...dims, n: 16 }).workBytes;
    expect(memoryFootprint('linear', 'recurrent', { ...dims, n: 65536 }).workBytes).toBe(small);
  });
});

describe('gpuBufferSizes', () => {
  it('lists q, k, v, o and the n×n matrix of parallel forms', () => {
    const buffers = gpuBufferSizes('softmax', 'parallel', { n: 100, dk: 8, dv: 4 });
    expect(buffers.map((b) => [b.label, b.bytes])).toEqual([
      ['q', 3200],
      ['k', 3200],
      ['v', 1600],
      ['the output o', 1600],
      ['the n×n matrix', 40000],
    ]);
    expect(gpuBufferSizes('linear', 'chunk', { n: 100, dk: 8, dv: 4 }).at(-1)).toEqual({
      label: 'the state',
      bytes: 8 * 5 * 4,
    });
  });
});
