// Lesson 11: second-order higher-order linear attention (HLA): its state, its
// size, the implied map it computes, its O(t²) growth and its chunk form.
import type { LessonDef } from '../types';

const common = {
  variant: 'hla2',
  form: 'recurrent',
  causal: true,
  d: 16,
  temperature: 1,
  locality: 0,
  clustering: 0,
  chunk: 16,
} as const;

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'higher-order',
  number: 11,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 512,
  title: { en: 'Higher-order linear attention', zh: '高阶线性注意力' },
  summary: {
    en: 'Second-order HLA keeps S^K = Σkᵀk, C = Σqᵀv and a correction G: a constant-size state of d² + 2·d·dv floats that computes a causal attention of second order, weight (q_t·k_i)(q_j·k_i) summed over i ≤ j ≤ t. Compare its implied map with linear attention and softmax, watch its output grow like t², and check the chunk formula, including the term a figure of the paper leaves out.',
    zh: '二阶 HLA 保存 S^K = Σkᵀk、C = Σqᵀv 和一个修正项 G：大小固定为 d² + 2·d·dv 个浮点数的状态，却算出一种二阶的因果注意力，权重是对 i ≤ j ≤ t 求和的 (q_t·k_i)(q_j·k_i)。把它隐含的注意力图与线性注意力和 Softmax 对比，看输出按 t² 增长，再核对分块公式，包括论文一幅图里漏掉的那一项。',
  },
  survey: [{ seed: '003', heading: '2.3 高阶线性注意力(Higher-order Linear Attention)' }],
  steps: [
    {
      id: 'state',
      title: { en: 'The second-order state', zh: '二阶状态' },
      defaults: { ...common, n: 128, t: 64, normalize: false },
    },
    {
      id: 'maps',
      title: {
        en: 'The implied map against linear and softmax',
        zh: '隐含的注意力图：与线性注意力和 Softmax 对比',
      },
      // Clustered keys: softmax has blocks to find; both linear maps are compared with it.
      defaults: { ...common, n: 128, t: 96, clustering: 0.5, normalize: false },
    },
    {
      id: 'metric',
      title: { en: 'A key metric that depends on the data', zh: '随数据变化的键度量' },
      defaults: { ...common, n: 128, t: 32, normalize: false },
    },
    {
      id: 'growth',
      title: { en: 'Quadratic growth and the normaliser', zh: '二次增长与归一化项' },
      // Clustered tokens: the pair terms share signs, so the t² growth shows (random signs partly cancel).
      defaults: { ...common, n: 256, t: 256, clustering: 0.8, normalize: true },
    },
    {
      id: 'chunk',
      title: { en: 'The chunk form and its middle term', zh: '分块形式及其中间项' },
      defaults: { ...common, form: 'chunk', n: 128, t: 128, chunk: 16, normalize: false },
    },
  ],
};
