// FLOP and memory models of each variant and form. Pure functions of the sizes:
// lesson 1 plots the memory of the n×n matrix, lesson 2 prints the FLOPs of both
// product orders, lesson 4 compares the KV cache with the fixed state, the sweep
// turns times into GFLOP/s, and validate.ts checks buffer sizes against limits.
//
// FLOP convention: matrix products only, a multiply-add counts 2 FLOPs, and only
// the work the mask keeps is counted (a causal map has n(n+1)/2 query–key pairs,
// not n²). Elementwise work (φ, exp, the final division) is O(n·d) or O(n²)
// without a d factor and is left out, as FlashAttention's FLOP counts do. A
// normalised linear form carries the normaliser z as one extra value column
// (φ(K)ᵀ1 next to φ(K)ᵀV), so it costs dv + 1 where the output costs dv.
import { EngineError, type Form, type Params, type VariantId } from '../types';

export interface CostDims {
  readonly n: number;
  readonly dk: number;
  readonly dv: number;
  /** Independent heads (default 1); every count scales linearly with it. */
  readonly heads?: number;
  /**
   * Feature dimension r where an input sets it: Performer's m (rows of the
   * projection), Hedgehog's 2·(columns of the projection). The other variants'
   * r follows from dk (featureDimension below); required for these two.
   */
  readonly features?: number;
}

/** The feature-map variants of issue 3: φ, then kernel linear attention on r features. */
const FEATURE_MAP_VARIANTS: ReadonlySet<VariantId> = new Set<VariantId>([
  'performer',
  'cosformer',
  'based',
  'hedgehog',
  'focused',
  'inline',
  'rala',
]);

export function isFeatureMapVariant(variant: VariantId): boolean {
  return FEATURE_MAP_VARIANTS.has(variant);
}

/**
 * Feature dimension r of a variant's φ: dk for linear, focused, inline and rala,
 * 2dk for cosFormer, 1 + dk + dk² for Based, and dims.features for Performer (m)
 * and Hedgehog (2r), whose projection sets it.
 */
export function featureDimension(variant: VariantId, dims: CostDims): number {
  switch (variant) {
    case 'cosformer':
      return 2 * dims.dk;
    case 'based':
      return 1 + dims.dk + dims.dk * dims.dk;
    case 'performer':
    case 'hedgehog':
      if (dims.features === undefined || !(dims.features >= 1)) {
        throw new EngineError(
          `the cost of ${variant} needs dims.features (its feature dimension, set by the projection)`,
        );
      }
      return dims.features;
    default:
      return dims.dk;
  }
}

/** One buffer a backend allocates, for size checks and memory charts. */
export interface BufferSize {
  readonly label: string;
  readonly bytes: number;
}

export interface MemoryFootprint {
  /** q, k, v. */
  readonly inputBytes: number;
  readonly outputBytes: number;
  /** What the form keeps besides inputs and output (n×n matrix, KV cache, state, tile). */
  readonly workBytes: number;
  /** What that work memory is, in words, for chart labels. */
  readonly workLabel: string;
  readonly totalBytes: number;
  /** True when the form holds the whole n×n matrix (the n² wall). */
  readonly materializesMatrix: boolean;
}

export const BYTES_F32 = 4;
export const BYTES_F64 = 8;

interface CostParams {
  readonly causal: boolean;
  readonly window: number;
  readonly chunkSize: number;
  readonly normalize: boolean;
  /** Infini-attention's segment N_s (params.segment, default 64). */
  readonly infiniSegment: number;
}

/** Contract defaults for whatever the caller leaves out. */
function costParams(variant: VariantId, params: Params): CostParams {
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
  const segment = params.segment ?? 64;
  const infiniSegment = typeof segment === 'number' && segment >= 1 ? segment : 64;
  return { causal, window: variant === 'swa' ? window : Infinity, chunkSize, normalize, infiniSegment };
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

/**
 * The gated and delta-rule variants of issue 4 (attention-math.md §12, §14–§17).
 * Their gates (e^g, γ, β scaling) are elementwise and, by the convention above,
 * not counted; what is counted per head:
 * - recurrent, decay family (retnet, mamba2, gla, rwkv6): per token the write
 *   k_tv_tᵀ into the dk×dv state (2·dk·dv) and the read q_tS_t (2·dk·dv); RWKV-6's
 *   bonus (q_t⊙u·k_t)v_t is O(dk + dv), not a matrix product, and is left out.
 * - recurrent, delta rule (deltanet, gated-deltanet): the prediction k_tᵀS_{t−1}
 *   (2·dk·dv) before the rank-1 correction (2·dk·dv) and the read (2·dk·dv).
 * - parallel, decay family: the masked QKᵀ and its product with V over the causal
 *   pairs, like linear attention without a normaliser.
 * - parallel, delta rule (UT form over the whole sequence): strict-lower
 *   diag(β)KKᵀ (2·dk per strict pair), forward substitution of (I + A)⁻¹ against
 *   diag(β)V (2·dv per strict pair), then QKᵀ and its product with U over the
 *   causal pairs.
 * - chunk (chunks of c, the last one shorter): intra-chunk work as the parallel
 *   form inside each chunk, plus inter-chunk read-out Q_[c]S (2·c·dk·dv) and state
 *   update K_[c]ᵀV_[c] (2·c·dk·dv); the delta rule's chunk form also does the
 *   substitution for W and U (2·(dk + dv) per strict pair: W = T·diag(β)K,
 *   U = T·diag(β)V) and the correction U − WS (2·c·dk·dv), and its intra block
 *   uses strict KKᵀ (2·dk per strict pair).
 */
const GATED_VARIANTS: ReadonlySet<VariantId> = new Set<VariantId>([
  'retnet',
  'mamba2',
  'gla',
  'rwkv6',
  'deltanet',
  'gated-deltanet',
]);

export function isGatedVariant(variant: VariantId): boolean {
  return GATED_VARIANTS.has(variant);
}

function isDeltaRule(variant: VariantId): boolean {
  return variant === 'deltanet' || variant === 'gated-deltanet';
}

function gatedFlopsPerHead(variant: VariantId, form: Form, n: number, dk: number, dv: number, p: CostParams) {
  const delta = isDeltaRule(variant);
  const stateProducts = (delta ? 6 : 4) * dk * dv; // per token, see above
  const causalPairs = (m: number) => (m * (m + 1)) / 2;
  const strictPairs = (m: number) => (m * (m - 1)) / 2;
  // Work of the parallel form over a block of m tokens (the whole sequence, or one chunk).
  const block = (m: number) => causalPairs(m) * 2 * (dk + dv) + (delta ? strictPairs(m) * 2 * (dk + dv) : 0);
  switch (form) {
    case 'recurrent':
      return n * stateProducts;
    case 'parallel':
      return block(n);
    case 'chunk': {
      let total = 0;
      for (let start = 0; start < n; start += p.chunkSize) {
        const c = Math.min(p.chunkSize, n - start);
        total += block(c) + c * stateProducts;
      }
      return total;
    }
    default:
      throw new EngineError(`${variant} has no ${form} form`);
  }
}

/** Floats per token and head of a gated variant's extra inputs (g, β); u is per head, not per token. */
function gatedExtraFloatsPerToken(variant: VariantId, dk: number): number {
  switch (variant) {
    case 'mamba2':
      return 1; // g
    case 'gla':
    case 'rwkv6':
      return dk; // g per key channel
    case 'deltanet':
      return 1; // β
    case 'gated-deltanet':
      return 2; // g and β
    default:
      return 0; // retnet: γ is a parameter
  }
}

/**
 * Least bytes a recurrent (one pass over the sequence) run of a gated variant must
 * move, all heads, f32: q, k, v and the extra inputs read once, o written once, and
 * the dk×dv state read and written once per head (it can live on chip in between).
 * What the sweep divides by time to report GB/s against the copy ceiling.
 */
export function gatedRecurrentBytes(variant: VariantId, dims: CostDims): number {
  if (!GATED_VARIANTS.has(variant)) throw new EngineError(`${variant} is not a gated variant`);
  const { n, dk, dv } = dims;
  const heads = dims.heads ?? 1;
  const perToken = 2 * dk + 2 * dv + gatedExtraFloatsPerToken(variant, dk);
  const perHead = n * perToken + (variant === 'rwkv6' ? dk : 0) + 2 * dk * dv;
  return heads * perHead * BYTES_F32;
}

/** Feature dimension r of φ: dk for every feature map implemented so far. */
function featureDim(dims: CostDims): number {
  return dims.dk;
}

/** FLOPs of one run (all heads) under the convention at the top of this file. */
export function flopCount(variant: VariantId, form: Form, dims: CostDims, params: Params = {}): number {
  const { n, dk, dv } = dims;
  const heads = dims.heads ?? 1;
  const p = costParams(variant, params);
  switch (variant) {
    case 'softmax':
    case 'swa': {
      // Every form (parallel, KV-cache recurrent, flash) scores the same pairs and
      // sums the same weighted values; the forms differ in memory, not in FLOPs.
      const pairs = attentionPairs(n, p.causal, p.window);
      return heads * pairs * 2 * (dk + dv);
    }
    case 'linear': {
      const r = featureDim(dims);
      const valueCols = dv + (p.normalize ? 1 : 0);
      return heads * linearFlopsPerHead(form, n, r, valueCols, p);
    }
    case 'infini': {
      // Infini-attention (attention-math.md §19), segments of N_s = params.segment.
      // parallel: every causal pair is scored once (softmax in the segment, σ(q)·σ(k)
      // to the left of it) and weighs a value row: 2·(dk + dv) per pair.
      // chunk: per segment of c tokens the causal c×c softmax block, the memory
      // read σ(Q)[M, z] and the update σ(K)ᵀ[V, 1] (2·c·dk·(dv + 1) each).
      const segment = p.infiniSegment;
      if (form === 'parallel') return heads * attentionPairs(n, true) * 2 * (dk + dv);
      let total = 0;
      for (let start = 0; start < n; start += segment) {
        const c = Math.min(segment, n - start);
        total += ((c * (c + 1)) / 2) * 2 * (dk + dv) + 2 * (2 * c * dk * (dv + 1));
      }
      return heads * total;
    }
    case 'linformer': {
      // Linformer (attention-math.md §20), kproj = dims.features (rows of E, F):
      // E·K and F·V (2·kproj·n·dk, 2·kproj·n·dv), the n×kproj scores Q(EK)ᵀ and
      // their product with FV (2·n·kproj·(dk + dv)). Linear in n for a fixed kproj.
      const kproj = dims.features;
      if (kproj === undefined || !(kproj >= 1))
        throw new EngineError('the cost of linformer needs dims.features (kproj, the rows of E and F)');
      return heads * 4 * n * kproj * (dk + dv);
    }
    case 'nystrom': {
      // Nyströmformer (attention-math.md §21), m = params.landmarks (16): the
      // three kernels QK̃ᵀ, Q̃K̃ᵀ, Q̃Kᵀ (2·dk·(2nm + m²)), forming pinv = VΣ⁺Uᵀ
      // (2m³), then A3·V, Z·(A3V), A1·(…) (2·dv·(2nm + m²)). The Jacobi sweeps
      // of the SVD (O(m³) each, independent of n) and the segment means
      // (additions) are not counted.
      const m = typeof params.landmarks === 'number' ? params.landmarks : 16;
      return heads * (2 * (dk + dv) * (2 * n * m + m * m) + 2 * m * m * m);
    }
    case 'hla2': {
      // Second-order HLA (attention-math.md §18), w = dv + 1 value columns when
      // normalised (the normaliser is the v ≡ 1 column), d = dk. Recurrent, per
      // token: k C and the G update (4·d·w), S^K += kᵀk (2d²), C += qᵀv (2·d·w),
      // u = q S^K (2d²), u C − q G (4·d·w). Parallel: X = QKᵀ over the causal
      // pairs (2d each), P = (X Xᵀ) ⊙ M (Σ_t (t+1)(t+2) = n(n+1)(n+2)/3), P·V.
      // Chunk (c tokens): the parallel work of the chunk, u = q S_A (2cd²), the
      // middle term (2d per pair), the inter term (4·c·d·w), the chunk's own
      // state (c·(2d² + 6·d·w)) and the carry S_B C_A (2d²w).
      const w = dv + (params.normalize === true ? 1 : 0);
      const pairs = (m: number) => (m * (m + 1)) / 2;
      const block = (m: number) => pairs(m) * 2 * (dk + w) + (m * (m + 1) * (m + 2)) / 3;
      if (form === 'recurrent') return heads * n * (4 * dk * dk + 10 * dk * w);
      if (form === 'parallel') return heads * block(n);
      if (form !== 'chunk') throw new EngineError(`hla2 has no ${form} form`);
      let total = 0;
      for (let start = 0; start < n; start += p.chunkSize) {
        const c = Math.min(p.chunkSize, n - start);
        total += block(c) + 2 * c * dk * dk + pairs(c) * 2 * dk + 4 * c * dk * w;
        total += c * (2 * dk * dk + 6 * dk * w) + 2 * dk * dk * w;
      }
      return heads * total;
    }
    default: {
      if (GATED_VARIANTS.has(variant)) return heads * gatedFlopsPerHead(variant, form, n, dk, dv, p);
      if (!FEATURE_MAP_VARIANTS.has(variant))
        throw new EngineError(`no cost model for variant "${variant}" yet`);
      // Linear attention on r features; InLine has no normaliser but needs φ(q)·z all the same
      // (its mean subtraction), so every one of them carries the extra column unless
      // Performer runs unnormalised. Performer and Hedgehog also project q and k
      // through their projection (a matrix product: 2·n·dk·(projection columns) each).
      const r = featureDimension(variant, dims);
      const normaliser = variant === 'performer' ? p.normalize : true;
      const valueCols = dv + (normaliser ? 1 : 0);
      const projected = variant === 'performer' ? r : variant === 'hedgehog' ? r / 2 : 0;
      return heads * (linearFlopsPerHead(form, n, r, valueCols, p) + 2 * (2 * n * dk * projected));
    }
  }
}

function linearFlopsPerHead(form: Form, n: number, r: number, valueCols: number, p: CostParams): number {
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
      throw new EngineError(`linear attention has no ${form} form`);
  }
}

/**
 * Lesson 2: FLOPs of the two orders of the unmasked, unnormalised product
 * (what the identity feature map computes): (QKᵀ)V builds n×n scores first,
 * Q(KᵀV) builds the dk×dv state first.
 */
export function productOrderFlops(
  n: number,
  dk: number,
  dv: number,
): { scoresFirst: number; stateFirst: number } {
  return {
    scoresFirst: 2 * n * n * dk + 2 * n * n * dv,
    stateFirst: 2 * n * dk * dv + 2 * n * dk * dv,
  };
}

/** Lesson 1: bytes of the n×n score (or weight) matrix of `heads` heads. */
export function attentionMatrixBytes(n: number, heads = 1, bytesPerElement = BYTES_F32): number {
  return heads * n * n * bytesPerElement;
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

/** Memory of one run (all heads): inputs, output and the form's working memory. */
export function memoryFootprint(
  variant: VariantId,
  form: Form,
  dims: CostDims,
  params: Params = {},
  bytesPerElement = BYTES_F32,
): MemoryFootprint {
  const { n, dk, dv } = dims;
  const heads = dims.heads ?? 1;
  const p = costParams(variant, params);
  const inputBytes = heads * n * (2 * dk + dv) * bytesPerElement;
  const outputBytes = heads * n * dv * bytesPerElement;
  const work = workMemory(variant, form, dims, p, bytesPerElement);
  return {
    inputBytes,
    outputBytes,
    workBytes: heads * work.bytesPerHead,
    workLabel: work.label,
    totalBytes: inputBytes + outputBytes + heads * work.bytesPerHead,
    materializesMatrix: work.matrix,
  };
}

function workMemory(
  variant: VariantId,
  form: Form,
  dims: CostDims,
  p: CostParams,
  bytesPerElement: number,
): { bytesPerHead: number; label: string; matrix: boolean } {
  const { n, dk, dv } = dims;
  if (variant === 'softmax' || variant === 'swa') {
    if (form === 'parallel')
      return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
    if (form === 'flash') {
      return { bytesPerHead: 2 * n * bytesPerElement, label: 'row max and sum (2 per query)', matrix: false };
    }
    if (form === 'recurrent') {
      // A window variant would keep only w entries (ring buffer).
      const cached = Math.min(n, p.window);
      return {
        bytesPerHead: kvCacheBytes(cached, dk, dv, bytesPerElement),
        label: 'KV cache',
        matrix: false,
      };
    }
  } else if (variant === 'linear') {
    const state = linearStateBytes(featureDim(dims), dv, p.normalize, bytesPerElement);
    if (form === 'parallel')
      return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
    if (form === 'recurrent') return { bytesPerHead: state, label: 'state S (and z)', matrix: false };
    if (form === 'chunk') {
      const c = Math.min(p.chunkSize, n);
      return {
        bytesPerHead: state + c * c * bytesPerElement,
        label: 'state + chunk×chunk tile',
        matrix: false,
      };
    }
  } else if (FEATURE_MAP_VARIANTS.has(variant)) {
    const r = featureDimension(variant, dims);
    const normaliser = variant === 'performer' ? p.normalize : true;
    // InLine also keeps Σv (dv floats) and the count beside S and z.
    const extra = variant === 'inline' ? (dv + 1) * bytesPerElement : 0;
    const state = linearStateBytes(r, dv, normaliser, bytesPerElement) + extra;
    if (form === 'parallel')
      return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
    if (form === 'recurrent')
      return { bytesPerHead: state, label: `state S (${r}×${dv}) and z`, matrix: false };
    if (form === 'chunk') {
      const c = Math.min(p.chunkSize, n);
      return {
        bytesPerHead: state + c * c * bytesPerElement,
        label: 'state + chunk×chunk tile',
        matrix: false,
      };
    }
  } else if (GATED_VARIANTS.has(variant)) {
    const state = dk * dv * bytesPerElement;
    if (form === 'parallel')
      return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
    if (form === 'recurrent') return { bytesPerHead: state, label: `state S (${dk}×${dv})`, matrix: false };
    if (form === 'chunk') {
      const c = Math.min(p.chunkSize, n);
      // The delta rule also keeps W (c×dk) and U (c×dv) of the chunk.
      const wy = isDeltaRule(variant) ? c * (dk + dv) * bytesPerElement : 0;
      return {
        bytesPerHead: state + c * c * bytesPerElement + wy,
        label: isDeltaRule(variant) ? 'state + chunk×chunk tile + W, U' : 'state + chunk×chunk tile',
        matrix: false,
      };
    }
  } else if (variant === 'infini') {
    if (form === 'parallel')
      return { bytesPerHead: n * n * bytesPerElement, label: 'n×n matrix', matrix: true };
    if (form === 'chunk') {
      // Memory M (dk×dv) and z (dk), plus the segment's c×c softmax tile (c = N_s).
      const c = Math.min(p.infiniSegment, n);
      return {
        bytesPerHead: (dk * dv + dk + c * c) * bytesPerElement,
        label: 'memory M, z + segment×segment tile',
        matrix: false,
      };
    }
  } else if (variant === 'linformer' || variant === 'nystrom') {
    if (form === 'parallel') {
      // Nothing n×n. linformer (dims.features = kproj): E·K, F·V and the n×kproj
      // scores; nystrom (dims.features = m, default 16): landmarks Q̃, K̃, the n×m
      // and m×n kernels, A2 with the SVD's U, V and pinv (m×m each), A3V and Z·A3V.
      if (variant === 'linformer') {
        const r = dims.features ?? 0;
        return {
          bytesPerHead: (n * r + r * (dk + dv)) * bytesPerElement,
          label: 'n×kproj scores + E·K, F·V',
          matrix: false,
        };
      }
      const m = dims.features ?? 16;
      return {
        bytesPerHead: (2 * n * m + 4 * m * m + 2 * m * dk + 2 * m * dv) * bytesPerElement,
        label: 'landmark kernels (n×m, m×n, m×m) + pinv',
        matrix: false,
      };
    }
  } else if (variant === 'hla2') {
    // S^K (dk²), C and G (dk·dv each), m and h (dk each) when normalised.
    const state = (dk * dk + 2 * dk * dv + (p.normalize ? 2 * dk : 0)) * bytesPerElement;
    if (form === 'parallel')
      return { bytesPerHead: 2 * n * n * bytesPerElement, label: 'n×n X = QKᵀ ⊙ M and P', matrix: true };
    if (form === 'recurrent') return { bytesPerHead: state, label: 'state S^K, C, G (m, h)', matrix: false };
    if (form === 'chunk') {
      const c = Math.min(p.chunkSize, n);
      return {
        bytesPerHead: state + 2 * c * c * bytesPerElement,
        label: 'state + two chunk×chunk tiles',
        matrix: false,
      };
    }
  } else {
    throw new EngineError(`no cost model for variant "${variant}" yet`);
  }
  throw new EngineError(`variant "${variant}" has no ${form} form`);
}

/**
 * The f32 storage buffers the WebGPU engine allocates for one run (all heads
 * in one dispatch): each must fit maxStorageBufferBindingSize and maxBufferSize.
 * The KV-cache form reads k and v in place, so it needs no buffer beyond them.
 */
export function gpuBufferSizes(
  variant: VariantId,
  form: Form,
  dims: CostDims,
  params: Params = {},
): BufferSize[] {
  const { n, dk, dv } = dims;
  const heads = dims.heads ?? 1;
  const b = BYTES_F32;
  const buffers: BufferSize[] = [
    { label: 'q', bytes: heads * n * dk * b },
    { label: 'k', bytes: heads * n * dk * b },
    { label: 'v', bytes: heads * n * dv * b },
    { label: 'the output o', bytes: heads * n * dv * b },
  ];
  const footprint = memoryFootprint(variant, form, dims, params, b);
  if (footprint.materializesMatrix) buffers.push({ label: 'the n×n matrix', bytes: footprint.workBytes });
  if (variant === 'linear') {
    const r = featureDim(dims);
    buffers.push({ label: 'the state', bytes: heads * r * (dv + 1) * b });
  }
  return buffers;
}
