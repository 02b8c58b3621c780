// Strings of lesson timing and chunking (issue 5): its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const perfMessages = defineMessages({
  en: {
    'lab.perf.title': 'Performance lab',
  },
  zh: {
    'lab.perf.title': '性能实验室',
  },
});
