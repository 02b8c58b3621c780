// Lesson 13: linearise a trained Transformer by attention transfer (LoLCATs'
// first stage) with Hedgehog's learnable feature map, fitted live.
import type { LessonDef } from '../types';

// Every step fits the same problem, so the numbers the prose quotes stay put:
// n = 64, d = 16, r = 16 keep 200 steps within seconds on the CPU fallback and
// on a software GPU; locality and clustering give softmax a map worth copying.
const FIT = {
  seed: 42,
  n: 64,
  d: 16,
  temperature: 1,
  locality: 0.5,
  clustering: 0.5,
  rank: 16,
  lr: 0.1,
} as const;

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'linearise',
  number: 13,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 256,
  title: { en: 'Linearising a trained Transformer', zh: '线性化已训练的 Transformer' },
  summary: {
    en: 'Instead of pretraining a linear-attention model, convert a trained Transformer: LoLCATs first trains a learnable feature map so that linear attention copies each softmax layer (attention transfer), then repairs what is left with LoRA. Here the Hedgehog map is fitted live by Adam, with its gradient derived by hand.',
    zh: '不必从头预训练线性注意力模型，可以转换已训练的 Transformer：LoLCATs 先训练一个可学习的特征映射，让线性注意力模仿每个 softmax 层（注意力迁移），再用 LoRA 修正剩余误差。这里用 Adam 实时拟合 Hedgehog 特征映射，梯度由手工推导。',
  },
  survey: [
    { seed: '003', heading: '3.1 LoLCATs:低秩线性化转换' },
    { seed: '003', heading: '3.2 RADLADS:快速注意力蒸馏' },
    { seed: '003', heading: '4.2 跨架构迁移学习' },
  ],
  steps: [
    {
      id: 'why',
      title: { en: 'Why linearise a trained model', zh: '为什么要线性化已训练的模型' },
      defaults: { ...FIT, fitLoss: 'output' },
    },
    {
      id: 'hedgehog',
      title: { en: 'Hedgehog: a spiky, monotone map', zh: 'Hedgehog：尖锐且单调的特征映射' },
      defaults: { ...FIT, fitLoss: 'output' },
    },
    {
      id: 'fit',
      title: { en: 'Fitting live: the gradient by hand', zh: '实时拟合：手推梯度' },
      defaults: { ...FIT, fitLoss: 'output' },
    },
    {
      id: 'limits',
      title: { en: 'What the fit buys, and what it does not', zh: '拟合能带来什么，不能带来什么' },
      defaults: { ...FIT, fitLoss: 'output' },
    },
  ],
};
