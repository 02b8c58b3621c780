// Turns a URL correction into the sentence of a notice, in the reader's language.
// Every quoted piece was already sanitised by the schema (displayRaw); the text is
// rendered as React text.
import { translate, type MessageKey } from '../i18n/translate';
import type { Lang } from './types';
import type { Correction, CorrectionReason } from './urlSchema';

const KEY_OF_REASON: Readonly<Record<CorrectionReason, MessageKey>> = {
  'out-of-range': 'notice.outOfRange',
  adjusted: 'notice.adjusted',
  invalid: 'notice.invalid',
  'unknown-value': 'notice.unknownValue',
  incompatible: 'notice.incompatible',
  duplicate: 'notice.duplicate',
  'unknown-key': 'notice.unknownKey',
  'too-long': 'notice.tooLong',
  'lesson-cap': 'notice.lessonCap',
};

export function correctionText(correction: Correction, lang: Lang): string {
  const key: MessageKey =
    correction.key === 'lesson' && correction.reason === 'unknown-value'
      ? 'notice.unknownLesson'
      : KEY_OF_REASON[correction.reason];
  return translate(lang, key, { key: correction.key, raw: correction.raw, shown: correction.shown });
}
