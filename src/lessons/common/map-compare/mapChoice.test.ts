import { describe, expect, it } from 'vitest';
import { MAP_CHOICES } from '../../../engine';
import { choiceOf, viewPatchOf } from './mapChoice';

describe('feature-map choices', () => {
  it('round-trip through the store fields', () => {
    for (const choice of MAP_CHOICES) {
      const patch = viewPatchOf(choice);
      expect(choiceOf(patch.variant, patch.featureMap ?? 'elu1')).toBe(choice);
    }
    expect(choiceOf('softmax', 'elu1')).toBeNull();
    expect(viewPatchOf('relu')).toEqual({ variant: 'linear', featureMap: 'relu' });
  });
});
