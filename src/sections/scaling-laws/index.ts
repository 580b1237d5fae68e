// §3.1 尺度定律 — the seed's scaling_laws_visualization().
import type { ChartContext, ChartSpec, ParamValues, Section } from '../types';
import { bool, num } from '../types';
import { performanceCurveChart } from './charts';
import { CODE_EMERGENCE_POINT } from './model';
import { illustrative } from '../chartKit';

export const scalingLawsSection: Section = illustrative(
  {
    id: 'scaling-laws',
    seedRef: '3.1',
    title: { zh: '尺度定律: 性能随规模的变化', en: 'Scaling laws: performance against model size' },
    description: {
      zh: '性能曲线 10⁶–10¹² 参数, 涌现临界点 1e+10 与三个成长阶段',
      en: 'Performance from 10⁶ to 10¹² parameters, the 1e+10 emergence threshold and three growth stages',
    },
    params: [
      {
        kind: 'number',
        name: 'emergenceThreshold',
        label: { zh: '涌现临界点', en: 'Emergence threshold' },
        help: { zh: '红色虚线的位置; 种子代码为 1e+10 (约100亿参数)', en: "Where the red dashed rule sits; the seed's code uses 1e+10 (10B parameters)" },
        min: 1e6,
        max: 1e12,
        step: 0.1,
        scale: 'log',
        default: CODE_EMERGENCE_POINT,
        unit: { zh: '参数', en: 'parameters' },
      },
      {
        kind: 'toggle',
        name: 'showProseReading',
        label: { zh: '显示正文所述的约1000亿', en: "Show the article text's ~100B reading" },
        help: {
          zh: '正文称临界点约1000亿参数 (1e+11), 与代码中的 1e+10 不同',
          en: 'The prose puts the threshold at ~100B parameters (1e+11), unlike the code’s 1e+10',
        },
        default: true,
      },
      {
        kind: 'toggle',
        name: 'showStages',
        label: { zh: '显示阶段标注', en: 'Show stage annotations' },
        default: true,
      },
    ],
    charts(params: ParamValues, ctx: ChartContext): ChartSpec[] {
      return [
        performanceCurveChart(
          { threshold: num(params, 'emergenceThreshold'), showProse: bool(params, 'showProseReading'), showStages: bool(params, 'showStages') },
          ctx,
        ),
      ];
    },
  },
  { emergenceNote: true },
);
