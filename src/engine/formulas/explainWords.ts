// The words of an explanation, in English and Simplified Chinese: each formula's name,
// what it says, and what each of its symbols means and is measured in.
import type { Bilingual } from '../text';
import type { FormulaKind, SymbolRole } from './recognize';

export const NAME: Readonly<Record<FormulaKind, Bilingual>> = {
  'loss-compute': { en: 'Compute scaling law', zh: '计算量尺度定律' },
  'loss-params': { en: 'Parameter scaling law (Kaplan)', zh: '参数量尺度定律(Kaplan)' },
  'loss-data': { en: 'Data scaling law (Kaplan)', zh: '数据量尺度定律(Kaplan)' },
  'loss-additive': { en: 'Loss in parameters and data, additive form', zh: '参数量与数据量的联合尺度定律(加性形式)' },
  'loss-chinchilla': { en: 'Chinchilla scaling law (Hoffmann et al. 2022)', zh: 'Chinchilla 尺度定律(Hoffmann 等,2022)' },
  'loss-kaplan-nd': { en: "Kaplan's joint law in parameters and data", zh: 'Kaplan 的参数量–数据量联合定律' },
  'compute-flops': { en: 'Training compute estimate', zh: '训练计算量估算' },
};

export const SAYS: Readonly<Record<FormulaKind, Bilingual>> = {
  'loss-compute': {
    en: "Loss falls as a power of training compute: on log-log axes it is a straight line with slope −α, so each 10× of compute buys the same fractional improvement. This is the seed article's formula 1.3.1; Kaplan et al. 2020 fit it as L(C_min).",
    zh: '损失随训练计算量按幂律下降:在双对数坐标中是一条斜率为 −α 的直线,计算量每增加 10 倍,损失都按同样的比例下降。这是原文的公式 1.3.1;Kaplan 等(2020)以 L(C_min) 的形式拟合了它。',
  },
  'loss-params': {
    en: "The loss of a model with N parameters, trained to convergence on enough data, falls as a power of N (Kaplan et al. 2020, eq. 1.1; N counts non-embedding parameters). Kaplan's law has no irreducible term.",
    zh: '数据充足、训练到收敛时,参数量为 N 的模型的损失随 N 按幂律下降(Kaplan 等 2020,式 1.1;N 只计非嵌入参数)。Kaplan 的这条定律没有不可约项。',
  },
  'loss-data': {
    en: "The loss of a large model trained on D tokens (with early stopping) falls as a power of D (Kaplan et al. 2020, eq. 1.2). Kaplan's law has no irreducible term.",
    zh: '足够大的模型在 D 个 token 上训练(早停)时,损失随 D 按幂律下降(Kaplan 等 2020,式 1.2)。Kaplan 的这条定律没有不可约项。',
  },
  'loss-additive': {
    en: "Loss is a parameter term plus a data term plus an irreducible floor L∞. Growing one resource shrinks only its own term, so the scarcer resource sets the limit. This is the seed article's formula 1.3.2, the same shape as Hoffmann et al.'s E + A/N^α + B/D^β with A = N₀^α_N and B = D₀^α_D, so its published constants are the Chinchilla fits'. Kaplan et al.'s separate L(N) and L(D) are not its terms: Kaplan's law in N and D is eq. 1.5.",
    zh: '损失等于参数项、数据项与不可约下限 L∞ 之和。增加某一种资源只会缩小它自己那一项,因此较稀缺的资源决定了上限。这是原文的公式 1.3.2,与 Hoffmann 等的 E + A/N^α + B/D^β 形式相同,其中 A = N₀^α_N,B = D₀^α_D,因此它的已发表常数就是 Chinchilla 的拟合。Kaplan 等单独拟合的 L(N) 与 L(D) 不是它的两项:Kaplan 关于 N 与 D 的定律是式 1.5。',
  },
  'loss-chinchilla': {
    en: "Loss is an irreducible term E plus a parameter term A/N^α and a data term B/D^β. Minimising it for a fixed budget C ≈ 6ND gives the compute-optimal split: parameters and tokens grow together. The often-quoted ~20 tokens per parameter is what Hoffmann et al.'s approaches 1 and 2 give (Table 3: 67B parameters on 1.5T tokens at 5.76e23 FLOPs, Gopher's budget) and what Besiroglu et al.'s 2024 refit gives (~18 at that budget). Approach 3's rounded constants (eq. 10) give ~93 tokens per parameter at 5.76e23 FLOPs: its exponents a = 0.46, b = 0.54 tilt the split towards data, and Besiroglu et al. showed that the rounding and an early-stopped optimiser bias that fit. Chinchilla itself, 70B parameters on 1.4T tokens, used 6 × 70e9 × 1.4e12 = 5.88e23 FLOPs.",
    zh: '损失等于不可约项 E 加上参数项 A/N^α 与数据项 B/D^β。在固定预算 C ≈ 6ND 下最小化它,就得到计算最优的分配:参数量与 token 数同步增长。常说的「每参数约 20 个 token」来自 Hoffmann 等的方法 1 和方法 2(表 3:在 Gopher 的预算 5.76e23 FLOPs 下为 670 亿参数、1.5 万亿 token)以及 Besiroglu 等 2024 年的重新拟合(该预算下约 18)。方法 3 的舍入常数(式 10)在 5.76e23 FLOPs 下给出约每参数 93 个 token:其指数 a = 0.46、b = 0.54 使分配偏向数据,而 Besiroglu 等指出舍入与过早停止的优化器使该拟合有偏。Chinchilla 本身(700 亿参数、1.4 万亿 token)的计算量为 6 × 70e9 × 1.4e12 = 5.88e23 FLOPs。',
  },
  'loss-kaplan-nd': {
    en: 'One formula for a model of N parameters trained on D tokens: with unlimited data it reduces to (N_c/N)^α_N, with an unlimited model to (D_c/D)^α_D. It tells how far a data budget lets a model grow before overfitting costs loss.',
    zh: '用一个公式描述 N 个参数、D 个 token 训练出的模型的损失:数据无限时退化为 (N_c/N)^α_N,模型无限大时退化为 (D_c/D)^α_D。它说明在给定数据量下,模型能增大到什么程度而不因过拟合损失性能。',
  },
  'compute-flops': {
    en: 'Training a dense transformer costs about 6 floating-point operations per parameter per token: 2 for the forward pass and 4 for the backward pass.',
    zh: '训练稠密 Transformer 的计算量约为每个参数、每个 token 6 次浮点运算:前向传播 2 次,反向传播 4 次。',
  },
};

export interface RoleText {
  meaning: Bilingual;
  unit: Bilingual;
}

const DIMENSIONLESS: Bilingual = { en: 'dimensionless', zh: '无量纲' };
const NATS: Bilingual = { en: 'nats per token', zh: '奈特/token' };
const PARAMS: Bilingual = { en: 'parameters', zh: '参数个数' };
const TOKENS: Bilingual = { en: 'tokens', zh: 'token 数' };
const COMPUTE: Bilingual = { en: 'PF-days (Kaplan) or FLOPs', zh: 'PF-天(Kaplan)或 FLOPs' };

export const ROLE_TEXT: Readonly<Record<SymbolRole, RoleText>> = {
  L: { meaning: { en: "Loss: the model's cross-entropy on held-out text; lower is better.", zh: '损失:模型在留出文本上的交叉熵,越低越好。' }, unit: NATS },
  C: { meaning: { en: 'Training compute spent on the model.', zh: '训练模型所用的计算量。' }, unit: COMPUTE },
  N: {
    meaning: { en: 'Model size: the number of parameters (Kaplan counts non-embedding parameters).', zh: '模型规模:参数量(Kaplan 只计非嵌入参数)。' },
    unit: PARAMS,
  },
  D: { meaning: { en: 'Data: the number of training tokens.', zh: '数据量:训练所用的 token 数。' }, unit: TOKENS },
  C_0: {
    meaning: {
      en: 'Compute scale, fitted: the compute at which this power law reaches a loss of 1.',
      zh: '计算量尺度常数,由拟合得到:按此幂律损失降到 1 时的计算量。',
    },
    unit: COMPUTE,
  },
  N_0: {
    meaning: {
      en: 'Parameter scale, fitted: the model size at which the parameter term equals 1.',
      zh: '参数量尺度常数,由拟合得到:参数项等于 1 时的模型规模。',
    },
    unit: PARAMS,
  },
  D_0: {
    meaning: { en: 'Data scale, fitted: the token count at which the data term equals 1.', zh: '数据量尺度常数,由拟合得到:数据项等于 1 时的 token 数。' },
    unit: TOKENS,
  },
  alpha: {
    meaning: {
      en: 'Compute exponent: the slope of the log-log line. 10× more compute multiplies the loss by 10^-α.',
      zh: '计算量指数:双对数直线的斜率。计算量增加 10 倍,损失乘以 10^-α。',
    },
    unit: DIMENSIONLESS,
  },
  alpha_N: {
    meaning: {
      en: 'Parameter exponent: how fast loss falls with model size. 10× more parameters multiplies the parameter term by 10^-α_N.',
      zh: '参数量指数:损失随模型规模下降的快慢。参数量增加 10 倍,参数项乘以 10^-α_N。',
    },
    unit: DIMENSIONLESS,
  },
  alpha_D: {
    meaning: {
      en: 'Data exponent: how fast loss falls with more tokens. 10× more data multiplies the data term by 10^-α_D.',
      zh: '数据量指数:损失随数据量下降的快慢。数据量增加 10 倍,数据项乘以 10^-α_D。',
    },
    unit: DIMENSIONLESS,
  },
  beta: {
    meaning: {
      en: 'Data exponent: 10× more tokens shrinks the data term B/D^β by a factor 10^-β.',
      zh: '数据项的指数:token 数增加 10 倍,数据项 B/D^β 缩小为原来的 10^-β。',
    },
    unit: DIMENSIONLESS,
  },
  L_inf: {
    meaning: {
      en: 'Irreducible loss: the floor the fitted curve approaches as scale grows. It is an extrapolated fit constant tied to one dataset and tokenizer (Hoffmann et al. get E = 1.69 and Besiroglu et al. 1.82 on the same data), not the entropy of text.',
      zh: '不可约损失:规模增大时拟合曲线趋近的下限。它是外推得到的拟合常数,只对应一个数据集与分词器(同一批数据上 Hoffmann 等得到 E = 1.69,Besiroglu 等得到 1.82),并不是文本的熵。',
    },
    unit: NATS,
  },
  E: {
    meaning: {
      en: "Irreducible term: the loss the fit approaches with unlimited parameters and data. An extrapolated fit constant tied to one dataset and tokenizer (1.69 in Hoffmann et al.'s fit, 1.82 in Besiroglu et al.'s refit of the same data), not the entropy of text.",
      zh: '不可约项:参数与数据无限时拟合趋近的损失。它是外推得到的拟合常数,只对应一个数据集与分词器(Hoffmann 等的拟合为 1.69,Besiroglu 等对同一数据的重新拟合为 1.82),并不是文本的熵。',
    },
    unit: NATS,
  },
  A: {
    meaning: { en: 'Coefficient of the parameter term A/N^α, fitted.', zh: '参数项 A/N^α 的系数,由拟合得到。' },
    unit: { en: 'nats × parameters^α', zh: '奈特 × 参数量^α' },
  },
  B: {
    meaning: { en: 'Coefficient of the data term B/D^β, fitted.', zh: '数据项 B/D^β 的系数,由拟合得到。' },
    unit: { en: 'nats × tokens^β', zh: '奈特 × token 数^β' },
  },
  k: {
    meaning: {
      en: 'FLOPs per parameter per token: about 2 for the forward pass and 4 for the backward pass.',
      zh: '每个参数、每个 token 的浮点运算次数:前向约 2 次,反向约 4 次。',
    },
    unit: { en: 'FLOPs per parameter per token', zh: 'FLOPs/(参数·token)' },
  },
};

/** Meanings that differ by formula. */
export const ROLE_TEXT_BY_KIND: Partial<Record<FormulaKind, Partial<Record<SymbolRole, RoleText>>>> = {
  'loss-chinchilla': {
    alpha: {
      meaning: {
        en: 'Parameter exponent: 10× more parameters shrinks the parameter term A/N^α by a factor 10^-α.',
        zh: '参数项的指数:参数量增加 10 倍,参数项 A/N^α 缩小为原来的 10^-α。',
      },
      unit: DIMENSIONLESS,
    },
  },
  'compute-flops': {
    C: { meaning: { en: 'Total training compute.', zh: '训练的总计算量。' }, unit: { en: 'FLOPs', zh: 'FLOPs' } },
  },
};

export const ROWS: Readonly<Record<FormulaKind, readonly SymbolRole[]>> = {
  'loss-compute': ['L', 'C', 'C_0', 'alpha', 'L_inf'],
  'loss-params': ['L', 'N', 'N_0', 'alpha_N', 'L_inf'],
  'loss-data': ['L', 'D', 'D_0', 'alpha_D', 'L_inf'],
  'loss-additive': ['L', 'N', 'D', 'N_0', 'D_0', 'alpha_N', 'alpha_D', 'L_inf'],
  'loss-chinchilla': ['L', 'N', 'D', 'E', 'A', 'B', 'alpha', 'beta'],
  'loss-kaplan-nd': ['L', 'N', 'D', 'N_0', 'D_0', 'alpha_N', 'alpha_D'],
  'compute-flops': ['C', 'k', 'N', 'D'],
};

/** Rows shown only when the formula writes them. */
export const OPTIONAL_ROLES: ReadonlySet<SymbolRole> = new Set(['L_inf']);

const KAPLAN_KINDS: ReadonlySet<FormulaKind> = new Set(['loss-params', 'loss-data', 'loss-kaplan-nd']);

export function defaultLabel(kind: FormulaKind, role: SymbolRole): string {
  const kaplan = KAPLAN_KINDS.has(kind);
  switch (role) {
    case 'C_0':
      return 'C₀';
    case 'N_0':
      return kaplan ? 'N_c' : 'N₀';
    case 'D_0':
      return kaplan ? 'D_c' : 'D₀';
    case 'alpha':
      return 'α';
    case 'alpha_N':
      return 'α_N';
    case 'alpha_D':
      return 'α_D';
    case 'beta':
      return 'β';
    case 'L_inf':
      return 'L∞';
    case 'k':
      return '6';
    default:
      return role;
  }
}

/** Note symbols that may stand for a role, besides the spelling the formula uses. */
export const ALIASES: Readonly<Record<FormulaKind, Partial<Record<SymbolRole, readonly string[]>>>> = {
  'loss-compute': { alpha: ['alpha', 'alpha_C', 'alpha_c,min'], C_0: ['C_0', 'C_c', 'C_c,min'], L_inf: ['L_inf', 'L_0', 'E'], C: ['C'] },
  'loss-params': { alpha_N: ['alpha_N', 'alpha'], N_0: ['N_c', 'N_0'], L_inf: ['L_inf', 'L_0', 'E'], N: ['N'] },
  'loss-data': { alpha_D: ['alpha_D', 'alpha'], D_0: ['D_c', 'D_0'], L_inf: ['L_inf', 'L_0', 'E'], D: ['D'] },
  'loss-additive': { alpha_N: ['alpha_N'], alpha_D: ['alpha_D'], N_0: ['N_0', 'N_c'], D_0: ['D_0', 'D_c'], L_inf: ['L_inf', 'E', 'L_0'], N: ['N'], D: ['D'] },
  'loss-chinchilla': { E: ['E', 'L_inf'], A: ['A'], B: ['B'], alpha: ['alpha'], beta: ['beta'], N: ['N'], D: ['D'] },
  'loss-kaplan-nd': { alpha_N: ['alpha_N'], alpha_D: ['alpha_D'], N_0: ['N_c', 'N_0'], D_0: ['D_c', 'D_0'], N: ['N'], D: ['D'] },
  'compute-flops': { N: ['N'], D: ['D'] },
};
