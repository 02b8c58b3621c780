// Lesson 15: in-context linear regression. One unnormalised linear-attention
// head with query x_qΓ computes the same prediction as one step of
// preconditioned gradient descent from w₀ = 0 (attention-math.md §24).
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'icl-gd',
  number: 15,
  title: { en: 'Theory: attention as gradient descent', zh: '理论：注意力即梯度下降' },
  summary: {
    en: 'Give a linear-attention head M examples (x_i, y_i) and a query x_q. Its output (1/M)Σ(x_qΓ·x_i)y_i is exactly the prediction of one preconditioned gradient-descent step on the least-squares loss of the examples. Compute both separately, slide Γ from I to Ŝ⁻¹, measure the risk against M, and see linear attention’s state as the GD accumulator and DeltaNet as online SGD.',
    zh: '给线性注意力头 M 个示例 (x_i, y_i) 和一个查询 x_q。它的输出 (1/M)Σ(x_qΓ·x_i)y_i 恰好等于在这些示例的最小二乘损失上做一步预条件梯度下降的预测。分别计算两者，让 Γ 从 I 滑到 Ŝ⁻¹，测量风险随 M 的变化，再看线性注意力的状态矩阵如何就是梯度累加量、DeltaNet 如何就是在线 SGD。',
  },
  survey: [
    { seed: '003', heading: '6.2 上下文学习的精细分析' },
    { seed: '000', heading: '线性注意力在上下文学习中的应用' },
  ],
  steps: [
    {
      id: 'worked',
      title: { en: 'A worked example: from I to Ŝ⁻¹', zh: '算例：从 I 到 Ŝ⁻¹' },
      // §24's example: d = 2, M = 3; s = 0 gives ŷ = 1, s = 1 gives ŷ = 0.
      defaults: { precond: 0, d: 2, examples: 3, noise: 0, beta: 0.2 },
    },
    {
      id: 'one-step',
      title: { en: 'Attention = one GD step', zh: '注意力 = 一步梯度下降' },
      defaults: { precond: 0.5, d: 4, examples: 16, noise: 0.25, beta: 0.2 },
    },
    {
      id: 'risk',
      title: { en: 'Risk against M', zh: '风险随 M 的变化' },
      defaults: { precond: 0.5, d: 4, examples: 8, noise: 0.5, beta: 0.2 },
    },
    {
      id: 'streaming',
      title: {
        en: 'Streaming: the state is the accumulator, DeltaNet is SGD',
        zh: '流式视角：状态即累加量，DeltaNet 即 SGD',
      },
      defaults: { precond: 0, d: 4, examples: 16, noise: 0, beta: 0.2 },
    },
  ],
};
