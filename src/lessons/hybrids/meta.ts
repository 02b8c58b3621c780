// Lesson 12: Infini-attention (local softmax + compressive memory, segment by
// segment, mixed by a gate) and a sliding-window + linear hybrid whose softmax
// branch supplies most of the output (the component imbalance of survey 003 §3.3).
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'hybrids',
  number: 12,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 1024,
  title: { en: 'Hybrids and infinite context', zh: '混合架构与无限上下文' },
  summary: {
    en: 'Infini-attention cuts the sequence into segments: exact softmax inside a segment, a fixed-size linear-attention memory of every earlier segment, and a gate that mixes the two. A sliding-window + linear hybrid shows the catch the survey describes: the softmax branch can supply most of the output while the linear branch barely counts.',
    zh: 'Infini-attention 把序列切成段：段内用精确的 softmax，之前所有段压缩进一个大小固定的线性注意力记忆，再由一个门控把两者混合。滑窗 + 线性的混合架构则展示了综述指出的问题：softmax 分支可能提供输出的大部分，而线性分支几乎不起作用。',
  },
  survey: [
    { seed: '003', heading: '5.1 Infini-attention:无限上下文建模' },
    { seed: '003', heading: '3.3 混合架构的挑战' },
    { seed: '003', heading: '9. 结论' },
  ],
  steps: [
    {
      id: 'segments',
      title: { en: 'Segments: local softmax plus a compressive memory', zh: '分段：局部 softmax 加压缩记忆' },
      defaults: {
        variant: 'infini',
        form: 'chunk',
        causal: true,
        n: 256,
        d: 32,
        chunk: 64,
        mix: 0,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'gate',
      title: { en: 'The mixing gate sigmoid(β)', zh: '混合门控 sigmoid(β)' },
      // β = 3: sigmoid(β) ≈ 0.953, the memory branch gets 95 % of the weight.
      defaults: {
        variant: 'infini',
        form: 'chunk',
        causal: true,
        n: 256,
        d: 32,
        chunk: 64,
        mix: 3,
        locality: 0,
      },
    },
    {
      id: 'memory',
      title: { en: 'A fixed memory against a growing KV cache', zh: '固定的记忆与不断增长的 KV 缓存' },
      defaults: {
        variant: 'infini',
        form: 'chunk',
        causal: true,
        n: 512,
        d: 32,
        chunk: 32,
        mix: 0,
        locality: 0,
      },
    },
    {
      id: 'hybrid',
      title: { en: 'A window + linear hybrid', zh: '滑窗 + 线性的混合' },
      defaults: {
        variant: 'infini',
        form: 'chunk',
        causal: true,
        n: 256,
        d: 32,
        window: 32,
        mix: 0,
        locality: 0,
      },
    },
    {
      id: 'imbalance',
      title: { en: 'When the softmax branch takes over', zh: '当 softmax 分支占据主导' },
      defaults: {
        variant: 'infini',
        form: 'chunk',
        causal: true,
        n: 256,
        d: 32,
        window: 32,
        mix: 0,
        locality: 1,
      },
    },
  ],
};
