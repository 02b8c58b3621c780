// Strings of lesson seq-parallel and icl-gd: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const theoryMessages = defineMessages({
  en: {
    'lab.theory.title': 'Sequence parallelism and in-context learning',
  },
  zh: {
    'lab.theory.title': '序列并行与上下文学习',
  },
});
