// Lesson 6: decay and gates make the state forget; the delta rule overwrites.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'gating',
  number: 6,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 512,
  title: { en: 'Gating and decay', zh: '门控与衰减' },
  summary: {
    en: 'Plain linear attention never forgets. RetNet multiplies the state by a fixed γ before each write, GLA and Mamba-2 let each token choose its decay, RWKV-6 adds a bonus for the current token, and DeltaNet overwrites what a key stored instead of adding to it.',
    zh: '普通线性注意力从不遗忘。RetNet 在每次写入前把状态矩阵乘上固定的 γ，GLA 和 Mamba-2 让每个 token 自己决定衰减多少，RWKV-6 给当前 token 加上 bonus，DeltaNet 则用增量规则改写一个键已存的值，而不是再叠加一份。',
  },
  survey: [
    { seed: '001', heading: '进展' },
    { seed: '003', heading: '2.2 门控线性注意力(Gated Linear Attention)' },
  ],
  steps: [
    {
      id: 'decay',
      title: { en: 'RetNet: a fixed decay γ', zh: 'RetNet：固定衰减 γ' },
      // γ = 1 − 2⁻⁵, RetNet's first head: a memory horizon of 1/(1 − γ) = 32 tokens.
      defaults: {
        variant: 'retnet',
        form: 'recurrent',
        causal: true,
        gamma: 0.96875,
        n: 128,
        d: 16,
        t: 64,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'gla',
      title: { en: 'GLA: data-dependent gates per channel', zh: 'GLA：数据相关的逐通道门控' },
      defaults: {
        variant: 'gla',
        form: 'recurrent',
        causal: true,
        gate: 'data',
        gateStrength: 0.1,
        n: 128,
        d: 16,
        t: 64,
      },
    },
    {
      id: 'mamba2',
      title: {
        en: 'Mamba-2: one gate per token, and forgetting',
        zh: 'Mamba-2：每个 token 一个门，以及遗忘',
      },
      // The 'forget' gate wipes the state at token 48; the scrubber starts just after it.
      defaults: {
        variant: 'mamba2',
        form: 'recurrent',
        causal: true,
        gate: 'forget',
        forgetAt: 48,
        gateStrength: 0.1,
        n: 128,
        d: 16,
        t: 56,
      },
    },
    {
      id: 'rwkv6',
      title: { en: 'RWKV-6: decay plus a bonus', zh: 'RWKV-6：衰减加 bonus' },
      defaults: {
        variant: 'rwkv6',
        form: 'recurrent',
        causal: true,
        gate: 'data',
        gateStrength: 0.1,
        n: 128,
        d: 16,
        t: 64,
      },
    },
    {
      id: 'delta',
      title: { en: 'DeltaNet: overwrite instead of add', zh: 'DeltaNet：改写而非叠加' },
      // β = 0.9: reading the key back after two writes gives 0.9·v₂ + 0.09·v₁.
      defaults: {
        variant: 'deltanet',
        form: 'recurrent',
        causal: true,
        beta: 0.9,
        n: 128,
        d: 16,
        t: 64,
      },
    },
    {
      id: 'gated-delta',
      title: { en: 'Gated DeltaNet: forget and overwrite', zh: 'Gated DeltaNet：既遗忘又改写' },
      defaults: {
        variant: 'gated-deltanet',
        form: 'recurrent',
        causal: true,
        gate: 'data',
        gateStrength: 0.1,
        beta: 0.5,
        n: 128,
        d: 16,
        t: 64,
      },
    },
  ],
};
