// The φ choice of the feature-map and low-rank labs as the store holds it: a
// variant and, for the plain linear variant, its feature map.
import { MAP_CHOICES, type MapChoice, type VariantId } from '../../../engine';
import type { FeatureMapId, ViewState } from '../../../state/types';

/** The choice the store's variant and featureMap describe, or null for a variant without a φ. */
export function choiceOf(variant: VariantId, featureMap: FeatureMapId): MapChoice | null {
  if (variant === 'linear') return featureMap === 'relu' ? 'relu' : 'elu1';
  return (MAP_CHOICES as readonly string[]).includes(variant) ? (variant as MapChoice) : null;
}

/** The store fields a choice sets. */
export function viewPatchOf(choice: MapChoice): Pick<ViewState, 'variant'> & Partial<ViewState> {
  if (choice === 'elu1' || choice === 'relu') return { variant: 'linear', featureMap: choice };
  // InLine's φ is the identity, as in the paper (its descriptor's default, used by mapRequest).
  if (choice === 'inline') return { variant: 'inline', featureMap: 'identity' };
  return { variant: choice };
}
