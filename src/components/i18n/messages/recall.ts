// Strings of lesson recall: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const recallMessages = defineMessages({
  en: {
    'lab.recall.title': 'Recall versus memory',
  },
  zh: {
    'lab.recall.title': '召回与记忆',
  },
});
