// Lesson 4: causal linear attention is a recurrence over a fixed-size state.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'rnn',
  number: 4,
  title: { en: 'Linear attention is an RNN', zh: '线性注意力就是 RNN' },
  summary: {
    en: 'Causal linear attention keeps a d×d state S_t that each token updates once: constant memory and constant work per token, unlike a growing KV cache.',
    zh: '因果线性注意力只维护一个 d×d 的状态矩阵 S_t，每个 token 更新一次：每步的内存与计算都是常数，而 KV cache 随长度增长。',
  },
  survey: [
    { seed: '001', heading: '进展' },
    { seed: '003', heading: '1.2 线性注意力的核心思想' },
    { seed: '003', heading: '8.3 实时推理与边缘部署' },
  ],
  steps: [
    {
      id: 'prefix',
      title: { en: 'A causal sum is a running sum', zh: '因果求和就是前缀和' },
      // Small d so that every cell of the state heatmap is readable.
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'recurrent',
        causal: true,
        n: 64,
        d: 16,
        t: 1,
      },
    },
    {
      id: 'fill',
      title: { en: 'Watch S_t fill', zh: '看状态矩阵 S_t 被写满' },
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'recurrent',
        causal: true,
        n: 64,
        d: 16,
        t: 1,
      },
    },
    {
      id: 'normalise',
      title: { en: 'The normaliser z_t', zh: '归一化项 z_t' },
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'recurrent',
        causal: true,
        n: 64,
        d: 16,
        t: 64,
      },
    },
    {
      id: 'equal',
      title: { en: 'Parallel and recurrent agree', zh: '并行形式与递归形式一致' },
      defaults: { variant: 'linear', featureMap: 'elu1', causal: true, n: 256, d: 32, t: 256 },
    },
    {
      id: 'memory',
      title: { en: 'KV cache versus a fixed state', zh: 'KV cache 与固定大小的状态' },
      // Starts modest; the step asks the reader to drag n up and watch the two memory lines part.
      defaults: { variant: 'linear', featureMap: 'elu1', causal: true, n: 1024, d: 64, t: 1024 },
    },
  ],
};
