// Lesson 5: why kernel linear attention is low-rank and unfocused, and three fixes.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'low-rank',
  number: 5,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 1024,
  title: { en: 'Low rank and lost focus', zh: '低秩与聚焦能力不足' },
  summary: {
    en: 'The map φ(Q)φ(K)ᵀ has rank at most the feature dimension r, and its rows are flat. Measure the spectrum, the effective rank and the row entropy, then try the fixes: Focused linear attention (p), InLine (injectivity) and RALA (rank augmentation).',
    zh: 'φ(Q)φ(K)ᵀ 的秩不超过特征维度 r，每一行的权重又很平滑。测出奇异值谱、有效秩和行熵，再试三种改进：聚焦线性注意力（幂次 p）、InLine（单射性）和 RALA（秩增强）。',
  },
  survey: [
    { seed: '001', heading: '优缺点' },
    { seed: '002', heading: '近似误差和性能损失' },
    { seed: '002', heading: '低秩困境问题' },
    { seed: '000', heading: '线性注意力与 Softmax 注意力的差距分析' },
  ],
  steps: [
    {
      id: 'rank-bound',
      title: { en: 'The rank bound', zh: '秩的上界' },
      // Non-causal (the causal mask breaks the plain bound) and d = 16 < n so the bound shows.
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 16,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'effective-rank',
      title: { en: 'Effective rank', zh: '有效秩' },
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
        temperature: 1,
        locality: 0.5,
        clustering: 0,
      },
    },
    {
      id: 'entropy',
      title: { en: 'Row entropy: lost focus', zh: '行熵：聚焦能力不足' },
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
        temperature: 2,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'focused',
      title: { en: 'Focused linear attention: the power p', zh: '聚焦线性注意力：幂次 p' },
      defaults: {
        variant: 'focused',
        p: 3,
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
        temperature: 2,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'inline',
      title: { en: 'InLine: injective weights', zh: 'InLine：单射的注意力权重' },
      // φ = identity, InLine's choice in the paper (inline_deit.py).
      defaults: {
        variant: 'inline',
        featureMap: 'identity',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
        temperature: 2,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'rala',
      title: { en: 'RALA: rank augmentation', zh: 'RALA：秩增强' },
      // RALA has no causal form.
      defaults: {
        variant: 'rala',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
        temperature: 2,
        locality: 0,
        clustering: 0,
      },
    },
  ],
};
