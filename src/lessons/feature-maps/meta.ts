// Lesson 3: the kernel view of attention and the feature maps φ that make it linear.
import type { LessonDef } from '../types';

export const meta: Omit<LessonDef, 'Lab' | 'prose'> = {
  id: 'feature-maps',
  number: 3,
  // The largest n the lab computes (see LessonDef.maxN).
  maxN: 1024,
  title: { en: 'Kernel feature maps', zh: '核特征映射' },
  summary: {
    en: 'Softmax attention weighs keys by the kernel exp(q·k/√d). Linear attention replaces it by φ(q)·φ(k) for a finite feature map φ: elu+1, ReLU, Performer, cosFormer, Taylor (Based), Hedgehog. Each implies its own attention map; see where it matches softmax and where it does not.',
    zh: 'Softmax 注意力用核函数 exp(q·k/√d) 给键加权；线性注意力把它换成有限维特征映射 φ 的内积 φ(q)·φ(k)：elu+1、ReLU、Performer、cosFormer、泰勒展开（Based）、Hedgehog。每种 φ 都隐含一张注意力图，看它在哪里接近 Softmax、在哪里不行。',
  },
  survey: [
    { seed: '001', heading: '线性注意力的提出' },
    { seed: '001', heading: '核方法（Kernels）' },
    { seed: '003', heading: '2.1 线性注意力的数学基础' },
  ],
  steps: [
    {
      id: 'kernel',
      title: { en: 'Attention weights are a kernel', zh: '注意力权重就是核函数' },
      // Non-causal and small: the whole implied map sits beside softmax's.
      defaults: {
        variant: 'linear',
        featureMap: 'elu1',
        form: 'parallel',
        causal: false,
        n: 128,
        d: 32,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'simple-maps',
      title: { en: 'elu+1 and ReLU', zh: 'elu+1 与 ReLU' },
      defaults: {
        variant: 'linear',
        featureMap: 'relu',
        form: 'parallel',
        causal: false,
        n: 128,
        d: 32,
        temperature: 1,
        locality: 0,
        clustering: 0.5,
      },
    },
    {
      id: 'performer',
      title: { en: 'Performer: random features for exp', zh: 'Performer：用随机特征逼近 exp' },
      // Starts with few features so that dragging m up shows the error fall.
      defaults: {
        variant: 'performer',
        m: 16,
        form: 'parallel',
        causal: false,
        n: 128,
        d: 32,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'cosformer',
      title: { en: 'cosFormer: re-weighting by distance', zh: 'cosFormer：按距离重新加权' },
      defaults: {
        variant: 'cosformer',
        form: 'parallel',
        causal: false,
        n: 128,
        d: 32,
        temperature: 1,
        locality: 0.5,
        clustering: 0,
      },
    },
    {
      id: 'taylor',
      title: { en: 'Taylor features (Based)', zh: '泰勒特征（Based）' },
      // d = 16 as in Based: the map has 1 + d + d² = 273 features.
      defaults: {
        variant: 'based',
        form: 'parallel',
        causal: false,
        n: 128,
        d: 16,
        temperature: 1,
        locality: 0,
        clustering: 0,
      },
    },
    {
      id: 'hedgehog',
      title: { en: 'Hedgehog, and where every map fails', zh: 'Hedgehog，以及所有映射的短板' },
      defaults: {
        variant: 'hedgehog',
        form: 'parallel',
        causal: false,
        n: 128,
        d: 32,
        temperature: 2,
        locality: 0,
        clustering: 0,
      },
    },
  ],
};
