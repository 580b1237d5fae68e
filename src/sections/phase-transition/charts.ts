// Vega-Lite specs for §3.2: capability count, capability heatmap and phase boundaries.
// The seed's fourth subplot is empty and is not reproduced.
import { makeChart, POWER_OF_TEN_LABEL_EXPR, tr } from '../chartKit';
import type { ChartContext, ChartSpec } from '../types';
import { CAPABILITIES, SIZES, boundaryPoints, countPoints, heatCells, type Thresholds, type TransitionSettings } from './model';

type Json = Record<string, unknown>;

const SIZE_DOMAIN = [Math.pow(10, 5.7), Math.pow(10, 12.3)];

function sizeAxis(title: string): Json {
  return { title, values: [...SIZES], labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: true };
}

function transitionNote(t: TransitionSettings, lang: 'en' | 'zh'): string {
  if (t.model === 'step') return lang === 'zh' ? '阶跃模型: 规模 ≥ 阈值即具备 (种子代码)' : "Step model: present iff size ≥ threshold (the seed's code)";
  return lang === 'zh'
    ? `逻辑斯蒂模型: 陡峭度 ${t.sharpness} / 数量级, 阈值处为 0.5`
    : `Logistic model: sharpness ${t.sharpness} per decade, 0.5 at the threshold`;
}

export function capabilityCountChart(thresholds: Thresholds, t: TransitionSettings, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const points = countPoints(thresholds, t, lang);
  const colour = theme.palette[2];
  const x = {
    field: 'size',
    type: 'quantitative',
    scale: { type: 'log', domain: SIZE_DOMAIN, nice: false },
    axis: sizeAxis(tr({ zh: '模型规模 (参数)', en: 'Model size (parameters)' }, lang)),
  };
  const y = {
    field: 'count',
    type: 'quantitative',
    scale: { domain: [0, CAPABILITIES.length + 0.8], nice: false },
    axis: {
      title: tr({ zh: '能力数量', en: 'Number of capabilities' }, lang),
      values: Array.from({ length: CAPABILITIES.length + 1 }, (_, i) => i),
      format: 'd',
    },
  };
  const labels = points
    .filter((p) => p.added.length > 0)
    .map((p) => ({ size: p.size, count: p.count, label: `+${p.added.join(lang === 'zh' ? '、' : ', ')}` }));
  const layers: Json[] = [
    { data: { values: points }, mark: { type: 'line', strokeWidth: 3, color: colour }, encoding: { x, y } },
    {
      data: { values: points },
      mark: { type: 'point', shape: 'square', filled: true, size: 90, opacity: 1, color: colour, stroke: theme.background, strokeWidth: 1 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'sizeHuman', type: 'nominal', title: tr({ zh: '参数量', en: 'Parameters' }, lang) },
          { field: 'sizeExp', type: 'nominal', title: tr({ zh: '科学计数', en: 'Scientific' }, lang) },
          { field: 'count', type: 'quantitative', title: tr({ zh: '能力数量', en: 'Capabilities' }, lang), format: t.model === 'step' ? 'd' : '.2f' },
          { field: 'present', type: 'nominal', title: tr({ zh: '具备 (阶跃规则)', en: 'Present (step rule)' }, lang) },
        ],
      },
    },
    {
      data: { values: labels },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -8, fontSize: 11, color: theme.muted },
      encoding: { x, y, text: { field: 'label' } },
    },
  ];
  return makeChart(
    {
      id: 'capability-count',
      finiteData: true,
      title: { zh: '能力数量随规模增长', en: 'Number of capabilities grows with scale' },
      subtitle: { zh: transitionNote(t, 'zh'), en: transitionNote(t, 'en') },
      description: {
        zh: '10⁶ 至 10¹² 参数的七个规模上具备的能力数量 (种子: 1, 2, 2, 3, 4, 5, 5), 每次增加处标出新获得的能力。',
        en: 'How many of the five capabilities are present at seven sizes from 10⁶ to 10¹² parameters (seed: 1, 2, 2, 3, 4, 5, 5), with each newly gained capability labelled.',
      },
      width: 520,
      height: 280,
    },
    ctx,
    { layer: layers },
  );
}

export function capabilityHeatmapChart(thresholds: Thresholds, t: TransitionSettings, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const cells = heatCells(thresholds, t, lang);
  const order = [...CAPABILITIES].reverse().map((c) => c.name[lang]);
  const presentTitle = tr({ zh: '能力存在性', en: 'Capability present' }, lang);
  const layers: Json[] = [
    {
      mark: { type: 'rect', stroke: theme.background, strokeWidth: 2 },
      encoding: {
        color: {
          field: 'value',
          type: 'quantitative',
          scale: { scheme: 'yellowgreenblue', domain: [0, 1] },
          legend: { title: presentTitle, values: [0, 0.5, 1], gradientLength: 140 },
        },
        tooltip: [
          { field: 'capability', type: 'nominal', title: tr({ zh: '能力', en: 'Capability' }, lang) },
          { field: 'sizeHuman', type: 'nominal', title: tr({ zh: '参数量', en: 'Parameters' }, lang) },
          { field: 'sizeExp', type: 'nominal', title: tr({ zh: '科学计数', en: 'Scientific' }, lang) },
          { field: 'value', type: 'quantitative', title: presentTitle, format: t.model === 'step' ? 'd' : '.2f' },
        ],
      },
    },
    ...(t.model === 'logistic'
      ? [
          {
            mark: { type: 'text', fontSize: 10 },
            encoding: {
              text: { field: 'value', type: 'quantitative', format: '.2f' },
              // The cells use the seed's fixed YlGnBu colours in every theme, so the text
              // contrasts with the cell, not the theme: dark on pale, white on deep blue.
              color: { condition: { test: 'datum.value > 0.55', value: '#ffffff' }, value: '#1f1f1f' },
            },
          },
        ]
      : []),
  ];
  return makeChart(
    {
      id: 'capability-heatmap',
      finiteData: true,
      title: { zh: '能力涌现热图', en: 'Capability emergence heatmap' },
      subtitle: {
        zh: '随着模型变大, 深色方块自下而上解锁新能力',
        en: 'As models grow, the dark cells climb upward: new capabilities unlock',
      },
      description: {
        zh: '七个模型规模 (列, 1e+06 至 1e+12) 与五种能力 (行, 从下往上由简单到复杂) 的存在性热图, 深蓝为具备。',
        en: 'Presence of five capabilities (rows, simplest at the bottom) at seven model sizes (columns, 1e+06 to 1e+12); deep blue means present.',
      },
      width: 460,
      height: 230,
    },
    ctx,
    {
      data: { values: cells },
      encoding: {
        x: {
          field: 'sizeExp',
          type: 'ordinal',
          sort: SIZES.map((s) => cells.find((c) => c.size === s)?.sizeExp ?? ''),
          axis: { title: tr({ zh: '模型规模 (参数)', en: 'Model size (parameters)' }, lang), labelAngle: 0, domain: false, ticks: false },
        },
        y: { field: 'capability', type: 'nominal', sort: order, axis: { title: null, domain: false, ticks: false, labelLimit: 160 } },
      },
      layer: layers,
    },
  );
}

export function phaseBoundariesChart(thresholds: Thresholds, t: TransitionSettings, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const names = CAPABILITIES.map((c) => c.boundaryName[lang]);
  // The seed's lines lie on top of each other wherever they agree (all at 0 or all at 1),
  // so only the last one drawn shows. Each line is drawn a few pixels apart instead
  // (`drawn`), like lines on a transit map; `active` keeps the exact value for tooltips.
  const offsetStep = 0.022;
  const rows = boundaryPoints(thresholds, t, lang).map((r) => ({ ...r, drawn: r.active + (2 - r.order) * offsetStep }));
  const x = {
    field: 'size',
    type: 'quantitative',
    scale: { type: 'log', domain: [1e6, 1e12], nice: false },
    axis: sizeAxis(tr({ zh: '模型规模', en: 'Model size' }, lang)),
  };
  const y = {
    field: 'drawn',
    type: 'quantitative',
    scale: { domain: [-0.1, 1.1], nice: false },
    axis: { title: tr({ zh: '能力激活', en: 'Capability active' }, lang), values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' },
  };
  const colour = {
    field: 'capability',
    type: 'nominal',
    sort: names,
    scale: { domain: names, range: theme.palette.slice(0, names.length) },
    legend: { title: null, orient: 'right', symbolType: 'stroke', symbolStrokeWidth: 4 },
  };
  // One layer per capability, in the seed's plotting order (later ones on top).
  const layers: Json[] = CAPABILITIES.map((_, j) => ({
    data: { values: rows.filter((r) => r.order === j) },
    mark: { type: 'line', strokeWidth: 2.5, strokeJoin: 'round' },
    encoding: { x, y, color: colour },
  }));
  return makeChart(
    {
      id: 'phase-boundaries',
      finiteData: true,
      title: { zh: '能力相变边界', en: 'Capability phase boundaries' },
      subtitle: { zh: `${transitionNote(t, 'zh')}; 各线上下略错开以免重叠`, en: `${transitionNote(t, 'en')}; lines offset slightly so none hides another` },
      description: {
        zh: '100 个对数均匀分布的规模 (10⁶ 至 10¹²) 上五种能力的激活状态; 每条线在其阈值处从 0 跳到 1。',
        en: 'Activation of five capabilities over 100 log-spaced sizes (10⁶ to 10¹²); each line jumps from 0 to 1 at its threshold.',
      },
      width: 520,
      height: 260,
    },
    ctx,
    { layer: layers },
  );
}
