// Lesson 10: associative recall against the size of the state. Softmax keeps
// every key (a KV cache that grows with t) and recalls exactly; fixed-state
// models hold d×d floats and degrade once P passes d; the delta rule overwrites,
// a window recalls only what it still sees, Based pairs a window with a cheap
// global kernel, and a larger state (StateX) moves the curve.
import type { LessonDef } from '../types';

/** Shared by every step: d = 16, P up to 64 (n = 128 tokens per trial), T = 4 (softmax exact), w = 16. */
const BASE = {
  d: 16,
  pairs: 64,
  temperature: 4,
  window: 16,
  beta: 0.9,
  gateStrength: 0.02,
} as const;

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'recall',
  number: 10,
  title: { en: 'Recall versus memory', zh: '召回与记忆' },
  summary: {
    en: 'Store P key–value pairs, then ask for them. Softmax keeps every key and recalls all of them; a fixed d×d state degrades once P passes d. Compare plain addition with the delta rule, a sliding window, Based’s window plus Taylor kernel, and a larger state.',
    zh: '存入 P 个键值对，再逐一询问。softmax 保留了每一个键，全部都能召回；固定大小的 d×d 状态在 P 超过 d 之后就开始出错。比较普通叠加与增量规则、滑动窗口、Based 的“窗口 + 泰勒核”，以及更大的状态。',
  },
  survey: [
    { seed: '000', heading: '平衡召回能力和内存消耗' },
    { seed: '002', heading: '效率与召回能力的平衡问题' },
    { seed: '000', heading: '线性注意力语言模型的平衡' },
    { seed: '001', heading: '应用领域' },
    { seed: '001', heading: '进展' },
    { seed: '003', heading: '5.2 StateX:通过状态扩展增强召回能力' },
  ],
  steps: [
    {
      id: 'task',
      title: { en: 'The task and the decoding rule', zh: '任务与解码规则' },
      defaults: { ...BASE },
    },
    {
      id: 'state-size',
      title: { en: 'Softmax stays exact, a fixed state fills up', zh: 'softmax 始终精确，固定状态会被填满' },
      defaults: { ...BASE },
    },
    {
      id: 'overwrite',
      title: { en: 'The delta rule: overwrite instead of add', zh: '增量规则：改写而非叠加' },
      defaults: { ...BASE },
    },
    {
      id: 'based',
      title: { en: 'Based: a window plus a Taylor kernel', zh: 'Based：窗口加泰勒核' },
      defaults: { ...BASE },
    },
    {
      id: 'statex',
      title: { en: 'A larger state moves the curve (StateX)', zh: '更大的状态推动曲线（StateX）' },
      defaults: { ...BASE, d: 32 },
    },
  ],
};
