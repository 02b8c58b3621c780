// The open problems and future directions the four seeds name, grouped by
// theme, each with the seed sections it comes from (headings verbatim), the
// lessons that show it and the problems it is related to. The field map
// (src/components/field-map) draws this as a graph with a fixed layout.
import type { Bilingual } from '../../state/types';
import type { LessonId } from '../../state/types';
import type { SeedId } from '../references/types';

export type ThemeId = 'expressiveness' | 'memory' | 'efficiency' | 'hybrids' | 'theory' | 'applications';

export interface Theme {
  readonly id: ThemeId;
  readonly title: Bilingual;
}

export const THEMES: readonly Theme[] = [
  { id: 'expressiveness', title: { en: 'Expressiveness and approximation', zh: '表达能力与近似' } },
  { id: 'memory', title: { en: 'Memory, state and recall', zh: '记忆、状态与召回' } },
  { id: 'efficiency', title: { en: 'Efficiency and hardware', zh: '效率与硬件' } },
  { id: 'theory', title: { en: 'Theory and understanding', zh: '理论与理解' } },
  { id: 'hybrids', title: { en: 'Hybrids and conversion', zh: '混合与转换' } },
  { id: 'applications', title: { en: 'Applications and fit', zh: '应用与适用性' } },
];

export interface ProblemSource {
  readonly seed: SeedId;
  /** The heading as the seed writes it. */
  readonly heading: string;
}

export interface OpenProblem {
  readonly id: string;
  readonly theme: ThemeId;
  /** 'problem': a limitation the seeds name; 'direction': a way forward they propose. */
  readonly kind: 'problem' | 'direction';
  readonly title: Bilingual;
  readonly text: Bilingual;
  readonly sources: readonly ProblemSource[];
  /** Lessons that show it, the first being the one a click opens. */
  readonly lessons: readonly LessonId[];
}

export const OPEN_PROBLEMS: readonly OpenProblem[] = [
  // Expressiveness and approximation
  {
    id: 'approximation-error',
    theme: 'expressiveness',
    kind: 'problem',
    title: { en: 'Approximation error', zh: '近似误差' },
    text: {
      en: 'Kernels and low-rank approximations cut the cost but lose accuracy, most on tasks that need fine-grained relations between tokens. Better approximations are an open direction.',
      zh: '核方法和低秩近似降低了计算量，却损失了精度，在需要细粒度建模元素间关系的任务上尤甚。更好的近似方法仍是开放方向。',
    },
    sources: [
      { seed: '002', heading: '近似误差和性能损失' },
      { seed: '000', heading: '优化线性注意力的近似方法' },
    ],
    lessons: ['feature-maps', 'family'],
  },
  {
    id: 'low-rank',
    theme: 'expressiveness',
    kind: 'problem',
    title: { en: 'The low-rank dilemma', zh: '低秩困境' },
    text: {
      en: 'The output of linear attention is low-rank, which limits what it can model; RALA augments the rank and claims to match softmax attention at linear cost.',
      zh: '线性注意力的输出特征低秩，限制了其建模能力；RALA 通过秩增强，在保持线性复杂度的同时声称可与 Softmax 注意力媲美。',
    },
    sources: [
      { seed: '002', heading: '低秩困境问题' },
      { seed: '001', heading: '优缺点' },
    ],
    lessons: ['low-rank'],
  },
  {
    id: 'focus-gap',
    theme: 'expressiveness',
    kind: 'problem',
    title: { en: 'Lost focus and the gap to softmax', zh: '聚焦不足与 Softmax 的差距' },
    text: {
      en: 'Linear attention spreads its weights too evenly and lacks softmax’s injectivity and local modelling; adding both back is proposed to close the gap.',
      zh: '线性注意力的权重分布过于平滑，缺少 Softmax 的单射性与局部建模能力；研究提出补回这两点以弥合差距。',
    },
    sources: [
      { seed: '001', heading: '优缺点' },
      { seed: '000', heading: '线性注意力与 Softmax 注意力的差距分析' },
    ],
    lessons: ['low-rank'],
  },
  {
    id: 'kernels',
    theme: 'expressiveness',
    kind: 'direction',
    title: { en: 'Better kernel functions', zh: '更好的核函数' },
    text: {
      en: 'Kernel functions approximate the dot product at lower cost and can add non-linearity; choosing and learning them is named as a main future direction.',
      zh: '核函数以较低代价近似点积，并能引入非线性变换；如何选择和学习核函数被列为主要的未来方向。',
    },
    sources: [{ seed: '001', heading: '核函数' }],
    lessons: ['feature-maps'],
  },
  {
    id: 'higher-order',
    theme: 'expressiveness',
    kind: 'direction',
    title: { en: 'Higher-order linear attention', zh: '高阶线性注意力' },
    text: {
      en: 'Second- and higher-order prefix statistics capture interactions between tokens with a constant-size state, a spectrum between linear and full attention.',
      zh: '二阶及更高阶的前缀统计量以常数大小的状态捕获 token 间的交互，构成介于线性与全注意力之间的表达能力谱。',
    },
    sources: [{ seed: '003', heading: '2.3 高阶线性注意力(Higher-order Linear Attention)' }],
    lessons: ['higher-order'],
  },
  // Memory, state and recall
  {
    id: 'recall',
    theme: 'memory',
    kind: 'problem',
    title: { en: 'Recall against memory', zh: '召回与内存的平衡' },
    text: {
      en: 'Efficient models (Mamba, RWKV, Hyena, RetNet) recall poorly, which in-context learning needs; Based trades a little state for recall.',
      zh: '许多高效架构（Mamba、RWKV、Hyena、RetNet）召回能力不佳，而这对上下文学习至关重要；Based 在状态大小与召回之间取得平衡。',
    },
    sources: [
      { seed: '002', heading: '效率与召回能力的平衡问题' },
      { seed: '000', heading: '平衡召回能力和内存消耗' },
    ],
    lessons: ['recall'],
  },
  {
    id: 'long-range',
    theme: 'memory',
    kind: 'problem',
    title: { en: 'Long-range dependencies', zh: '长程依赖建模不足' },
    text: {
      en: 'On very long sequences the compressed state may lose the detailed long-range dependencies that full attention keeps.',
      zh: '在极长的序列中，压缩后的状态可能丢失全注意力能保留的细致长程依赖。',
    },
    sources: [{ seed: '002', heading: '对长序列的建模能力不足' }],
    lessons: ['gating', 'recall'],
  },
  {
    id: 'state-expansion',
    theme: 'memory',
    kind: 'direction',
    title: { en: 'Expanding the state', zh: '扩展状态' },
    text: {
      en: 'StateX enlarges the recurrent state after pre-training, improving recall with few extra parameters.',
      zh: 'StateX 在预训练后扩大递归状态，只增加很少参数即可提升召回能力。',
    },
    sources: [{ seed: '003', heading: '5.2 StateX:通过状态扩展增强召回能力' }],
    lessons: ['recall'],
  },
  {
    id: 'rnn-view',
    theme: 'memory',
    kind: 'direction',
    title: { en: 'Learning from RNNs', zh: '借鉴 RNN' },
    text: {
      en: 'Seen as a state space model, linear attention is an RNN; combining RNN recurrence, RWKV’s time mixing and Mamba’s selective state is a future direction.',
      zh: '从 SSM 的视角看，线性注意力本质上类似 RNN；结合 RNN 的循环特性、RWKV 的时间混合与 Mamba 的选择性状态空间是未来方向。',
    },
    sources: [{ seed: '001', heading: 'RNN' }],
    lessons: ['rnn', 'gating'],
  },
  {
    id: 'ssm',
    theme: 'memory',
    kind: 'direction',
    title: { en: 'Linear attention meets state space models', zh: '线性注意力与状态空间模型的结合' },
    text: {
      en: 'Linear attention and SSMs such as Mamba revisit RNNs and associative memory; Mamba-2’s state space duality makes the two one model.',
      zh: '线性注意力与 Mamba 等状态空间模型重新审视了 RNN 与联想记忆；Mamba-2 的状态空间对偶把二者统一为同一个模型。',
    },
    sources: [
      { seed: '002', heading: '线性注意力与状态空间模型的结合问题' },
      { seed: '000', heading: '线性注意力与状态空间模型的结合' },
      { seed: '000', heading: 'Mamba 2 算法及其效率提升' },
    ],
    lessons: ['gating', 'chunking'],
  },
  // Efficiency and hardware
  {
    id: 'hardware',
    theme: 'efficiency',
    kind: 'direction',
    title: { en: 'Hardware-efficient kernels', zh: '硬件高效' },
    text: {
      en: 'Fewer operations are not enough: memory access, parallelism and precision decide speed. FlashLinearAttention trades memory movement against parallelism.',
      zh: '运算少还不够：内存访问、并行化和精度决定速度。FlashLinearAttention 在内存移动与并行性之间权衡。',
    },
    sources: [
      { seed: '001', heading: '硬件高效' },
      { seed: '000', heading: '硬件高效的线性注意力训练' },
    ],
    lessons: ['timing', 'chunking'],
  },
  {
    id: 'causal-cumsum',
    theme: 'efficiency',
    kind: 'problem',
    title: { en: 'The causal cumulative sum', zh: '因果累积求和' },
    text: {
      en: 'In the causal setting the cumulative sum of states keeps linear attention from its theoretical speed; Lightning Attention-2 splits the work into intra- and inter-block parts.',
      zh: '在因果设置下，状态的累积求和使线性注意力达不到理论速度；Lightning Attention-2 把计算分为块内与块间两部分。',
    },
    sources: [{ seed: '000', heading: '线性注意力的计算优化' }],
    lessons: ['chunking'],
  },
  {
    id: 'efficiency',
    theme: 'efficiency',
    kind: 'problem',
    title: { en: 'Efficiency at scale', zh: '大规模输入下的效率' },
    text: {
      en: 'Large videos, long sequences and high-resolution images still strain memory and compute; the O(n²) to O(n) reduction is only the start.',
      zh: '大规模视频、长序列和高分辨率图像仍给内存和计算带来压力；从 O(N^2) 降到 O(N) 只是开始。',
    },
    sources: [
      { seed: '002', heading: '线性注意力机制的效率问题' },
      { seed: '002', heading: '线性注意力的计算优化问题' },
    ],
    lessons: ['softmax-wall', 'timing'],
  },
  {
    id: 'sequence-parallel',
    theme: 'efficiency',
    kind: 'direction',
    title: { en: 'Sequence parallelism', zh: '序列并行' },
    text: {
      en: 'LASP-2 needs one all-gather whose size does not depend on the sequence length, and extends to hybrid models.',
      zh: 'LASP-2 只需一次 AllGather，通信量与序列长度无关，并可扩展到混合模型。',
    },
    sources: [{ seed: '003', heading: '4.1 LASP-2:重新思考序列并行' }],
    lessons: ['seq-parallel'],
  },
  {
    id: 'sparsity',
    theme: 'efficiency',
    kind: 'direction',
    title: { en: 'Sparsity', zh: '稀疏化' },
    text: {
      en: 'Sparsifying the attention matrix cuts compute and storage further; fixed, combined and learned patterns are the older branch of efficient attention.',
      zh: '稀疏化注意力矩阵进一步减少计算和存储；固定模式、模式组合与可学习模式是高效注意力较早的分支。',
    },
    sources: [
      { seed: '000', heading: '基于稀疏性优化的线性注意力' },
      { seed: '001', heading: '改进 Transformer' },
    ],
    lessons: ['family'],
  },
  // Hybrids and conversion
  {
    id: 'local-global',
    theme: 'hybrids',
    kind: 'direction',
    title: { en: 'Local plus global', zh: '局部与全局结合' },
    text: {
      en: 'Sliding windows model local interactions and linear attention long-range ones; combining them (as Based does) keeps both.',
      zh: '滑动窗口建模局部交互，线性注意力建模长距离交互；把二者结合（如 Based）可兼得。',
    },
    sources: [
      { seed: '000', heading: '结合局部和全局注意力的线性注意力' },
      { seed: '000', heading: '线性注意力语言模型的平衡' },
    ],
    lessons: ['hybrids', 'family'],
  },
  {
    id: 'short-long-conv',
    theme: 'hybrids',
    kind: 'direction',
    title: { en: 'Short-long convolutions', zh: '短-长卷积' },
    text: {
      en: 'CHELA replaces SSMs with short and long convolutions and runs linear attention divide-and-conquer, keeping truly linear cost.',
      zh: 'CHELA 用短-长卷积替换 SSM，并以分而治之的方式实现线性注意力，保持真正的线性复杂度。',
    },
    sources: [{ seed: '000', heading: '短-长卷积辅助线性注意力' }],
    lessons: ['hybrids', 'chunking'],
  },
  {
    id: 'adaptive',
    theme: 'hybrids',
    kind: 'direction',
    title: { en: 'Adaptive linear attention', zh: '自适应线性注意力' },
    text: {
      en: 'Choosing the form of attention per task and input is named as a new direction; the seed lists no paper for it.',
      zh: '根据任务和数据特征动态调整注意力的计算方式被列为新方向；综述没有为它列出文献。',
    },
    sources: [{ seed: '000', heading: '自适应线性注意力' }],
    lessons: ['hybrids'],
  },
  {
    id: 'linearise',
    theme: 'hybrids',
    kind: 'direction',
    title: { en: 'Linearising trained Transformers', zh: '线性化已训练的 Transformer' },
    text: {
      en: 'LoLCATs and RADLADS convert pretrained models by attention transfer and light fine-tuning, with a tiny fraction of the original training tokens.',
      zh: 'LoLCATs 与 RADLADS 通过注意力迁移和少量微调转换预训练模型，只需原训练 token 的极小部分。',
    },
    sources: [{ seed: '003', heading: '3. 从Transformer到线性注意力:高效转换方法' }],
    lessons: ['linearise'],
  },
  {
    id: 'component-imbalance',
    theme: 'hybrids',
    kind: 'problem',
    title: { en: 'Hybrids that bypass the linear part', zh: '混合模型绕过线性分支' },
    text: {
      en: 'Converted hybrids with sliding-window softmax can end up relying almost entirely on the window, leaving the linear component decorative.',
      zh: '带滑窗 softmax 的转换混合模型可能几乎完全依赖滑窗，线性分支形同装饰。',
    },
    sources: [{ seed: '003', heading: '3.3 混合架构的挑战' }],
    lessons: ['hybrids', 'linearise'],
  },
  {
    id: 'smart-hybrids',
    theme: 'hybrids',
    kind: 'direction',
    title: { en: 'Intelligent hybrid architectures', zh: '智能混合架构' },
    text: {
      en: 'Future models may be neither purely linear nor purely softmax: softmax where exact attention is needed, linear attention over long sequences.',
      zh: '未来的基础模型可能既非纯线性也非纯 softmax：需要精确注意力处用 softmax，处理长序列处用线性注意力。',
    },
    sources: [{ seed: '003', heading: '9. 结论' }],
    lessons: ['hybrids'],
  },
  // Theory and understanding
  {
    id: 'learnability',
    theme: 'theory',
    kind: 'direction',
    title: { en: 'Learnability in polynomial time', zh: '多项式时间可学习性' },
    text: {
      en: 'One layer of linear attention is a linear predictor in an RKHS, so it is learnable in polynomial time; associative memories and finite automata are examples.',
      zh: '单层线性注意力是再生核希尔伯特空间中的线性预测器，因此可在多项式时间内学习；关联记忆与有限自动机即是例子。',
    },
    sources: [
      { seed: '000', heading: '线性注意力的多项式时间学习' },
      { seed: '003', heading: '6.1 多项式时间可学习性' },
    ],
    lessons: ['icl-gd', 'feature-maps'],
  },
  {
    id: 'in-context',
    theme: 'theory',
    kind: 'direction',
    title: { en: 'In-context learning as gradient descent', zh: '上下文学习即梯度下降' },
    text: {
      en: 'On linear regression, one layer of linear attention performs one step of preconditioned gradient descent; random matrix theory gives its exact asymptotics.',
      zh: '在线性回归上，一层线性注意力执行一步预条件梯度下降；随机矩阵理论给出其精确的渐近表现。',
    },
    sources: [
      { seed: '000', heading: '线性注意力在上下文学习中的应用' },
      { seed: '003', heading: '6.2 上下文学习的精细分析' },
    ],
    lessons: ['icl-gd'],
  },
  {
    id: 'gating-weighting',
    theme: 'theory',
    kind: 'direction',
    title: { en: 'Gating is weighting', zh: '门控就是加权' },
    text: {
      en: 'Gates weight each past token’s contribution; multi-layer GLA implements weighted preconditioned gradient descent in context.',
      zh: '门控对每个历史 token 的贡献加权；多层 GLA 可实现加权预条件梯度下降。',
    },
    sources: [{ seed: '003', heading: '2.2 门控线性注意力(Gated Linear Attention)' }],
    lessons: ['gating', 'icl-gd'],
  },
  {
    id: 'interpretability',
    theme: 'theory',
    kind: 'problem',
    title: { en: 'Interpretability', zh: '可解释性差' },
    text: {
      en: 'Softmax attention can be shown as a map of weights; linear attention never forms the map, which makes its decisions harder to read.',
      zh: 'Softmax 注意力可以画出权重图；线性注意力从不构造这张图，其决策过程更难解读。',
    },
    sources: [{ seed: '002', heading: '可解释性差' }],
    lessons: ['reorder', 'softmax-wall'],
  },
  {
    id: 'tuning',
    theme: 'theory',
    kind: 'problem',
    title: { en: 'Optimisation and tuning', zh: '优化困难和调参' },
    text: {
      en: 'Low-rank projections, kernels and hashing bring hyperparameters (k, m, buckets) that need tuning and can make optimisation unstable.',
      zh: '低秩近似、核方法和哈希引入了需要调优的超参数（k、m、桶数），可能使优化不稳定。',
    },
    sources: [{ seed: '002', heading: '优化困难和调参问题' }],
    lessons: ['family', 'linearise'],
  },
  // Applications and fit
  {
    id: 'special-tasks',
    theme: 'applications',
    kind: 'problem',
    title: { en: 'Not every task fits', zh: '对特殊任务的不适应' },
    text: {
      en: 'On tasks that need precise global relations linear attention may trail softmax, and on short sequences its speed advantage may not show at all.',
      zh: '在依赖精确全局关系的任务上线性注意力可能不如 softmax；在短序列上其效率优势可能根本体现不出来。',
    },
    sources: [{ seed: '002', heading: '对特殊任务的不适应' }],
    lessons: ['timing', 'softmax-wall'],
  },
  {
    id: 'multimodal',
    theme: 'applications',
    kind: 'direction',
    title: { en: 'Multimodal and long inputs', zh: '多模态与长输入' },
    text: {
      en: 'Images, video and text together make long sequences where quadratic attention is expensive; linear attention is explored there (the seed’s own references for this could not be confirmed).',
      zh: '图像、视频与文本组合成的长序列使二次注意力代价高昂；线性注意力正被用于这些场景（综述为此列出的文献未能证实）。',
    },
    sources: [
      { seed: '000', heading: '多模态学习中的线性注意力' },
      { seed: '003', heading: '8.2 视频与多模态处理' },
    ],
    lessons: ['softmax-wall'],
  },
];

/** Pairs of related problems (undirected). */
export const RELATED: readonly (readonly [string, string])[] = [
  ['approximation-error', 'low-rank'],
  ['approximation-error', 'kernels'],
  ['approximation-error', 'tuning'],
  ['approximation-error', 'sparsity'],
  ['low-rank', 'focus-gap'],
  ['low-rank', 'state-expansion'],
  ['focus-gap', 'kernels'],
  ['focus-gap', 'local-global'],
  ['kernels', 'higher-order'],
  ['kernels', 'learnability'],
  ['higher-order', 'recall'],
  ['recall', 'long-range'],
  ['recall', 'state-expansion'],
  ['recall', 'local-global'],
  ['recall', 'in-context'],
  ['long-range', 'rnn-view'],
  ['long-range', 'smart-hybrids'],
  ['rnn-view', 'ssm'],
  ['ssm', 'gating-weighting'],
  ['ssm', 'causal-cumsum'],
  ['hardware', 'causal-cumsum'],
  ['hardware', 'efficiency'],
  ['hardware', 'sequence-parallel'],
  ['efficiency', 'special-tasks'],
  ['efficiency', 'multimodal'],
  ['sparsity', 'local-global'],
  ['local-global', 'short-long-conv'],
  ['local-global', 'smart-hybrids'],
  ['short-long-conv', 'causal-cumsum'],
  ['adaptive', 'smart-hybrids'],
  ['linearise', 'component-imbalance'],
  ['linearise', 'tuning'],
  ['component-imbalance', 'smart-hybrids'],
  ['learnability', 'in-context'],
  ['in-context', 'gating-weighting'],
  ['interpretability', 'focus-gap'],
  ['special-tasks', 'smart-hybrids'],
  ['sequence-parallel', 'smart-hybrids'],
];

/** Problems related to `id`, in data order. */
export function relatedTo(id: string): OpenProblem[] {
  const ids = new Set(RELATED.flatMap(([a, b]) => (a === id ? [b] : b === id ? [a] : [])));
  return OPEN_PROBLEMS.filter((p) => ids.has(p.id));
}

/** Number of relations on the shortest path from `id` to every problem it reaches (itself: 0). */
export function distancesFrom(id: string): Map<string, number> {
  const distance = new Map<string, number>([[id, 0]]);
  let frontier = [id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const neighbour of relatedTo(current)) {
        if (distance.has(neighbour.id)) continue;
        distance.set(neighbour.id, (distance.get(current) ?? 0) + 1);
        next.push(neighbour.id);
      }
    }
    frontier = next;
  }
  return distance;
}

/** The largest number of relations between two problems (the slider's top: at it, the whole map is reached). */
export const MAP_DIAMETER = Math.max(...OPEN_PROBLEMS.map((p) => Math.max(...distancesFrom(p.id).values())));
