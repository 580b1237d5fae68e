// §4.1 数学推理的涌现 — the seed's MathematicalReasoningEmergence.analyze_math_emergence().
import type { TransitionModel } from '../../engine/thresholds';
import { num, str, type ChartContext, type ChartSpec, type Lang, type ParamSpec, type ParamValues, type Section } from '../types';
import { emergenceCurvesChart, summaryTableChart } from './charts';
import { PROBLEM_TYPES, mathReport, type MathThresholds, type Transition } from './model';
import { pythonExp } from '../../engine/format';

const thresholdParams: ParamSpec[] = PROBLEM_TYPES.map((p) => ({
  kind: 'number',
  name: p.param,
  label: { zh: `${p.name.zh}阈值`, en: `${p.name.en} threshold` },
  help: { zh: `种子代码: ${pythonExp(p.threshold)} 参数`, en: `The seed's code: ${pythonExp(p.threshold)} parameters` },
  min: 1e5,
  max: 1e13,
  step: 0.1,
  scale: 'log',
  default: p.threshold,
  unit: { zh: '参数', en: 'parameters' },
}));

const transitionParams: ParamSpec[] = [
  {
    kind: 'choice',
    name: 'transitionModel',
    label: { zh: '相变模型', en: 'Transition model' },
    help: { zh: '阶跃: 种子代码的 ≥ 阈值规则; 逻辑斯蒂: 以对数规模平滑过渡', en: "Step: the seed's size ≥ threshold rule; logistic: a smooth transition in log size" },
    options: [
      { value: 'step', label: { zh: '阶跃 (种子)', en: 'Step (seed)' } },
      { value: 'logistic', label: { zh: '逻辑斯蒂 (渐变)', en: 'Logistic (gradual)' } },
    ],
    default: 'step',
  },
  {
    kind: 'number',
    name: 'sharpness',
    label: { zh: '陡峭度', en: 'Sharpness' },
    help: { zh: '逻辑斯蒂模型每个数量级的斜率; 越大越接近阶跃', en: 'Logistic slope per decade of size; larger is closer to a step' },
    min: 0.2,
    max: 10,
    step: 0.1,
    default: 2,
    unit: { zh: '/ 数量级', en: 'per decade' },
  },
];

function thresholdsFromParams(params: ParamValues): MathThresholds {
  return Object.fromEntries(PROBLEM_TYPES.map((p) => [p.key, num(params, p.param)])) as MathThresholds;
}

function transitionFromParams(params: ParamValues): Transition {
  return { model: str(params, 'transitionModel') as TransitionModel, sharpness: num(params, 'sharpness') };
}

export const mathReasoningSection: Section = {
  id: 'math-reasoning',
  seedRef: '4.1',
  title: { zh: '数学推理的涌现', en: 'Emergence of mathematical reasoning' },
  description: {
    zh: '算术、代数、几何、概率、微积分五类问题的涌现点 (1e+07 至 1e+12) 与分析表',
    en: 'Emergence points of arithmetic, algebra, geometry, probability and calculus (1e+07 to 1e+12), with the analysis table',
  },
  params: [...thresholdParams, ...transitionParams],
  charts(params: ParamValues, ctx: ChartContext): ChartSpec[] {
    const thresholds = thresholdsFromParams(params);
    return [emergenceCurvesChart(thresholds, transitionFromParams(params), ctx), summaryTableChart(thresholds, ctx)];
  },
  report(params: ParamValues, lang: Lang): string {
    return mathReport(thresholdsFromParams(params), lang);
  },
};
