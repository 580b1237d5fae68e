// Seed 4.2 "代码能力的相变" (CodeGenerationEmergence): six code capabilities that
// emerge at increasing model sizes, the capability radar, the timeline and the report.
import { num, type NumberParam, type ParamValues, type Section } from '../types';
import { radarChart, timelineChart } from './charts';
import { CODE_CAPABILITIES, codeReport, RADAR_SIZES, withThresholds, type CodeCapability } from './model';
import { illustrative } from '../chartKit';

const UNIT = { zh: '参数', en: 'parameters' };

/** Parameter name of a capability's threshold: "threshold_<seed key>". */
export function thresholdParam(key: string): string {
  return `threshold_${key}`;
}

const thresholdParams: NumberParam[] = CODE_CAPABILITIES.map((c) => ({
  kind: 'number',
  name: thresholdParam(c.key),
  label: { zh: `${c.name.zh} 涌现阈值`, en: `${c.name.en} threshold` },
  help: {
    zh: `模型规模达到此值时具备「${c.name.zh}」(原文 ${c.threshold.toExponential()})`,
    en: `Model size at which "${c.name.en}" emerges (seed: ${c.threshold.toExponential()})`,
  },
  min: 1e6,
  max: 1e13,
  step: 0.1,
  scale: 'log',
  default: c.threshold,
  unit: UNIT,
}));

const radarSizeParams: NumberParam[] = RADAR_SIZES.map((size, i) => ({
  kind: 'number',
  name: `radarSize${i + 1}`,
  label: { zh: `雷达图模型规模 ${i + 1}`, en: `Radar model size ${i + 1}` },
  help: {
    zh: `雷达图中第 ${i + 1} 个多边形的模型规模 (原文 ${size.toExponential()})`,
    en: `Model size of the radar's polygon ${i + 1} (seed: ${size.toExponential()})`,
  },
  min: 1e6,
  max: 1e13,
  step: 0.1,
  scale: 'log',
  default: size,
  unit: UNIT,
}));

function capabilitiesOf(params: ParamValues): CodeCapability[] {
  const thresholds: Record<string, number> = {};
  for (const c of CODE_CAPABILITIES) thresholds[c.key] = num(params, thresholdParam(c.key));
  return withThresholds(thresholds);
}

function radarSizesOf(params: ParamValues): number[] {
  return RADAR_SIZES.map((_, i) => num(params, `radarSize${i + 1}`));
}

export const codeGenerationSection: Section = illustrative({
  id: 'code-generation',
  seedRef: '4.2',
  title: { zh: '代码能力的相变', en: 'Phase transitions in code generation' },
  description: {
    zh: '六种代码能力在不同模型规模涌现:能力雷达图、涌现时间线与详细分析',
    en: 'Six code capabilities emerging at different model sizes: radar, timeline and report',
  },
  params: [...thresholdParams, ...radarSizeParams],
  charts(params, ctx) {
    const capabilities = capabilitiesOf(params);
    const sizes = radarSizesOf(params);
    return [radarChart(capabilities, sizes, ctx), timelineChart(capabilities, sizes, ctx)];
  },
  report(params, lang) {
    return codeReport(capabilitiesOf(params), lang);
  },
});
