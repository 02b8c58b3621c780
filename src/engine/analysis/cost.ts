// FLOP and memory models of each variant and form. Pure functions of the sizes:
// lesson 1 plots the memory of the n×n matrix, lesson 2 prints the FLOPs of both
// product orders, lesson 4 compares the KV cache with the fixed state, the sweep
// turns times into GFLOP/s. (What a run allocates is each variant's buffer plan,
// variants/common/buffers.ts; gpuBufferSizes below reads it.)
// Each variant's own model is in its folder (variants/<id>/cost.ts or its
// family's in variants/common/); this module looks it up in the registry.
//
// FLOP convention: matrix products only, a multiply-add counts 2 FLOPs, and only
// the work the mask keeps is counted (a causal map has n(n+1)/2 query–key pairs,
// not n²). Elementwise work (φ, exp, the final division) is O(n·d) or O(n²)
// without a d factor and is left out, as FlashAttention's FLOP counts do. A
// normalised linear form carries the normaliser z as one extra value column
// (φ(K)ᵀ1 next to φ(K)ᵀV), so it costs dv + 1 where the output costs dv.
import { EngineError, type Form, type Params, type VariantId } from '../types';
import {
  BYTES_F32,
  costParams,
  type BufferSize,
  type CostDims,
  type CostModel,
} from '../variants/common/cost';
import type { VariantDefinition } from '../variants/definition';
import { findDefinition, isGatedVariant, isInFamily } from '../variants/registry';

export { isGatedVariant };

export {
  attentionPairs,
  kvCacheBytes,
  linearStateBytes,
  BYTES_F32,
  BYTES_F64,
} from '../variants/common/cost';
export type { BufferSize, CostDims } from '../variants/common/cost';

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

function definitionOf(variant: VariantId): VariantDefinition {
  const definition = findDefinition(variant);
  if (!definition) throw new EngineError(`no cost model for variant "${variant}" yet`);
  return definition;
}

function costOf(variant: VariantId): CostModel {
  return definitionOf(variant).cost;
}

/** The feature-map variants (φ, then kernel linear attention on r features); linear itself is not one. */
export function isFeatureMapVariant(variant: VariantId): boolean {
  return isInFamily(variant, 'feature-map');
}

/**
 * Feature dimension r of a variant's φ: dk for linear, focused, inline and rala,
 * 2dk for cosFormer, 1 + dk + dk² for Based, and dims.features for Performer (m)
 * and Hedgehog (2r), whose projection sets it.
 */
export function featureDimension(variant: VariantId, dims: CostDims): number {
  return costOf(variant).featureDimension?.(dims) ?? dims.dk;
}

/**
 * Least bytes a recurrent (one pass over the sequence) run of a gated variant must
 * move, all heads, f32: q, k, v and the extra inputs read once, o written once, and
 * the dk×dv state read and written once per head (it can live on chip in between).
 * What the sweep divides by time to report GB/s against the copy ceiling.
 */
export function gatedRecurrentBytes(variant: VariantId, dims: CostDims): number {
  const inputs = isGatedVariant(variant) ? costOf(variant).recurrentInputFloats : undefined;
  if (!inputs) throw new EngineError(`${variant} is not a gated variant`);
  const { n, dk, dv } = dims;
  const heads = dims.heads ?? 1;
  const extra = inputs(dk);
  const perHead = n * (2 * dk + 2 * dv + extra.perToken) + extra.perHead + 2 * dk * dv;
  return heads * perHead * BYTES_F32;
}

/** FLOPs of one run (all heads) under the convention at the top of this file. */
export function flopCount(variant: VariantId, form: Form, dims: CostDims, params: Params = {}): number {
  const p = costParams(params);
  const heads = dims.heads ?? 1;
  return heads * costOf(variant).flopsPerHead(form, dims, p);
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
  const p = costParams(params);
  const inputBytes = heads * n * (2 * dk + dv) * bytesPerElement;
  const outputBytes = heads * n * dv * bytesPerElement;
  const work = costOf(variant).workMemory(form, dims, p, bytesPerElement);
  return {
    inputBytes,
    outputBytes,
    workBytes: heads * work.bytesPerHead,
    workLabel: work.label,
    totalBytes: inputBytes + outputBytes + heads * work.bytesPerHead,
    materializesMatrix: work.matrix,
  };
}

/**
 * The f32 storage buffers the WebGPU engine allocates for one run (all heads
 * in one dispatch): the variant's buffer plan (variants/common/buffers.ts), the
 * same list the size rule checks against the device's limits.
 */
export function gpuBufferSizes(
  variant: VariantId,
  form: Form,
  dims: CostDims,
  params: Params = {},
): BufferSize[] {
  return [...definitionOf(variant).buffers({ ...dims, heads: dims.heads ?? 1, form, params }, 'webgpu')];
}
