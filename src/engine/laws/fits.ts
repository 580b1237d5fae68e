// The published fits, each as a whole set: the law it belongs to, its constants with
// their units and published uncertainties, the data and tokenizer it was fitted on,
// how it counts parameters, and the range it was fitted over. This is the one source
// of every published constant in the project; presets.ts, the hovers, the sections
// and the CLI read from here. A constant only means something inside its own fit:
// Kaplan's α_N = 0.076 is an exponent of L(N) alone, not of E + A/N^α + B/D^β.
import type { Bilingual } from '../text';

export interface Citation {
  authors: string;
  year: number;
  title: string;
  venue: string;
  url: string;
}

export const KAPLAN_2020_CITATION: Citation = {
  authors: 'Kaplan, McCandlish, Henighan, Brown, Chess, Child, Gray, Radford, Wu, Amodei',
  year: 2020,
  title: 'Scaling Laws for Neural Language Models',
  venue: 'arXiv:2001.08361',
  url: 'https://arxiv.org/abs/2001.08361',
};

export const HOFFMANN_2022_CITATION: Citation = {
  authors: 'Hoffmann, Borgeaud, Mensch, et al.',
  year: 2022,
  title: 'Training Compute-Optimal Large Language Models',
  venue: 'NeurIPS 2022, arXiv:2203.15556',
  url: 'https://arxiv.org/abs/2203.15556',
};

export const BESIROGLU_2024_CITATION: Citation = {
  authors: 'Besiroglu, Erdil, Barnett, You',
  year: 2024,
  title: 'Chinchilla Scaling: A replication attempt',
  venue: 'arXiv:2404.10102',
  url: 'https://arxiv.org/abs/2404.10102',
};

/** One PF-day in FLOPs: 1e15 FLOP/s × 86,400 s. */
export const FLOPS_PER_PF_DAY = 8.64e19;

/** Units a quantity of these laws is measured in. */
export type QuantityUnit = 'nats' | 'parameters' | 'tokens' | 'FLOPs' | 'PF-days' | 'dimensionless' | 'nats·parameters^α' | 'nats·tokens^β';

/** The laws the fits belong to. */
export type LawId =
  /** Kaplan et al. 2020, eq. 1.1: L(N) = (N_c/N)^α_N. */
  | 'kaplan-params'
  /** Kaplan et al. 2020, eq. 1.2: L(D) = (D_c/D)^α_D. */
  | 'kaplan-data'
  /** Kaplan et al. 2020, eq. 1.3: L(C_min) = (C_c^min/C_min)^α_C^min. */
  | 'kaplan-compute'
  /** Kaplan et al. 2020, eq. 1.5: L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D. */
  | 'kaplan-joint'
  /** Kaplan et al. 2020, eq. 6.1 / Table 6: N_opt = N_e·C_min^p_N, D_opt = D_e·C_min^p_D. */
  | 'kaplan-optimal'
  /** Hoffmann et al. 2022, eq. 2: L(N,D) = E + A/N^α + B/D^β. */
  | 'chinchilla';

export interface LawInfo {
  id: LawId;
  formula: string;
  name: Bilingual;
  /** Where the law is written: "Kaplan et al. 2020, eq. 1.5". */
  where: string;
}

export const LAWS: Readonly<Record<LawId, LawInfo>> = {
  'kaplan-params': {
    id: 'kaplan-params',
    formula: 'L(N) = (N_c/N)^α_N',
    name: { en: "Kaplan's L(N)", zh: 'Kaplan 的 L(N)' },
    where: 'Kaplan et al. 2020, eq. 1.1',
  },
  'kaplan-data': {
    id: 'kaplan-data',
    formula: 'L(D) = (D_c/D)^α_D',
    name: { en: "Kaplan's L(D)", zh: 'Kaplan 的 L(D)' },
    where: 'Kaplan et al. 2020, eq. 1.2',
  },
  'kaplan-compute': {
    id: 'kaplan-compute',
    formula: 'L(C_min) = (C_c^min/C_min)^α_C^min',
    name: { en: "Kaplan's L(C_min)", zh: 'Kaplan 的 L(C_min)' },
    where: 'Kaplan et al. 2020, eq. 1.3',
  },
  'kaplan-joint': {
    id: 'kaplan-joint',
    formula: 'L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D',
    name: { en: "Kaplan's joint L(N,D)", zh: 'Kaplan 的联合 L(N,D)' },
    where: 'Kaplan et al. 2020, eq. 1.5',
  },
  'kaplan-optimal': {
    id: 'kaplan-optimal',
    formula: 'N_opt = N_e·C_min^p_N, D_opt = D_e·C_min^p_D',
    name: { en: "Kaplan's compute-efficient allocation", zh: 'Kaplan 的计算高效分配' },
    where: 'Kaplan et al. 2020, eq. 6.1 and Table 6 (Fig. 14)',
  },
  chinchilla: {
    id: 'chinchilla',
    formula: 'L(N,D) = E + A/N^α + B/D^β',
    name: { en: 'the Chinchilla form', zh: 'Chinchilla 形式' },
    where: 'Hoffmann et al. 2022, eq. 2',
  },
};

export interface FitConstant {
  /** The value as the paper prints it. */
  value: number;
  unit: QuantityUnit;
  /** How the paper writes the symbol. */
  symbol: string;
  /** Published standard error, where the paper gives one. */
  se?: number;
}

/** A range a fit was fitted over, [low, high], in the unit named beside it. */
export type FittedRange = readonly [number, number];

export type FitId =
  'kaplan2020-params' | 'kaplan2020-data' | 'kaplan2020-compute' | 'kaplan2020-joint' | 'kaplan2020-optimal' | 'hoffmann2022' | 'besiroglu2024';

export interface PublishedFit {
  id: FitId;
  law: LawId;
  citation: Citation;
  /** Short label: "Hoffmann et al. 2022 (approach 3, eq. 10)". */
  label: Bilingual;
  /** Where in the paper the values are printed. */
  where: string;
  constants: Readonly<Record<string, FitConstant>>;
  dataset: string;
  tokenizer: string;
  /** How N is counted: Kaplan excludes embedding parameters, Hoffmann counts all. */
  paramCounting: 'non-embedding' | 'total';
  lossUnit: 'nats per token';
  /** The unit of compute in this fit's formulas. */
  computeUnit?: 'PF-days' | 'FLOPs';
  /** What the fit's data spanned; outside it a number is an extrapolation. */
  range: { params?: FittedRange; tokens?: FittedRange; computePfDays?: FittedRange; computeFlops?: FittedRange; note?: Bilingual };
  /** Caveats an expert reader expects next to the numbers. */
  note?: Bilingual;
}

const KAPLAN_DATA = 'WebText2';
const KAPLAN_TOKENIZER = 'byte-pair encoding, GPT-2 vocabulary (50,257 tokens)';
/** Kaplan et al. 2020, §2: 768 to 1.5e9 non-embedding parameters, 22e6 to 23e9 tokens. */
const KAPLAN_RANGE = { params: [768, 1.5e9] as FittedRange, tokens: [2.2e7, 2.3e10] as FittedRange };
const MASSIVE_TEXT = 'MassiveText (Hoffmann et al. 2022)';
const CHINCHILLA_TOKENIZER = 'SentencePiece (32,000 tokens)';
/** Hoffmann et al. 2022, §3: over 400 models of 70M to 16B parameters on 5B to 500B tokens. */
const CHINCHILLA_RANGE = { params: [7e7, 1.6e10] as FittedRange, tokens: [5e9, 5e11] as FittedRange };

const exponent = (value: number, symbol: string, se?: number): FitConstant =>
  se === undefined ? { value, unit: 'dimensionless', symbol } : { value, unit: 'dimensionless', symbol, se };

export const FITS: Readonly<Record<FitId, PublishedFit>> = {
  'kaplan2020-params': {
    id: 'kaplan2020-params',
    law: 'kaplan-params',
    citation: KAPLAN_2020_CITATION,
    label: { en: 'Kaplan et al. 2020, L(N) (eq. 1.1)', zh: 'Kaplan 等 2020,L(N)(式 1.1)' },
    where: 'eq. 1.1, Table 5',
    constants: { alphaN: exponent(0.076, 'α_N'), nc: { value: 8.8e13, unit: 'parameters', symbol: 'N_c' } },
    dataset: KAPLAN_DATA,
    tokenizer: KAPLAN_TOKENIZER,
    paramCounting: 'non-embedding',
    lossUnit: 'nats per token',
    range: KAPLAN_RANGE,
    note: { en: 'Models trained to convergence on enough data; no irreducible term.', zh: '在足够数据上训练到收敛的模型;没有不可约项。' },
  },
  'kaplan2020-data': {
    id: 'kaplan2020-data',
    law: 'kaplan-data',
    citation: KAPLAN_2020_CITATION,
    label: { en: 'Kaplan et al. 2020, L(D) (eq. 1.2)', zh: 'Kaplan 等 2020,L(D)(式 1.2)' },
    where: 'eq. 1.2, Table 5',
    constants: { alphaD: exponent(0.095, 'α_D'), dc: { value: 5.4e13, unit: 'tokens', symbol: 'D_c' } },
    dataset: KAPLAN_DATA,
    tokenizer: KAPLAN_TOKENIZER,
    paramCounting: 'non-embedding',
    lossUnit: 'nats per token',
    range: KAPLAN_RANGE,
    note: { en: 'Large models with early stopping; no irreducible term.', zh: '大模型、早停;没有不可约项。' },
  },
  'kaplan2020-compute': {
    id: 'kaplan2020-compute',
    law: 'kaplan-compute',
    citation: KAPLAN_2020_CITATION,
    label: { en: 'Kaplan et al. 2020, L(C_min) (eq. 1.3)', zh: 'Kaplan 等 2020,L(C_min)(式 1.3)' },
    where: 'eq. 1.3, Table 5',
    constants: { alphaC: exponent(0.05, 'α_C^min'), ccMin: { value: 3.1e8, unit: 'PF-days', symbol: 'C_c^min' } },
    dataset: KAPLAN_DATA,
    tokenizer: KAPLAN_TOKENIZER,
    paramCounting: 'non-embedding',
    lossUnit: 'nats per token',
    computeUnit: 'PF-days',
    range: {
      ...KAPLAN_RANGE,
      computePfDays: [1e-8, 10],
      note: { en: 'compute range read from Fig. 1 (about 1e-8 to 10 PF-days)', zh: '计算量范围读自图 1(约 1e-8 至 10 PF-天)' },
    },
    note: {
      en: 'Compute-efficient training (C_min, non-embedding compute, in PF-days). Kaplan et al. expect the laws to break down near L* ≈ 1.7 nats (C* ≈ 1e4 PF-days, §6.3).',
      zh: '计算高效训练(C_min,非嵌入计算量,单位 PF-天)。Kaplan 等预计这些定律在 L* ≈ 1.7 奈特附近失效(C* ≈ 1e4 PF-天,§6.3)。',
    },
  },
  'kaplan2020-joint': {
    id: 'kaplan2020-joint',
    law: 'kaplan-joint',
    citation: KAPLAN_2020_CITATION,
    label: { en: 'Kaplan et al. 2020, joint L(N,D) (eq. 1.5)', zh: 'Kaplan 等 2020,联合 L(N,D)(式 1.5)' },
    where: 'eq. 1.5, Table 2',
    constants: {
      alphaN: exponent(0.076, 'α_N'),
      alphaD: exponent(0.103, 'α_D'),
      nc: { value: 6.4e13, unit: 'parameters', symbol: 'N_c' },
      dc: { value: 1.8e13, unit: 'tokens', symbol: 'D_c' },
    },
    dataset: KAPLAN_DATA,
    tokenizer: KAPLAN_TOKENIZER,
    paramCounting: 'non-embedding',
    lossUnit: 'nats per token',
    range: KAPLAN_RANGE,
  },
  'kaplan2020-optimal': {
    id: 'kaplan2020-optimal',
    law: 'kaplan-optimal',
    citation: KAPLAN_2020_CITATION,
    label: { en: 'Kaplan et al. 2020, compute-efficient allocation (eq. 6.1, Table 6)', zh: 'Kaplan 等 2020,计算高效分配(式 6.1,表 6)' },
    where: 'eq. 6.1, Table 6, Fig. 14',
    constants: {
      nPrefactor: { value: 1.3e9, unit: 'parameters', symbol: 'N_e' },
      nExponent: exponent(0.73, 'p_N'),
      dPrefactor: { value: 2e10, unit: 'tokens', symbol: 'D_e' },
      dExponent: exponent(0.27, 'p_D'),
    },
    dataset: KAPLAN_DATA,
    tokenizer: KAPLAN_TOKENIZER,
    paramCounting: 'non-embedding',
    lossUnit: 'nats per token',
    computeUnit: 'PF-days',
    range: { ...KAPLAN_RANGE, computePfDays: [1e-8, 10], note: { en: 'compute range read from Fig. 1 and Fig. 14', zh: '计算量范围读自图 1 与图 14' } },
    note: {
      en: 'Derived from the learning-curve fit L(N, S_min) at the critical batch size (eq. 1.6, 1.7), with C_min in PF-days; not from eq. 1.5 and not under C = 6ND.',
      zh: '由临界批量下的学习曲线拟合 L(N, S_min)(式 1.6、1.7)推出,C_min 以 PF-天计;并非由式 1.5 或 C = 6ND 推出。',
    },
  },
  hoffmann2022: {
    id: 'hoffmann2022',
    law: 'chinchilla',
    citation: HOFFMANN_2022_CITATION,
    label: { en: 'Hoffmann et al. 2022 (approach 3, eq. 10)', zh: 'Hoffmann 等 2022(方法 3,式 10)' },
    where: 'eq. 10 (appendix D.2); a, b in Table 2',
    constants: {
      E: { value: 1.69, unit: 'nats', symbol: 'E' },
      A: { value: 406.4, unit: 'nats·parameters^α', symbol: 'A' },
      B: { value: 410.7, unit: 'nats·tokens^β', symbol: 'B' },
      alpha: exponent(0.34, 'α'),
      beta: exponent(0.28, 'β'),
    },
    dataset: MASSIVE_TEXT,
    tokenizer: CHINCHILLA_TOKENIZER,
    paramCounting: 'total',
    lossUnit: 'nats per token',
    computeUnit: 'FLOPs',
    range: CHINCHILLA_RANGE,
    note: {
      en: 'Rounded constants as printed. Table 2 gives approach 3 a = 0.46 (0.454–0.455), b = 0.54 (0.542–0.543); approaches 1 and 2 give a ≈ 0.50, 0.49 and ≈ 20 tokens per parameter (Table 3).',
      zh: '按论文印出的舍入常数。表 2 给出方法 3 的 a = 0.46(0.454–0.455)、b = 0.54(0.542–0.543);方法 1、2 给出 a ≈ 0.50、0.49,约每参数 20 个 token(表 3)。',
    },
  },
  besiroglu2024: {
    id: 'besiroglu2024',
    law: 'chinchilla',
    citation: BESIROGLU_2024_CITATION,
    label: { en: 'Besiroglu et al. 2024 (Epoch AI refit of approach 3)', zh: 'Besiroglu 等 2024(Epoch AI 对方法 3 的重新拟合)' },
    where: 'the refit of approach 3, standard errors in parentheses (abstract and §3)',
    constants: {
      E: { value: 1.8172, unit: 'nats', symbol: 'E', se: 0.03 },
      A: { value: 482.01, unit: 'nats·parameters^α', symbol: 'A', se: 124.58 },
      B: { value: 2085.43, unit: 'nats·tokens^β', symbol: 'B', se: 1293.23 },
      alpha: exponent(0.3478, 'α', 0.02),
      beta: exponent(0.3658, 'β', 0.02),
    },
    dataset: 'Hoffmann et al. 2022 Fig. 4 runs, digitised (MassiveText), 240 of 245 points',
    tokenizer: CHINCHILLA_TOKENIZER,
    paramCounting: 'total',
    lossUnit: 'nats per token',
    computeUnit: 'FLOPs',
    range: CHINCHILLA_RANGE,
    note: {
      en: 'Same data as Hoffmann et al., refitted with summed Huber loss; a ≈ 0.51, about 20 tokens per parameter, consistent with approaches 1 and 2.',
      zh: '与 Hoffmann 等同一批数据,以求和的 Huber 损失重新拟合;a ≈ 0.51,约每参数 20 个 token,与方法 1、2 一致。',
    },
  },
};

export const FIT_IDS = Object.keys(FITS) as FitId[];

/** The fits of one law, the default (the law's own or the best-known) first. */
export function fitsOfLaw(law: LawId): PublishedFit[] {
  return FIT_IDS.map((id) => FITS[id]).filter((f) => f.law === law);
}

/** A fit's constant by name; throws on a typo so no caller silently gets undefined. */
export function fitValue(fit: FitId, name: string): number {
  const c = FITS[fit].constants[name];
  if (c === undefined) throw new Error(`fit ${fit} has no constant ${name}`);
  return c.value;
}

/** "Hoffmann et al. 2022" / "Hoffmann 等 2022". */
export function citationShort(c: Citation, lang: 'en' | 'zh'): string {
  const first = c.authors.split(',')[0].trim();
  return lang === 'zh' ? `${first} 等 ${c.year}` : `${first} et al. ${c.year}`;
}

/**
 * Kaplan et al. 2020, §6.3: the laws must break down before L* ≈ 1.7 nats per token,
 * where L(C_min) would fall below L(D). Losses under it are past the fit's validity.
 */
export const KAPLAN_BREAKDOWN_LOSS = 1.7;

/** The compute range of a fit in FLOPs, whichever unit it was published in. */
export function fittedComputeFlops(fit: PublishedFit): FittedRange | undefined {
  if (fit.range.computeFlops) return fit.range.computeFlops;
  const pf = fit.range.computePfDays;
  return pf ? [pf[0] * FLOPS_PER_PF_DAY, pf[1] * FLOPS_PER_PF_DAY] : undefined;
}

/** A number as the papers print it: 1.3e9, 0.73, 3.1e8. */
function printed(x: number): string {
  // Stryker disable next-line EqualityOperator: called only with the registry's constants, none of which is exactly ±1e4.
  return Math.abs(x) >= 1e4 ? x.toExponential().replace('e+', 'e') : String(x);
}

/** Kaplan's published allocation as text, from the registry: "N_opt = 1.3e9·C_min^0.73, D_opt = 2e10·C_min^0.27". */
export function kaplanOptimalText(): string {
  const c = FITS['kaplan2020-optimal'].constants;
  return `N_opt = ${printed(c.nPrefactor.value)}·C_min^${c.nExponent.value}, D_opt = ${printed(c.dPrefactor.value)}·C_min^${c.dExponent.value}`;
}

/** A fit's constants as text, from the registry: "N_c = 6.4e13, D_c = 1.8e13, α_N = 0.076, α_D = 0.103". */
export function fitConstantsText(id: FitId): string {
  return Object.values(FITS[id].constants)
    .map((c) => `${c.symbol} = ${printed(c.value)}`)
    .join(', ');
}
