// Lesson 9: the efficient-Transformer family of the survey (seed 001, 改进
// Transformer): one live map per family, its cost, and what it gives up.
import type { ViewState } from '../../state/types';
import type { LessonDef } from '../types';

/** Shared step defaults: bidirectional maps of mildly local inputs. */
const BASE: Partial<ViewState> = {
  causal: false,
  n: 256,
  d: 32,
  temperature: 1,
  locality: 0.3,
  clustering: 0,
  window: 16,
  block: 16,
  globals: 2,
  buckets: 8,
  kproj: 32,
  landmarks: 16,
};

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'family',
  number: 9,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 1024,
  title: { en: 'The efficient-Transformer family', zh: '高效 Transformer 家族' },
  summary: {
    en: 'The survey sorts the efficient Transformers into fixed patterns, combinations, learnable patterns, neural memory, low-rank methods, kernels, recurrence, downsampling and sparse models. See one live map per family on the same q, k, v, count what each computes, measure its error against softmax, and watch which ones stay linear as n grows.',
    zh: '综述把高效 Transformer 分为固定模式、模式组合、可学习模式、神经记忆、低秩方法、核方法、循环、下采样和稀疏模型。在同一组 q、k、v 上看每个家族的实时注意力图，数一数各自计算了多少分数，测出与 softmax 的误差，再看 n 增大时哪些保持线性。',
  },
  survey: [
    { seed: '001', heading: '改进 Transformer' },
    { seed: '001', heading: '固定模式（FP）' },
    { seed: '001', heading: '模式组合（CP）' },
    { seed: '001', heading: '可学习模式（LP）' },
    { seed: '001', heading: '神经记忆（Neural Memory）' },
    { seed: '001', heading: '低秩方法（Low-Rank Methods）' },
    { seed: '001', heading: '核方法（Kernels）' },
    { seed: '001', heading: '循环（Recurrence）' },
    { seed: '001', heading: '下采样（Downsampling）' },
    { seed: '001', heading: '稀疏模型与条件计算（Sparse Models and Conditional Computation）' },
  ],
  steps: [
    {
      id: 'fixed',
      title: { en: 'Fixed patterns: window and block', zh: '固定模式：窗口与分块' },
      defaults: { ...BASE, pattern: 'block' },
    },
    {
      id: 'strided',
      title: { en: 'Strides and combinations', zh: '步长与模式组合' },
      defaults: { ...BASE, pattern: 'strided' },
    },
    {
      id: 'memory',
      title: { en: 'Global tokens as neural memory', zh: '全局令牌：神经记忆' },
      defaults: { ...BASE, pattern: 'longformer' },
    },
    {
      id: 'learnable',
      title: { en: 'Learnable patterns: LSH buckets', zh: '可学习模式：LSH 分桶' },
      defaults: { ...BASE, pattern: 'lsh' },
    },
    {
      id: 'low-rank',
      title: { en: 'Low rank and kernels', zh: '低秩方法与核方法' },
      defaults: { ...BASE, pattern: 'linformer' },
    },
    {
      id: 'downsampling',
      title: { en: 'Downsampling, and which stay linear', zh: '下采样，以及哪些保持线性' },
      defaults: { ...BASE, pattern: 'nystrom' },
    },
  ],
};
