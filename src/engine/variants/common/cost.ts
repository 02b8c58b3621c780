// Shared pieces of the FLOP and memory models (analysis/cost.ts documents the
// convention: matrix products only, a multiply-add is 2 FLOPs, only the pairs the
// mask keeps count). Each variant's cost.ts composes these; analysis/cost.ts
// looks the variant up in the registry and adds the heads.
import { EngineError, type Form, type Params } from '../../types';

export interface CostDims {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** Independent heads (default 1); every count scales linearly with it. */
  readonly heads?: number;
  /**
   * Feature dimension r where an input sets it: Performer's m (rows of the
   * projection), Hedgehog's 2·(columns of the projection). The other variants'
   * r follows from dk (featureDimension in analysis/cost.ts); required for these two.
   */
  readonly features?: number;
}

/** One buffer a backend allocates, for size checks and memory charts. */
export interface BufferSize {
  readonly label: string;
  readonly bytes: number;
}

export const BYTES_F32 = 4;
export const BYTES_F64 = 8;

/** The parameters every cost model reads, contract defaults filled in. */
export interface CostParams {
  readonly causal: boolean;
  readonly window: number;
  readonly chunkSize: number;
  readonly normalize: boolean;
  /** Every parameter as the caller gave it, for the ones a single variant reads. */
  readonly raw: Params;
}

/** Contract defaults for whatever the caller leaves out. */
export function costParams(params: Params): CostParams {
  const causal = params.causal ?? true;
  const window = params.window ?? 64;
  const chunkSize = params.chunkSize ?? 64;
  const normalize = params.normalize ?? true;
  if (typeof causal !== 'boolean' || typeof normalize !== 'boolean') {
    throw new EngineError('params.causal and params.normalize must be true or false');
  }
  if (typeof window !== 'number' || typeof chunkSize !== 'number' || window < 1 || chunkSize < 1) {
    throw new EngineError('params.window and params.chunkSize must be numbers ≥ 1');
  }
  return { causal, window, chunkSize, normalize, raw: params };
}

/** What a form keeps besides inputs and output, per head. */
export interface WorkMemory {
  readonly bytesPerHead: number;
  /** What that memory is, in words, for chart labels. */
  readonly label: string;
  /** True when the form holds the whole n×n matrix (the n² wall). */
  readonly matrix: boolean;
}

/** A variant's cost model: FLOPs and working memory of one head. */
export interface CostModel {
  /** FLOPs of one head. Throws EngineError for a form the variant lacks. */
  flopsPerHead(form: Form, dims: CostDims, p: CostParams): number;
  workMemory(form: Form, dims: CostDims, p: CostParams, bytesPerElement: number): WorkMemory;
  /** Feature dimension r of φ, for the variants that have one (default dk). */
  featureDimension?(dims: CostDims): number;
  /**
   * Floats per token and head of the extra inputs (gates, β), and per head (a
   * bonus), for the least-bytes model of a one-pass recurrent run.
   */
  readonly recurrentInputFloats?: (dk: number) => { perToken: number; perHead: number };
}

/**
 * Number of (query, key) pairs the mask keeps: n² without a mask, n(n+1)/2
 * causal, and for a window of w keys (itself included) the causal pairs
 * minus those more than w−1 tokens back.
 */
export function attentionPairs(n: number, causal = true, window = Infinity): number {
  if (!causal) return n * n;
  const w = Math.min(window, n);
  // Rows i = 1..w see i keys; the remaining n − w rows see w keys each.
  return (w * (w + 1)) / 2 + (n - w) * w;
}

/** Lesson 4: bytes of a softmax KV cache holding t tokens (one head): t keys and t values. */
export function kvCacheBytes(t: number, dk: number, dv: number, bytesPerElement = BYTES_F32): number {
  return t * (dk + dv) * bytesPerElement;
}

/** Lesson 4: bytes of the linear-attention state of one head: S (r×dv) plus z (r) when normalised. */
export function linearStateBytes(
  featureDimension: number,
  dv: number,
  normalize = true,
  bytesPerElement = BYTES_F32,
): number {
  return (featureDimension * dv + (normalize ? featureDimension : 0)) * bytesPerElement;
}

/** The n×n matrix of a parallel form, per head. */
export function matrixWork(n: number, bytesPerElement: number): WorkMemory {
  return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
}

export function noForm(what: string, form: Form): EngineError {
  return new EngineError(`${what} has no ${form} form`);
}

/** FLOPs of kernel linear attention on r features (one head), every form. */
export function linearFlopsPerHead(
  form: Form,
  n: number,
  r: number,
  valueCols: number,
  p: CostParams,
): number {
  // State update φ(k)ᵀ[v, 1] and read-out φ(q)S: 2·r·(dv+1) each, per token.
  const perTokenState = 4 * r * valueCols;
  switch (form) {
    case 'parallel':
      // Scores φ(Q)φ(K)ᵀ over the kept pairs, then the weights times [V, 1].
      return attentionPairs(n, p.causal) * 2 * (r + valueCols);
    case 'recurrent':
      return n * perTokenState;
    case 'chunk': {
      if (!p.causal) return n * perTokenState; // state of all chunks, then read-out
      let total = 0;
      for (let start = 0; start < n; start += p.chunkSize) {
        const c = Math.min(p.chunkSize, n - start);
        // Intra-chunk causal block, plus inter-chunk read-out and state update.
        total += ((c * (c + 1)) / 2) * 2 * (r + valueCols) + c * perTokenState;
      }
      return total;
    }
    default:
      throw noForm('linear attention', form);
  }
}

/** Working memory of kernel linear attention with a state of `stateBytes` per head. */
export function linearWorkMemory(
  what: string,
  form: Form,
  n: number,
  stateBytes: number,
  stateLabel: string,
  p: CostParams,
  bytesPerElement: number,
): WorkMemory {
  if (form === 'parallel') return matrixWork(n, bytesPerElement);
  if (form === 'recurrent') return { bytesPerHead: stateBytes, label: stateLabel, matrix: false };
  if (form === 'chunk') {
    const c = Math.min(p.chunkSize, n);
    return {
      bytesPerHead: stateBytes + c * c * bytesPerElement,
      label: 'state + chunk×chunk tile',
      matrix: false,
    };
  }
  throw new EngineError(`variant "${what}" has no ${form} form`);
}
