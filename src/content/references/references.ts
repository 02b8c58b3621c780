// Every paper the four seeds cite, with the citation as the seed writes it and
// the paper's checked metadata. Status and notes record what was checked:
// identifiers were looked up in public indexes of arXiv links (awesome-lists,
// paper notes, bibliographies that pair the identifier with its title); where
// the seed's identifier belongs to another paper, or no paper with the cited
// title could be found, the entry says so instead of presenting it as fact.
import type { Reference } from './types';

const S000_MM = '多模态学习中的线性注意力';
const S000_APPROX = '优化线性注意力的近似方法';
const S000_HYBRID = '结合局部和全局注意力的线性注意力';
const S000_SPARSE = '基于稀疏性优化的线性注意力';
const S002_APPROX = '近似误差和性能损失';
const S002_INTERP = '可解释性差';
const S002_SPECIAL = '对特殊任务的不适应';
const S002_TUNING = '优化困难和调参问题';
const S002_LONG = '对长序列的建模能力不足';
const S003_REFS = '参考文献';

/** Note for the seed-000 links whose identifier could not be matched to the cited title. */
function noMatch(id: string, other?: { en: string; zh: string }): { en: string; zh: string } {
  return {
    en: `No paper with this title could be found, and arXiv:${id} could not be matched to it${other ? `: ${other.en}` : ''}. The title, year and link are the seed's, unconfirmed.`,
    zh: `找不到这个标题的论文，arXiv:${id} 也对不上它${other ? `：${other.zh}` : ''}。标题、年份和链接均照录综述原文，未经证实。`,
  };
}

export const REFERENCES: readonly Reference[] = [
  // ---- Seed 000: links in its research-direction list (titles that could not be confirmed) ----
  {
    id: 'mm-linear-complexities',
    title: 'Attention with Linear Complexities in Multimodal Learning',
    year: 2023,
    status: 'unverified',
    note: noMatch('2305.07818', {
      en: 'the identifier is cited elsewhere for an unrelated power-systems paper',
      zh: '别处引用这个编号时指的是一篇无关的电力系统论文',
    }),
    cited: [
      {
        seed: '000',
        section: S000_MM,
        text: 'Attention with Linear Complexities in Multimodal Learning',
        url: 'https://arxiv.org/abs/2305.07818',
      },
    ],
    lessons: [],
  },
  {
    id: 'mm-video-text',
    title: 'Efficient Multimodal Transformers for Video-Text Retrieval',
    year: 2023,
    status: 'unverified',
    note: noMatch('2307.06711'),
    cited: [
      {
        seed: '000',
        section: S000_MM,
        text: 'Efficient Multimodal Transformers for Video-Text Retrieval',
        url: 'https://arxiv.org/abs/2307.06711',
      },
    ],
    lessons: [],
  },
  {
    id: 'learned-kernels',
    title: 'Dynamic Attention via Learned Kernels for Linear Transformers',
    year: 2023,
    status: 'unverified',
    note: noMatch('2305.03869'),
    cited: [
      {
        seed: '000',
        section: S000_APPROX,
        text: 'Dynamic Attention via Learned Kernels for Linear Transformers',
        url: 'https://arxiv.org/abs/2305.03869',
      },
    ],
    lessons: ['feature-maps'],
  },
  {
    id: 'improved-low-rank',
    title: 'Improved Low-Rank Approximations for Linear Transformers',
    year: 2023,
    status: 'unverified',
    note: noMatch('2306.08460'),
    cited: [
      {
        seed: '000',
        section: S000_APPROX,
        text: 'Improved Low-Rank Approximations for Linear Transformers',
        url: 'https://arxiv.org/abs/2306.08460',
      },
    ],
    lessons: ['low-rank'],
  },
  {
    id: 'hybrid-attention-mechanism',
    title: 'Hybrid Attention Mechanism for Efficient Sequence Modeling',
    year: 2023,
    status: 'unverified',
    note: noMatch('2304.01002', {
      en: 'several independent listings give arXiv:2304.01002 as "Does Human Collaboration Enhance the Accuracy of Identifying LLM-Generated Deepfake Texts?" (Uchendu et al., 2023)',
      zh: '多处独立的论文列表都把 arXiv:2304.01002 记为 “Does Human Collaboration Enhance the Accuracy of Identifying LLM-Generated Deepfake Texts?”（Uchendu 等，2023）',
    }),
    cited: [
      {
        seed: '000',
        section: S000_HYBRID,
        text: 'Hybrid Attention Mechanism for Efficient Sequence Modeling',
        url: 'https://arxiv.org/abs/2304.01002',
      },
    ],
    lessons: ['hybrids'],
  },
  {
    id: 'hybrid-local-global',
    title: 'Efficient Long-Range Transformers via Hybrid Local-Global Attention',
    year: 2023,
    status: 'unverified',
    note: noMatch('2308.03757'),
    cited: [
      {
        seed: '000',
        section: S000_HYBRID,
        text: 'Efficient Long-Range Transformers via Hybrid Local-Global Attention',
        url: 'https://arxiv.org/abs/2308.03757',
      },
    ],
    lessons: ['hybrids', 'family'],
  },
  {
    id: 'sparse-linear-nas',
    title: 'Sparse Linear Attention for Scalable Neural Architecture Search',
    year: 2023,
    status: 'unverified',
    note: noMatch('2304.10538'),
    cited: [
      {
        seed: '000',
        section: S000_SPARSE,
        text: 'Sparse Linear Attention for Scalable Neural Architecture Search',
        url: 'https://arxiv.org/abs/2304.10538',
      },
    ],
    lessons: ['family'],
  },
  {
    id: 'sparse-transformer-linear',
    title: 'Sparse Transformer with Linear Attention for Long Sequences',
    year: 2023,
    status: 'unverified',
    note: noMatch('2305.03860'),
    cited: [
      {
        seed: '000',
        section: S000_SPARSE,
        text: 'Sparse Transformer with Linear Attention for Long Sequences',
        url: 'https://arxiv.org/abs/2305.03860',
      },
    ],
    lessons: ['family'],
  },

  // ---- Seed 000: papers named without a link ----
  {
    id: 'based',
    title: 'Simple linear attention language models balance the recall-throughput tradeoff',
    authors: 'Simran Arora et al.',
    year: 2024,
    arxiv: '2402.18668',
    status: 'corrected',
    note: {
      en: 'Seed 000 calls the Based paper an ICLR paper; Based appeared at ICML 2024. The analysis of why convolutional models such as H3 and Hyena struggle with recall is from the same group’s Zoology paper (ICLR 2024, listed separately).',
      zh: '综述 000 称 Based 是 ICLR 论文；Based 发表于 ICML 2024。关于 H3、Hyena 等卷积视角模型为何召回困难的分析出自同一团队的 Zoology（ICLR 2024，另列一条）。',
    },
    cited: [
      { seed: '000', section: '平衡召回能力和内存消耗', text: '新的架构“Based”' },
      { seed: '000', section: '线性注意力语言模型的平衡', text: '称为 Based' },
      { seed: '001', section: '应用领域', text: 'Based通过设计简单且高效的注意力机制' },
      { seed: '002', section: '效率与召回能力的平衡问题', text: '设计了一个新的架构叫做Based' },
    ],
    lessons: ['recall', 'hybrids'],
  },
  {
    id: 'zoology',
    title: 'Zoology: Measuring and Improving Recall in Efficient Language Models',
    authors: 'Simran Arora et al.',
    year: 2023,
    arxiv: '2312.04927',
    status: 'corrected',
    note: {
      en: 'Seed 000 attributes this ICLR analysis to the Based paper; the recall study of convolutional models (H3, Hyena) is Zoology.',
      zh: '综述 000 把这项 ICLR 分析归到 Based 名下；对卷积模型（H3、Hyena）召回能力的研究是 Zoology。',
    },
    cited: [{ seed: '000', section: '线性注意力语言模型的平衡', text: '在 ICLR 论文中' }],
    lessons: ['recall'],
  },
  {
    id: 'llapt',
    title: 'Learning Linear Attention in Polynomial Time',
    authors: 'Morris Yau et al.',
    year: 2024,
    arxiv: '2410.10101',
    status: 'verified',
    cited: [
      {
        seed: '000',
        section: '线性注意力的多项式时间学习',
        text: '另一项研究提供了单层Transformer中线性注意力的首个多项式时间学习结果',
      },
      {
        seed: '003',
        section: S003_REFS,
        text: 'Learning Linear Attention in Polynomial Time (2410.10101v4)',
      },
    ],
    lessons: ['icl-gd', 'feature-maps'],
  },
  {
    id: 'gla',
    title: 'Gated Linear Attention Transformers with Hardware-Efficient Training',
    authors: 'Songlin Yang, Bailin Wang, Yikang Shen, Rameswar Panda, Yoon Kim',
    year: 2023,
    arxiv: '2312.06635',
    status: 'verified',
    cited: [
      {
        seed: '000',
        section: '硬件高效的线性注意力训练',
        text: 'Gated Linear Attention Transformers with Hardware-Efficient Training',
      },
      { seed: '001', section: '进展', text: 'GLA（Gated Linear Attention）' },
    ],
    lessons: ['gating', 'chunking', 'timing'],
  },
  {
    id: 'lightning2',
    title:
      'Lightning Attention-2: A Free Lunch for Handling Unlimited Sequence Lengths in Large Language Models',
    authors: 'Zhen Qin, Weigao Sun, Dong Li, Xuyang Shen, Weixuan Sun, Yiran Zhong',
    year: 2024,
    arxiv: '2401.04658',
    status: 'corrected',
    note: {
      en: 'The seed names it “Meet Lightning Attention-2”; the paper’s title is “Lightning Attention-2: A Free Lunch for Handling Unlimited Sequence Lengths in Large Language Models”.',
      zh: '综述称其为 “Meet Lightning Attention-2”；论文标题是 “Lightning Attention-2: A Free Lunch for Handling Unlimited Sequence Lengths in Large Language Models”。',
    },
    cited: [{ seed: '000', section: '线性注意力的计算优化', text: '“Meet Lightning Attention-2”研究' }],
    lessons: ['chunking'],
  },
  {
    id: 'chela',
    title: 'Short-Long Convolutions Help Hardware-Efficient Linear Attention to Focus on Long Sequences',
    authors: 'Zicheng Liu et al.',
    year: 2024,
    arxiv: '2406.08128',
    status: 'verified',
    cited: [
      {
        seed: '000',
        section: '短-长卷积辅助线性注意力',
        text: 'Short-Long Convolutions Help Hardware-Efficient Linear Attention to Focus on Long Sequences',
      },
    ],
    lessons: ['hybrids', 'chunking'],
  },
  {
    id: 'mamba2',
    title:
      'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality',
    authors: 'Tri Dao, Albert Gu',
    year: 2024,
    arxiv: '2405.21060',
    status: 'verified',
    cited: [
      { seed: '000', section: 'Mamba 2 算法及其效率提升', text: 'Mamba 2（Dao, Gu, 2024）' },
      { seed: '001', section: '进展', text: 'Mamba-2 则进一步改进了训练效率和性能' },
    ],
    lessons: ['gating', 'chunking'],
  },
  {
    id: 'mamba',
    title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
    authors: 'Albert Gu, Tri Dao',
    year: 2023,
    arxiv: '2312.00752',
    status: 'verified',
    cited: [
      { seed: '000', section: 'Mamba 2 算法及其效率提升', text: 'Mamba 基础模型' },
      { seed: '001', section: '进展', text: 'Mamba 模型通过结合递归结构与状态空间模型' },
      {
        seed: '002',
        section: '线性注意力与状态空间模型的结合问题',
        text: '线性注意力和状态空间模型（如Mamba）',
      },
      { seed: '002', section: '效率与召回能力的平衡问题', text: 'Mamba, RWKV, Hyena, RetNet' },
    ],
    lessons: ['gating', 'rnn'],
  },
  {
    id: 'icl-asymptotic',
    title: 'Asymptotic theory of in-context learning by linear attention',
    authors: 'Yue M. Lu, Mary I. Letey, Jacob A. Zavatone-Veth, Anindita Maiti, Cengiz Pehlevan',
    year: 2024,
    arxiv: '2405.11751',
    status: 'verified',
    note: {
      en: 'Seed 000 describes the study without naming it; identified from the description (simplified linear self-attention, linear regression, random matrix theory).',
      zh: '综述 000 只描述了这项研究而未给出标题；根据描述（简化的线性自注意力、线性回归、随机矩阵理论）认定。',
    },
    cited: [
      {
        seed: '000',
        section: '线性注意力在上下文学习中的应用',
        text: '使用随机矩阵理论计算了 ICL 性能的精确渐近分析',
      },
    ],
    lessons: ['icl-gd'],
  },
  {
    id: 'inline',
    title: 'Bridging the Divide: Reconsidering Softmax and Linear Attention',
    authors: 'Dongchen Han et al.',
    year: 2024,
    arxiv: '2412.06590',
    status: 'verified',
    note: {
      en: 'Seed 000 describes the study (injectivity and local modelling) without naming it; identified from the description.',
      zh: '综述 000 只描述了这项研究（单射性与局部建模）而未给出标题；根据描述认定。',
    },
    cited: [
      {
        seed: '000',
        section: '线性注意力与 Softmax 注意力的差距分析',
        text: '研究提出了两种简单的方法来赋予线性注意力注入性质和局部建模能力',
      },
    ],
    lessons: ['low-rank'],
  },

  // ---- Seed 002: its problem list's references ----
  {
    id: 'linformer',
    title: 'Linformer: Self-Attention with Linear Complexity',
    authors: 'Sinong Wang, Belinda Z. Li, Madian Khabsa, Han Fang, Hao Ma',
    year: 2020,
    arxiv: '2006.04768',
    status: 'verified',
    cited: [
      {
        seed: '002',
        section: S002_APPROX,
        text: 'Linformer: Self-Attention with Linear Complexity',
        url: 'https://arxiv.org/abs/2006.04768',
      },
      {
        seed: '002',
        section: S002_TUNING,
        text: 'Linformer: Self-Attention with Linear Complexity',
        url: 'https://arxiv.org/abs/2006.04768',
      },
      { seed: '001', section: '低秩方法（Low-Rank Methods）', text: 'Linformer（Wang 等人，2020c）' },
    ],
    lessons: ['family', 'low-rank'],
  },
  {
    id: 'reformer',
    title: 'Reformer: The Efficient Transformer',
    authors: 'Nikita Kitaev, Łukasz Kaiser, Anselm Levskaya',
    year: 2020,
    arxiv: '2001.04451',
    status: 'verified',
    cited: [
      {
        seed: '002',
        section: S002_APPROX,
        text: 'Reformer: The Efficient Transformer',
        url: 'https://arxiv.org/abs/2001.04451',
      },
      {
        seed: '002',
        section: S002_TUNING,
        text: 'Reformer: The Efficient Transformer',
        url: 'https://arxiv.org/abs/2001.04451',
      },
      { seed: '001', section: '可学习模式（LP）', text: 'Reformer（Kitaev 等人，2020）' },
    ],
    lessons: ['family'],
  },
  {
    id: 'vqa-attention',
    title: 'Understanding Attention and Its Application to Visual Question Answering',
    year: 2020,
    status: 'unverified',
    note: {
      en: 'No paper with this title could be found. arXiv:2002.09011 is a mathematics paper (Y. Hu, P. Nelson, “New test vector for Waldspurger’s period integral”, 2020), not about attention. The title, year and claim are the seed’s, unconfirmed.',
      zh: '找不到这个标题的论文。arXiv:2002.09011 是一篇数学论文（Y. Hu、P. Nelson，“New test vector for Waldspurger’s period integral”，2020），与注意力无关。标题、年份和论断均照录综述原文，未经证实。',
    },
    cited: [
      {
        seed: '002',
        section: S002_INTERP,
        text: 'Understanding Attention and Its Application to Visual Question Answering',
        url: 'https://arxiv.org/abs/2002.09011',
      },
    ],
    lessons: [],
  },
  {
    id: 'transformer',
    title: 'Attention Is All You Need',
    authors: 'Ashish Vaswani et al.',
    year: 2017,
    arxiv: '1706.03762',
    status: 'verified',
    note: {
      en: 'Title, year and link agree. Seed 002 also says the paper discusses interpretation methods for low-rank or linear variants; the paper predates those variants and contains no such discussion.',
      zh: '标题、年份与链接一致。综述 002 还说该论文讨论了低秩或线性变体的可解释性；该论文早于这些变体，并无此讨论。',
    },
    cited: [
      {
        seed: '002',
        section: S002_INTERP,
        text: 'Attention is All You Need',
        url: 'https://arxiv.org/abs/1706.03762',
      },
      { seed: '001', section: '传统注意力机制基本概念', text: 'Vaswani 等人在 2017 年' },
    ],
    lessons: ['softmax-wall'],
  },
  {
    id: 'efficient-attention',
    title: 'Efficient Attention: Attention with Linear Complexities',
    authors: 'Zhuoran Shen, Mingyuan Zhang, Haiyu Zhao, Shuai Yi, Hongsheng Li',
    year: 2018,
    arxiv: '1812.01243',
    status: 'corrected',
    note: {
      en: 'The seed cites “Efficient Attention: Attention with Linear Complexity” (2020) at arXiv:2007.06155. The paper is “…with Linear Complexities”, arXiv:1812.01243 (2018; WACV 2021); arXiv:2007.06155 could not be matched to it. The seed’s link is kept below as cited.',
      zh: '综述引作 “Efficient Attention: Attention with Linear Complexity”（2020），链接 arXiv:2007.06155。论文实为 “…with Linear Complexities”，arXiv:1812.01243（2018；WACV 2021）；arXiv:2007.06155 对不上这篇论文。综述原链接照录于下。',
    },
    cited: [
      {
        seed: '002',
        section: S002_SPECIAL,
        text: 'Efficient Attention: Attention with Linear Complexity',
        url: 'https://arxiv.org/abs/2007.06155',
      },
    ],
    lessons: ['reorder'],
  },
  {
    id: 'longformer',
    title: 'Longformer: The Long-Document Transformer',
    authors: 'Iz Beltagy, Matthew E. Peters, Arman Cohan',
    year: 2020,
    arxiv: '2004.05150',
    status: 'verified',
    cited: [
      {
        seed: '002',
        section: S002_SPECIAL,
        text: 'Longformer: The Long-Document Transformer',
        url: 'https://arxiv.org/abs/2004.05150',
      },
      {
        seed: '002',
        section: S002_LONG,
        text: 'Longformer: The Long-Document Transformer',
        url: 'https://arxiv.org/abs/2004.05150',
      },
      { seed: '001', section: '固定模式（FP）', text: 'Longformer（Beltagy 等人，2020）' },
    ],
    lessons: ['family', 'hybrids'],
  },
  {
    id: 'rala',
    title: 'Breaking the Low-Rank Dilemma of Linear Attention',
    authors: 'Qihang Fan, Huaibo Huang, Ran He',
    year: 2024,
    arxiv: '2411.07635',
    status: 'verified',
    cited: [{ seed: '002', section: '低秩困境问题', text: 'Rank-Augmented Linear Attention (RALA)' }],
    lessons: ['low-rank'],
  },
  {
    id: 'gnot',
    title: 'GNOT: A General Neural Operator Transformer for Operator Learning',
    authors: 'Zhongkai Hao et al.',
    year: 2023,
    arxiv: '2302.14376',
    status: 'verified',
    cited: [
      {
        seed: '002',
        section: '线性注意力的计算优化问题',
        text: 'GNOT（Heterogeneous Normalized (linear) Attention block）',
      },
    ],
    lessons: [],
  },
  {
    id: 'oformer',
    title: "Transformer for Partial Differential Equations' Operator Learning",
    authors: 'Zijie Li, Kazem Meidani, Amir Barati Farimani',
    year: 2022,
    arxiv: '2205.13671',
    status: 'verified',
    cited: [
      {
        seed: '002',
        section: '线性注意力的计算优化问题',
        text: "Transformer for partial differential equations' operator learning",
      },
    ],
    lessons: [],
  },
  {
    id: 'rwkv',
    title: 'RWKV: Reinventing RNNs for the Transformer Era',
    authors: 'Bo Peng et al.',
    year: 2023,
    arxiv: '2305.13048',
    status: 'verified',
    cited: [
      { seed: '002', section: '效率与召回能力的平衡问题', text: 'Mamba, RWKV, Hyena, RetNet' },
      { seed: '001', section: '进展', text: '时间混合（time mixing）' },
    ],
    lessons: ['gating', 'rnn'],
  },
  {
    id: 'hyena',
    title: 'Hyena Hierarchy: Towards Larger Convolutional Language Models',
    authors: 'Michael Poli et al.',
    year: 2023,
    arxiv: '2302.10866',
    status: 'verified',
    cited: [
      { seed: '002', section: '效率与召回能力的平衡问题', text: 'Mamba, RWKV, Hyena, RetNet' },
      { seed: '000', section: '线性注意力语言模型的平衡', text: 'H3 或 Hyena' },
    ],
    lessons: ['recall'],
  },
  {
    id: 'h3',
    title: 'Hungry Hungry Hippos: Towards Language Modeling with State Space Models',
    authors: 'Daniel Y. Fu, Tri Dao et al.',
    year: 2022,
    arxiv: '2212.14052',
    status: 'verified',
    cited: [{ seed: '000', section: '线性注意力语言模型的平衡', text: 'H3 或 Hyena' }],
    lessons: ['recall', 'icl-gd'],
  },
  {
    id: 'retnet',
    title: 'Retentive Network: A Successor to Transformer for Large Language Models',
    authors: 'Yutao Sun et al.',
    year: 2023,
    arxiv: '2307.08621',
    status: 'verified',
    cited: [
      { seed: '002', section: '效率与召回能力的平衡问题', text: 'Mamba, RWKV, Hyena, RetNet' },
      { seed: '001', section: '进展', text: 'Retentive Network 通过引入控制历史信息保留的机制' },
    ],
    lessons: ['gating'],
  },

  // ---- Seed 001: background, applications, progress ----
  {
    id: 'bahdanau',
    title: 'Neural Machine Translation by Jointly Learning to Align and Translate',
    authors: 'Dzmitry Bahdanau, Kyunghyun Cho, Yoshua Bengio',
    year: 2014,
    arxiv: '1409.0473',
    status: 'verified',
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'Bahdanau 等人[]' }],
    lessons: ['softmax-wall'],
  },
  {
    id: 'kam-bert',
    title: 'Enhancing Self-Attention with Knowledge-Assisted Attention Maps',
    year: 2022,
    status: 'unverified',
    note: {
      en: 'The seed names only “KAM-BERT”. The model is from this NAACL 2022 paper; its arXiv identifier and authors were not confirmed here, so no link is given.',
      zh: '综述只提到 “KAM-BERT”。该模型出自这篇 NAACL 2022 论文；其 arXiv 编号与作者未能在此核实，故不给链接。',
    },
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'KAM-BERT模型' }],
    lessons: [],
  },
  {
    id: 'bai-spiking',
    title:
      'Bai et al.: sequential recommendation with multi-level self-attention and gated spiking neural P systems',
    status: 'unverified',
    note: {
      en: 'The seed gives only the first author and a description; the paper could not be identified.',
      zh: '综述只给出第一作者和一句描述；未能确定是哪篇论文。',
    },
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'Bai 等人' }],
    lessons: [],
  },
  {
    id: 'sible-rare-words',
    title: 'Sible et al.: dictionaries and attention masks for translating rare words',
    status: 'unverified',
    note: {
      en: 'The seed gives only a name and a description; the paper could not be identified.',
      zh: '综述只给出人名和一句描述；未能确定是哪篇论文。',
    },
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'Sible 两人' }],
    lessons: [],
  },
  {
    id: 'chang-masked-generation',
    title: 'Chang et al.: attention-based image generation with masking',
    status: 'unverified',
    note: {
      en: 'The description fits MaskGIT (Chang et al., 2022, arXiv:2202.04200), but the seed gives no title, so the identification is not confirmed.',
      zh: '描述与 MaskGIT（Chang 等，2022，arXiv:2202.04200）相符，但综述没有给出标题，无法确认。',
    },
    cited: [
      {
        seed: '001',
        section: '传统注意力机制基本概念',
        text: 'Chang 等人提出了一个基于注意力机制的图像生成模型',
      },
    ],
    lessons: [],
  },
  {
    id: 'ca-stream',
    title: 'CA-Stream: Attention-based Pooling for Interpretable Image Recognition',
    authors: 'Felipe Torres, Hanwei Zhang, Ronan Sicre, Stéphane Ayache, Yannis Avrithis',
    year: 2024,
    status: 'verified',
    note: {
      en: 'Title and authors confirmed; no arXiv identifier was confirmed here, so no link is given.',
      zh: '标题与作者已核实；未核实其 arXiv 编号，故不给链接。',
    },
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'CA-Stream是一种基于注意力的池化方法' }],
    lessons: [],
  },
  {
    id: 'van',
    title: 'Visual Attention Network',
    authors: 'Meng-Hao Guo et al.',
    year: 2022,
    arxiv: '2202.09741',
    status: 'verified',
    cited: [{ seed: '001', section: '传统注意力机制基本概念', text: 'Guo 等人提出了一种新的视觉注意力网络' }],
    lessons: [],
  },
  {
    id: 'katharopoulos',
    title: 'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention',
    authors: 'Angelos Katharopoulos, Apoorv Vyas, Nikolaos Pappas, François Fleuret',
    year: 2020,
    arxiv: '2006.16236',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '线性注意力的提出',
        text: 'Katharopoulos 等人提出了基于核特征映射的线性注意力',
      },
      { seed: '001', section: '核方法（Kernels）', text: 'Katharopoulos 等人，2020' },
    ],
    lessons: ['reorder', 'feature-maps', 'rnn'],
  },
  {
    id: 'flatten',
    title: 'FLatten Transformer: Vision Transformer using Focused Linear Attention',
    authors: 'Dongchen Han, Xuran Pan, Yizeng Han, Shiji Song, Gao Huang',
    year: 2023,
    arxiv: '2308.00442',
    status: 'verified',
    cited: [
      { seed: '001', section: '优缺点', text: '（Focused Linear Attention）' },
      {
        seed: '001',
        section: '应用领域',
        text: 'FLatten Transformer:使用聚焦线性注意力机制构建的视觉Transformer',
      },
    ],
    lessons: ['low-rank'],
  },
  {
    id: 'agent-attention',
    title: 'Agent Attention: On the Integration of Softmax and Linear Attention',
    authors: 'Dongchen Han et al.',
    year: 2023,
    arxiv: '2312.08874',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '应用领域',
        text: 'Agent Attention: On the Integration of Softmax and Linear Attention',
      },
    ],
    lessons: ['hybrids'],
  },
  {
    id: 'mobile-attention',
    title: 'Mobile Attention: a kernel-based linear attention for mobile devices',
    status: 'unverified',
    note: {
      en: 'The seed names “Mobile Attention” with a description only; the paper could not be identified.',
      zh: '综述只给出 “Mobile Attention” 这个名字和一句描述；未能确定是哪篇论文。',
    },
    cited: [
      {
        seed: '001',
        section: '应用领域',
        text: 'Mobile Attention为移动设备设计的首个基于核的线性注意力机制',
      },
    ],
    lessons: [],
  },
  {
    id: 'efficientvit',
    title: 'EfficientViT: Multi-Scale Linear Attention for High-Resolution Dense Prediction',
    authors: 'Han Cai, Junyan Li, Muyan Hu, Chuang Gan, Song Han',
    year: 2022,
    arxiv: '2205.14756',
    status: 'verified',
    note: {
      en: 'Identified by “multi-scale linear attention”; another 2023 model is also called EfficientViT (Liu et al.), without linear attention.',
      zh: '根据“多尺度线性注意力”认定；2023 年另有一个同名 EfficientViT（Liu 等），不使用线性注意力。',
    },
    cited: [{ seed: '001', section: '应用领域', text: 'EfficientViT，采用了创新的 **多尺度线性注意力**' }],
    lessons: ['feature-maps'],
  },
  {
    id: 'agostinelli',
    title: 'Agostinelli et al.: modular linear attention',
    status: 'unverified',
    note: {
      en: 'The seed links an arXiv author search (“Agostinelli, V”), not a paper, and names no title; the paper could not be identified.',
      zh: '综述给的是 arXiv 作者搜索链接（“Agostinelli, V”），不是论文，也没有标题；未能确定是哪篇论文。',
    },
    cited: [
      {
        seed: '001',
        section: '应用领域',
        text: '[Agostinelli](https://arxiv.org/search/cs?searchtype=author&query=Agostinelli,+V)',
        url: 'https://arxiv.org/search/cs?searchtype=author&query=Agostinelli,+V',
      },
    ],
    lessons: [],
  },
  {
    id: 'slab',
    title:
      'SLAB: Efficient Transformers with Simplified Linear Attention and Progressive Re-parameterized Batch Normalization',
    authors: 'Jialong Guo et al.',
    year: 2024,
    arxiv: '2405.11582',
    status: 'verified',
    cited: [{ seed: '001', section: '应用领域', text: 'SLAB结合了简化的线性注意力' }],
    lessons: [],
  },
  {
    id: 'linrec',
    title: 'LinRec: Linear Attention Mechanism for Long-term Sequential Recommender Systems',
    authors: 'Langming Liu et al.',
    year: 2023,
    doi: '10.1145/3539618.3591717',
    status: 'verified',
    note: {
      en: 'SIGIR 2023; linked by DOI (no arXiv identifier confirmed).',
      zh: 'SIGIR 2023；以 DOI 链接（未核实 arXiv 编号）。',
    },
    cited: [{ seed: '001', section: '应用领域', text: 'LinRec为基于Transformer的顺序推荐系统' }],
    lessons: [],
  },
  {
    id: 'hippo',
    title: 'HiPPO: Recurrent Memory with Optimal Polynomial Projections',
    authors: 'Albert Gu, Tri Dao, Stefano Ermon, Atri Rudra, Christopher Ré',
    year: 2020,
    arxiv: '2008.07669',
    status: 'verified',
    cited: [{ seed: '001', section: '进展', text: '**HiPPO** 结构' }],
    lessons: ['rnn'],
  },

  // ---- Seed 001: the taxonomy of efficient Transformers (after Tay et al.'s survey) ----
  {
    id: 'efficient-transformers-survey',
    title: 'Efficient Transformers: A Survey',
    authors: 'Yi Tay, Mostafa Dehghani, Dara Bahri, Donald Metzler',
    year: 2020,
    arxiv: '2009.06732',
    status: 'verified',
    note: {
      en: 'The seed links the paper’s page on papers.cool, not arXiv; the identifier is the same.',
      zh: '综述链接的是 papers.cool 上的页面而非 arXiv；编号相同。',
    },
    cited: [
      {
        seed: '001',
        section: '改进 Transformer',
        text: '[一篇综述](https://papers.cool/arxiv/2009.06732)',
        url: 'https://papers.cool/arxiv/2009.06732',
      },
    ],
    lessons: ['family'],
  },
  {
    id: 'blockwise',
    title: 'Blockwise Self-Attention for Long Document Understanding',
    authors: 'Jiezhong Qiu et al.',
    year: 2019,
    arxiv: '1911.02972',
    status: 'verified',
    cited: [{ seed: '001', section: '固定模式（FP）', text: 'Blockwise（Qiu 等人，2019）' }],
    lessons: ['family'],
  },
  {
    id: 'image-transformer',
    title: 'Image Transformer',
    authors: 'Niki Parmar et al.',
    year: 2018,
    arxiv: '1802.05751',
    status: 'verified',
    note: {
      en: 'The seed calls it “Local Attention (Parmar et al., 2018)”; the paper is the Image Transformer, which introduced local self-attention over image blocks.',
      zh: '综述称之为“Local Attention（Parmar 等人，2018）”；论文是 Image Transformer，其中提出了按图像块的局部自注意力。',
    },
    cited: [{ seed: '001', section: '固定模式（FP）', text: 'Local Attention（Parmar 等人，2018）' }],
    lessons: ['family'],
  },
  {
    id: 'sparse-transformer',
    title: 'Generating Long Sequences with Sparse Transformers',
    authors: 'Rewon Child, Scott Gray, Alec Radford, Ilya Sutskever',
    year: 2019,
    arxiv: '1904.10509',
    status: 'verified',
    cited: [
      { seed: '001', section: '固定模式（FP）', text: 'Sparse Transformer（Child 等人，2019）' },
      { seed: '001', section: '模式组合（CP）', text: 'Sparse Transformer（Child 等人，2019）' },
    ],
    lessons: ['family'],
  },
  {
    id: 'memory-compressed',
    title: 'Generating Wikipedia by Summarizing Long Sequences',
    authors: 'Peter J. Liu et al.',
    year: 2018,
    arxiv: '1801.10198',
    status: 'verified',
    note: {
      en: 'The seed calls it “Compressed Attention (Liu et al., 2018)”: the memory-compressed attention of this paper.',
      zh: '综述称之为“Compressed Attention（Liu 等人，2018）”，即这篇论文中的记忆压缩注意力。',
    },
    cited: [{ seed: '001', section: '固定模式（FP）', text: 'Compressed Attention（Liu 等人，2018）' }],
    lessons: ['family'],
  },
  {
    id: 'axial',
    title: 'Axial Attention in Multidimensional Transformers',
    authors: 'Jonathan Ho, Nal Kalchbrenner, Dirk Weissenborn, Tim Salimans',
    year: 2019,
    arxiv: '1912.12180',
    status: 'verified',
    cited: [{ seed: '001', section: '模式组合（CP）', text: 'Axial Transformer（Ho 等人，2019）' }],
    lessons: ['family'],
  },
  {
    id: 'clustered-attention',
    title: 'Fast Transformers with Clustered Attention',
    authors: 'Apoorv Vyas, Angelos Katharopoulos, François Fleuret',
    year: 2020,
    arxiv: '2007.04825',
    status: 'verified',
    cited: [{ seed: '001', section: '可学习模式（LP）', text: 'Vyas 等人，2020' }],
    lessons: ['family'],
  },
  {
    id: 'wang-2020b',
    title: 'Wang et al., 2020b (learnable pattern; cited after Tay et al.’s survey)',
    year: 2020,
    status: 'unverified',
    note: {
      en: 'The seed gives only “Wang et al., 2020b”, copied from the survey’s citation; which paper is meant could not be confirmed.',
      zh: '综述只写了“Wang 等人，2020b”，照搬自 Tay 等人的综述；未能确认指的是哪篇论文。',
    },
    cited: [{ seed: '001', section: '可学习模式（LP）', text: 'Wang 等人，2020b' }],
    lessons: [],
  },
  {
    id: 'routing',
    title: 'Efficient Content-Based Sparse Attention with Routing Transformers',
    authors: 'Aurko Roy, Mohammad Saffar, Ashish Vaswani, David Grangier',
    year: 2020,
    arxiv: '2003.05997',
    status: 'verified',
    cited: [{ seed: '001', section: '可学习模式（LP）', text: 'Routing Transformer（Roy 等人，2020）' }],
    lessons: ['family'],
  },
  {
    id: 'sinkhorn',
    title: 'Sparse Sinkhorn Attention',
    authors: 'Yi Tay, Dara Bahri, Liu Yang, Donald Metzler, Da-Cheng Juan',
    year: 2020,
    arxiv: '2002.11296',
    status: 'verified',
    cited: [
      { seed: '001', section: '可学习模式（LP）', text: 'Sinkhorn Sorting Network（Tay 等人，2020b）' },
    ],
    lessons: ['family'],
  },
  {
    id: 'set-transformer',
    title: 'Set Transformer: A Framework for Attention-based Permutation-Invariant Neural Networks',
    authors: 'Juho Lee et al.',
    year: 2019,
    arxiv: '1810.00825',
    status: 'verified',
    cited: [
      { seed: '001', section: '神经记忆（Neural Memory）', text: 'Set Transformers（Lee 等人，2019）' },
    ],
    lessons: ['family'],
  },
  {
    id: 'etc',
    title: 'ETC: Encoding Long and Structured Inputs in Transformers',
    authors: 'Joshua Ainslie et al.',
    year: 2020,
    arxiv: '2004.08483',
    status: 'verified',
    cited: [{ seed: '001', section: '神经记忆（Neural Memory）', text: 'ETC（Ainslie 等人，2020）' }],
    lessons: ['family'],
  },
  {
    id: 'performer',
    title: 'Rethinking Attention with Performers',
    authors: 'Krzysztof Choromanski et al.',
    year: 2020,
    arxiv: '2009.14794',
    status: 'verified',
    cited: [{ seed: '001', section: '核方法（Kernels）', text: 'Choromanski 等人，2020a' }],
    lessons: ['feature-maps'],
  },
  {
    id: 'rfa',
    title: 'Random Feature Attention',
    authors: 'Hao Peng et al.',
    year: 2021,
    arxiv: '2103.02143',
    status: 'verified',
    cited: [
      { seed: '001', section: '核方法（Kernels）', text: 'Random Feature Attention（RFA，Peng 等人，2021）' },
    ],
    lessons: ['feature-maps'],
  },
  {
    id: 'transformer-xl',
    title: 'Transformer-XL: Attentive Language Models Beyond a Fixed-Length Context',
    authors: 'Zihang Dai et al.',
    year: 2019,
    arxiv: '1901.02860',
    status: 'verified',
    cited: [{ seed: '001', section: '循环（Recurrence）', text: 'Transformer-XL（Dai 等人，2019）' }],
    lessons: ['rnn'],
  },
  {
    id: 'perceiver',
    title: 'Perceiver: General Perception with Iterative Attention',
    authors: 'Andrew Jaegle et al.',
    year: 2021,
    arxiv: '2103.03206',
    status: 'verified',
    cited: [{ seed: '001', section: '下采样（Downsampling）', text: 'Perceiver（Jaegle 等人，2021）' }],
    lessons: [],
  },
  {
    id: 'funnel',
    title: 'Funnel-Transformer: Filtering out Sequential Redundancy for Efficient Language Processing',
    authors: 'Zihang Dai, Guokun Lai, Yiming Yang, Quoc V. Le',
    year: 2020,
    arxiv: '2006.03236',
    status: 'verified',
    cited: [
      { seed: '001', section: '下采样（Downsampling）', text: 'Funnel Transformers（Dai 等人，2020）' },
    ],
    lessons: [],
  },
  {
    id: 'swin',
    title: 'Swin Transformer: Hierarchical Vision Transformer using Shifted Windows',
    authors: 'Ze Liu et al.',
    year: 2021,
    arxiv: '2103.14030',
    status: 'verified',
    cited: [{ seed: '001', section: '下采样（Downsampling）', text: 'Swin Transformer（Liu 等人，2021b）' }],
    lessons: [],
  },
  {
    id: 'charformer',
    title: 'Charformer: Fast Character Transformers via Gradient-based Subword Tokenization',
    authors: 'Yi Tay et al.',
    year: 2021,
    arxiv: '2106.12672',
    status: 'verified',
    cited: [{ seed: '001', section: '下采样（Downsampling）', text: 'Charformer（Tay 等人，2021c）' }],
    lessons: [],
  },
  {
    id: 'nystromformer',
    title: 'Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention',
    authors: 'Yunyang Xiong et al.',
    year: 2021,
    arxiv: '2102.03902',
    status: 'verified',
    cited: [{ seed: '001', section: '下采样（Downsampling）', text: 'Nyströmformer（Xiong 等人，2021b）' }],
    lessons: ['family'],
  },
  {
    id: 'switch',
    title: 'Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity',
    authors: 'William Fedus, Barret Zoph, Noam Shazeer',
    year: 2021,
    arxiv: '2101.03961',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '稀疏模型与条件计算（Sparse Models and Conditional Computation）',
        text: 'Switch Transformers（Fedus 等人，2021）',
      },
    ],
    lessons: [],
  },
  {
    id: 'st-moe',
    title: 'ST-MoE: Designing Stable and Transferable Sparse Expert Models',
    authors: 'Barret Zoph et al.',
    year: 2022,
    arxiv: '2202.08906',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '稀疏模型与条件计算（Sparse Models and Conditional Computation）',
        text: 'ST-MoE（Zoph 等人，2022）',
      },
    ],
    lessons: [],
  },
  {
    id: 'gshard',
    title: 'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding',
    authors: 'Dmitry Lepikhin et al.',
    year: 2020,
    arxiv: '2006.16668',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '稀疏模型与条件计算（Sparse Models and Conditional Computation）',
        text: 'GShard（Lepikhin 等人，2020）',
      },
    ],
    lessons: [],
  },
  {
    id: 'pkm',
    title: 'Large Memory Layers with Product Keys',
    authors: 'Guillaume Lample et al.',
    year: 2019,
    arxiv: '1907.05242',
    status: 'verified',
    cited: [
      {
        seed: '001',
        section: '稀疏模型与条件计算（Sparse Models and Conditional Computation）',
        text: 'Product-Key Memory Layers（Lample 等人，2019）',
      },
    ],
    lessons: [],
  },

  // ---- Seed 003: its reference list (arXiv identifiers with versions) and named comparisons ----
  {
    id: 'lolcats',
    title: 'LoLCATs: On Low-Rank Linearizing of Large Language Models',
    authors: 'Michael Zhang et al.',
    year: 2024,
    arxiv: '2410.10254',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'LoLCATs: On Low-Rank Linearizing of Large Language Models (2410.10254v3)',
      },
    ],
    lessons: ['linearise'],
  },
  {
    id: 'radlads',
    title: 'RADLADS: Rapid Attention Distillation to Linear Attention Decoders at Scale',
    authors: 'Daniel Goldstein et al.',
    year: 2025,
    arxiv: '2505.03005',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'RADLADS: Rapid Attention Distillation to Linear Attention Decoders at Scale (2505.03005v3)',
      },
    ],
    lessons: ['linearise'],
  },
  {
    id: 'linear-autoregressive',
    title:
      'When Linear Attention Meets Autoregressive Decoding: Towards More Effective and Efficient Linearized Large Language Models',
    authors: 'Haoran You et al.',
    year: 2024,
    arxiv: '2406.07368',
    status: 'corrected',
    note: {
      en: 'The seed shortens the title; the subtitle “Towards More Effective and Efficient Linearized Large Language Models” is restored.',
      zh: '综述截短了标题；此处补全副标题 “Towards More Effective and Efficient Linearized Large Language Models”。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'When Linear Attention Meets Autoregressive Decoding (2406.07368v2)',
      },
    ],
    lessons: ['linearise'],
  },
  {
    id: 'lasp2',
    title: 'LASP-2: Rethinking Sequence Parallelism for Linear Attention and Its Hybrid',
    authors: 'Weigao Sun et al.',
    year: 2025,
    arxiv: '2502.07563',
    status: 'corrected',
    note: {
      en: 'The reference list drops “and Its Hybrid” from the title (the seed’s section 4.1 gives it in full).',
      zh: '参考文献列表漏掉了标题中的 “and Its Hybrid”（综述 4.1 节写全了）。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'LASP-2: Rethinking Sequence Parallelism for Linear Attention (2502.07563v1)',
      },
    ],
    lessons: ['seq-parallel'],
  },
  {
    id: 'gating-is-weighting',
    title: 'Gating is Weighting: Understanding Gated Linear Attention through In-context Learning',
    authors: 'Yingcong Li et al.',
    year: 2025,
    arxiv: '2504.04308',
    status: 'corrected',
    note: {
      en: 'The reference list drops “through In-context Learning” from the title (the seed’s section 2.2 gives it in full).',
      zh: '参考文献列表漏掉了标题中的 “through In-context Learning”（综述 2.2 节写全了）。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Gating is Weighting: Understanding Gated Linear Attention (2504.04308v1)',
      },
    ],
    lessons: ['gating', 'icl-gd'],
  },
  {
    id: 'hla',
    title: 'Higher-order Linear Attention',
    authors: 'Yifan Zhang, Zhen Qin, Quanquan Gu',
    year: 2025,
    arxiv: '2510.27258',
    status: 'verified',
    cited: [{ seed: '003', section: S003_REFS, text: 'Higher-order Linear Attention (2510.27258v1)' }],
    lessons: ['higher-order'],
  },
  {
    id: 'untangling',
    title: 'Untangling Component Imbalance in Hybrid Linear Attention Conversion Methods',
    authors: 'Martin Benfeghoul et al.',
    year: 2025,
    arxiv: '2510.05901',
    status: 'corrected',
    note: {
      en: 'The reference list drops “Conversion Methods” from the title (section 3.3 gives it in full). Some listings give the identifier the title “Paying Attention to Hybrid Attention: Untangling the Issues with Conversion Methods”, probably a later version’s.',
      zh: '参考文献列表漏掉了标题中的 “Conversion Methods”（3.3 节写全了）。也有列表把这个编号记为 “Paying Attention to Hybrid Attention: Untangling the Issues with Conversion Methods”，大概是后来版本的标题。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Untangling Component Imbalance in Hybrid Linear Attention (2510.05901v2)',
      },
    ],
    lessons: ['hybrids', 'linearise'],
  },
  {
    id: 'statex',
    title: 'StateX: Enhancing RNN Recall via Post-training State Expansion',
    authors: 'Xingyu Shen et al.',
    year: 2025,
    arxiv: '2509.22630',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'StateX: Enhancing RNN Recall via Post-training State Expansion (2509.22630v1)',
      },
    ],
    lessons: ['recall'],
  },
  {
    id: 'infini-attention',
    title: 'Leave No Context Behind: Efficient Infinite Context Transformers with Infini-attention',
    authors: 'Tsendsuren Munkhdalai, Manaal Faruqui, Siddharth Gopal',
    year: 2024,
    arxiv: '2404.07143',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Leave No Context Behind: Efficient Infinite Context Transformers with Infini-attention (2404.07143v2)',
      },
    ],
    lessons: ['hybrids'],
  },
  {
    id: 'linear-moe',
    title: 'Linear-MoE: Linear Sequence Modeling Meets Mixture-of-Experts',
    authors: 'Weigao Sun et al.',
    year: 2025,
    arxiv: '2503.05447',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Linear-MoE: Linear Sequence Modeling Meets Mixture-of-Experts (2503.05447v2)',
      },
    ],
    lessons: ['seq-parallel'],
  },
  {
    id: 'tptt',
    title: 'TPTT: Transforming Pretrained Transformer into Titans',
    authors: 'Fabien Furfaro',
    year: 2025,
    arxiv: '2506.17671',
    status: 'corrected',
    note: {
      en: 'The seed writes “Transformers”; the paper’s title has the singular “Transformer”.',
      zh: '综述写作 “Transformers”；论文标题为单数 “Transformer”。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'TPTT: Transforming Pretrained Transformers into Titans (2506.17671v2)',
      },
    ],
    lessons: ['linearise'],
  },
  {
    id: 'fine-grained-icl',
    title: 'Fine-grained Analysis of In-context Linear Estimation: Data, Architecture, and Beyond',
    authors: 'Yingcong Li et al.',
    year: 2024,
    arxiv: '2407.10005',
    status: 'corrected',
    note: {
      en: 'The seed drops the subtitle “Data, Architecture, and Beyond”.',
      zh: '综述省略了副标题 “Data, Architecture, and Beyond”。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Fine-grained Analysis of In-context Linear Estimation (2407.10005v1)',
      },
    ],
    lessons: ['icl-gd'],
  },
  {
    id: 'xatl',
    title: 'Cross-Architecture Transfer Learning for Linear-Cost Inference Transformers',
    authors: 'Sehyun Choi',
    year: 2024,
    arxiv: '2404.02684',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Cross-Architecture Transfer Learning for Linear-Cost Inference Transformers (2404.02684v1)',
      },
    ],
    lessons: ['linearise'],
  },
  {
    id: 'la2former',
    title: 'Integrating Locality-Aware Attention with Transformers for General Geometry PDEs',
    authors: 'Minsu Koh et al.',
    year: 2025,
    arxiv: '2504.13480',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Integrating Locality-Aware Attention with Transformers for General Geometry PDEs (2504.13480v1)',
      },
    ],
    lessons: ['hybrids'],
  },
  {
    id: 'pay-better-attention',
    title: 'Cost-Effective Attention Mechanisms for Low Resource Settings',
    authors: 'Peyman Hosseini et al.',
    year: 2024,
    arxiv: '2403.01643',
    status: 'unverified',
    note: {
      en: 'Listings of arXiv:2403.01643 give its title as “You Need to Pay Better Attention” (later “…: Rethinking the Mathematics of Attention Mechanism”). The seed’s title may be that of a later version (v3), which could not be confirmed.',
      zh: '各处列表记载 arXiv:2403.01643 的标题为 “You Need to Pay Better Attention”（后改为 “…: Rethinking the Mathematics of Attention Mechanism”）。综述给出的标题可能属于更晚的版本（v3），未能证实。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Cost-Effective Attention Mechanisms for Low Resource Settings (2403.01643v3)',
      },
    ],
    lessons: [],
  },
  {
    id: 'context-hijacking',
    title: 'On the Robustness of Transformers against Context Hijacking for Linear Classification',
    authors: 'Tianle Li, Chenyang Zhang, Xingwu Chen, Yuan Cao, Difan Zou',
    year: 2025,
    arxiv: '2502.15609',
    status: 'corrected',
    note: {
      en: 'The seed drops “for Linear Classification” from the title.',
      zh: '综述漏掉了标题中的 “for Linear Classification”。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'On the Robustness of Transformers against Context Hijacking (2502.15609v1)',
      },
    ],
    lessons: [],
  },
  {
    id: 'linchain',
    title:
      'Linear Chain Transformation: Expanding Optimization Dynamics for Fine-Tuning Large Language Models',
    authors: 'Yulong Wang et al.',
    year: 2024,
    arxiv: '2411.00039',
    status: 'corrected',
    note: {
      en: 'The seed drops “for Fine-Tuning Large Language Models” from the title. It dates the paper Oct 2024 while the identifier’s prefix 2411 is November 2024; only the year is given here.',
      zh: '综述漏掉了标题中的 “for Fine-Tuning Large Language Models”。综述记为 2024 年 10 月，而编号前缀 2411 对应 2024 年 11 月；此处只给年份。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Linear Chain Transformation: Expanding Optimization Dynamics (2411.00039v1)',
      },
    ],
    lessons: [],
  },
  {
    id: 'eva-async',
    title: 'Maximizing Asynchronicity in Event-based Neural Networks',
    authors: 'Haiqing Hao et al.',
    year: 2025,
    arxiv: '2505.11165',
    status: 'verified',
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'Maximizing Asynchronicity in Event-based Neural Networks (2505.11165v1)',
      },
    ],
    lessons: [],
  },
  {
    id: 'mini-vec2vec',
    title: 'mini-vec2vec: Scaling Universal Geometry Alignment with Linear Transformations',
    authors: 'Guy Dar',
    year: 2025,
    arxiv: '2510.02348',
    status: 'corrected',
    note: {
      en: 'The seed drops “with Linear Transformations” from the title. It dates the paper Sep 2025 while the identifier’s prefix 2510 is October 2025; only the year is given here.',
      zh: '综述漏掉了标题中的 “with Linear Transformations”。综述记为 2025 年 9 月，而编号前缀 2510 对应 2025 年 10 月；此处只给年份。',
    },
    cited: [
      {
        seed: '003',
        section: S003_REFS,
        text: 'mini-vec2vec: Scaling Universal Geometry Alignment (2510.02348v2)',
      },
    ],
    lessons: [],
  },
  {
    id: 'ring-attention',
    title: 'Ring Attention with Blockwise Transformers for Near-Infinite Context',
    authors: 'Hao Liu, Matei Zaharia, Pieter Abbeel',
    year: 2023,
    arxiv: '2310.01889',
    status: 'verified',
    note: {
      en: 'Seed 003 compares LASP-2 with Ring Attention without citing it; added because lesson 14 simulates it.',
      zh: '综述 003 拿 LASP-2 与 Ring Attention 比较但未列出其文献；因第 14 课模拟了它而补上。',
    },
    cited: [{ seed: '003', section: '4.1 LASP-2:重新思考序列并行', text: '相比Ring Attention提升36.6%' }],
    lessons: ['seq-parallel'],
  },
  {
    id: 'titans',
    title: 'Titans: Learning to Memorize at Test Time',
    authors: 'Ali Behrouz, Peilin Zhong, Vahab Mirrokni',
    arxiv: '2501.00663',
    status: 'verified',
    note: {
      en: 'Named by seed 003 (TPTT converts Transformers “into Titans”) without a citation.',
      zh: '综述 003 提到（TPTT 把 Transformer“转化为 Titans”）但未列文献。',
    },
    cited: [
      {
        seed: '003',
        section: '7.1 TPTT:将预训练Transformer转化为Titans',
        text: '将预训练Transformer转化为Titans',
      },
    ],
    lessons: ['linearise'],
  },
];

/** The link shown for a reference: arXiv abstract, else DOI, else none. */
export function referenceUrl(ref: Reference): string | undefined {
  if (ref.arxiv !== undefined) return `https://arxiv.org/abs/${ref.arxiv}`;
  if (ref.doi !== undefined) return `https://doi.org/${ref.doi}`;
  return undefined;
}

/** Every distinct link the seeds give, as written, in the order of the data. */
export function citedUrls(refs: readonly Reference[] = REFERENCES): string[] {
  const urls: string[] = [];
  for (const ref of refs)
    for (const c of ref.cited) if (c.url !== undefined && !urls.includes(c.url)) urls.push(c.url);
  return urls;
}
