// The lesson text of the current language: the lesson's MDX module, loaded on
// demand (one chunk per lesson and language, the promise cached so Suspense can
// resume), rendered with the prose components.
import { createElement, Suspense, use } from 'react';
import type { LessonDef, ProseModule } from '../../lessons/types';
import type { Lang } from '../../state/types';
import { useT } from '../../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { mdxComponents } from './mdxComponents';

const modules = new Map<string, Promise<ProseModule>>();

function proseModule(lesson: LessonDef, lang: Lang): Promise<ProseModule> {
  const key = `${lesson.id}:${lang}`;
  let module = modules.get(key);
  if (module === undefined) {
    module = lesson.prose[lang]();
    modules.set(key, module);
    // A failed load is not cached: "try again" (a remount) loads it anew.
    module.catch(() => modules.delete(key));
  }
  return module;
}

function ProseText({ lesson, lang }: { readonly lesson: LessonDef; readonly lang: Lang }) {
  const { default: text } = use(proseModule(lesson, lang));
  return createElement(text, { components: mdxComponents });
}

export function Prose({ lesson, lang }: { readonly lesson: LessonDef; readonly lang: Lang }) {
  const t = useT();
  return (
    <ErrorBoundary
      key={`${lesson.id}:${lang}`}
      fallback={(error) => (
        <p className="inline-error" role="alert">
          {t('lesson.proseFailed', { message: error.message })}
        </p>
      )}
    >
      <Suspense fallback={<p className="loading">{t('lesson.loadingProse')}</p>}>
        <div className="prose" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
          <ProseText lesson={lesson} lang={lang} />
        </div>
      </Suspense>
    </ErrorBoundary>
  );
}
