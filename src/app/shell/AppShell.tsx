// The page frame: skip link, header, engine banner, notices, then the course map or a lesson.
import { getLesson } from '../../lessons/index';
import { useViewStore } from '../../state/store';
import { useT } from '../../i18n';
import { CourseMap } from './CourseMap';
import { EngineBanner } from './EngineBanner';
import { Header } from './Header';
import { LessonPage } from './LessonPage';
import { Notices } from './Notices';
import { useDocumentSync } from './useDocumentSync';

export function AppShell() {
  const t = useT();
  useDocumentSync();
  const lessonId = useViewStore((state) => state.lesson);
  const lesson = getLesson(lessonId);
  return (
    <>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <Header />
      <section className="status-area" aria-label={t('notices.label')}>
        <EngineBanner />
        <Notices />
      </section>
      <main id="content" className="main" tabIndex={-1}>
        {lesson === undefined ? <CourseMap /> : <LessonPage key={lesson.id} lesson={lesson} />}
      </main>
    </>
  );
}
