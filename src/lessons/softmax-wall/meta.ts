// Lesson 1: why softmax attention costs n² in time and memory.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'softmax-wall',
  number: 1,
  title: { en: 'Softmax attention and the n² wall', zh: 'Softmax 注意力与 n² 之墙' },
  summary: {
    en: 'Every query is compared with every key, so the attention map, its memory and its time all grow as n².',
    zh: '每个查询都要与所有键比较，注意力矩阵的大小、内存与计算时间都随 n² 增长。',
  },
  survey: [
    { seed: '001', heading: '背景（注意力机制介绍）' },
    { seed: '001', heading: '传统注意力机制局限性' },
    { seed: '003', heading: '1.1 传统注意力机制的困境' },
  ],
  steps: [
    {
      id: 'scores',
      title: { en: 'Every query meets every key', zh: '每个查询都要见到每个键' },
      // Small and non-causal: every cell of the full map is visible.
      defaults: {
        variant: 'softmax',
        form: 'parallel',
        causal: false,
        n: 64,
        d: 32,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'softmax',
      title: { en: 'Softmax turns scores into weights', zh: 'Softmax 把分数变成权重' },
      defaults: { variant: 'softmax', form: 'parallel', causal: false, n: 128 },
    },
    {
      id: 'causal',
      title: { en: 'The causal mask halves it, no more', zh: '因果掩码只省下一半' },
      defaults: { variant: 'softmax', form: 'parallel', causal: true, n: 128 },
    },
    {
      id: 'wall',
      title: { en: 'Drag n: the n² wall', zh: '拖动 n：撞上 n² 之墙' },
      // Starts at 256 so that the reader's drag to 1024 shows the 16× jump in memory.
      defaults: { variant: 'softmax', form: 'parallel', causal: true, n: 256, d: 64 },
    },
    {
      id: 'culprit',
      title: { en: 'The culprit is the softmax', zh: '症结在 Softmax' },
      defaults: { variant: 'softmax', form: 'parallel', causal: true, n: 1024, d: 64 },
    },
  ],
};
