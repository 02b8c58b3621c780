// Lesson 14: sequence parallelism, simulated. LASP-2 gathers fixed-size KᵀV
// states (traffic independent of n); Ring Attention circulates K/V blocks
// (traffic linear in n); both reproduce the single-device output.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'seq-parallel',
  number: 14,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 512,
  title: { en: 'Sequence parallelism', zh: '序列并行' },
  summary: {
    en: 'Split one long sequence over W devices. LASP-2 computes each slice’s state KᵀV, gathers the states once and finishes locally: each device receives (W−1)·d² floats, whatever n. Ring Attention passes K/V blocks around the ring and merges them with the online softmax: 2d·n(W−1)/W floats. Both are simulated message by message here and give the single-device output.',
    zh: '把一条长序列分到 W 台设备上。LASP-2 在每个切片上算出状态矩阵 KᵀV，只做一次 AllGather，其余在本地完成：每台设备收到 (W−1)·d² 个浮点数，与 n 无关。Ring Attention 让 K/V 块沿环传递，用在线 Softmax 合并：2d·n(W−1)/W 个浮点数。这里逐条消息地模拟两者，结果都与单设备输出一致。',
  },
  survey: [{ seed: '003', heading: '4.1 LASP-2:重新思考序列并行' }],
  steps: [
    {
      id: 'lasp2',
      title: { en: 'LASP-2: one all-gather of states', zh: 'LASP-2：一次 AllGather 交换状态' },
      // W = 4 devices of C = 16 tokens, d = 8: each device receives 3·64 = 192 floats.
      defaults: { variant: 'linear', featureMap: 'elu1', devices: 4, n: 64, d: 8, temperature: 1 },
    },
    {
      id: 'ring',
      title: { en: 'Ring Attention: blocks travel the ring', zh: 'Ring Attention：K/V 块沿环传递' },
      // Same split; each device receives 3·2·16·8 = 768 floats.
      defaults: { variant: 'softmax', devices: 4, n: 64, d: 8, temperature: 1 },
    },
    {
      id: 'traffic',
      title: { en: 'Traffic against n', zh: '通信量随 n 的变化' },
      // W = 8, d = 16: the crossover C = d/2 = 8 is at n = 64; at n = 512 the ratio d/(2C) is 1/8.
      defaults: { variant: 'linear', featureMap: 'elu1', devices: 8, n: 512, d: 16, temperature: 1 },
    },
  ],
};
