// §3.2 相变理论 — the seed's EmergencePhaseTransition.plot_capability_emergence().
import { pythonExp } from '../../engine/format';
import type { TransitionModel } from '../../engine/thresholds';
import { num, str, type ChartContext, type ChartSpec, type ParamSpec, type ParamValues, type Section } from '../types';
import { capabilityCountChart, capabilityHeatmapChart, phaseBoundariesChart } from './charts';
import { EVIDENCE_PARAM, measuredCapabilityCountChart, showsMeasured } from '../emergence-real/counterparts';
import { CAPABILITIES, SEED_TRANSITION, type Thresholds, type TransitionSettings } from './model';
import { illustrative } from '../chartKit';

const PARAMS_UNIT = { zh: '参数', en: 'parameters' };

const thresholdParams: ParamSpec[] = CAPABILITIES.map((c) => ({
  kind: 'number',
  name: c.param,
  label: { zh: `${c.name.zh}阈值`, en: `${c.name.en} threshold` },
  help:
    c.key === 'memorization'
      ? { zh: '种子中记忆能力始终具备: 默认阈值 1e+05 低于最小的模型', en: 'The seed always has memorization: the default 1e+05 lies below the smallest model' }
      : { zh: `种子代码: 规模 ≥ ${pythonExp(c.threshold)} 即具备`, en: `The seed's code: present from ${pythonExp(c.threshold)} parameters` },
  min: 1e4,
  max: 1e13,
  step: 0.1,
  scale: 'log',
  default: c.threshold,
  unit: PARAMS_UNIT,
}));

export const transitionParams: ParamSpec[] = [
  {
    kind: 'choice',
    name: 'transitionModel',
    label: { zh: '相变模型', en: 'Transition model' },
    help: {
      zh: '阶跃: 种子代码的 ≥ 阈值规则; 逻辑斯蒂: 以对数规模平滑过渡',
      en: "Step: the seed's size ≥ threshold rule; logistic: a smooth transition in log size",
    },
    options: [
      { value: 'step', label: { zh: '阶跃 (种子)', en: 'Step (seed)' } },
      { value: 'logistic', label: { zh: '逻辑斯蒂 (渐变)', en: 'Logistic (gradual)' } },
    ],
    default: SEED_TRANSITION.model,
  },
  {
    kind: 'number',
    name: 'sharpness',
    label: { zh: '陡峭度', en: 'Sharpness' },
    help: { zh: '逻辑斯蒂模型每个数量级的斜率; 越大越接近阶跃', en: 'Logistic slope per decade of size; larger is closer to a step' },
    min: 0.2,
    max: 10,
    step: 0.1,
    default: SEED_TRANSITION.sharpness,
    unit: { zh: '/ 数量级', en: 'per decade' },
  },
];

export function transitionFromParams(params: ParamValues): TransitionSettings {
  return { model: str(params, 'transitionModel') as TransitionModel, sharpness: num(params, 'sharpness') };
}

function thresholdsFromParams(params: ParamValues): Thresholds {
  return Object.fromEntries(CAPABILITIES.map((c) => [c.key, num(params, c.param)])) as Thresholds;
}

export const phaseTransitionSection: Section = illustrative({
  id: 'phase-transition',
  seedRef: '3.2',
  title: { zh: '相变理论: 能力的阶梯式涌现', en: 'Phase transitions: capabilities emerge in steps' },
  description: {
    zh: '能力数量、能力热图与相变边界: 五种能力在 1e+07 至 1e+11 参数处解锁',
    en: 'Capability count, heatmap and phase boundaries: five capabilities unlocking from 1e+07 to 1e+11 parameters',
  },
  params: [...transitionParams, ...thresholdParams, EVIDENCE_PARAM],
  charts(params: ParamValues, ctx: ChartContext): ChartSpec[] {
    if (showsMeasured(params)) return [measuredCapabilityCountChart(ctx)];
    const thresholds = thresholdsFromParams(params);
    const t = transitionFromParams(params);
    return [capabilityCountChart(thresholds, t, ctx), capabilityHeatmapChart(thresholds, t, ctx), phaseBoundariesChart(thresholds, t, ctx)];
  },
});
