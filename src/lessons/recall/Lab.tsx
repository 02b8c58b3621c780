// Lesson 10 lab: associative recall against state size, computed live by the engine.
import { RecallLab } from './RecallLab';

export default function RecallLessonLab() {
  return <RecallLab />;
}
