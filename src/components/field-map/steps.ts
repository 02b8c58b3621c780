// Step indices of lesson field-map (its meta.ts lists the steps in this order):
// the header links and the <Term> links open the references and the glossary.
export const FIELD_MAP_LESSON = 'field-map' as const;
export const FIELD_MAP_STEP = { map: 0, references: 1, glossary: 2 } as const;
