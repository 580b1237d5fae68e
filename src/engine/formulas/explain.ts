// What a recognised formula means, in English and Simplified Chinese: its name, what
// it says, a table of its terms with published values, a worked example that uses
// the constants written in the formula or the note, and the meaning of one symbol.
// Pure data and arithmetic; the hover provider only renders explanationToMarkdown().

import { formatConstant, formatNumber, formatParams, formatTokens } from '../format';
import type { Bilingual, Lang } from '../text';
import type { FormulaKind, FormulaSymbol, Recognition, SymbolRole } from './recognize';
import type { NoteValue } from './values';

// ---------------------------------------------------------------------------
// Sources and published values

export type SourceId = 'kaplan2020' | 'hoffmann2022' | 'besiroglu2024' | 'seed';

export interface Source {
  id: SourceId;
  label: Bilingual;
  title: string;
  url?: string;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  kaplan2020: {
    id: 'kaplan2020',
    label: { en: 'Kaplan et al. 2020', zh: 'Kaplan 等,2020' },
    title: 'Scaling Laws for Neural Language Models (arXiv:2001.08361)',
    url: 'https://arxiv.org/abs/2001.08361',
  },
  hoffmann2022: {
    id: 'hoffmann2022',
    label: { en: 'Hoffmann et al. 2022', zh: 'Hoffmann 等,2022' },
    title: 'Training Compute-Optimal Large Language Models (arXiv:2203.15556)',
    url: 'https://arxiv.org/abs/2203.15556',
  },
  besiroglu2024: {
    id: 'besiroglu2024',
    label: { en: 'Besiroglu et al. 2024', zh: 'Besiroglu 等,2024' },
    title: 'Chinchilla Scaling: A replication attempt (arXiv:2404.10102)',
    url: 'https://arxiv.org/abs/2404.10102',
  },
  seed: {
    id: 'seed',
    label: { en: 'the seed article, 1.3', zh: '原文 1.3 节' },
    title: 'Emergence Lens seed article, section 1.3',
  },
};

export interface PublishedValue {
  value?: number;
  /** Shown instead of the number when set (a range such as "0.05–0.1"). */
  text?: string;
  source: SourceId;
  note?: Bilingual;
  /** Computed from a paper's constants rather than printed in it: shown to 3 digits. */
  derived?: boolean;
}

/** Hoffmann's and Besiroglu's fits rewritten in the seed's additive form: N₀ = A^(1/α). */
const H = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const BES = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };
const asScale = (coef: number, exponent: number): number => coef ** (1 / exponent);

const EQUIVALENT: Bilingual = { en: 'as A^(1/α)', zh: '即 A^(1/α)' };
const EQUIVALENT_B: Bilingual = { en: 'as B^(1/β)', zh: '即 B^(1/β)' };

/** Typical published values per kind and role; the first one is the default for examples. */
export const PUBLISHED: Readonly<Record<FormulaKind, Partial<Record<SymbolRole, readonly PublishedValue[]>>>> = {
  'loss-compute': {
    alpha: [
      { value: 0.05, source: 'kaplan2020', note: { en: 'α_C,min', zh: 'α_C,min' } },
      { text: '0.05–0.1', source: 'seed' },
    ],
    C_0: [{ value: 3.1e8, source: 'kaplan2020', note: { en: 'C_c,min, PF-days', zh: 'C_c,min,单位 PF-天' } }],
    L_inf: [
      { value: H.E, source: 'hoffmann2022', note: { en: 'E', zh: 'E' } },
      { value: BES.E, source: 'besiroglu2024', note: { en: 'E', zh: 'E' } },
    ],
  },
  'loss-params': {
    alpha_N: [{ value: 0.076, source: 'kaplan2020', note: { en: 'L(N) fit', zh: 'L(N) 拟合' } }],
    N_0: [{ value: 8.8e13, source: 'kaplan2020', note: { en: 'N_c, non-embedding parameters', zh: 'N_c,非嵌入参数' } }],
    L_inf: [{ value: H.E, source: 'hoffmann2022', note: { en: 'E', zh: 'E' } }],
  },
  'loss-data': {
    alpha_D: [{ value: 0.095, source: 'kaplan2020', note: { en: 'L(D) fit', zh: 'L(D) 拟合' } }],
    D_0: [{ value: 5.4e13, source: 'kaplan2020', note: { en: 'D_c, tokens', zh: 'D_c,单位 token' } }],
    L_inf: [{ value: H.E, source: 'hoffmann2022', note: { en: 'E', zh: 'E' } }],
  },
  'loss-additive': {
    N_0: [
      { value: asScale(H.A, H.alpha), source: 'hoffmann2022', note: EQUIVALENT, derived: true },
      { value: asScale(BES.A, BES.alpha), source: 'besiroglu2024', note: EQUIVALENT, derived: true },
    ],
    D_0: [
      { value: asScale(H.B, H.beta), source: 'hoffmann2022', note: EQUIVALENT_B, derived: true },
      { value: asScale(BES.B, BES.beta), source: 'besiroglu2024', note: EQUIVALENT_B, derived: true },
    ],
    alpha_N: [
      { value: H.alpha, source: 'hoffmann2022', note: { en: 'α', zh: 'α' } },
      { value: BES.alpha, source: 'besiroglu2024', note: { en: 'α', zh: 'α' } },
      { value: 0.076, source: 'kaplan2020', note: { en: 'single-variable L(N)', zh: '单变量 L(N)' } },
    ],
    alpha_D: [
      { value: H.beta, source: 'hoffmann2022', note: { en: 'β', zh: 'β' } },
      { value: BES.beta, source: 'besiroglu2024', note: { en: 'β', zh: 'β' } },
      { value: 0.095, source: 'kaplan2020', note: { en: 'single-variable L(D)', zh: '单变量 L(D)' } },
    ],
    L_inf: [
      { value: H.E, source: 'hoffmann2022', note: { en: 'E', zh: 'E' } },
      { value: BES.E, source: 'besiroglu2024', note: { en: 'E', zh: 'E' } },
    ],
  },
  'loss-chinchilla': {
    E: [{ value: H.E, source: 'hoffmann2022' }, { value: BES.E, source: 'besiroglu2024' }],
    A: [{ value: H.A, source: 'hoffmann2022' }, { value: BES.A, source: 'besiroglu2024' }],
    B: [{ value: H.B, source: 'hoffmann2022' }, { value: BES.B, source: 'besiroglu2024' }],
    alpha: [{ value: H.alpha, source: 'hoffmann2022' }, { value: BES.alpha, source: 'besiroglu2024' }],
    beta: [{ value: H.beta, source: 'hoffmann2022' }, { value: BES.beta, source: 'besiroglu2024' }],
  },
  'loss-kaplan-nd': {
    N_0: [{ value: 6.4e13, source: 'kaplan2020', note: { en: 'N_c, combined fit', zh: 'N_c,联合拟合' } }],
    D_0: [{ value: 1.8e13, source: 'kaplan2020', note: { en: 'D_c, combined fit', zh: 'D_c,联合拟合' } }],
    alpha_N: [{ value: 0.076, source: 'kaplan2020', note: { en: 'combined fit', zh: '联合拟合' } }],
    alpha_D: [{ value: 0.103, source: 'kaplan2020', note: { en: 'combined fit', zh: '联合拟合' } }],
  },
  'compute-flops': {
    k: [{ value: 6, source: 'kaplan2020', note: { en: '2 forward + 4 backward', zh: '前向 2 + 反向 4' } }],
  },
};

const KIND_SOURCES: Readonly<Record<FormulaKind, readonly SourceId[]>> = {
  'loss-compute': ['seed', 'kaplan2020'],
  'loss-params': ['kaplan2020'],
  'loss-data': ['kaplan2020'],
  'loss-additive': ['seed', 'hoffmann2022', 'besiroglu2024', 'kaplan2020'],
  'loss-chinchilla': ['hoffmann2022', 'besiroglu2024'],
  'loss-kaplan-nd': ['kaplan2020'],
  'compute-flops': ['kaplan2020', 'hoffmann2022'],
};

// ---------------------------------------------------------------------------
// Words

const NAME: Readonly<Record<FormulaKind, Bilingual>> = {
  'loss-compute': { en: 'Compute scaling law', zh: '计算量尺度定律' },
  'loss-params': { en: 'Parameter scaling law (Kaplan)', zh: '参数量尺度定律(Kaplan)' },
  'loss-data': { en: 'Data scaling law (Kaplan)', zh: '数据量尺度定律(Kaplan)' },
  'loss-additive': { en: 'Loss in parameters and data, additive form', zh: '参数量与数据量的联合尺度定律(加性形式)' },
  'loss-chinchilla': { en: 'Chinchilla scaling law (Hoffmann et al. 2022)', zh: 'Chinchilla 尺度定律(Hoffmann 等,2022)' },
  'loss-kaplan-nd': { en: "Kaplan's joint law in parameters and data", zh: 'Kaplan 的参数量–数据量联合定律' },
  'compute-flops': { en: 'Training compute estimate', zh: '训练计算量估算' },
};

const SAYS: Readonly<Record<FormulaKind, Bilingual>> = {
  'loss-compute': {
    en: 'Loss falls as a power of training compute: on log-log axes it is a straight line with slope −α, so each 10× of compute buys the same fractional improvement. This is the seed article\'s formula 1.3.1; Kaplan et al. 2020 fit it as L(C_min).',
    zh: '损失随训练计算量按幂律下降:在双对数坐标中是一条斜率为 −α 的直线,计算量每增加 10 倍,损失都按同样的比例下降。这是原文的公式 1.3.1;Kaplan 等(2020)以 L(C_min) 的形式拟合了它。',
  },
  'loss-params': {
    en: 'The loss of a model with N parameters, trained to convergence on enough data, falls as a power of N.',
    zh: '数据充足、训练到收敛时,参数量为 N 的模型的损失随 N 按幂律下降。',
  },
  'loss-data': {
    en: 'The loss of a large model trained on D tokens (with early stopping) falls as a power of D.',
    zh: '足够大的模型在 D 个 token 上训练(早停)时,损失随 D 按幂律下降。',
  },
  'loss-additive': {
    en: 'Loss is a parameter term plus a data term plus an irreducible floor L∞. Growing one resource shrinks only its own term, so the scarcer resource sets the limit. This is the seed article\'s formula 1.3.2, the same shape as Hoffmann et al.\'s E + A/N^α + B/D^β with A = N₀^α_N and B = D₀^α_D.',
    zh: '损失等于参数项、数据项与不可约下限 L∞ 之和。增加某一种资源只会缩小它自己那一项,因此较稀缺的资源决定了上限。这是原文的公式 1.3.2,与 Hoffmann 等的 E + A/N^α + B/D^β 形式相同,其中 A = N₀^α_N,B = D₀^α_D。',
  },
  'loss-chinchilla': {
    en: 'Loss is an irreducible term E plus a parameter term A/N^α and a data term B/D^β. Minimising it for a fixed budget C ≈ 6ND gives the compute-optimal split: parameters and tokens should grow together, roughly 20 tokens per parameter.',
    zh: '损失等于不可约项 E 加上参数项 A/N^α 与数据项 B/D^β。在固定预算 C ≈ 6ND 下最小化它,就得到计算最优的分配:参数量与 token 数应同步增长,大约每个参数 20 个 token。',
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

interface RoleText {
  meaning: Bilingual;
  unit: Bilingual;
}

const DIMENSIONLESS: Bilingual = { en: 'dimensionless', zh: '无量纲' };
const NATS: Bilingual = { en: 'nats per token', zh: '奈特/token' };
const PARAMS: Bilingual = { en: 'parameters', zh: '参数个数' };
const TOKENS: Bilingual = { en: 'tokens', zh: 'token 数' };
const COMPUTE: Bilingual = { en: 'PF-days (Kaplan) or FLOPs', zh: 'PF-天(Kaplan)或 FLOPs' };

const ROLE_TEXT: Readonly<Record<SymbolRole, RoleText>> = {
  L: { meaning: { en: 'Loss: the model\'s cross-entropy on held-out text; lower is better.', zh: '损失:模型在留出文本上的交叉熵,越低越好。' }, unit: NATS },
  C: { meaning: { en: 'Training compute spent on the model.', zh: '训练模型所用的计算量。' }, unit: COMPUTE },
  N: { meaning: { en: 'Model size: the number of parameters (Kaplan counts non-embedding parameters).', zh: '模型规模:参数量(Kaplan 只计非嵌入参数)。' }, unit: PARAMS },
  D: { meaning: { en: 'Data: the number of training tokens.', zh: '数据量:训练所用的 token 数。' }, unit: TOKENS },
  C_0: { meaning: { en: 'Compute scale, fitted: the compute at which this power law reaches a loss of 1.', zh: '计算量尺度常数,由拟合得到:按此幂律损失降到 1 时的计算量。' }, unit: COMPUTE },
  N_0: { meaning: { en: 'Parameter scale, fitted: the model size at which the parameter term equals 1.', zh: '参数量尺度常数,由拟合得到:参数项等于 1 时的模型规模。' }, unit: PARAMS },
  D_0: { meaning: { en: 'Data scale, fitted: the token count at which the data term equals 1.', zh: '数据量尺度常数,由拟合得到:数据项等于 1 时的 token 数。' }, unit: TOKENS },
  alpha: { meaning: { en: 'Compute exponent: the slope of the log-log line. 10× more compute multiplies the loss by 10^-α.', zh: '计算量指数:双对数直线的斜率。计算量增加 10 倍,损失乘以 10^-α。' }, unit: DIMENSIONLESS },
  alpha_N: { meaning: { en: 'Parameter exponent: how fast loss falls with model size. 10× more parameters multiplies the parameter term by 10^-α_N.', zh: '参数量指数:损失随模型规模下降的快慢。参数量增加 10 倍,参数项乘以 10^-α_N。' }, unit: DIMENSIONLESS },
  alpha_D: { meaning: { en: 'Data exponent: how fast loss falls with more tokens. 10× more data multiplies the data term by 10^-α_D.', zh: '数据量指数:损失随数据量下降的快慢。数据量增加 10 倍,数据项乘以 10^-α_D。' }, unit: DIMENSIONLESS },
  beta: { meaning: { en: 'Data exponent: 10× more tokens shrinks the data term B/D^β by a factor 10^-β.', zh: '数据项的指数:token 数增加 10 倍,数据项 B/D^β 缩小为原来的 10^-β。' }, unit: DIMENSIONLESS },
  L_inf: { meaning: { en: 'Irreducible loss: the floor that no amount of parameters, data or compute removes (the entropy of the text itself).', zh: '不可约损失:再多的参数、数据或计算也消除不了的下限(文本本身的熵)。' }, unit: NATS },
  E: { meaning: { en: 'Irreducible loss: the floor that no amount of parameters or data removes (the entropy of the text itself).', zh: '不可约损失:再多的参数和数据也消除不了的下限(文本本身的熵)。' }, unit: NATS },
  A: { meaning: { en: 'Coefficient of the parameter term A/N^α, fitted.', zh: '参数项 A/N^α 的系数,由拟合得到。' }, unit: { en: 'nats × parameters^α', zh: '奈特 × 参数量^α' } },
  B: { meaning: { en: 'Coefficient of the data term B/D^β, fitted.', zh: '数据项 B/D^β 的系数,由拟合得到。' }, unit: { en: 'nats × tokens^β', zh: '奈特 × token 数^β' } },
  k: { meaning: { en: 'FLOPs per parameter per token: about 2 for the forward pass and 4 for the backward pass.', zh: '每个参数、每个 token 的浮点运算次数:前向约 2 次,反向约 4 次。' }, unit: { en: 'FLOPs per parameter per token', zh: 'FLOPs/(参数·token)' } },
};

/** Meanings that differ by formula. */
const ROLE_TEXT_BY_KIND: Partial<Record<FormulaKind, Partial<Record<SymbolRole, RoleText>>>> = {
  'loss-chinchilla': {
    alpha: { meaning: { en: 'Parameter exponent: 10× more parameters shrinks the parameter term A/N^α by a factor 10^-α.', zh: '参数项的指数:参数量增加 10 倍,参数项 A/N^α 缩小为原来的 10^-α。' }, unit: DIMENSIONLESS },
  },
  'compute-flops': {
    C: { meaning: { en: 'Total training compute.', zh: '训练的总计算量。' }, unit: { en: 'FLOPs', zh: 'FLOPs' } },
  },
};

const ROWS: Readonly<Record<FormulaKind, readonly SymbolRole[]>> = {
  'loss-compute': ['L', 'C', 'C_0', 'alpha', 'L_inf'],
  'loss-params': ['L', 'N', 'N_0', 'alpha_N', 'L_inf'],
  'loss-data': ['L', 'D', 'D_0', 'alpha_D', 'L_inf'],
  'loss-additive': ['L', 'N', 'D', 'N_0', 'D_0', 'alpha_N', 'alpha_D', 'L_inf'],
  'loss-chinchilla': ['L', 'N', 'D', 'E', 'A', 'B', 'alpha', 'beta'],
  'loss-kaplan-nd': ['L', 'N', 'D', 'N_0', 'D_0', 'alpha_N', 'alpha_D'],
  'compute-flops': ['C', 'k', 'N', 'D'],
};

/** Rows shown only when the formula writes them. */
const OPTIONAL_ROLES: ReadonlySet<SymbolRole> = new Set(['L_inf']);

const KAPLAN_KINDS: ReadonlySet<FormulaKind> = new Set(['loss-params', 'loss-data', 'loss-kaplan-nd']);

function defaultLabel(kind: FormulaKind, role: SymbolRole): string {
  const kaplan = KAPLAN_KINDS.has(kind);
  switch (role) {
    case 'C_0': return 'C₀';
    case 'N_0': return kaplan ? 'N_c' : 'N₀';
    case 'D_0': return kaplan ? 'D_c' : 'D₀';
    case 'alpha': return 'α';
    case 'alpha_N': return 'α_N';
    case 'alpha_D': return 'α_D';
    case 'beta': return 'β';
    case 'L_inf': return 'L∞';
    case 'k': return '6';
    default: return role;
  }
}

/** Note symbols that may stand for a role, besides the spelling the formula uses. */
const ALIASES: Readonly<Record<FormulaKind, Partial<Record<SymbolRole, readonly string[]>>>> = {
  'loss-compute': { alpha: ['alpha', 'alpha_C', 'alpha_c,min'], C_0: ['C_0', 'C_c', 'C_c,min'], L_inf: ['L_inf', 'L_0', 'E'], C: ['C'] },
  'loss-params': { alpha_N: ['alpha_N', 'alpha'], N_0: ['N_c', 'N_0'], L_inf: ['L_inf', 'L_0', 'E'], N: ['N'] },
  'loss-data': { alpha_D: ['alpha_D', 'alpha'], D_0: ['D_c', 'D_0'], L_inf: ['L_inf', 'L_0', 'E'], D: ['D'] },
  'loss-additive': { alpha_N: ['alpha_N'], alpha_D: ['alpha_D'], N_0: ['N_0', 'N_c'], D_0: ['D_0', 'D_c'], L_inf: ['L_inf', 'E', 'L_0'], N: ['N'], D: ['D'] },
  'loss-chinchilla': { E: ['E', 'L_inf'], A: ['A'], B: ['B'], alpha: ['alpha'], beta: ['beta'], N: ['N'], D: ['D'] },
  'loss-kaplan-nd': { alpha_N: ['alpha_N'], alpha_D: ['alpha_D'], N_0: ['N_c', 'N_0'], D_0: ['D_c', 'D_0'], N: ['N'], D: ['D'] },
  'compute-flops': { N: ['N'], D: ['D'] },
};

// ---------------------------------------------------------------------------
// Explanation

export type ValueSource = 'formula' | 'note' | 'published';

export interface ResolvedValue {
  value: number;
  source: ValueSource;
  /** Which published fit, when source is "published". */
  publishedBy?: SourceId;
  /** The published value was computed from a paper's constants (show fewer digits). */
  derived?: boolean;
}

export interface TermRow {
  role: SymbolRole;
  /** As the formula writes it ("N_c", "α_N"), or the usual spelling. */
  symbol: string;
  meaning: string;
  unit: string;
  /** Published values with citations, "—" when none apply. */
  typical: string;
  /** The value this explanation uses, when the formula or the note gives one. */
  value?: number;
  valueSource?: 'formula' | 'note';
}

/** One symbol explained on its own: the same facts as its row in the terms table. */
export type SymbolExplanation = TermRow;

export interface Explanation {
  kind: FormulaKind;
  lang: Lang;
  name: string;
  /** The formula as written. */
  formula: string;
  says: string;
  terms: TermRow[];
  /** The worked example, one short paragraph. */
  example: string;
  /** The numbers the example used, by role, and where each came from. */
  exampleValues: Partial<Record<SymbolRole, ResolvedValue>>;
  /** Set when explaining one symbol of the formula. */
  symbol?: SymbolExplanation;
  sources: { label: string; title: string; url?: string }[];
}

function roleText(kind: FormulaKind, role: SymbolRole): RoleText {
  return ROLE_TEXT_BY_KIND[kind]?.[role] ?? ROLE_TEXT[role];
}

const typicalCache = new Map<string, string>();

/** The published values of a role, cited; memoised since the tables never change. */
function typicalText(kind: FormulaKind, role: SymbolRole, lang: Lang): string {
  const key = `${kind}|${role}|${lang}`;
  let text = typicalCache.get(key);
  if (text === undefined) {
    text = buildTypicalText(kind, role, lang);
    typicalCache.set(key, text);
  }
  return text;
}

function buildTypicalText(kind: FormulaKind, role: SymbolRole, lang: Lang): string {
  const list = PUBLISHED[kind][role];
  if (!list || list.length === 0) return '—';
  return list
    .map((p) => {
      const v = p.text ?? (p.value === undefined ? '' : p.derived ? formatNumber(p.value) : formatConstant(p.value));
      const cite = SOURCES[p.source].label[lang];
      const note = p.note ? (lang === 'zh' ? `,${p.note.zh}` : `, ${p.note.en}`) : '';
      return lang === 'zh' ? `${v}(${cite}${note})` : `${v} (${cite}${note})`;
    })
    .join(lang === 'zh' ? ';' : '; ');
}

class Resolver {
  private readonly notes = new Map<string, number>();

  constructor(
    private readonly rec: Recognition,
    noteValues: readonly NoteValue[] | undefined,
  ) {
    // First value per key wins: callers order note values nearest-first. Every
    // quantity in these laws is positive; anything else is a typo, not a value.
    for (const v of noteValues ?? []) {
      if (Number.isFinite(v.value) && v.value > 0 && !this.notes.has(v.symbol)) this.notes.set(v.symbol, v.value);
    }
  }

  /** Formula > note > published, or undefined when none applies. */
  get(role: SymbolRole, withPublished = true): ResolvedValue | undefined {
    const fromFormula = this.rec.params[role];
    if (fromFormula !== undefined && Number.isFinite(fromFormula)) return { value: fromFormula, source: 'formula' };
    const keys = [
      ...this.rec.symbols.filter((s) => s.role === role && s.value === undefined).map((s) => s.key),
      ...(ALIASES[this.rec.kind][role] ?? []),
    ];
    for (const k of keys) {
      const v = this.notes.get(k);
      if (v !== undefined) return { value: v, source: 'note' };
    }
    if (!withPublished) return undefined;
    const p = PUBLISHED[this.rec.kind][role]?.find((x) => x.value !== undefined);
    if (p?.value === undefined) return undefined;
    return p.derived ? { value: p.value, source: 'published', publishedBy: p.source, derived: true } : { value: p.value, source: 'published', publishedBy: p.source };
  }
}

function sourcePhrase(v: ResolvedValue, lang: Lang): string {
  if (v.source === 'formula') return lang === 'zh' ? '公式中给出' : 'written in the formula';
  if (v.source === 'note') return lang === 'zh' ? '取自笔记' : 'from the note';
  return SOURCES[v.publishedBy ?? 'kaplan2020'].label[lang];
}

/** "α = 0.05 (from the note)" */
function given(label: string, v: ResolvedValue, lang: Lang): string {
  const n = v.derived ? formatNumber(v.value) : formatConstant(v.value);
  return lang === 'zh' ? `${label} = ${n}(${sourcePhrase(v, lang)})` : `${label} = ${n} (${sourcePhrase(v, lang)})`;
}

function labelFor(rec: Recognition, role: SymbolRole): string {
  const s = rec.symbols.find((x) => x.role === role && x.value === undefined);
  return s?.label ?? defaultLabel(rec.kind, role);
}

function workedExample(rec: Recognition, r: Resolver, lang: Lang, used: Partial<Record<SymbolRole, ResolvedValue>>): string {
  const take = (role: SymbolRole, withPublished = true): ResolvedValue | undefined => {
    const v = r.get(role, withPublished);
    if (v !== undefined) used[role] = v;
    return v;
  };
  const f = formatNumber;
  const zh = lang === 'zh';
  const hasFloor = rec.symbols.some((s) => s.role === 'L_inf');

  switch (rec.kind) {
    case 'loss-compute':
    case 'loss-params':
    case 'loss-data': {
      const spec = {
        'loss-compute': { exp: 'alpha', scale: 'C_0', v: 'C', what: { en: 'compute', zh: '计算量' }, dflt: 1, unit: { en: ' PF-day', zh: ' PF-天' } },
        'loss-params': { exp: 'alpha_N', scale: 'N_0', v: 'N', what: { en: 'parameters', zh: '参数量' }, dflt: 1e9, unit: { en: ' parameters', zh: ' 个参数' } },
        'loss-data': { exp: 'alpha_D', scale: 'D_0', v: 'D', what: { en: 'data', zh: '数据量' }, dflt: 1e10, unit: { en: ' tokens', zh: ' 个 token' } },
      }[rec.kind] as { exp: SymbolRole; scale: SymbolRole; v: SymbolRole; what: Bilingual; dflt: number; unit: Bilingual };
      const a = take(spec.exp);
      if (a === undefined || !(a.value > 0)) return '';
      const al = labelFor(rec, spec.exp);
      const x10 = 10 ** -a.value;
      const x100 = 100 ** -a.value;
      const half = 2 ** (1 / a.value);
      const target = hasFloor ? (zh ? '可约部分 L − L∞ ' : 'the reducible part L − L∞ ') : zh ? '损失' : 'the loss';
      let s = zh
        ? `取 ${given(al, a, lang)}:${spec.what.zh}增加 10 倍,${target}乘以 10^-${al} = ${f(x10)};增加 100 倍,乘以 ${f(x100)};要让${hasFloor ? '可约部分' : '损失'}减半,需要约 2^(1/${al}) ≈ ${f(half)} 倍的${spec.what.zh}。`
        : `10× more ${spec.what.en} multiplies ${target} by 10^-${al} = ${f(x10)} for ${given(al, a, lang)}; 100× multiplies it by ${f(x100)}, and halving it takes 2^(1/${al}) ≈ ${f(half)}× more ${spec.what.en}.`;
      // A concrete point when the scale is known and a value of the variable is too
      // (from the note, or the usual example size when the scale is the published one).
      const sc = take(spec.scale);
      const noteVar = r.get(spec.v, false);
      const x = noteVar?.value ?? (sc?.source === 'published' ? spec.dflt : undefined);
      if (sc !== undefined && x !== undefined && x > 0) {
        if (noteVar) used[spec.v] = noteVar;
        const floor = hasFloor ? take('L_inf') : undefined;
        const reducible = (sc.value / x) ** a.value;
        const loss = reducible + (floor?.value ?? 0);
        const sl = labelFor(rec, spec.scale);
        const vl = labelFor(rec, spec.v);
        const floorText = floor ? ` + ${f(floor.value)}` : '';
        // The variable for people: 1B parameters, 10B tokens (compute stays in PF-days).
        const at = rec.kind === 'loss-params' ? formatParams(x, lang) : rec.kind === 'loss-data' ? formatTokens(x, lang) : `${f(x)}${spec.unit[lang]}`;
        s += zh
          ? `再取 ${given(sl, sc, lang)},当 ${vl} = ${at}时,L = (${f(sc.value)}/${f(x)})^${f(a.value)}${floorText} ≈ ${f(loss)}。`
          : ` With ${given(sl, sc, lang)}, at ${vl} = ${at}: L = (${f(sc.value)}/${f(x)})^${f(a.value)}${floorText} ≈ ${f(loss)}.`;
      }
      return s;
    }

    case 'loss-additive':
    case 'loss-chinchilla': {
      const chin = rec.kind === 'loss-chinchilla';
      const nv = r.get('N', false);
      const dv = r.get('D', false);
      if (nv) used.N = nv;
      if (dv) used.D = dv;
      const N = nv?.value ?? 7e10;
      const D = dv?.value ?? 1.4e12;
      let termN: number;
      let termD: number;
      let floor: ResolvedValue | undefined;
      let aN: ResolvedValue | undefined;
      let aD: ResolvedValue | undefined;
      const scales: string[] = [];
      if (chin) {
        floor = rec.symbols.some((s) => s.role === 'E') ? take('E') : undefined;
        const A = take('A');
        const B = take('B');
        aN = take('alpha');
        aD = take('beta');
        if (!A || !B || !aN || !aD) return '';
        termN = A.value / N ** aN.value;
        termD = B.value / D ** aD.value;
      } else {
        const n0 = take('N_0');
        const d0 = take('D_0');
        aN = take('alpha_N');
        aD = take('alpha_D');
        floor = rec.symbols.some((s) => s.role === 'L_inf') ? take('L_inf') : undefined;
        if (!n0 || !d0 || !aN || !aD) return '';
        scales.push(given(labelFor(rec, 'N_0'), n0, lang), given(labelFor(rec, 'D_0'), d0, lang));
        termN = (n0.value / N) ** aN.value;
        termD = (d0.value / D) ** aD.value;
      }
      const E = floor?.value ?? 0;
      const loss = E + termN + termD;
      const alN = labelFor(rec, chin ? 'alpha' : 'alpha_N');
      const alD = labelFor(rec, chin ? 'beta' : 'alpha_D');
      const size = nv || dv
        ? zh ? `N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)}` : `N = ${formatParams(N, lang)} and D = ${formatTokens(D, lang)}`
        : zh ? `N = 700 亿参数、D = 1.4 万亿 token(Chinchilla 本身)` : `N = 70B parameters and D = 1.4T tokens (Chinchilla itself)`;
      const parts = `${floor ? `${f(E)} + ` : ''}${f(termN)} + ${f(termD)}`;
      const fromWhere = [floor && given(chin ? 'E' : labelFor(rec, 'L_inf'), floor, lang), ...scales, given(alN, aN, lang), given(alD, aD, lang)]
        .filter(Boolean)
        .join(zh ? ',' : ', ');
      const shrinkN = 10 ** -aN.value;
      const shrinkD = 10 ** -aD.value;
      const twice = E + termN * 2 ** -aN.value + termD * 2 ** -aD.value;
      if (zh) {
        return `取 ${size}:L = ${parts} ≈ ${f(loss)},所用取值为 ${fromWhere}。参数量增加 10 倍,参数项乘以 10^-${alN} = ${f(shrinkN)};数据量增加 10 倍,数据项乘以 10^-${alD} = ${f(shrinkD)}。N 与 D 都翻倍(计算量约 4 倍)时,L ≈ ${f(twice)}${floor ? `;无论怎样扩大规模,L 都不会低于 ${f(E)}` : ''}。`;
      }
      return `For ${size}: L = ${parts} ≈ ${f(loss)}, using ${fromWhere}. 10× more parameters multiplies the parameter term by 10^-${alN} = ${f(shrinkN)}; 10× more data multiplies the data term by 10^-${alD} = ${f(shrinkD)}. Doubling both N and D (about 4× compute) gives L ≈ ${f(twice)}${floor ? `; no amount of scale takes L below ${f(E)}` : ''}.`;
    }

    case 'loss-kaplan-nd': {
      const n0 = take('N_0');
      const d0 = take('D_0');
      const aN = take('alpha_N');
      const aD = take('alpha_D');
      if (!n0 || !d0 || !aN || !aD) return '';
      const nv = r.get('N', false);
      const dv = r.get('D', false);
      if (nv) used.N = nv;
      if (dv) used.D = dv;
      const N = nv?.value ?? 1e9;
      const D = dv?.value ?? 2e10;
      const loss = ((n0.value / N) ** (aN.value / aD.value) + d0.value / D) ** aD.value;
      const unlimited = (n0.value / N) ** aN.value;
      const penalty = unlimited > 0 ? (loss / unlimited - 1) * 100 : 0;
      const from = [given(labelFor(rec, 'N_0'), n0, lang), given(labelFor(rec, 'D_0'), d0, lang), given('α_N', aN, lang), given('α_D', aD, lang)].join(zh ? ',' : ', ');
      return zh
        ? `取 N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)}:L ≈ ${f(loss)};若数据无限,L = (N_c/N)^α_N ≈ ${f(unlimited)},因此数据有限使损失高出约 ${f(penalty)}%。所用取值为 ${from}。`
        : `For N = ${formatParams(N, lang)} and D = ${formatTokens(D, lang)}: L ≈ ${f(loss)}; with unlimited data it would be (N_c/N)^α_N ≈ ${f(unlimited)}, so the finite data costs about ${f(penalty)}% more loss. Values used: ${from}.`;
    }

    case 'compute-flops': {
      const k = take('k');
      if (!k) return '';
      const nv = r.get('N', false);
      const dv = r.get('D', false);
      if (nv) used.N = nv;
      if (dv) used.D = dv;
      const N = nv?.value ?? 7e10;
      const D = dv?.value ?? 1.4e12;
      const C = k.value * N * D;
      const pfDays = C / (1e15 * 86400);
      const size = nv || dv ? (zh ? ` N = ${formatParams(N, lang)}、D = ${formatTokens(D, lang)} 的模型` : `N = ${formatParams(N, lang)}, D = ${formatTokens(D, lang)}`) : zh ? '一个 700 亿参数、1.4 万亿 token 的模型(Chinchilla)' : 'a 70B-parameter model on 1.4T tokens (Chinchilla)';
      return zh
        ? `训练${size}:C ≈ ${f(k.value)} × ${f(N)} × ${f(D)} = ${f(C)} FLOPs,约 ${f(pfDays)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`
        : `Training ${size}: C ≈ ${f(k.value)} × ${f(N)} × ${f(D)} = ${f(C)} FLOPs, about ${f(pfDays)} PF-days (1 PF-day = 8.64e19 FLOPs).`;
    }
  }
}

/**
 * Explains a recognised formula in `lang`. Values come from the formula itself, then
 * from `noteValues` (nearest first), then from the published fits. With `focus`, the
 * explanation also describes that one symbol.
 */
export function explain(
  recognition: Recognition,
  lang: Lang,
  noteValues?: readonly NoteValue[],
  focus?: FormulaSymbol | SymbolRole,
): Explanation {
  const kind = recognition.kind;
  const resolver = new Resolver(recognition, noteValues);
  const terms: TermRow[] = [];
  for (const role of ROWS[kind]) {
    if (OPTIONAL_ROLES.has(role) && !recognition.symbols.some((s) => s.role === role)) continue;
    const text = roleText(kind, role);
    const row: TermRow = {
      role,
      symbol: labelFor(recognition, role),
      meaning: text.meaning[lang],
      unit: text.unit[lang],
      typical: typicalText(kind, role, lang),
    };
    const v = resolver.get(role, false);
    if (v && v.source !== 'published') {
      row.value = v.value;
      row.valueSource = v.source;
    }
    terms.push(row);
  }
  const exampleValues: Partial<Record<SymbolRole, ResolvedValue>> = {};
  const explanation: Explanation = {
    kind,
    lang,
    name: NAME[kind][lang],
    formula: recognition.text,
    says: SAYS[kind][lang],
    terms,
    example: workedExample(recognition, resolver, lang, exampleValues),
    exampleValues,
    sources: KIND_SOURCES[kind].map((id) => ({ label: SOURCES[id].label[lang], title: SOURCES[id].title, url: SOURCES[id].url })),
  };
  if (focus !== undefined) {
    const role = typeof focus === 'string' ? focus : focus.role;
    const text = roleText(kind, role);
    const sym: SymbolExplanation = {
      role,
      symbol: typeof focus === 'string' ? labelFor(recognition, role) : focus.value !== undefined ? defaultLabel(kind, role) : focus.label,
      meaning: text.meaning[lang],
      unit: text.unit[lang],
      typical: typicalText(kind, role, lang),
    };
    const v = resolver.get(role, false);
    if (v && v.source !== 'published') {
      sym.value = v.value;
      sym.valueSource = v.source;
    }
    explanation.symbol = sym;
  }
  return explanation;
}

// ---------------------------------------------------------------------------
// Markdown

export interface MarkdownOptions {
  /**
   * Markdown blocks appended after the explanation, verbatim: the hover provider's
   * chart image and command links. The caller is responsible for their safety.
   */
  append?: readonly string[];
  /** Blocks placed after the worked example and before the terms table, verbatim (same safety rule). */
  beforeTable?: readonly string[];
  /** Leave out the terms table (a compact hover for a symbol). */
  omitTable?: boolean;
  /** Leave out the name and the formula (the caller showed them, e.g. typeset). */
  omitHeading?: boolean;
  /** Leave out what the formula says and the worked example (a short symbol hover). */
  omitExplanation?: boolean;
}

const CHROME = {
  symbol: { en: 'Symbol', zh: '符号' },
  meaning: { en: 'Meaning', zh: '含义' },
  unit: { en: 'Unit', zh: '单位' },
  typical: { en: 'Typical published values', zh: '文献中的典型取值' },
  example: { en: 'Worked example', zh: '算例' },
  sources: { en: 'Sources', zh: '文献' },
  here: { en: 'here', zh: '此处' },
  formula: { en: 'written in the formula', zh: '公式中给出' },
  note: { en: 'from the note', zh: '取自笔记' },
  inFormula: { en: 'Part of the', zh: '所在公式:' },
} satisfies Record<string, Bilingual>;

/** Escapes text that is not ours (it came from the note) for Markdown prose. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks in the text and never spans lines. */
export function codeSpan(text: string, maxLength = 300): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t.length > maxLength) t = `${t.slice(0, maxLength - 1)}…`;
  let longest = 0;
  let run = 0;
  for (const ch of t) {
    run = ch === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function valueNote(value: number | undefined, source: 'formula' | 'note' | undefined, lang: Lang): string {
  if (value === undefined || source === undefined) return '';
  const where = source === 'formula' ? CHROME.formula[lang] : CHROME.note[lang];
  return lang === 'zh' ? `**${formatConstant(value)}**(${where})` : `**${formatConstant(value)}** (${where})`;
}

/**
 * The hover's Markdown: the symbol first when there is one, then the formula's name,
 * what it says, the terms table, the worked example and the sources. Text that came
 * from the note only appears inside code spans or escaped.
 */
export function explanationToMarkdown(explanation: Explanation, lang: Lang = explanation.lang, options?: MarkdownOptions): string {
  const blocks: string[] = [];
  const sym = explanation.symbol;
  if (sym) {
    const value = valueNote(sym.value, sym.valueSource, lang);
    const lines = [`### ${codeSpan(sym.symbol)} — ${cell(sym.meaning)}`];
    const colon = lang === 'zh' ? ':' : ': ';
    const facts = [`${CHROME.unit[lang]}${colon}${cell(sym.unit)}`];
    if (value) facts.push(`${CHROME.here[lang]}${colon}${value}`);
    if (sym.typical !== '—') facts.push(`${CHROME.typical[lang]}${colon}${cell(sym.typical)}`);
    // Two trailing spaces: a Markdown line break, one fact per line.
    lines.push('', facts.join('  \n'));
    blocks.push(lines.join('\n'));
    blocks.push(`${CHROME.inFormula[lang]}${lang === 'zh' ? '' : ' '}**${cell(explanation.name)}** ${codeSpan(explanation.formula)}`);
  } else if (!options?.omitHeading) {
    blocks.push(`### ${cell(explanation.name)}`);
    blocks.push(codeSpan(explanation.formula));
  }
  if (!options?.omitExplanation) blocks.push(explanation.says);
  // The example and the caller's chart come before the long table, so a hover shows them without scrolling.
  if (explanation.example && !options?.omitExplanation) blocks.push(`**${CHROME.example[lang]}${lang === 'zh' ? ':' : '.'}** ${explanation.example}`);
  for (const extra of options?.beforeTable ?? []) blocks.push(extra);
  if (!options?.omitTable) {
    const head = `| ${CHROME.symbol[lang]} | ${CHROME.meaning[lang]} | ${CHROME.unit[lang]} | ${CHROME.typical[lang]} |`;
    const rows = explanation.terms.map((t) => {
      const value = valueNote(t.value, t.valueSource, lang);
      const typical = value ? `${value}${lang === 'zh' ? ';' : '; '}${cell(t.typical)}` : cell(t.typical);
      return `| ${codeSpan(t.symbol)} | ${cell(t.meaning)} | ${cell(t.unit)} | ${typical} |`;
    });
    blocks.push([head, '|---|---|---|---|', ...rows].join('\n'));
  }
  const sources = explanation.sources.map((s) => (s.url ? `[${s.label}](${s.url} "${s.title}")` : s.label));
  blocks.push(`*${CHROME.sources[lang]}:* ${sources.join(' · ')}`);
  for (const extra of options?.append ?? []) blocks.push(extra);
  return blocks.join('\n\n');
}
