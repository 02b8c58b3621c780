// The cost model of "a feature map φ, then kernel linear attention on r
// features" (attention-math.md T1, §5–§11), from what a variant sets: its r,
// whether it carries the normaliser column, the columns of its projection and
// any state beyond S and z. InLine has no normaliser but needs φ(q)·z all the
// same (its mean subtraction), so every one of them carries the extra column
// unless Performer runs unnormalised. Performer and Hedgehog also project q and
// k through their projection (a matrix product: 2·n·dk·(projection columns) each).
import { EngineError } from '../../../types';
import {
  linearFlopsPerHead,
  linearStateBytes,
  linearWorkMemory,
  type CostDims,
  type CostModel,
  type CostParams,
} from '../cost';

export interface FeatureCostShape {
  /** Feature dimension r of φ. */
  dimension(dims: CostDims): number;
  /** Whether the normaliser column z travels with the values (default: always). */
  normalised?(p: CostParams): boolean;
  /** Columns of the projection q and k are multiplied by, from r (default none). */
  projectedColumns?(r: number): number;
  /** Floats kept per head beyond S and z (InLine's Σv and count). */
  extraStateFloats?(dv: number): number;
}

export function featureMapCost(id: string, shape: FeatureCostShape): CostModel {
  const valueColsOf = (dv: number, p: CostParams) => dv + ((shape.normalised?.(p) ?? true) ? 1 : 0);
  return {
    featureDimension: shape.dimension,
    flopsPerHead(form, dims, p) {
      const r = shape.dimension(dims);
      const projected = shape.projectedColumns?.(r) ?? 0;
      return (
        linearFlopsPerHead(form, dims.n, r, valueColsOf(dims.dv, p), p) +
        2 * (2 * dims.n * dims.dk * projected)
      );
    },
    workMemory(form, dims, p, bytesPerElement) {
      const { n, dv } = dims;
      const r = shape.dimension(dims);
      const extra = (shape.extraStateFloats?.(dv) ?? 0) * bytesPerElement;
      const normalised = shape.normalised?.(p) ?? true;
      const state = linearStateBytes(r, dv, normalised, bytesPerElement) + extra;
      return linearWorkMemory(id, form, n, state, `state S (${r}×${dv}) and z`, p, bytesPerElement);
    },
  };
}

/** r of a variant whose projection sets it (Performer's m, Hedgehog's 2r). */
export function featuresFromDims(id: string, dims: CostDims): number {
  if (dims.features === undefined || !(dims.features >= 1)) {
    throw new EngineError(
      `the cost of ${id} needs dims.features (its feature dimension, set by the projection)`,
    );
  }
  return dims.features;
}
