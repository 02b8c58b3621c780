// Strings of the gating labs and their views. Add keys in both languages; the type
// system rejects a key missing in one.
import { defineMessages } from '../defineMessages';

export const gatingMessages = defineMessages({
  en: {
    'lab.gating.title': 'Gates and decay',
  },
  zh: {
    'lab.gating.title': '门控与衰减',
  },
});
