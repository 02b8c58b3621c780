// Lesson 8: measure O(n²) against O(n) on the reader's own device.
import { DEFAULT_SWEEP_CASES } from '../../state/limits';
import type { LessonDef } from '../types';

/** The five curves of issue 2's sweep: softmax (parallel, flash) and linear (parallel, recurrent, chunk). */
const FOUNDATION_SWEEP = DEFAULT_SWEEP_CASES;

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'timing',
  number: 8,
  title: { en: 'O(n²) vs O(n) on your GPU', zh: '在你的 GPU 上实测 O(n²) 与 O(n)' },
  summary: {
    en: 'Time softmax and linear attention in every form on this device, read the log–log slopes and find where the curves cross.',
    zh: '在本机上实测 softmax 注意力与线性注意力的各种计算形式，读出对数坐标下的斜率，找到曲线的交叉点。',
  },
  survey: [
    { seed: '001', heading: '优缺点' },
    { seed: '000', heading: '硬件高效的线性注意力训练' },
  ],
  steps: [
    {
      id: 'predict',
      title: { en: 'Predict before you measure', zh: '先预测，再测量' },
      defaults: { d: 64, chunk: 64, causal: true, sweepCases: FOUNDATION_SWEEP, sweepMaxN: 16384 },
    },
    {
      id: 'run',
      title: { en: 'Run the sweep honestly', zh: '诚实地运行一次扫描' },
      defaults: { d: 64, chunk: 64, causal: true, sweepCases: FOUNDATION_SWEEP, sweepMaxN: 16384 },
    },
    // The remaining steps read the result of the run; they set nothing, so a finished sweep stays valid.
    { id: 'slopes', title: { en: 'Read the slopes', zh: '读斜率' } },
    { id: 'crossover', title: { en: 'Where the curves cross', zh: '曲线在哪里交叉' } },
    { id: 'claim', title: { en: 'Check a claim from the survey', zh: '检验综述中的一个论断' } },
  ],
};
