// What one variant is, in one value: its descriptor (params, inputs, forms,
// causal rules), its cost model, its GPU forms (loaded on demand, so that its
// WGSL travels in its own chunk), its buffer plan and the few facts shared code
// asks about it.
// Every variant folder exports one `definition`; registry/ lists them once and
// everything else (CPU table, GPU loader, family sets, menus, messages) derives
// from that list. The float64 CPU forms are the folder's cpu.ts (`cpu`), loaded
// through loadCpu (cpuForms.ts), so that code which only needs descriptors never
// loads them.
import type { ExtraInputs, VariantId } from '../types';
import type { GpuForms } from '../gpu/plan';
import type { VariantDescriptor } from './common/descriptor';
import type { CpuForms } from './common/head';
import type { CostModel } from './common/cost';
import type { BufferPlan } from './common/buffers';
import type { GatedRule } from './common/gated/rule';

/**
 * Which shared machinery a variant composes (variants/common/): code that
 * treats a family alike (the state-trace views, the cost models' family
 * sets, the spectrum of φ) asks this instead of listing ids.
 */
export type VariantFamily =
  | 'exact-softmax'
  | 'kernel-linear'
  | 'feature-map'
  | 'gated'
  | 'second-order'
  | 'compressive-memory'
  | 'low-rank';

/** Sizes the example inputs depend on. */
export interface ExampleSizes {
  readonly seed: number;
  readonly n: number;
  readonly heads: number;
  readonly dk: number;
}

export interface VariantDefinition<
  Id extends VariantId = VariantId,
  Family extends VariantFamily = VariantFamily,
> {
  readonly id: Id;
  readonly family: Family;
  readonly descriptor: VariantDescriptor;
  readonly cost: CostModel;
  /**
   * The buffers a request allocates on each backend (common/buffers.ts): what
   * the size rule (engine/sizeRule.ts) checks before anything is allocated.
   */
  readonly buffers: BufferPlan;
  /**
   * The cost models' dims.features of a request whose inputs set it (Performer's
   * m, Hedgehog's 2r, Linformer's kproj); absent: the model's own default.
   */
  readonly featuresFromInputs?: (inputs: ExtraInputs, dims: { n: number; dk: number }) => number | undefined;
  /**
   * The extra inputs a benchmark or a default run uses, from the lessons'
   * seeded generators (gates, β, projections); absent: the variant takes none.
   */
  readonly exampleInputs?: (sizes: ExampleSizes) => ExtraInputs;
  /**
   * The attention it defines scores every (query, key) pair, so every form costs
   * O(n²) (softmax); absent: the variant has a form linear in n, whatever its
   * materialised parallel form costs.
   */
  readonly quadratic?: true;
  /** The gated family's rule (decay, delta rule, bonus), for code that treats the six alike. */
  readonly gated?: GatedRule;
  /**
   * The float64 CPU forms; a dynamic import, so that code which needs only the
   * descriptors (the page's menus and URL schema) never loads them.
   */
  readonly loadCpu: () => Promise<CpuForms>;
  /** The WebGPU forms; a dynamic import, so the kernels load with the variant. */
  readonly loadGpu: () => Promise<GpuForms>;
}

/** Keeps the literal id and family in the type, so the registry can derive family unions. */
export function defineVariant<const Id extends VariantId, const Family extends VariantFamily>(
  definition: VariantDefinition<Id, Family>,
): VariantDefinition<Id, Family> {
  return definition;
}
