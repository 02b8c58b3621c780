import { describe, expect, it } from 'vitest';
import { messages, translate } from './translate';

describe('messages', () => {
  it('has the same keys in both languages, none empty', () => {
    const en = Object.keys(messages.en).sort();
    const zh = Object.keys(messages.zh).sort();
    expect(zh).toEqual(en);
    for (const key of en) {
      expect(messages.en[key as keyof typeof messages.en].trim(), key).not.toBe('');
      expect(messages.zh[key as keyof typeof messages.zh].trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect(placeholders(messages.zh[key]), key).toEqual(placeholders(messages.en[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders, repeated ones too', () => {
    expect(translate('en', 'notice.outOfRange', { key: 'n', raw: '-5', shown: 8 })).toBe(
      'n=-5 is out of range; showing n=8.',
    );
    expect(translate('zh', 'map.lesson', { number: 4 })).toBe('第 4 课');
  });

  it('leaves unknown placeholders alone and does not interpret parameter text', () => {
    expect(translate('en', 'map.lesson')).toBe('Lesson {number}');
    expect(translate('en', 'map.lesson', { number: '{number}<b>' })).toBe('Lesson {number}<b>');
    expect(translate('en', 'map.lesson', { toString: 'x' })).toBe('Lesson {number}');
  });
});
