// Strings of lesson higher-order: its lab and views. Add keys in both languages; the
// type system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const higherOrderMessages = defineMessages({
  en: {
    'lab.higherOrder.title': 'Higher-order linear attention',
  },
  zh: {
    'lab.higherOrder.title': '高阶线性注意力',
  },
});
