// Seed §3.1.3: L(C) ≈ (C₀/C)^α and L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞, with the
// published constants behind them and the compute-optimal frontier of the Chinchilla form.
import { computeOptimal, type Allocation } from '../../engine/laws/allocation';
import { formatCount } from '../../engine/format';
import { additiveLoss, logspace, lossFromCompute, type AdditiveLawParams, type ChinchillaParams } from '../../engine/laws/powerLaws';
import { BESIROGLU_2024, FLOPS_PER_PF_DAY, HOFFMANN_2022, KAPLAN_2020, type Citation } from '../../engine/laws/presets';
import type { Bilingual, Lang } from '../types';

/** Kaplan et al. 2020's Cc,min = 3.1e8 PF-days, in FLOPs (≈ 2.68e28). */
export const KAPLAN_C0_FLOPS = KAPLAN_2020.compute.ccPfDays * FLOPS_PER_PF_DAY;

/** Kaplan et al. 2020's αC,min. */
export const KAPLAN_ALPHA_C = KAPLAN_2020.compute.alphaC;

/** "α 通常取值在0.05到0.1之间" (seed §3.1.3.1). */
export const TYPICAL_ALPHA_RANGE: readonly [number, number] = [0.05, 0.1];

/** Chinchilla's own training compute (70B parameters × 1.4T tokens × 6), the default budget. */
export const CHINCHILLA_BUDGET_FLOPS = 5.76e23;

export interface ComputeLossPoint {
  compute: number;
  pfDays: number;
  loss: number;
}

/** L(C) = (C₀/C)^α at `count` log-spaced compute values from `from` to `to` (FLOPs). */
export function lossComputeCurve(alpha: number, c0: number, from: number, to: number, count = 100): ComputeLossPoint[] {
  return logspace(Math.log10(from), Math.log10(to), count).map((compute) => ({
    compute,
    pfDays: compute / FLOPS_PER_PF_DAY,
    loss: lossFromCompute(compute, c0, alpha),
  }));
}

/** Powers of ten within [from, to]: where the curves carry markers and tooltips. */
export function decadesWithin(from: number, to: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(from) - 1e-9); e <= Math.floor(Math.log10(to) + 1e-9); e++) out.push(Math.pow(10, e));
  return out;
}

/** A compute range from two user values: ordered, at least one decade wide. */
export function orderedRange(a: number, b: number): [number, number] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return hi / lo >= 10 ? [lo, hi] : [lo, lo * 10];
}

/**
 * The Chinchilla form in the seed's notation: E + A/N^α + B/D^β equals
 * (N₀/N)^α + (D₀/D)^β + L∞ with N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E.
 */
export function chinchillaToAdditive(p: ChinchillaParams): AdditiveLawParams {
  return { n0: Math.pow(p.A, 1 / p.alpha), alphaN: p.alpha, d0: Math.pow(p.B, 1 / p.beta), alphaD: p.beta, lInf: p.E };
}

export type LawPresetId = 'chinchilla' | 'epoch' | 'kaplan';

export const LAW_PRESET_IDS: readonly LawPresetId[] = ['chinchilla', 'epoch', 'kaplan'];

export const LAW_PRESET_LABELS: Record<LawPresetId, Bilingual> = {
  chinchilla: { zh: 'Hoffmann 等 2022 (Chinchilla)', en: 'Hoffmann et al. 2022 (Chinchilla)' },
  epoch: { zh: 'Besiroglu 等 2024 (复现)', en: 'Besiroglu et al. 2024 (replication)' },
  kaplan: { zh: 'Kaplan 等 2020 (加和解读, 可在下方修改)', en: 'Kaplan et al. 2020 (additive reading, editable below)' },
};

/** The seed form's defaults under the Kaplan preset: Kaplan's single-variable fits, L∞ = 1.69. */
export const KAPLAN_ADDITIVE_DEFAULTS: AdditiveLawParams = {
  n0: KAPLAN_2020.params.nc,
  alphaN: KAPLAN_2020.params.alphaN,
  d0: KAPLAN_2020.data.dc,
  alphaD: KAPLAN_2020.data.alphaD,
  lInf: HOFFMANN_2022.params.E,
};

export interface ResolvedLaw {
  id: LawPresetId;
  citation: Citation;
  /** The constants in the seed's notation. */
  additive: AdditiveLawParams;
  /** The Chinchilla-form constants, when the preset is a Chinchilla fit. */
  chinchilla?: ChinchillaParams;
}

export function resolveLaw(id: LawPresetId, kaplan: AdditiveLawParams): ResolvedLaw {
  if (id === 'kaplan') return { id, citation: KAPLAN_2020.citation, additive: kaplan };
  const preset = id === 'epoch' ? BESIROGLU_2024 : HOFFMANN_2022;
  return { id, citation: preset.citation, additive: chinchillaToAdditive(preset.params), chinchilla: preset.params };
}

/** "Hoffmann et al. 2022" / "Hoffmann 等 2022". */
export function citationShort(c: Citation, lang: Lang): string {
  const first = c.authors.split(',')[0].trim();
  return lang === 'zh' ? `${first} 等 ${c.year}` : `${first} et al. ${c.year}`;
}

export interface LossPoint {
  params: number;
  tokens: number;
  loss: number;
  /** The fixed variable's value, for the colour legend. */
  series: string;
  paramsHuman: string;
  tokensHuman: string;
}

function tokensLabel(d: number, lang: Lang): string {
  return lang === 'zh' ? `D = ${formatCount(d, 'zh')}词元` : `D = ${formatCount(d, 'en')} tokens`;
}

function paramsLabel(n: number, lang: Lang): string {
  return lang === 'zh' ? `N = ${formatCount(n, 'zh')}参数` : `N = ${formatCount(n, 'en')} parameters`;
}

/** Token counts held fixed in the loss-vs-N chart, and parameter counts in the loss-vs-D chart. */
export const FIXED_TOKENS: readonly number[] = [1e9, 1e10, 1e11, 1e12];
export const FIXED_PARAMS: readonly number[] = [1e8, 1e9, 1e10, 1e11];
/** Axis ranges of the two charts: the article's 10⁶–10¹² parameters; 10⁸–10¹⁴ tokens. */
export const PARAMS_RANGE: readonly [number, number] = [1e6, 1e12];
export const TOKENS_RANGE: readonly [number, number] = [1e8, 1e14];

function point(law: AdditiveLawParams, n: number, d: number, series: string, lang: Lang): LossPoint {
  return { params: n, tokens: d, loss: additiveLoss(n, d, law), series, paramsHuman: formatCount(n, lang), tokensHuman: formatCount(d, lang) };
}

/** L(N, D) against N for each fixed D; `grid` chooses the N values. */
export function lossVsParams(law: AdditiveLawParams, lang: Lang, grid: readonly number[]): LossPoint[] {
  return FIXED_TOKENS.flatMap((d) => grid.map((n) => point(law, n, d, tokensLabel(d, lang), lang)));
}

/** L(N, D) against D for each fixed N. */
export function lossVsTokens(law: AdditiveLawParams, lang: Lang, grid: readonly number[]): LossPoint[] {
  return FIXED_PARAMS.flatMap((n) => grid.map((d) => point(law, n, d, paramsLabel(n, lang), lang)));
}

export function seriesLabels(kind: 'tokens' | 'params', lang: Lang): string[] {
  return kind === 'tokens' ? FIXED_TOKENS.map((d) => tokensLabel(d, lang)) : FIXED_PARAMS.map((n) => paramsLabel(n, lang));
}

export interface FrontierPoint extends Allocation {
  pfDays: number;
}

/** N_opt(C), D_opt(C) under C = 6ND for the Chinchilla-form constants. */
export function frontier(p: ChinchillaParams, computes: readonly number[]): FrontierPoint[] {
  return computes.map((c) => ({ ...computeOptimal(c, p), pfDays: c / FLOPS_PER_PF_DAY }));
}
