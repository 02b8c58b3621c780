// Strings of lesson family: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const familyMessages = defineMessages({
  en: {
    'lab.family.title': 'The efficient-Transformer family',
  },
  zh: {
    'lab.family.title': '高效 Transformer 家族',
  },
});
