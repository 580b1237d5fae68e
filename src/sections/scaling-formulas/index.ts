// §3.1.3 尺度定律的数学表达 — L(C) ≈ (C₀/C)^α and L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞.
import { bool, num, str, type ChartContext, type ChartSpec, type ParamValues, type Section } from '../types';
import { computeOptimalChart, lossVsComputeChart, lossVsDataChart, lossVsParamsChart } from './charts';
import { formatFlops } from '../../engine/format';
import { fitValue } from '../../engine/laws/fits';
import {
  CHINCHILLA_BUDGET_FLOPS,
  CUSTOM_LAW_DEFAULTS,
  KAPLAN_ALPHA_C,
  KAPLAN_C0_FLOPS,
  LAW_FORMS,
  LAW_FORM_LABELS,
  LAW_PRESET_IDS,
  LAW_PRESET_LABELS,
  orderedRange,
  resolveLaw,
  type LawForm,
  type LawPresetId,
  type ResolvedLaw,
} from './model';

const FLOPS = { zh: 'FLOPs', en: 'FLOPs' };

/** The law the L(N,D) charts use, from the preset choice and, for "custom", the form and constants below. */
function lawFromParams(params: ParamValues): ResolvedLaw {
  const preset = str(params, 'lawPreset') as LawPresetId;
  return resolveLaw(preset, str(params, 'lawForm') as LawForm, {
    alphaN: num(params, 'alphaN'),
    n0: num(params, 'n0'),
    alphaD: num(params, 'alphaD'),
    d0: num(params, 'd0'),
    lInf: num(params, 'lInf'),
  });
}

export const scalingFormulasSection: Section = {
  id: 'scaling-formulas',
  seedRef: '3.1.3',
  title: { zh: '尺度定律的数学表达', en: 'Scaling laws as formulas' },
  description: {
    zh: 'L(C) = (C₀/C)^α 与 L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞, 含已发表常数与计算最优分配',
    en: 'L(C) = (C₀/C)^α and L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞ with published constants and the compute-optimal split',
  },
  params: [
    {
      kind: 'number',
      name: 'alpha',
      label: { zh: '指数 α', en: 'Exponent α' },
      help: { zh: '文中: α 通常取 0.05 到 0.1; Kaplan 2020 的 α_C = 0.050', en: 'The text: α is typically 0.05 to 0.1; Kaplan 2020 fits α_C = 0.050' },
      min: 0.01,
      max: 0.2,
      step: 0.005,
      default: KAPLAN_ALPHA_C,
    },
    {
      kind: 'number',
      name: 'c0',
      label: { zh: '常数 C₀', en: 'Constant C₀' },
      help: {
        zh: `Kaplan 2020: ${fitValue('kaplan2020-compute', 'ccMin').toExponential(1)} PF-days = ${formatFlops(KAPLAN_C0_FLOPS)}`,
        en: `Kaplan 2020: ${fitValue('kaplan2020-compute', 'ccMin').toExponential(1)} PF-days = ${formatFlops(KAPLAN_C0_FLOPS)}`,
      },
      min: 1e22,
      max: 1e34,
      step: 0.05,
      scale: 'log',
      default: KAPLAN_C0_FLOPS,
      unit: FLOPS,
    },
    {
      kind: 'number',
      name: 'computeFrom',
      label: { zh: '计算量下限', en: 'Compute from' },
      min: 1e15,
      max: 1e30,
      step: 0.5,
      scale: 'log',
      default: 1e18,
      unit: FLOPS,
    },
    {
      kind: 'number',
      name: 'computeTo',
      label: { zh: '计算量上限', en: 'Compute to' },
      min: 1e15,
      max: 1e30,
      step: 0.5,
      scale: 'log',
      default: 1e26,
      unit: FLOPS,
    },
    {
      kind: 'toggle',
      name: 'showAlphaBand',
      label: { zh: '显示 α 0.05–0.1 范围', en: 'Show the α 0.05–0.1 band' },
      default: true,
    },
    {
      kind: 'choice',
      name: 'lawPreset',
      label: { zh: 'L(N,D) 的定律与常数', en: 'L(N,D) law and constants' },
      help: {
        zh: '每组已发表拟合按其自身的定律绘制; Chinchilla 形式 E + A/N^α + B/D^β 即 N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E',
        en: 'Each published fit is drawn as its own law; the Chinchilla form E + A/N^α + B/D^β is N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E',
      },
      options: LAW_PRESET_IDS.map((id) => ({ value: id, label: LAW_PRESET_LABELS[id] })),
      default: 'chinchilla',
    },
    {
      kind: 'choice',
      name: 'lawForm',
      label: { zh: '你的常数所属的定律', en: 'Law of your constants' },
      help: { zh: '仅用于"你的常数"; 按所写的定律绘制, 不添加任何项', en: 'For "your constants" only; drawn as the law is written, with no term added' },
      options: LAW_FORMS.map((id) => ({ value: id, label: LAW_FORM_LABELS[id] })),
      default: 'additive',
    },
    {
      kind: 'number',
      name: 'alphaN',
      label: { zh: 'α_N (你的常数)', en: 'α_N (your constants)' },
      min: 0.01,
      max: 0.6,
      step: 0.001,
      default: CUSTOM_LAW_DEFAULTS.alphaN,
    },
    {
      kind: 'number',
      name: 'n0',
      label: { zh: 'N₀ / N_c (你的常数)', en: 'N₀ / N_c (your constants)' },
      min: 1e6,
      max: 1e16,
      step: 0.05,
      scale: 'log',
      default: CUSTOM_LAW_DEFAULTS.n0,
      unit: { zh: '参数', en: 'parameters' },
    },
    {
      kind: 'number',
      name: 'alphaD',
      label: { zh: 'α_D (你的常数)', en: 'α_D (your constants)' },
      min: 0.01,
      max: 0.6,
      step: 0.001,
      default: CUSTOM_LAW_DEFAULTS.alphaD,
    },
    {
      kind: 'number',
      name: 'd0',
      label: { zh: 'D₀ / D_c (你的常数)', en: 'D₀ / D_c (your constants)' },
      min: 1e6,
      max: 1e16,
      step: 0.05,
      scale: 'log',
      default: CUSTOM_LAW_DEFAULTS.d0,
      unit: { zh: '词元', en: 'tokens' },
    },
    {
      kind: 'number',
      name: 'lInf',
      label: { zh: 'L∞ (你的常数, 仅加性形式)', en: 'L∞ (your constants, additive form only)' },
      help: {
        zh: '不可约项; 已发表的 Chinchilla 预设使用各自的 E; Kaplan 的定律没有这一项',
        en: "Irreducible term; the published Chinchilla presets use their own E; Kaplan's laws have none",
      },
      min: 0,
      max: 4,
      step: 0.01,
      default: CUSTOM_LAW_DEFAULTS.lInf,
    },
    {
      kind: 'number',
      name: 'budget',
      label: { zh: '计算预算', en: 'Compute budget' },
      help: {
        zh: '默认 5.76e23: Gopher 的训练计算量, Hoffmann 等据此确定 Chinchilla 的规模 (Chinchilla 本身 6 × 700亿 × 1.4万亿 = 5.88e23)',
        en: "Default 5.76e23: Gopher's training compute, the budget Hoffmann et al. sized Chinchilla for (Chinchilla itself: 6 × 70B × 1.4T = 5.88e23)",
      },
      min: 1e15,
      max: 1e30,
      step: 0.05,
      scale: 'log',
      default: CHINCHILLA_BUDGET_FLOPS,
      unit: FLOPS,
    },
  ],
  charts(params: ParamValues, ctx: ChartContext): ChartSpec[] {
    const [from, to] = orderedRange(num(params, 'computeFrom'), num(params, 'computeTo'));
    const law = lawFromParams(params);
    return [
      lossVsComputeChart({ alpha: num(params, 'alpha'), c0: num(params, 'c0'), from, to, showBand: bool(params, 'showAlphaBand') }, ctx),
      lossVsParamsChart(law, ctx),
      lossVsDataChart(law, ctx),
      computeOptimalChart(law, { from, to, budget: num(params, 'budget') }, ctx),
    ];
  },
};
