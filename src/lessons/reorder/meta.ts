// Lesson 2: without softmax the product is associative, and Q(KᵀV) is linear in n.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'reorder',
  number: 2,
  title: { en: 'Reordering the product', zh: '计算顺序重排' },
  summary: {
    en: 'Drop the softmax and (QKᵀ)V equals Q(KᵀV): the same output through a d×d matrix instead of an n×n one.',
    zh: '去掉 Softmax 后 (QKᵀ)V = Q(KᵀV)：同样的输出，中间只经过 d×d 的矩阵，而不是 n×n。',
  },
  survey: [
    { seed: '001', heading: '传统注意力机制局限性' },
    { seed: '001', heading: '线性注意力的提出' },
    { seed: '003', heading: '1.2 线性注意力的核心思想' },
  ],
  steps: [
    {
      id: 'two-orders',
      title: { en: 'One product, two orders', zh: '同一个乘积，两种顺序' },
      // Identity feature map: both sides are plain matrix products.
      defaults: {
        variant: 'linear',
        featureMap: 'identity',
        form: 'parallel',
        causal: false,
        n: 256,
        d: 32,
      },
    },
    {
      id: 'flops',
      title: { en: 'Count the FLOPs', zh: '数一数浮点运算量' },
      defaults: { variant: 'linear', featureMap: 'identity', causal: false, n: 512, d: 64 },
    },
    {
      id: 'kernel',
      title: { en: 'Why softmax blocks it, and what replaces it', zh: '为什么 Softmax 不能重排，用什么替代' },
      defaults: { variant: 'linear', featureMap: 'elu1', causal: false, n: 256, d: 32 },
    },
    {
      id: 'causal',
      title: { en: 'Causal: the reorder becomes a running sum', zh: '因果情形：重排变成前缀和' },
      defaults: { variant: 'linear', featureMap: 'elu1', causal: true, n: 256, d: 32 },
    },
  ],
};
