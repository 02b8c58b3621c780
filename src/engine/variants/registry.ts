// The variants this build implements, by id. Later issues add theirs here.
import { EngineError, VARIANT_IDS, type VariantId } from '../types';
import type { VariantDescriptor } from './common/descriptor';
import { linearDescriptor } from './linear/descriptor';
import { softmaxDescriptor } from './softmax/descriptor';
import { swaDescriptor } from './swa/descriptor';
import { basedDescriptor } from './based/descriptor';
import { cosformerDescriptor } from './cosformer/descriptor';
import { focusedDescriptor } from './focused/descriptor';
import { hedgehogDescriptor } from './hedgehog/descriptor';
import { inlineDescriptor } from './inline/descriptor';
import { performerDescriptor } from './performer/descriptor';
import { ralaDescriptor } from './rala/descriptor';
import { linformerDescriptor } from './linformer/descriptor';
import { nystromDescriptor } from './nystrom/descriptor';
import {
  deltanetDescriptor,
  gatedDeltanetDescriptor,
  glaDescriptor,
  mamba2Descriptor,
  retnetDescriptor,
  rwkv6Descriptor,
} from './common/gated/descriptor';
import { hla2Descriptor } from './hla2/descriptor';
import { infiniDescriptor } from './infini/descriptor';

/** Implemented variants, in the order menus list them. */
export const implementedVariants: readonly VariantDescriptor[] = [
  softmaxDescriptor,
  swaDescriptor,
  linearDescriptor,
  performerDescriptor,
  cosformerDescriptor,
  basedDescriptor,
  hedgehogDescriptor,
  focusedDescriptor,
  inlineDescriptor,
  ralaDescriptor,
  retnetDescriptor,
  mamba2Descriptor,
  glaDescriptor,
  rwkv6Descriptor,
  deltanetDescriptor,
  gatedDeltanetDescriptor,
  hla2Descriptor,
  infiniDescriptor,
  linformerDescriptor,
  nystromDescriptor,
];

const byId = new Map<string, VariantDescriptor>(implementedVariants.map((d) => [d.id, d]));

export function isVariantId(id: string): id is VariantId {
  return (VARIANT_IDS as readonly string[]).includes(id);
}

/** The descriptor of an implemented variant, or undefined. */
export function findVariant(id: string): VariantDescriptor | undefined {
  return byId.get(id);
}

/**
 * The descriptor of `id`; throws EngineError for an id the contract does not
 * know and, separately, for one it knows but this build does not implement yet.
 */
export function getVariant(id: string): VariantDescriptor {
  const found = byId.get(id);
  if (found) return found;
  const implemented = implementedVariants.map((d) => d.id).join(', ');
  if (isVariantId(id)) {
    throw new EngineError(`variant "${id}" is not implemented yet (implemented: ${implemented})`);
  }
  throw new EngineError(`unknown variant "${id}" (implemented: ${implemented})`);
}
