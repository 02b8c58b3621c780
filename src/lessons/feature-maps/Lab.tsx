// Lesson 3 lab: each feature map φ's implied attention map beside softmax's,
// their difference, spectra, row entropies and errors; Performer's m sweep.
import { MapCompareLab } from '../common/map-compare/MapCompareLab';

const CHOICES = ['elu1', 'relu', 'performer', 'cosformer', 'based', 'hedgehog'] as const;

export default function FeatureMapsLab() {
  return <MapCompareLab choices={CHOICES} />;
}
