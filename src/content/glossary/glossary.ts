// The bilingual glossary: terms used across the lessons, each with its English
// and Chinese name (the seeds' Chinese terms), other spellings that <Term> in
// the prose may use, a short definition in both languages and the lessons
// where it appears. <Term> finds its entry by its text or its en/zh prop
// (findGlossaryEntry); a test scans every lesson's MDX so no <Term> is left
// without an entry.
import type { Bilingual } from '../../state/types';
import type { LessonId } from '../../state/types';

export interface GlossaryEntry {
  /** Stable id; the entry's anchor is #term-<id>. */
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  /** Other spellings in either language (plural, abbreviation, a prose variant). */
  readonly aliases?: readonly string[];
  readonly def: Bilingual;
  readonly lessons: readonly LessonId[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'linear-attention',
    en: 'linear attention',
    zh: '线性注意力',
    def: {
      en: 'Attention whose weights factor as φ(q)·φ(k), so that (φ(Q)φ(K)ᵀ)V can be computed as φ(Q)(φ(K)ᵀV): time and memory grow linearly in the sequence length n instead of quadratically.',
      zh: '注意力权重可分解为 φ(q)·φ(k) 的注意力，于是 (φ(Q)φ(K)ᵀ)V 可以按 φ(Q)(φ(K)ᵀV) 计算：时间和内存随序列长度 n 线性增长，而不是二次增长。',
    },
    lessons: ['reorder', 'feature-maps', 'rnn', 'low-rank', 'field-map'],
  },
  {
    id: 'softmax-attention',
    en: 'softmax attention',
    zh: 'Softmax 注意力',
    aliases: ['scaled dot-product attention', '缩放点积注意力', 'self-attention', '自注意力', 'softmax'],
    def: {
      en: 'The Transformer’s attention: softmax(QKᵀ/√d)V. Each row of weights is a probability distribution over the keys; forming the n×n matrix costs O(n²d) time and O(n²) memory.',
      zh: 'Transformer 的注意力：softmax(QKᵀ/√d)V。每一行权重是对所有键的概率分布；构造 n×n 矩阵需要 O(n²d) 时间和 O(n²) 内存。',
    },
    lessons: ['softmax-wall', 'reorder', 'feature-maps'],
  },
  {
    id: 'attention-matrix',
    en: 'attention matrix',
    zh: '注意力矩阵',
    aliases: ['attention map', 'attention weights', '注意力图', '注意力权重'],
    def: {
      en: 'The n×n matrix of weights A, row i saying how much token i reads from each token j. Softmax attention forms it explicitly; linear attention never does.',
      zh: 'n×n 的权重矩阵 A，第 i 行表示 token i 从每个 token j 读取多少。Softmax 注意力显式构造它；线性注意力从不构造。',
    },
    lessons: ['softmax-wall', 'reorder', 'low-rank'],
  },
  {
    id: 'query',
    en: 'query',
    zh: '查询',
    aliases: ['queries', 'Q'],
    def: {
      en: 'Row qᵢ of Q: what token i is looking for. Its dot product with each key gives the scores of row i.',
      zh: 'Q 的第 i 行 qᵢ：token i 要找什么。它与每个键的点积给出第 i 行的分数。',
    },
    lessons: ['softmax-wall'],
  },
  {
    id: 'key',
    en: 'key',
    zh: '键',
    aliases: ['keys', 'K'],
    def: {
      en: 'Row kⱼ of K: the label token j offers to be matched against queries.',
      zh: 'K 的第 j 行 kⱼ：token j 提供的“索引标签”，用来与查询匹配。',
    },
    lessons: ['softmax-wall'],
  },
  {
    id: 'value',
    en: 'value',
    zh: '值',
    aliases: ['values', 'V'],
    def: {
      en: 'Row vⱼ of V: the content of token j that is copied, weighted, into the output when its key matches.',
      zh: 'V 的第 j 行 vⱼ：token j 的内容，键匹配时按权重复制到输出中。',
    },
    lessons: ['softmax-wall'],
  },
  {
    id: 'causal-mask',
    en: 'causal mask',
    zh: '因果掩码',
    aliases: ['causal', '因果'],
    def: {
      en: 'The rule that token i may only read tokens j ≤ i (the lower triangle of the attention matrix), as in autoregressive generation.',
      zh: 'token i 只能读取 j ≤ i 的 token（注意力矩阵的下三角），自回归生成就是这样。',
    },
    lessons: ['softmax-wall', 'rnn', 'gating', 'chunking'],
  },
  {
    id: 'kv-cache',
    en: 'KV cache',
    zh: 'KV 缓存',
    def: {
      en: 'The keys and values of all past tokens that softmax attention keeps during generation; it grows by one row per token, so memory grows linearly and each step reads all of it.',
      zh: 'Softmax 注意力在生成时保存的所有历史 token 的键和值；每个 token 增加一行，内存线性增长，每一步都要读完它。',
    },
    lessons: ['softmax-wall', 'rnn', 'hybrids', 'recall'],
  },
  {
    id: 'kv-buffer',
    en: 'KV buffer',
    zh: 'KV 缓冲',
    def: {
      en: 'RALA’s name for the d×d_v matrix Σⱼ φ(kⱼ)ᵀvⱼ that linear attention reads from; its rank limits the rank of the output.',
      zh: 'RALA 对线性注意力所读取的 d×d_v 矩阵 Σⱼ φ(kⱼ)ᵀvⱼ 的称呼；它的秩限制了输出的秩。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'quadratic-complexity',
    en: 'quadratic complexity',
    zh: '二次复杂度',
    aliases: ['O(n²)', '二次方复杂度'],
    def: {
      en: 'Cost growing as n²: doubling the sequence quadruples the work and memory of the attention matrix.',
      zh: '代价按 n² 增长：序列长度翻倍，注意力矩阵的计算量和内存变为四倍。',
    },
    lessons: ['softmax-wall', 'timing'],
  },
  {
    id: 'associativity',
    en: 'associativity',
    zh: '结合律',
    aliases: ['reordering', 'computation reordering', '计算顺序重排', 'reorder'],
    def: {
      en: '(AB)C = A(BC). Without the softmax, (QKᵀ)V = Q(KᵀV): computing KᵀV first replaces an n×n intermediate with a d×d one.',
      zh: '(AB)C = A(BC)。去掉 softmax 后 (QKᵀ)V = Q(KᵀV)：先算 KᵀV，中间结果从 n×n 变成 d×d。',
    },
    lessons: ['reorder'],
  },
  {
    id: 'kernel',
    en: 'kernel',
    zh: '核函数',
    aliases: ['kernel function', 'kernels', 'kernel trick', '核技巧', '核方法', 'kernel methods'],
    def: {
      en: 'A similarity sim(q, k) = φ(q)·φ(k) that is an inner product of feature vectors. Linear attention replaces exp(q·k) by such a kernel so that the sum over keys can be precomputed.',
      zh: '可写成特征向量内积的相似度 sim(q, k) = φ(q)·φ(k)。线性注意力用这样的核函数替换 exp(q·k)，从而可以预先对键求和。',
    },
    lessons: ['feature-maps', 'reorder', 'recall', 'field-map'],
  },
  {
    id: 'feature-map',
    en: 'feature map',
    zh: '特征映射',
    aliases: ['feature maps', 'φ'],
    def: {
      en: 'The function φ applied to queries and keys (elu+1, ReLU, random features, a learned map) so that φ(q)·φ(k) stands in for the softmax kernel.',
      zh: '作用在查询和键上的函数 φ（elu+1、ReLU、随机特征、学习得到的映射），使 φ(q)·φ(k) 代替 softmax 核。',
    },
    lessons: ['reorder', 'feature-maps', 'low-rank', 'linearise', 'field-map'],
  },
  {
    id: 'random-features',
    en: 'random features',
    zh: '随机特征',
    aliases: ['random feature', 'positive random features', 'Performer', 'FAVOR+'],
    def: {
      en: 'Performer’s feature map: m random projections whose expected inner product equals exp(q·k); the error shrinks like 1/√m.',
      zh: 'Performer 的特征映射：m 个随机投影，其内积的期望等于 exp(q·k)；误差按 1/√m 缩小。',
    },
    lessons: ['feature-maps'],
  },
  {
    id: 'state-matrix',
    en: 'state matrix',
    zh: '状态矩阵',
    aliases: ['state', '状态', 'hidden state', '隐状态'],
    def: {
      en: 'S_t = Σ_{j≤t} φ(k_j)ᵀv_j, the d×d_v matrix causal linear attention carries from token to token; o_t = φ(q_t)S_t. It has a fixed size, whatever the length of the sequence.',
      zh: 'S_t = Σ_{j≤t} φ(k_j)ᵀv_j，因果线性注意力逐 token 传递的 d×d_v 矩阵；o_t = φ(q_t)S_t。无论序列多长，它的大小固定。',
    },
    lessons: ['rnn', 'gating', 'chunking', 'recall', 'icl-gd', 'seq-parallel', 'field-map'],
  },
  {
    id: 'recurrent-state-compression',
    en: 'recurrent state compression',
    zh: '递归状态压缩',
    def: {
      en: 'Survey 003’s name for keeping the whole history in a fixed-size state updated once per token, as an RNN does.',
      zh: '综述 003 对“把全部历史压缩进一个逐 token 更新的定长状态”这一思想的称呼，与 RNN 的做法相同。',
    },
    lessons: ['rnn'],
  },
  {
    id: 'rnn',
    en: 'recurrent neural network',
    zh: '循环神经网络',
    aliases: ['RNN', 'RNNs', 'recurrence', '递归', '循环'],
    def: {
      en: 'A model that reads a sequence one token at a time, updating a hidden state. Causal linear attention is an RNN whose state is the matrix S_t.',
      zh: '逐个 token 读取序列并更新隐状态的模型。因果线性注意力就是以矩阵 S_t 为状态的 RNN。',
    },
    lessons: ['rnn', 'gating'],
  },
  {
    id: 'ssm',
    en: 'state space model',
    zh: '状态空间模型',
    aliases: ['SSM', 'SSMs', 'structured state space model', 'state space duality', 'SSD', '状态空间对偶'],
    def: {
      en: 'A linear recurrence h_t = A_t h_{t−1} + B_t x_t, y_t = C_t h_t. Mamba-2’s state space duality shows that with a scalar decay per step it equals masked linear attention.',
      zh: '线性递推 h_t = A_t h_{t−1} + B_t x_t，y_t = C_t h_t。Mamba-2 的状态空间对偶（SSD）表明：每步一个标量衰减时，它就等于带掩码的线性注意力。',
    },
    lessons: ['gating', 'rnn'],
  },
  {
    id: 'rank',
    en: 'rank',
    zh: '秩',
    def: {
      en: 'The number of linearly independent rows of a matrix. φ(Q)φ(K)ᵀ has rank at most the feature dimension r, however large n is.',
      zh: '矩阵中线性无关的行数。无论 n 多大，φ(Q)φ(K)ᵀ 的秩都不超过特征维度 r。',
    },
    lessons: ['low-rank', 'feature-maps', 'field-map'],
  },
  {
    id: 'effective-rank',
    en: 'effective rank',
    zh: '有效秩',
    def: {
      en: 'exp of the entropy of the normalised singular values: how many directions really carry weight, a smooth version of the rank.',
      zh: '归一化奇异值的熵取指数：真正有分量的方向有多少，是秩的平滑版本。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'low-rank-dilemma',
    en: 'low-rank dilemma',
    zh: '低秩困境',
    aliases: ['低秩困境问题'],
    def: {
      en: 'Survey 002’s name for linear attention’s loss of accuracy blamed on the low rank of its output features; RALA answers it by augmenting the rank.',
      zh: '综述 002 对“线性注意力因输出特征低秩而性能下降”这一问题的称呼；RALA 用秩增强来解决。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'row-entropy',
    en: 'row entropy',
    zh: '行熵',
    def: {
      en: 'The entropy −Σⱼ aᵢⱼ ln aᵢⱼ of a row of attention weights: ln n for a flat row, 0 for a row that picks one token.',
      zh: '一行注意力权重的熵 −Σⱼ aᵢⱼ ln aᵢⱼ：均匀的一行为 ln n，只选一个 token 的一行为 0。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'insufficient-focus',
    en: 'insufficient focus',
    zh: '聚焦能力不足',
    aliases: ['focus', 'focused linear attention', '聚焦线性注意力'],
    def: {
      en: 'Survey 001’s name for the flat rows of linear attention: weights spread over many tokens instead of concentrating on the informative ones. Focused linear attention sharpens them with a power p.',
      zh: '综述 001 对线性注意力权重过于平滑的称呼：权重分散在许多 token 上，而不是集中在最有信息量的几个上。聚焦线性注意力用幂次 p 使其变尖锐。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'injectivity',
    en: 'injectivity',
    zh: '单射性',
    aliases: ['injective', '注入性质'],
    def: {
      en: 'Different queries give different attention distributions. Softmax attention has it; normalised linear attention does not (a query and its multiples get the same row); InLine restores it.',
      zh: '不同的查询得到不同的注意力分布。Softmax 注意力具有单射性；归一化的线性注意力没有（一个查询与其倍数得到同一行）；InLine 恢复了它。',
    },
    lessons: ['low-rank'],
  },
  {
    id: 'gating',
    en: 'gating',
    zh: '门控',
    aliases: ['gate', 'gates', 'gated', '门', 'data-dependent gate', '数据相关门控'],
    def: {
      en: 'Multiplying the state by a factor in (0, 1] before each write, S_t = diag(α_t)S_{t−1} + k_tᵀv_t, computed from the token itself (GLA, Mamba-2) so the model decides what to forget.',
      zh: '每次写入前把状态乘上 (0, 1] 中的因子，S_t = diag(α_t)S_{t−1} + k_tᵀv_t，因子由 token 本身算出（GLA、Mamba-2），由模型决定遗忘什么。',
    },
    lessons: ['rnn', 'gating', 'chunking', 'hybrids', 'field-map'],
  },
  {
    id: 'decay',
    en: 'decay',
    zh: '衰减',
    aliases: ['decay factor', 'γ'],
    def: {
      en: 'A fixed gate γ < 1 (RetNet): every past write shrinks by γ per step, so token j’s contribution at step t is scaled by γ^{t−j}.',
      zh: '固定的门 γ < 1（RetNet）：每一步所有历史写入都乘以 γ，token j 在第 t 步的贡献被缩放 γ^{t−j}。',
    },
    lessons: ['gating', 'chunking', 'field-map'],
  },
  {
    id: 'decay-mask',
    en: 'decay mask',
    zh: '衰减掩码',
    def: {
      en: 'The matrix D with D_ij = product of the gates between j and i (0 above the diagonal): the parallel form of a gated recurrence is (QKᵀ ⊙ D)V.',
      zh: '矩阵 D，D_ij 为 j 到 i 之间各门的乘积（对角线以上为 0）：门控递推的并行形式是 (QKᵀ ⊙ D)V。',
    },
    lessons: ['gating', 'chunking'],
  },
  {
    id: 'memory-horizon',
    en: 'memory horizon',
    zh: '记忆范围',
    def: {
      en: 'How far back a gated state still remembers: the half-life ln 2/|ln γ| of a write, or the total weight 1/(1−γ) of the past.',
      zh: '门控状态能记住多远的过去：一次写入的半衰期 ln 2/|ln γ|，或过去的总权重 1/(1−γ)。',
    },
    lessons: ['gating'],
  },
  {
    id: 'delta-rule',
    en: 'delta rule',
    zh: '增量规则',
    aliases: ['DeltaNet'],
    def: {
      en: 'DeltaNet’s update S_t = S_{t−1} + β_t k_tᵀ(v_t − k_tS_{t−1}): it replaces what key k_t stored instead of adding another copy.',
      zh: 'DeltaNet 的更新 S_t = S_{t−1} + β_t k_tᵀ(v_t − k_tS_{t−1})：改写键 k_t 已存的内容，而不是再叠加一份。',
    },
    lessons: ['gating'],
  },
  {
    id: 'gating-is-weighting',
    en: 'gating is weighting',
    zh: '门控就是加权',
    def: {
      en: 'Survey 003 §2.2’s summary of gated linear attention: each past token’s write is weighted by the product of the gates since it; several such layers implement weighted preconditioned gradient descent in context.',
      zh: '综述 003 §2.2 对门控线性注意力的概括：每个历史 token 的写入按此后各门的乘积加权；多层这样的结构可在上下文中实现加权预条件梯度下降。',
    },
    lessons: ['gating', 'icl-gd'],
  },
  {
    id: 'chunk',
    en: 'chunk',
    zh: '分块',
    aliases: ['chunks', 'chunking', 'chunkwise', 'chunked', 'block', '块'],
    def: {
      en: 'Cutting the sequence into blocks of C tokens: attention inside a block is a small masked matrix product, and the state carries everything before it. It trades the recurrence’s n steps for n/C parallel ones.',
      zh: '把序列切成 C 个 token 一块：块内的注意力是小的带掩码矩阵乘法，块之前的一切由状态携带。它把递推的 n 步换成 n/C 个可并行的步骤。',
    },
    lessons: ['chunking', 'timing', 'hybrids', 'field-map'],
  },
  {
    id: 'intra-chunk',
    en: 'intra-chunk',
    zh: '块内',
    def: {
      en: 'The part of chunked attention within one block: (Q_c K_cᵀ ⊙ M)V_c, computed like ordinary masked attention.',
      zh: '分块注意力中块内的部分：(Q_c K_cᵀ ⊙ M)V_c，按普通带掩码注意力计算。',
    },
    lessons: ['chunking'],
  },
  {
    id: 'inter-chunk',
    en: 'inter-chunk',
    zh: '块间',
    def: {
      en: 'The part of chunked attention from earlier blocks: Q_c S_{c−1}, read from the state carried across block boundaries.',
      zh: '分块注意力中来自之前各块的部分：Q_c S_{c−1}，从跨块传递的状态中读取。',
    },
    lessons: ['chunking'],
  },
  {
    id: 'rkhs',
    en: 'reproducing kernel Hilbert space',
    zh: '再生核希尔伯特空间',
    aliases: ['RKHS'],
    def: {
      en: 'The feature space in which a kernel is an inner product. Seen there, one layer of linear attention is a linear predictor, which is why it can be learned in polynomial time.',
      zh: '核函数在其中表现为内积的特征空间。在这个空间里看，一层线性注意力是线性预测器，因此可以在多项式时间内学习。',
    },
    lessons: ['feature-maps', 'icl-gd'],
  },
  {
    id: 'recall',
    en: 'recall',
    zh: '召回',
    aliases: [
      'associative recall',
      '联想召回',
      '关联召回',
      'recall ability',
      '召回能力',
      'MQAR',
      'multi-query associative recall',
    ],
    def: {
      en: 'Retrieving a value stored earlier in the context when its key comes back. A fixed-size state can hold only about d key–value pairs exactly, so recall degrades as pairs are added.',
      zh: '当键再次出现时，取回上下文中早先存下的值。定长状态只能精确容纳约 d 个键值对，键值对越多召回越差。',
    },
    lessons: ['recall', 'rnn', 'field-map'],
  },
  {
    id: 'sparse-attention',
    en: 'sparse attention',
    zh: '稀疏注意力',
    aliases: ['sparsity', '稀疏', 'fixed pattern', '固定模式'],
    def: {
      en: 'Softmax attention restricted to a pattern of allowed pairs (a window, blocks, strides, global tokens), so only O(n·w) scores are computed.',
      zh: '只在允许的位置对（窗口、块、步长、全局 token）上计算的 softmax 注意力，只需 O(n·w) 个分数。',
    },
    lessons: ['family'],
  },
  {
    id: 'sliding-window',
    en: 'sliding window attention',
    zh: '滑动窗口注意力',
    aliases: ['sliding window', 'SWA', '滑窗', '滑窗注意力', 'local attention', '局部注意力', 'window'],
    def: {
      en: 'Each token attends only to the w tokens before it: exact softmax locally, nothing beyond the window.',
      zh: '每个 token 只关注它之前的 w 个 token：窗口内是精确的 softmax，窗口外一概不看。',
    },
    lessons: ['family', 'hybrids'],
  },
  {
    id: 'lsh',
    en: 'locality-sensitive hashing',
    zh: '局部敏感哈希',
    aliases: ['LSH', 'LSH attention', 'hash buckets', '哈希桶'],
    def: {
      en: 'Reformer’s way to find likely matches: hash queries and keys with random rotations into buckets and attend only within a bucket.',
      zh: 'Reformer 找出可能匹配的方式：用随机旋转把查询和键哈希到桶中，只在同一个桶内计算注意力。',
    },
    lessons: ['family'],
  },
  {
    id: 'low-rank-projection',
    en: 'low-rank projection',
    zh: '低秩投影',
    aliases: ['low-rank approximation', '低秩近似', 'Linformer'],
    def: {
      en: 'Linformer’s approximation: project keys and values along the sequence from n rows to k, so the weight matrix is n×k.',
      zh: 'Linformer 的近似：沿序列方向把键和值从 n 行投影到 k 行，权重矩阵变为 n×k。',
    },
    lessons: ['family', 'low-rank'],
  },
  {
    id: 'landmarks',
    en: 'landmarks',
    zh: '地标点',
    aliases: ['landmark', 'Nyström', 'Nyström approximation', '地标', 'Nyström 近似'],
    def: {
      en: 'Nyströmformer’s m pooled queries and keys; the softmax matrix is approximated from its n×m, m×m and m×n blocks through them.',
      zh: 'Nyströmformer 的 m 个池化查询与键；通过它们，softmax 矩阵由 n×m、m×m、m×n 三块近似。',
    },
    lessons: ['family'],
  },
  {
    id: 'higher-order',
    en: 'higher-order linear attention',
    zh: '高阶线性注意力',
    aliases: ['HLA'],
    def: {
      en: 'HLA keeps prefix sums of higher moments such as Σ kᵀk as well as Σ kᵀv, so the output can depend on interactions between keys while the state stays a fixed size.',
      zh: 'HLA 除了 Σ kᵀv 之外还保存 Σ kᵀk 等高阶矩的前缀和，输出可以依赖键与键之间的交互，而状态大小依然固定。',
    },
    lessons: ['higher-order'],
  },
  {
    id: 'hybrid',
    en: 'hybrid architecture',
    zh: '混合架构',
    aliases: ['hybrid', 'hybrids', '混合', 'hybrid attention', '混合注意力'],
    def: {
      en: 'A model mixing exact softmax attention (in some layers, or in a local window) with linear attention elsewhere, to get recall where it matters and linear cost on long inputs.',
      zh: '把精确的 softmax 注意力（在部分层或局部窗口中）与其他地方的线性注意力结合的模型，在需要处获得召回能力，在长输入上保持线性代价。',
    },
    lessons: ['hybrids', 'recall'],
  },
  {
    id: 'linearisation',
    en: 'linearisation',
    zh: '线性化',
    aliases: ['linearization', 'linearizing', 'linearising', 'conversion', '转换'],
    def: {
      en: 'Turning a trained softmax Transformer into a linear-attention one by fitting feature maps (attention transfer) and fine-tuning briefly, instead of training from scratch.',
      zh: '把训练好的 softmax Transformer 转换成线性注意力模型：拟合特征映射（注意力迁移）并短暂微调，而不是从头训练。',
    },
    lessons: ['linearise'],
  },
  {
    id: 'attention-transfer',
    en: 'attention transfer',
    zh: '注意力迁移',
    aliases: ['Hedgehog', 'Hedgehog feature map'],
    def: {
      en: 'LoLCATs’ first stage: train each linear attention layer (e.g. a Hedgehog feature map) so that its outputs or weights match the softmax layer’s, by minimising a mean squared error.',
      zh: 'LoLCATs 的第一阶段：训练每个线性注意力层（例如 Hedgehog 特征映射），最小化均方误差，使其输出或权重与 softmax 层一致。',
    },
    lessons: ['linearise'],
  },
  {
    id: 'lora',
    en: 'low-rank adaptation',
    zh: '低秩适配',
    aliases: ['LoRA'],
    def: {
      en: 'Fine-tuning a weight W as W + BA with small matrices B and A, so only a few parameters are trained; LoLCATs uses it to repair the error left by attention transfer.',
      zh: '把权重 W 微调为 W + BA，B、A 是小矩阵，只训练少量参数；LoLCATs 用它修正注意力迁移留下的误差。',
    },
    lessons: ['linearise'],
  },
  {
    id: 'sequence-parallelism',
    en: 'sequence parallelism',
    zh: '序列并行',
    def: {
      en: 'Splitting one long sequence across devices, each holding a slice of tokens; the devices must exchange enough to reproduce attention over the whole sequence.',
      zh: '把一条长序列切分到多个设备上，每个设备持有一段 token；设备之间必须交换足够的信息以复现整条序列上的注意力。',
    },
    lessons: ['seq-parallel'],
  },
  {
    id: 'all-gather',
    en: 'all-gather',
    zh: '全收集',
    aliases: ['AllGather', 'all gather'],
    def: {
      en: 'A collective in which every device receives every other device’s block. LASP-2 all-gathers the d×d states once, a message whose size does not depend on n.',
      zh: '每个设备都收到所有其他设备数据块的集合通信。LASP-2 对 d×d 的状态做一次全收集，消息大小与 n 无关。',
    },
    lessons: ['seq-parallel'],
  },
  {
    id: 'ring-attention',
    en: 'Ring Attention',
    zh: '环形注意力',
    aliases: ['ring'],
    def: {
      en: 'Exact softmax attention across devices: key/value blocks travel around a ring of devices and each merges them into its output with the online-softmax rule.',
      zh: '跨设备的精确 softmax 注意力：键值块沿设备环传递，每个设备用在线 softmax 规则把它们合并进自己的输出。',
    },
    lessons: ['seq-parallel'],
  },
  {
    id: 'icl',
    en: 'in-context learning',
    zh: '上下文学习',
    aliases: ['ICL'],
    def: {
      en: 'Solving a task from examples given in the prompt, with no weight update. For linear regression, one linear attention layer’s prediction equals one step of (preconditioned) gradient descent on the examples.',
      zh: '仅凭提示中的示例完成任务，不更新权重。对线性回归而言，一层线性注意力的预测等于在这些示例上做一步（预条件）梯度下降。',
    },
    lessons: ['icl-gd', 'recall'],
  },
  {
    id: 'preconditioned-gd',
    en: 'preconditioned gradient descent',
    zh: '预条件梯度下降',
    aliases: [
      'one step of preconditioned gradient descent',
      '一步预条件梯度下降',
      '1 步预条件梯度下降',
      'gradient descent',
      '梯度下降',
      'preconditioner',
      '预条件',
      'WPGD',
      '加权预条件梯度下降',
    ],
    def: {
      en: 'A gradient step w ← w − ηΓ∇L(w) with a matrix Γ reshaping the step; Γ = Ŝ⁻¹ (the inverse sample covariance) turns one step into the least-squares answer.',
      zh: '用矩阵 Γ 调整方向的梯度步 w ← w − ηΓ∇L(w)；取 Γ = Ŝ⁻¹（样本协方差的逆）时，一步就得到最小二乘解。',
    },
    lessons: ['icl-gd'],
  },
  {
    id: 'score-order',
    en: 'order of a score',
    zh: '阶',
    aliases: [
      'first-order',
      'first order',
      'second-order',
      'second order',
      'third order',
      '一阶',
      '二阶',
      '三阶',
    ],
    def: {
      en: 'How many keys a score multiplies together. Linear attention’s q·kⱼ is first-order; a second-order score involves pairs of keys, as in HLA’s q·(Σ kᵢᵀkᵢ)·kⱼ.',
      zh: '一个分数中相乘的键的个数。线性注意力的 q·kⱼ 是一阶的；二阶分数涉及键的两两组合，如 HLA 的 q·(Σ kᵢᵀkᵢ)·kⱼ。',
    },
    lessons: ['higher-order'],
  },
  {
    id: 'data-adaptive-kernel',
    en: 'data-adaptive kernel',
    zh: '数据自适应核',
    def: {
      en: 'The kernel hidden in HLA’s second-order state: the query is compared with keys in a metric built from the keys seen so far, which stretches directions many keys used and shrinks unused ones.',
      zh: 'HLA 二阶状态中隐含的核：查询与键的比较使用由已见键构成的度量，被许多键使用过的方向被拉长，未用过的方向被压缩。',
    },
    lessons: ['higher-order'],
  },
  {
    id: 'compressive-memory',
    en: 'compressive memory',
    zh: '压缩记忆',
    def: {
      en: 'Infini-attention’s fixed-size memory M = Σ σ(k)ᵀv (with its normaliser z) into which each finished segment is written, read with linear attention.',
      zh: 'Infini-attention 的定长记忆 M = Σ σ(k)ᵀv（及其归一化项 z），每个处理完的片段写入其中，用线性注意力读取。',
    },
    lessons: ['hybrids'],
  },
  {
    id: 'dual-attention',
    en: 'dual attention',
    zh: '双重注意力',
    def: {
      en: 'Infini-attention’s combination of local masked softmax attention within a segment and long-range linear attention over the compressive memory, mixed by a learned gate.',
      zh: 'Infini-attention 的组合：片段内的局部带掩码 softmax 注意力，加上对压缩记忆的长程线性注意力，由学习得到的门混合。',
    },
    lessons: ['hybrids'],
  },
  {
    id: 'bounded-memory',
    en: 'bounded memory',
    zh: '有界内存',
    def: {
      en: 'Memory that stays the same size however long the input: Infini-attention keeps d²+d floats of memory plus one segment, where softmax attention keeps every key and value.',
      zh: '无论输入多长都保持同样大小的内存：Infini-attention 保存 d²+d 个浮点数的记忆加一个片段，而 softmax 注意力要保存全部键和值。',
    },
    lessons: ['hybrids'],
  },
  {
    id: 'implied-map',
    en: 'implied map',
    zh: '隐含注意力图',
    aliases: ['implied attention map', 'implied attention matrix'],
    def: {
      en: 'The n×n matrix W with O = WV that a variant computes without forming it, recovered to compare it with softmax attention’s map.',
      zh: '某个变体虽不显式构造、但满足 O = WV 的 n×n 矩阵 W；把它还原出来，便可与 softmax 注意力的权重图比较。',
    },
    lessons: ['hybrids'],
  },
  {
    id: 'online-sgd',
    en: 'online SGD',
    zh: '在线随机梯度下降',
    aliases: ['online stochastic gradient descent'],
    def: {
      en: 'Gradient descent that takes one step per example as the examples arrive. The delta rule is online SGD with rate β on the loss ½(x·w − y)².',
      zh: '样本逐个到来、每个样本走一步的梯度下降。增量规则就是在损失 ½(x·w − y)² 上以 β 为步长的在线随机梯度下降。',
    },
    lessons: ['icl-gd'],
  },
  {
    id: 'crosstalk',
    en: 'crosstalk',
    zh: '串扰',
    def: {
      en: 'What a linear-attention read picks up from the other stored pairs: for random keys in d dimensions it grows like √((P−1)/d) times the signal with P stored pairs.',
      zh: '线性注意力读取时从其他已存键值对混入的成分：d 维随机键、存有 P 对时，它约为信号的 √((P−1)/d) 倍。',
    },
    lessons: ['recall'],
  },
  {
    id: 'hardware-efficient',
    en: 'hardware efficiency',
    zh: '硬件高效',
    aliases: ['hardware-efficient', 'IO-aware', '内存访问'],
    def: {
      en: 'Speed that comes from how a kernel uses the GPU (memory traffic, parallel work, tensor cores) rather than from the operation count; chunked linear attention is designed for it.',
      zh: '来自内核如何使用 GPU（内存流量、并行度、张量核心）而非运算次数的速度；分块线性注意力正是为此设计的。',
    },
    lessons: ['timing', 'chunking'],
  },
];

/** Canonical form for matching: lower case, one space, no surrounding space. */
export function normaliseTerm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const byName = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) {
  for (const name of [entry.id, entry.en, entry.zh, ...(entry.aliases ?? [])]) {
    const key = normaliseTerm(name);
    if (!byName.has(key)) byName.set(key, entry);
  }
}

/** The entry a <Term> names: by explicit id, else its text, else its en or zh prop. */
export function findGlossaryEntry(names: {
  readonly id?: string;
  readonly text?: string;
  readonly en?: string;
  readonly zh?: string;
}): GlossaryEntry | undefined {
  if (names.id !== undefined) return GLOSSARY.find((entry) => entry.id === names.id);
  for (const name of [names.text, names.en, names.zh]) {
    if (name === undefined) continue;
    const entry = byName.get(normaliseTerm(name));
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** The anchor (element id and hash) of an entry. */
export function glossaryAnchor(id: string): string {
  return `term-${id}`;
}

/**
 * Entries whose names, aliases or definitions contain every word of the query
 * (case-insensitive): those matched by name or alias first, then by definition,
 * each group in glossary order.
 */
export function searchGlossary(query: string): GlossaryEntry[] {
  const words = normaliseTerm(query).split(' ').filter(Boolean);
  const byName: GlossaryEntry[] = [];
  const byDefinition: GlossaryEntry[] = [];
  for (const entry of GLOSSARY) {
    const names = normaliseTerm([entry.en, entry.zh, ...(entry.aliases ?? [])].join(' '));
    const all = `${names} ${normaliseTerm(`${entry.def.en} ${entry.def.zh}`)}`;
    if (!words.every((word) => all.includes(word))) continue;
    (words.every((word) => names.includes(word)) ? byName : byDefinition).push(entry);
  }
  return [...byName, ...byDefinition];
}
