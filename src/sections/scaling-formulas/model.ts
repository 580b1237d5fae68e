// Seed §3.1.3: L(C) ≈ (C₀/C)^α and L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞, with the
// published fits behind them (each drawn as its own law) and the compute-optimal frontier.
import { computeOptimal, kaplanOptimalAllocation, type Allocation } from '../../engine/laws/allocation';
import { formatCount } from '../../engine/format';
import { FITS, FLOPS_PER_PF_DAY, fitValue, type Citation, type FitId } from '../../engine/laws/fits';
import {
  additiveLoss,
  kaplanCombinedLoss,
  kaplanSingleLoss,
  logspace,
  lossFromCompute,
  type AdditiveLawParams,
  type ChinchillaParams,
} from '../../engine/laws/powerLaws';
import { chinchillaParamsOf } from '../../engine/laws/presets';
import type { Bilingual, Lang } from '../types';

/** Kaplan et al. 2020's Cc,min (PF-days), in FLOPs (≈ 2.68e28). */
export const KAPLAN_C0_FLOPS = fitValue('kaplan2020-compute', 'ccMin') * FLOPS_PER_PF_DAY;

/** Kaplan et al. 2020's αC,min. */
export const KAPLAN_ALPHA_C = fitValue('kaplan2020-compute', 'alphaC');

/** "α 通常取值在0.05到0.1之间" (seed §3.1.3.1). */
export const TYPICAL_ALPHA_RANGE: readonly [number, number] = [0.05, 0.1];

/**
 * The default budget: Gopher's training compute, 5.76e23 FLOPs, the budget Hoffmann et al.
 * sized Chinchilla for (Chinchilla itself, 70B parameters on 1.4T tokens, is 6 × 70e9 × 1.4e12 = 5.88e23).
 */
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

/** The Chinchilla form in the seed's notation, back: A = N₀^α, B = D₀^β, E = L∞. */
function additiveToChinchilla(p: AdditiveLawParams): ChinchillaParams {
  return { E: p.lInf, A: Math.pow(p.n0, p.alphaN), B: Math.pow(p.d0, p.alphaD), alpha: p.alphaN, beta: p.alphaD };
}

/** The law a set of constants is drawn with; each as it is written, no term added. */
export type LawForm = 'additive' | 'kaplan-joint' | 'kaplan-params' | 'kaplan-data';

export const LAW_FORMS: readonly LawForm[] = ['additive', 'kaplan-joint', 'kaplan-params', 'kaplan-data'];

export const LAW_FORM_LABELS: Record<LawForm, Bilingual> = {
  additive: { zh: '加性形式 (N₀/N)^α_N + (D₀/D)^α_D + L∞ (= Chinchilla 形式)', en: 'Additive (N₀/N)^α_N + (D₀/D)^α_D + L∞ (= the Chinchilla form)' },
  'kaplan-joint': { zh: 'Kaplan 式 1.5: [(N_c/N)^(α_N/α_D) + D_c/D]^α_D', en: 'Kaplan eq. 1.5: [(N_c/N)^(α_N/α_D) + D_c/D]^α_D' },
  'kaplan-params': { zh: 'Kaplan 式 1.1: (N_c/N)^α_N', en: 'Kaplan eq. 1.1: (N_c/N)^α_N' },
  'kaplan-data': { zh: 'Kaplan 式 1.2: (D_c/D)^α_D', en: 'Kaplan eq. 1.2: (D_c/D)^α_D' },
};

export type LawPresetId = 'chinchilla' | 'epoch' | 'kaplan-joint' | 'custom';

export const LAW_PRESET_IDS: readonly LawPresetId[] = ['chinchilla', 'epoch', 'kaplan-joint', 'custom'];

/** The fit behind each preset (custom has none). */
const LAW_PRESET_FITS: Record<Exclude<LawPresetId, 'custom'>, FitId> = {
  chinchilla: 'hoffmann2022',
  epoch: 'besiroglu2024',
  'kaplan-joint': 'kaplan2020-joint',
};

export const LAW_PRESET_LABELS: Record<LawPresetId, Bilingual> = {
  chinchilla: FITS.hoffmann2022.label,
  epoch: FITS.besiroglu2024.label,
  'kaplan-joint': FITS['kaplan2020-joint'].label,
  custom: { zh: '你的常数 (来自笔记或下方控件)', en: 'Your constants (from the note or the controls below)' },
};

/** The custom constants' defaults: Hoffmann et al. 2022 in the seed's notation. */
export const CUSTOM_LAW_DEFAULTS: AdditiveLawParams = chinchillaToAdditive(chinchillaParamsOf('hoffmann2022'));

export interface ResolvedLaw {
  id: LawPresetId;
  form: LawForm;
  /** The published fit these constants are, when they are one. */
  fit?: FitId;
  citation?: Citation;
  /** What the constants are, for subtitles. */
  label: Bilingual;
  /** The constants in the seed's notation (for Kaplan's forms: N₀ = N_c, D₀ = D_c; L∞ unused). */
  additive: AdditiveLawParams;
  /** The Chinchilla-form constants, when the form is additive. */
  chinchilla?: ChinchillaParams;
  /** Kaplan's separate L(N) and L(D) fits summed: the seed's own reading, not Kaplan's prediction. */
  seedReading: boolean;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.005 * Math.abs(b);

/** The published fit a set of custom constants equals (to 0.5%), if any. */
function matchingFit(form: LawForm, c: AdditiveLawParams): FitId | undefined {
  if (form === 'additive') {
    return (['hoffmann2022', 'besiroglu2024'] as FitId[]).find((f) => {
      const p = chinchillaToAdditive(chinchillaParamsOf(f));
      return near(c.n0, p.n0) && near(c.alphaN, p.alphaN) && near(c.d0, p.d0) && near(c.alphaD, p.alphaD) && near(c.lInf, p.lInf);
    });
  }
  const k = (id: FitId, n: string): number => fitValue(id, n);
  if (form === 'kaplan-joint') {
    return near(c.n0, k('kaplan2020-joint', 'nc')) &&
      near(c.d0, k('kaplan2020-joint', 'dc')) &&
      near(c.alphaN, k('kaplan2020-joint', 'alphaN')) &&
      near(c.alphaD, k('kaplan2020-joint', 'alphaD'))
      ? 'kaplan2020-joint'
      : undefined;
  }
  if (form === 'kaplan-params')
    return near(c.n0, k('kaplan2020-params', 'nc')) && near(c.alphaN, k('kaplan2020-params', 'alphaN')) ? 'kaplan2020-params' : undefined;
  return near(c.d0, k('kaplan2020-data', 'dc')) && near(c.alphaD, k('kaplan2020-data', 'alphaD')) ? 'kaplan2020-data' : undefined;
}

function isKaplanSum(c: AdditiveLawParams): boolean {
  return (
    near(c.n0, fitValue('kaplan2020-params', 'nc')) &&
    near(c.alphaN, fitValue('kaplan2020-params', 'alphaN')) &&
    near(c.d0, fitValue('kaplan2020-data', 'dc')) &&
    near(c.alphaD, fitValue('kaplan2020-data', 'alphaD'))
  );
}

const SEED_READING_LABEL: Bilingual = {
  zh: '原文的加和解读: Kaplan 单独的 L(N) 与 L(D) 相加 (并非 Kaplan 的预测; Kaplan 的联合定律是式 1.5)',
  en: "The seed's additive reading: Kaplan's separate L(N) and L(D) summed (not Kaplan's prediction; Kaplan's joint law is eq. 1.5)",
};

export function resolveLaw(id: LawPresetId, form: LawForm, custom: AdditiveLawParams): ResolvedLaw {
  if (id === 'kaplan-joint') {
    const f = FITS['kaplan2020-joint'];
    const additive = { n0: fitValue(f.id, 'nc'), alphaN: fitValue(f.id, 'alphaN'), d0: fitValue(f.id, 'dc'), alphaD: fitValue(f.id, 'alphaD'), lInf: 0 };
    return { id, form: 'kaplan-joint', fit: f.id, citation: f.citation, label: f.label, additive, seedReading: false };
  }
  if (id === 'chinchilla' || id === 'epoch') {
    const f = FITS[LAW_PRESET_FITS[id]];
    const chinchilla = chinchillaParamsOf(f.id);
    return {
      id,
      form: 'additive',
      fit: f.id,
      citation: f.citation,
      label: f.label,
      additive: chinchillaToAdditive(chinchilla),
      chinchilla,
      seedReading: false,
    };
  }
  const fit = matchingFit(form, custom);
  const seedReading = form === 'additive' && fit === undefined && isKaplanSum(custom);
  const label = fit ? FITS[fit].label : seedReading ? SEED_READING_LABEL : LAW_PRESET_LABELS.custom;
  const base = { id, form, label, additive: custom, seedReading, ...(fit ? { fit, citation: FITS[fit].citation } : {}) };
  return form === 'additive' ? { ...base, chinchilla: additiveToChinchilla(custom) } : base;
}

/** The law's loss at N parameters and D tokens, as the law is written. */
function lawLoss(law: ResolvedLaw, n: number, d: number): number {
  const c = law.additive;
  switch (law.form) {
    case 'additive':
      return additiveLoss(n, d, c);
    case 'kaplan-joint':
      return kaplanCombinedLoss(n, d, { nc: c.n0, dc: c.d0, alphaN: c.alphaN, alphaD: c.alphaD });
    case 'kaplan-params':
      return kaplanSingleLoss(n, c.n0, c.alphaN);
    case 'kaplan-data':
      return kaplanSingleLoss(d, c.d0, c.alphaD);
  }
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
const FIXED_TOKENS: readonly number[] = [1e9, 1e10, 1e11, 1e12];
const FIXED_PARAMS: readonly number[] = [1e8, 1e9, 1e10, 1e11];
/** Axis ranges of the two charts: the article's 10⁶–10¹² parameters; 10⁸–10¹⁴ tokens. */
export const PARAMS_RANGE: readonly [number, number] = [1e6, 1e12];
export const TOKENS_RANGE: readonly [number, number] = [1e8, 1e14];

function point(law: ResolvedLaw, n: number, d: number, series: string, lang: Lang): LossPoint {
  return { params: n, tokens: d, loss: lawLoss(law, n, d), series, paramsHuman: formatCount(n, lang), tokensHuman: formatCount(d, lang) };
}

/** L(N, D) against N for each fixed D; `grid` chooses the N values. */
export function lossVsParams(law: ResolvedLaw, lang: Lang, grid: readonly number[]): LossPoint[] {
  return FIXED_TOKENS.flatMap((d) => grid.map((n) => point(law, n, d, tokensLabel(d, lang), lang)));
}

/** L(N, D) against D for each fixed N. */
export function lossVsTokens(law: ResolvedLaw, lang: Lang, grid: readonly number[]): LossPoint[] {
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

/** Kaplan et al. 2020's published allocation (eq. 6.1) at each budget (FLOPs). */
function kaplanFrontier(computes: readonly number[]): FrontierPoint[] {
  return computes.map((c) => ({ ...kaplanOptimalAllocation(c), pfDays: c / FLOPS_PER_PF_DAY }));
}

/** The frontier of a law: the closed form for the Chinchilla form, Kaplan's own rule for Kaplan's forms. */
export function lawFrontier(law: ResolvedLaw, computes: readonly number[]): FrontierPoint[] {
  return law.chinchilla ? frontier(law.chinchilla, computes) : kaplanFrontier(computes);
}
