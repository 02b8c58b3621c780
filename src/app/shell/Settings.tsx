// Language, theme and WebGPU switches. Each writes the store (and so the URL).
import { useId } from 'react';
import { useViewStore } from '../../state/store';
import type { Lang, ThemeChoice } from '../../state/types';
import { useT } from '../../i18n';

const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '简体中文' };
const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function Settings() {
  const t = useT();
  const id = useId();
  const lang = useViewStore((state) => state.lang);
  const theme = useViewStore((state) => state.theme);
  const gpu = useViewStore((state) => state.gpu);
  const setView = useViewStore((state) => state.setView);
  return (
    <div className="settings" role="group" aria-label={t('settings.label')}>
      <label className="field" htmlFor={`${id}-lang`}>
        <span className="field__label">{t('settings.language')}</span>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setView({ lang: e.target.value as Lang })}>
          {(Object.keys(LANG_NAMES) as Lang[]).map((value) => (
            <option key={value} value={value} lang={value === 'zh' ? 'zh-Hans' : 'en'}>
              {LANG_NAMES[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-theme`}>
        <span className="field__label">{t('settings.theme')}</span>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(e) => setView({ theme: e.target.value as ThemeChoice })}
        >
          {THEME_CHOICES.map((value) => (
            <option key={value} value={value}>
              {t(`settings.theme.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--switch" title={t('settings.gpuHint')}>
        <input
          type="checkbox"
          role="switch"
          checked={gpu}
          onChange={(e) => setView({ gpu: e.target.checked })}
          aria-describedby={`${id}-gpu-hint`}
        />
        <span className="field__label">{t('settings.gpu')}</span>
        <span id={`${id}-gpu-hint`} className="visually-hidden">
          {t('settings.gpuHint')}
        </span>
      </label>
    </div>
  );
}
