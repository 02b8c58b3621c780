export { useT } from './useT';
export { translate, translatorFor, messages } from './translate';
export type { MessageKey, MessageParams, Translate } from './translate';
export { defineMessages } from './defineMessages';
