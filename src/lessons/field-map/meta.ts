// Lesson 16: the map of the field's open problems and directions (from the
// four seeds), the references they cite, and the glossary of the course.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'field-map',
  number: 16,
  title: { en: 'Where the field goes', zh: '领域走向' },
  summary: {
    en: 'The open problems and future directions the four surveys name, as a map linked to the lessons that show them; every paper they cite, checked against its identifier; and a bilingual glossary of the course’s terms.',
    zh: '四篇综述提出的开放问题与未来方向，画成一张链接到各课的地图；它们引用的每一篇论文，并逐一与编号核对；以及本课程术语的中英对照表。',
  },
  survey: [
    { seed: '001', heading: '未来研究方向' },
    { seed: '001', heading: '线性注意力发展方向总结' },
    { seed: '003', heading: '9. 结论' },
    { seed: '003', heading: '参考文献' },
    { seed: '002', heading: '线性注意力的当前问题及相关文献' },
    { seed: '000', heading: '总结' },
  ],
  steps: [
    { id: 'map', title: { en: 'The map of open problems', zh: '开放问题地图' } },
    { id: 'references', title: { en: 'References', zh: '参考文献' } },
    { id: 'glossary', title: { en: 'Glossary', zh: '术语表' } },
  ],
};
