// §4.1 数学推理的涌现 — the seed's MathematicalReasoningEmergence.analyze_math_emergence().
// The step/logistic switch is the phase-transition section's, shared so both read alike.
import { transitionFromParams, transitionParams } from '../phase-transition/index';
import { num, type ChartContext, type ChartSpec, type Lang, type ParamSpec, type ParamValues, type Section } from '../types';
import { emergenceCurvesChart, summaryTableChart } from './charts';
import { PROBLEM_TYPES, mathReport, type MathThresholds } from './model';
import { pythonExp } from '../../engine/format';
import { illustrative } from '../chartKit';
import { EVIDENCE_PARAM, measuredArithmeticChart, showsMeasured } from '../emergence-real/counterparts';

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

function thresholdsFromParams(params: ParamValues): MathThresholds {
  return Object.fromEntries(PROBLEM_TYPES.map((p) => [p.key, num(params, p.param)])) as MathThresholds;
}

export const mathReasoningSection: Section = illustrative({
  id: 'math-reasoning',
  seedRef: '4.1',
  title: { zh: '数学推理的涌现', en: 'Emergence of mathematical reasoning' },
  description: {
    zh: '算术、代数、几何、概率、微积分五类问题的涌现点 (1e+07 至 1e+12) 与分析表',
    en: 'Emergence points of arithmetic, algebra, geometry, probability and calculus (1e+07 to 1e+12), with the analysis table',
  },
  params: [...thresholdParams, ...transitionParams, EVIDENCE_PARAM],
  charts(params: ParamValues, ctx: ChartContext): ChartSpec[] {
    const thresholds = thresholdsFromParams(params);
    if (showsMeasured(params)) return [measuredArithmeticChart(thresholds.arithmetic, ctx)];
    return [emergenceCurvesChart(thresholds, transitionFromParams(params), ctx), summaryTableChart(thresholds, ctx)];
  },
  report(params: ParamValues, lang: Lang): string {
    return mathReport(thresholdsFromParams(params), lang);
  },
});
