// Strings of lesson linearise: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const lineariseMessages = defineMessages({
  en: {
    'lab.linearise.title': 'Linearising a trained Transformer',
  },
  zh: {
    'lab.linearise.title': '线性化已训练的 Transformer',
  },
});
