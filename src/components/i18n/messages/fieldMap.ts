// Strings of lesson field-map: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const fieldMapMessages = defineMessages({
  en: {
    'lab.fieldMap.title': 'Where the field goes',
  },
  zh: {
    'lab.fieldMap.title': '领域走向',
  },
});
