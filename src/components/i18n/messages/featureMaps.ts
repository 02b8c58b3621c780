// Strings of the featureMaps labs and their views. Add keys in both languages; the type
// system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const featureMapsMessages = defineMessages({
  en: {
    'lab.featureMaps.title': 'Feature maps and rank',
  },
  zh: {
    'lab.featureMaps.title': '特征映射与秩',
  },
});
