// Strings of lesson hybrids: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const hybridsMessages = defineMessages({
  en: {
    'lab.hybrids.title': 'Hybrids and infinite context',
  },
  zh: {
    'lab.hybrids.title': '混合架构与无限上下文',
  },
});
