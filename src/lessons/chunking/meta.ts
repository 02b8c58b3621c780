// Lesson 7: the chunked form between the sequential recurrence and the quadratic parallel form.
import type { LessonDef } from '../types';

const RETNET_FORMS = [
  { variant: 'retnet', form: 'parallel' },
  { variant: 'retnet', form: 'recurrent' },
  { variant: 'retnet', form: 'chunk' },
] as const;

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'chunking',
  number: 7,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 2048,
  title: { en: 'Hardware-efficient chunking', zh: '硬件高效的分块计算' },
  summary: {
    en: 'The recurrent form is a chain of n small steps; the parallel form is one big n² product. The chunk form cuts the sequence into chunks of C tokens: quadratic inside a chunk, a state passed between chunks. Choose C and time all three forms on your GPU.',
    zh: '递归形式是 n 个串行的小步骤，并行形式是一次 n² 的大矩阵乘。分块形式把序列切成长度为 C 的块：块内按平方计算，块间传递状态矩阵。调节 C，在你的 GPU 上给三种形式计时。',
  },
  survey: [
    { seed: '000', heading: '硬件高效的线性注意力训练' },
    { seed: '000', heading: '线性注意力的计算优化' },
    { seed: '001', heading: '硬件高效' },
  ],
  steps: [
    {
      id: 'two-forms',
      title: { en: 'Sequential or quadratic', zh: '要么串行，要么平方' },
      defaults: {
        variant: 'retnet',
        form: 'recurrent',
        causal: true,
        gamma: 0.96875,
        n: 256,
        d: 32,
        chunk: 64,
      },
    },
    {
      id: 'split',
      title: { en: 'Intra-chunk and inter-chunk', zh: '块内与块间' },
      defaults: {
        variant: 'retnet',
        form: 'chunk',
        causal: true,
        gamma: 0.96875,
        n: 256,
        d: 32,
        chunk: 64,
      },
    },
    {
      id: 'chunk-size',
      title: { en: 'Choosing the chunk size C', zh: '选择块大小 C' },
      // Starts small so that dragging C up walks from the recurrent end to the parallel end.
      defaults: {
        variant: 'retnet',
        form: 'chunk',
        causal: true,
        gamma: 0.96875,
        n: 512,
        d: 32,
        chunk: 16,
      },
    },
    {
      id: 'gates-in-chunks',
      title: { en: 'Gates and the delta rule in chunks', zh: '门控与增量规则的分块' },
      defaults: {
        variant: 'gla',
        form: 'chunk',
        causal: true,
        gate: 'data',
        gateStrength: 0.1,
        n: 256,
        d: 32,
        chunk: 64,
      },
    },
    {
      id: 'race',
      title: { en: 'Time the three forms', zh: '给三种形式计时' },
      defaults: {
        variant: 'retnet',
        form: 'chunk',
        causal: true,
        gamma: 0.96875,
        n: 512,
        d: 64,
        chunk: 64,
        sweepCases: RETNET_FORMS,
        sweepMaxN: 16384,
      },
    },
  ],
};
