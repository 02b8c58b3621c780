// The one list of the variants this build implements. Everything that asks
// "which variants are there" (the CPU table, the GPU loader, family sets, the
// forms menus, the unknown-id messages, the self-check and bench lists) derives
// from `definitions`. Adding a variant: its folder, its shaders, one line here.
import { EngineError, type Form, type VariantId } from '../../types';
import type { VariantDescriptor } from '../common/descriptor';
import type { VariantDefinition, VariantFamily } from '../definition';
import { VARIANT_IDS } from './ids';
import { definition as softmax } from '../softmax';
import { definition as swa } from '../swa';
import { definition as linear } from '../linear';
import { definition as performer } from '../performer';
import { definition as cosformer } from '../cosformer';
import { definition as based } from '../based';
import { definition as hedgehog } from '../hedgehog';
import { definition as focused } from '../focused';
import { definition as inline } from '../inline';
import { definition as rala } from '../rala';
import { definition as retnet } from '../retnet';
import { definition as mamba2 } from '../mamba2';
import { definition as gla } from '../gla';
import { definition as rwkv6 } from '../rwkv6';
import { definition as deltanet } from '../deltanet';
import { definition as gatedDeltanet } from '../gated-deltanet';
import { definition as hla2 } from '../hla2';
import { definition as infini } from '../infini';
import { definition as linformer } from '../linformer';
import { definition as nystrom } from '../nystrom';

export { VARIANT_IDS };

/** Implemented variants, in the order menus list them. */
export const definitions = [
  softmax,
  swa,
  linear,
  performer,
  cosformer,
  based,
  hedgehog,
  focused,
  inline,
  rala,
  retnet,
  mamba2,
  gla,
  rwkv6,
  deltanet,
  gatedDeltanet,
  hla2,
  infini,
  linformer,
  nystrom,
] as const;

type Definition = (typeof definitions)[number];

/** The ids of a family, as a type (e.g. the gated variants). */
export type FamilyVariant<F extends VariantFamily> = Extract<Definition, { family: F }>['id'];

/** Implemented variants' descriptors, in the order menus list them. */
export const implementedVariants: readonly VariantDescriptor[] = definitions.map((d) => d.descriptor);

const byId = new Map<string, VariantDefinition>(definitions.map((d) => [d.id, d]));

export function isVariantId(id: string): id is VariantId {
  return (VARIANT_IDS as readonly string[]).includes(id);
}

/** The definition of an implemented variant, or undefined. */
export function findDefinition(id: string): VariantDefinition | undefined {
  return byId.get(id);
}

/**
 * The definition of `id`; throws EngineError for an id the contract does not
 * know and, separately, for one it knows but this build does not implement yet.
 */
export function getDefinition(id: string): VariantDefinition {
  const found = byId.get(id);
  if (found) return found;
  const implemented = definitions.map((d) => d.id).join(', ');
  if (isVariantId(id)) {
    throw new EngineError(`variant "${id}" is not implemented yet (implemented: ${implemented})`);
  }
  throw new EngineError(`unknown variant "${id}" (implemented: ${implemented})`);
}

/** The descriptor of an implemented variant, or undefined. */
export function findVariant(id: string): VariantDescriptor | undefined {
  return byId.get(id)?.descriptor;
}

/** As getDefinition, for the descriptor. */
export function getVariant(id: string): VariantDescriptor {
  return getDefinition(id).descriptor;
}

/** Whether `id` is a variant of `family`. */
export function isInFamily<F extends VariantFamily>(id: string, family: F): id is FamilyVariant<F> {
  return byId.get(id)?.family === family;
}

/** The ids of a family, in menu order. */
export function familyIds<F extends VariantFamily>(family: F): readonly FamilyVariant<F>[] {
  return definitions.filter((d) => d.family === family).map((d) => d.id as FamilyVariant<F>);
}

/** The gated and delta-rule variants (retnet … gated-deltanet), as a type. */
export type GatedVariant = FamilyVariant<'gated'>;

export function isGatedVariant(id: string): id is GatedVariant {
  return isInFamily(id, 'gated');
}

/** Every variant's forms, from its descriptor (what the URL schema and menus offer). */
export const formsByVariant: Readonly<Record<VariantId, readonly Form[]>> = Object.fromEntries(
  definitions.map((d) => [d.id, d.descriptor.forms]),
) as Record<VariantId, readonly Form[]>;
