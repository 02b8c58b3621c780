// Lesson 16 lab: the field map (step map), the references page (step
// references) and the glossary (step glossary).
import { FieldMap } from './FieldMap';
import { FIELD_MAP_STEP } from '../../components/field-map/steps';
import { GlossaryView } from './GlossaryView';
import { ReferencesView } from './ReferencesView';
import { useViewStore } from '../../state/store';

export default function FieldMapLab() {
  const step = useViewStore((state) => state.step);
  if (step === FIELD_MAP_STEP.references) return <ReferencesView />;
  if (step === FIELD_MAP_STEP.glossary) return <GlossaryView />;
  return <FieldMap />;
}
