// Vega-Lite specs for seed 4.2: the capability radar (four model sizes) and the
// capability timeline (grey before the threshold, coloured after, red dot at it).
import { formatCount, pythonExp } from '../../engine/format';
import { labelsExpr, makeChart, POWER_OF_TEN_LABEL_EXPR } from '../chartKit';
import { radarBody } from '../radar';
import type { ChartContext, ChartSpec, ChartTheme } from '../types';
import {
  capabilityRadar,
  CAPABLE_VALUE,
  type CodeCapability,
  NOT_CAPABLE_VALUE,
  RADAR_MAX,
  sizeExp,
  sizeLegendLabel,
  TIMELINE_END,
  TIMELINE_START,
} from './model';

const DECADES = Array.from({ length: 8 }, (_, i) => 10 ** (6 + i));

/**
 * `color` blended over the theme background (alpha 0…1), opaque, as a Vega expression:
 * the blend is computed where the theme's real colours are known (the webviews compile
 * a chart once with placeholder colours and put the theme's in afterwards).
 */
function blend(color: string, theme: ChartTheme, alpha: number): { expr: string } {
  const channel = (c: 'r' | 'g' | 'b'): string => `round(${alpha} * rgb('${color}').${c} + ${1 - alpha} * rgb('${theme.background}').${c})`;
  return { expr: `'rgb(' + ${channel('r')} + ',' + ${channel('g')} + ',' + ${channel('b')} + ')'` };
}

/** Legend entries that make each radar series unique even if two sizes coincide. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
}

export function radarChart(capabilities: readonly CodeCapability[], sizes: readonly number[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const profiles = capabilityRadar(capabilities, sizes);
  const names = uniqueNames(profiles.map((p) => sizeLegendLabel(p.size, lang)));
  // Series keys stay the same when a size moves; the legend's labels are a signal.
  const keys = profiles.map((_, i) => `size${i + 1}`);
  const radarLabels = Object.fromEntries(keys.map((k, i) => [k, names[i]]));
  const body = radarBody({
    ctx,
    axes: capabilities.map((c) => c.name[lang]),
    series: profiles.map((p, i) => ({ name: keys[i], values: p.values })),
    legendLabelExpr: labelsExpr('radarLabels'),
    max: RADAR_MAX,
    ringStep: 0.2,
    colors: theme.palette,
    legendTitle: zh ? '模型规模' : 'Model size',
    fillOpacity: 0.1,
    vertexFields: (si, ai) => {
      const size = profiles[si].size;
      const cap = capabilities[ai];
      const capable = profiles[si].values[ai] === CAPABLE_VALUE;
      return {
        sizeLabel: names[si],
        sizeText: zh ? `${formatCount(size, 'zh')}参数` : `${formatCount(size, 'en')} parameters`,
        status: capable ? (zh ? '具备 (1)' : 'capable (1)') : zh ? `不具备 (显示为 ${NOT_CAPABLE_VALUE})` : `not capable (drawn at ${NOT_CAPABLE_VALUE})`,
        threshold: `${pythonExp(cap.threshold, 0)} (${formatCount(cap.threshold, lang)})`,
        example: cap.example[lang],
      };
    },
    tooltip: [
      { field: 'sizeLabel', title: zh ? '模型规模' : 'Model size' },
      { field: 'sizeText', title: zh ? '即' : 'i.e.' },
      { field: 'axis', title: zh ? '能力' : 'Capability' },
      { field: 'status', title: zh ? '是否具备' : 'Status' },
      { field: 'threshold', title: zh ? '涌现阈值' : 'Emergence threshold' },
      { field: 'example', title: zh ? '示例' : 'Example' },
    ],
  });
  return makeChart(
    {
      id: 'capability-radar',
      title: { zh: '代码能力涌现雷达图', en: 'Code capabilities by model size (radar)' },
      subtitle: {
        zh: `半径 ${CAPABLE_VALUE} = 具备该能力,${NOT_CAPABLE_VALUE} = 不具备(仅为显示)`,
        en: `Radius ${CAPABLE_VALUE} = capable, ${NOT_CAPABLE_VALUE} = not capable (drawn so it stays visible)`,
      },
      description: {
        zh: `六种代码能力的雷达图,每个模型规模 (${sizes.map(sizeExp).join('、')}) 一个闭合多边形:规模达到阈值的能力取 1,否则取 0.2。`,
        en: `Radar of six code capabilities with one closed polygon per model size (${sizes.map(sizeExp).join(', ')}): 1 where the size reaches the capability's threshold, otherwise 0.2.`,
      },
      signals: { radarLabels },
    },
    ctx,
    body,
  );
}

export function timelineChart(capabilities: readonly CodeCapability[], radarSizes: readonly number[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const hc = theme.kind === 'high-contrast';
  const phase = {
    before: zh ? '尚不具备' : 'Not yet capable',
    after: zh ? '已具备' : 'Capable',
    threshold: zh ? '涌现阈值' : 'Emergence threshold',
  };
  // The seed's lightgray and skyblue, derived from the theme so they follow light/dark/high contrast.
  const grey = blend(theme.muted, theme, hc ? 0.5 : 0.35);
  const blue = hc ? theme.palette[0] : blend(theme.palette[0], theme, 0.6);
  const colorScale = { domain: [phase.before, phase.after, phase.threshold], range: [grey, blue, theme.accent] };

  const names = capabilities.map((c) => c.name[lang]);
  // The seed's y = i puts the first capability at the bottom: keep that ladder.
  const y = {
    field: 'name',
    type: 'nominal',
    sort: [...names].reverse(),
    title: zh ? '能力类型' : 'Capability',
    axis: { labelFontSize: 12, labelColor: theme.foreground, labelLimit: 280, ticks: false, domain: false },
  };
  const x = {
    field: 'from',
    type: 'quantitative',
    scale: { type: 'log', domain: [TIMELINE_START, TIMELINE_END], nice: false },
    title: zh ? '模型规模 (参数)' : 'Model size (parameters)',
    axis: { labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: true, values: DECADES },
  };
  const info = capabilities.map((c) => ({
    name: c.name[lang],
    threshold: c.threshold,
    thresholdLabel: sizeExp(c.threshold),
    thresholdText: `${sizeExp(c.threshold)} · ${formatCount(c.threshold, lang)}`,
    example: c.example[lang],
    description: c.description[lang],
  }));
  const segments = info.flatMap((c) => [
    { ...c, phase: phase.before, from: TIMELINE_START, to: Math.max(TIMELINE_START, Math.min(c.threshold, TIMELINE_END)) },
    { ...c, phase: phase.after, from: Math.max(TIMELINE_START, Math.min(c.threshold, TIMELINE_END)), to: TIMELINE_END },
  ]);
  const tooltip = [
    { field: 'name', type: 'nominal', title: zh ? '能力' : 'Capability' },
    { field: 'thresholdText', type: 'nominal', title: zh ? '涌现阈值 (参数)' : 'Emergence threshold (parameters)' },
    { field: 'example', type: 'nominal', title: zh ? '示例' : 'Example' },
    { field: 'description', type: 'nominal', title: zh ? '能力描述' : 'Description' },
  ];
  const sizes = [...new Set(radarSizes)].filter((s) => s >= TIMELINE_START && s <= TIMELINE_END);
  const visible = info.filter((c) => c.threshold >= TIMELINE_START && c.threshold <= TIMELINE_END);

  const body = {
    height: 300,
    layer: [
      {
        data: { values: sizes.map((s) => ({ from: s, label: sizeLegendLabel(s, lang) })) },
        mark: { type: 'rule', color: theme.muted, strokeDash: [4, 4], strokeWidth: 1, opacity: 0.8 },
        encoding: {
          x,
          tooltip: [{ field: 'label', type: 'nominal', title: zh ? '雷达图中的模型规模' : 'Model size shown in the radar' }],
        },
      },
      {
        data: { values: segments },
        mark: { type: 'bar', height: { band: 0.38 }, cornerRadius: 2 },
        encoding: {
          y,
          x,
          x2: { field: 'to' },
          color: { field: 'phase', type: 'nominal', scale: colorScale, title: null, legend: { orient: 'bottom', direction: 'horizontal' } },
          tooltip: [...tooltip, { field: 'phase', type: 'nominal', title: zh ? '阶段' : 'Phase' }],
        },
      },
      {
        data: { values: visible.map((c) => ({ ...c, from: c.threshold, phase: phase.threshold })) },
        mark: { type: 'point', filled: true, size: 130, opacity: 1, stroke: theme.background, strokeWidth: 1 },
        encoding: { y, x, color: { field: 'phase', type: 'nominal', scale: colorScale, title: null }, tooltip },
      },
      {
        data: { values: visible.map((c) => ({ ...c, from: c.threshold })) },
        mark: { type: 'text', color: theme.accent, fontSize: 11, fontWeight: 'bold', baseline: 'bottom', dy: -11 },
        encoding: { y, x, text: { field: 'thresholdLabel', type: 'nominal' } },
      },
    ],
  };
  return makeChart(
    {
      id: 'capability-timeline',
      finiteData: true,
      title: { zh: '代码能力涌现时间线', en: 'When each code capability emerges' },
      subtitle: {
        zh: '灰色 = 尚不具备,彩色 = 已具备;虚线 = 雷达图中的模型规模',
        en: "Grey = not yet capable, coloured = capable; dashed lines = the radar's model sizes",
      },
      description: {
        zh: `六种代码能力的涌现阈值:${info.map((c) => `${c.name} ${c.thresholdLabel}`).join(',')};阈值之前为灰色,之后为彩色,横轴为对数模型规模 (1e6 至 1e13 参数)。`,
        en: `Emergence thresholds of six code capabilities: ${info.map((c) => `${c.name} ${c.thresholdLabel}`).join(', ')}; grey before the threshold, coloured after, on a log model-size axis (1e6 to 1e13 parameters).`,
      },
      height: 300,
    },
    ctx,
    body,
  );
}
