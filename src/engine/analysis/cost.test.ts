import { describe, expect, it } from 'vitest';
import { EngineError } from '../types';
import {
  attentionMatrixBytes,
  attentionPairs,
  flopCount,
  gatedRecurrentBytes,
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
    expect(() => flopCount('hla2', 'flash', { n: 8, dk: 8, dv: 8 })).toThrow('hla2 has no flash form');
    expect(() => flopCount('retnet', 'flash', { n: 8, dk: 8, dv: 8 })).toThrow('retnet has no flash form');
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

/**
 * Brute-force multiply-adds of the gated variants, loop by loop as the algorithms
 * run them (2 FLOPs each): the recurrence token by token, and the chunk form
 * chunk by chunk with every (query, key) pair of the masks enumerated.
 */
function bruteGatedFlops(
  delta: boolean,
  form: 'recurrent' | 'chunk',
  n: number,
  dk: number,
  dv: number,
  c = 64,
) {
  let madds = 0;
  const stateProduct = () => {
    for (let i = 0; i < dk; i++) for (let j = 0; j < dv; j++) madds++;
  };
  if (form === 'recurrent') {
    for (let t = 0; t < n; t++) {
      if (delta) stateProduct(); // k_tᵀ S_{t−1}
      stateProduct(); // write into S
      stateProduct(); // q_t S_t
    }
    return 2 * madds;
  }
  for (let start = 0; start < n; start += c) {
    const size = Math.min(c, n - start);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j <= i; j++) madds += dk + dv; // masked QKᵀ, then times V (or U)
      if (delta) for (let j = 0; j < i; j++) madds += dk + dv; // strict βKKᵀ, substitution for W and U
      stateProduct(); // read-out Q S
      stateProduct(); // state update Kᵀ V
      if (delta) stateProduct(); // correction U − W S
    }
  }
  return 2 * madds;
}

describe('gated variants (issue 4)', () => {
  const dims = { n: 100, dk: 8, dv: 4 };
  it('recurrent and chunk FLOPs match a brute-force count', () => {
    for (const variant of ['retnet', 'mamba2', 'gla', 'rwkv6', 'deltanet', 'gated-deltanet'] as const) {
      const delta = variant === 'deltanet' || variant === 'gated-deltanet';
      expect(flopCount(variant, 'recurrent', dims)).toBe(bruteGatedFlops(delta, 'recurrent', 100, 8, 4));
      for (const c of [1, 7, 64, 128]) {
        expect(flopCount(variant, 'chunk', dims, { chunkSize: c })).toBe(
          bruteGatedFlops(delta, 'chunk', 100, 8, 4, c),
        );
      }
      expect(flopCount(variant, 'chunk', { ...dims, heads: 3 })).toBe(3 * flopCount(variant, 'chunk', dims));
    }
  });

  it('concrete numbers at n = 65536, d = 64', () => {
    const big = { n: 65536, dk: 64, dv: 64 };
    expect(flopCount('gla', 'recurrent', big)).toBe(4 * 65536 * 64 * 64);
    expect(flopCount('gated-deltanet', 'recurrent', big)).toBe(6 * 65536 * 64 * 64);
    // 1024 chunks of 64: 2080 causal pairs × 256, plus 64 tokens × 4·64·64 each.
    expect(flopCount('retnet', 'chunk', big)).toBe(1024 * (2080 * 256 + 64 * 4 * 4096));
    expect(flopCount('mamba2', 'parallel', dims)).toBe(((100 * 101) / 2) * 2 * 12);
    expect(flopCount('deltanet', 'parallel', dims)).toBe(((100 * 101) / 2 + (100 * 99) / 2) * 2 * 12);
  });

  it('recurrent bytes: q, k, v, o, the extra inputs and the state once', () => {
    const d = { n: 1000, dk: 64, dv: 32, heads: 2 };
    const io = 1000 * (2 * 64 + 2 * 32);
    const state = 2 * 64 * 32;
    expect(gatedRecurrentBytes('retnet', d)).toBe(2 * (io + state) * 4);
    expect(gatedRecurrentBytes('mamba2', d)).toBe(2 * (io + 1000 + state) * 4);
    expect(gatedRecurrentBytes('gla', d)).toBe(2 * (io + 1000 * 64 + state) * 4);
    expect(gatedRecurrentBytes('rwkv6', d)).toBe(2 * (io + 1000 * 64 + 64 + state) * 4);
    expect(gatedRecurrentBytes('deltanet', d)).toBe(2 * (io + 1000 + state) * 4);
    expect(gatedRecurrentBytes('gated-deltanet', d)).toBe(2 * (io + 2000 + state) * 4);
    expect(() => gatedRecurrentBytes('linear', d)).toThrow(EngineError);
  });

  it('memory: a fixed dk×dv state, plus the tile (and W, U for the delta rule) in the chunk form', () => {
    const d = { n: 4096, dk: 64, dv: 64, heads: 2 };
    expect(memoryFootprint('gla', 'recurrent', d).workBytes).toBe(2 * 64 * 64 * 4);
    expect(memoryFootprint('gla', 'recurrent', { ...d, n: 65536 }).workBytes).toBe(2 * 64 * 64 * 4);
    expect(memoryFootprint('retnet', 'chunk', d, { chunkSize: 32 }).workBytes).toBe(
      2 * (64 * 64 + 32 * 32) * 4,
    );
    expect(memoryFootprint('deltanet', 'chunk', d, { chunkSize: 32 }).workBytes).toBe(
      2 * (64 * 64 + 32 * 32 + 32 * 128) * 4,
    );
    expect(memoryFootprint('mamba2', 'parallel', d).materializesMatrix).toBe(true);
  });
});
