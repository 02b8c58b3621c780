// Plain-text translation: t(key, params) fills {name} placeholders. The result
// is always rendered as React text (escaped), never as HTML.
import type { Lang } from '../state/types';
import { shellMessages } from './messages/shell';
import { featureMapsMessages } from './messages/featureMaps';
import { gatingMessages } from './messages/gating';
import { viewMessages } from './messages/views';
import { familyMessages } from './messages/family';
import { recallMessages } from './messages/recall';
import { higherOrderMessages } from './messages/higherOrder';
import { hybridsMessages } from './messages/hybrids';
import { lineariseMessages } from './messages/linearise';
import { theoryMessages } from './messages/theory';
import { fieldMapMessages } from './messages/fieldMap';
import { perfMessages } from './messages/perf';

export const messages = {
  en: {
    ...shellMessages.en,
    ...viewMessages.en,
    ...featureMapsMessages.en,
    ...gatingMessages.en,
    ...familyMessages.en,
    ...recallMessages.en,
    ...higherOrderMessages.en,
    ...hybridsMessages.en,
    ...lineariseMessages.en,
    ...theoryMessages.en,
    ...fieldMapMessages.en,
    ...perfMessages.en,
  },
  zh: {
    ...shellMessages.zh,
    ...viewMessages.zh,
    ...featureMapsMessages.zh,
    ...gatingMessages.zh,
    ...familyMessages.zh,
    ...recallMessages.zh,
    ...higherOrderMessages.zh,
    ...hybridsMessages.zh,
    ...lineariseMessages.zh,
    ...theoryMessages.zh,
    ...fieldMapMessages.zh,
    ...perfMessages.zh,
  },
} as const;

export type MessageKey = keyof typeof messages.en;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template: string = messages[lang][key];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translatorFor(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
