// Lesson 5 lab: the rank bound, effective rank and row entropy of kernel linear
// attention, and three fixes (Focused's power p, InLine, RALA) measured the same way.
import { MapCompareLab } from '../common/map-compare/MapCompareLab';

const CHOICES = ['elu1', 'relu', 'focused', 'inline', 'rala'] as const;

export default function LowRankLab() {
  return <MapCompareLab choices={CHOICES} />;
}
