// Vega-Lite spec for §3.1: the seed's semilog performance curve, redrawn with log
// ticks 10⁶…10¹², tooltips, a legend inside the plot and the annotations' arrows.
import { formatCount, pythonExp } from '../../engine/format';
import { labelsExpr, makeChart, POWER_OF_TEN_LABEL_EXPR, tr } from '../chartKit';
import type { ChartContext, ChartSpec } from '../types';
import { ARROW_HEAD_SIZE, arrowFromBox, estimateTextWidth, textBox, toPixel, type PlotFrame } from './arrows';
import { MODEL_SIZES, PROSE_EMERGENCE_POINT, STAGE_ANNOTATIONS, performancePoints, proseLegendLabel, thresholdLegendLabel } from './model';

export interface ScalingLawsChartOptions {
  threshold: number;
  showProse: boolean;
  showStages: boolean;
}

const WIDTH = 560;
const HEIGHT = 320;
const ANNOTATION_FONT_SIZE = 12;

/** The plot's fixed scales: half a decade of air either side of 10⁶…10¹², y 0–1. */
export const PERFORMANCE_FRAME: PlotFrame = {
  width: WIDTH,
  height: HEIGHT,
  x: { type: 'log', domain: [Math.pow(10, 5.6), Math.pow(10, 12.4)] },
  y: { type: 'linear', domain: [0, 1] },
};

/** Text placement per annotation: the seed's xytext, nudged off markers and lines. */
const TEXT_PLACEMENT: readonly { baseline: 'top' | 'middle' | 'bottom'; dx: number; dy: number }[] = [
  { baseline: 'middle', dx: 0, dy: 2 },
  { baseline: 'middle', dx: 6, dy: 0 },
  { baseline: 'top', dx: 10, dy: 2 },
];

function sizeAxis(ctx: ChartContext): Record<string, unknown> {
  return {
    title: tr({ zh: '模型参数量 (log scale)', en: 'Model parameters (log scale)' }, ctx.lang),
    values: [...MODEL_SIZES],
    labelExpr: POWER_OF_TEN_LABEL_EXPR,
    grid: true,
  };
}

/** Room the y axis takes beside the plot (labels and title), for the plot width in a webview. */
const Y_AXIS_PX = 64;

function annotationLayers(ctx: ChartContext): Record<string, unknown>[] {
  const texts: { label: string; x: number; y: number; align: string; baseline: string; dx: number; dy: number }[] = [];
  const arrows: Record<string, unknown>[] = [];
  // In a webview narrower than the chart the plot is narrower too: text that would run
  // past its right edge ends at its anchor instead, and the arrows follow the real frame.
  const frame = ctx.width !== undefined && ctx.width - Y_AXIS_PX < WIDTH ? { ...PERFORMANCE_FRAME, width: ctx.width - Y_AXIS_PX } : PERFORMANCE_FRAME;
  STAGE_ANNOTATIONS.forEach((a, i) => {
    const label = tr(a.label, ctx.lang);
    const place = TEXT_PLACEMENT[i];
    const [px, py] = toPixel(frame, a.xytext[0], a.xytext[1]);
    const textWidth = estimateTextWidth(label, ANNOTATION_FONT_SIZE);
    const align = px + place.dx + textWidth > frame.width ? 'right' : 'left';
    const dx = align === 'left' ? place.dx : -place.dx;
    const box = textBox(px, py, textWidth, ANNOTATION_FONT_SIZE, align, place.baseline, dx, place.dy);
    const arrow = arrowFromBox(frame, box, a.xy);
    const colour = a.emphasis ? ctx.theme.accent : ctx.theme.muted;
    texts.push({ label, x: a.xytext[0], y: a.xytext[1], align, baseline: place.baseline, dx, dy: place.dy });
    arrows.push({ ...arrow, colour, label, targetX: a.xy[0], targetY: a.xy[1] });
  });
  const x = { type: 'quantitative', scale: { type: 'log' } };
  const y = { type: 'quantitative' };
  return [
    {
      data: { values: arrows },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'x', ...x },
        y: { field: 'y', ...y },
        x2: { field: 'x2' },
        y2: { field: 'y2' },
        stroke: { field: 'colour', type: 'nominal', scale: null, legend: null },
      },
    },
    {
      data: { values: arrows },
      mark: { type: 'point', shape: 'triangle-up', filled: true, opacity: 1, size: ARROW_HEAD_SIZE },
      encoding: {
        x: { field: 'headX', ...x },
        y: { field: 'headY', ...y },
        angle: { field: 'angle', type: 'quantitative', scale: null },
        fill: { field: 'colour', type: 'nominal', scale: null, legend: null },
      },
    },
    // One text layer per annotation (baseline and offsets are mark properties), each
    // over a halo in the background colour so rules and grid lines never cut the text.
    ...texts.flatMap((t) =>
      [true, false].map((halo) => ({
        data: { values: [t] },
        mark: {
          type: 'text',
          align: t.align,
          baseline: t.baseline,
          dx: t.dx,
          dy: t.dy,
          fontSize: ANNOTATION_FONT_SIZE,
          ...(halo ? { color: ctx.theme.background, stroke: ctx.theme.background, strokeWidth: 4, strokeJoin: 'round' } : { color: ctx.theme.foreground }),
        },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'y', ...y },
          text: { field: 'label' },
        },
      })),
    ),
  ];
}

export function performanceCurveChart(opts: ScalingLawsChartOptions, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const points = performancePoints(lang);
  const perfLabel = tr({ zh: '模型性能', en: 'Model performance' }, lang);
  const thresholdLabel = thresholdLegendLabel(opts.threshold, lang);
  const proseLabel = proseLegendLabel(lang);
  // Stable series keys; the legend shows their labels, a signal (the threshold's label quotes it).
  const seriesLabels = { performance: perfLabel, threshold: thresholdLabel, prose: proseLabel };
  const domain = ['performance', 'threshold', ...(opts.showProse ? ['prose'] : [])];
  // color and strokeDash share one legend (same field, same legend definition).
  const legend = {
    title: null,
    orient: 'top-left',
    symbolType: 'stroke',
    symbolStrokeWidth: 2.5,
    symbolSize: 300,
    fillColor: theme.background,
    strokeColor: theme.grid,
    padding: 6,
    offset: 8,
    labelLimit: 400,
    labelFontSize: 11,
    labelExpr: labelsExpr('seriesLabels'),
  };
  const colour = { field: 'series', type: 'nominal', scale: { domain, range: [theme.palette[0], theme.accent, theme.muted] }, legend };
  const dash = {
    field: 'series',
    type: 'nominal',
    scale: {
      domain,
      range: [
        [1, 0],
        [6, 4],
        [2, 3],
      ],
    },
    legend,
  };
  const x = { type: 'quantitative', scale: { type: 'log', domain: [...PERFORMANCE_FRAME.x.domain], nice: false }, axis: sizeAxis(ctx) };
  const sizeTooltip = [
    { field: 'sizeHuman', type: 'nominal', title: tr({ zh: '参数量', en: 'Parameters' }, lang) },
    { field: 'sizeExp', type: 'nominal', title: tr({ zh: '科学计数', en: 'Scientific' }, lang) },
  ];

  const rules = [
    {
      size: opts.threshold,
      series: 'threshold',
      seriesLabel: thresholdLabel,
      sizeHuman: formatCount(opts.threshold, lang),
      sizeExp: pythonExp(opts.threshold),
      width: 2,
      opacity: 1,
    },
    ...(opts.showProse
      ? [
          {
            size: PROSE_EMERGENCE_POINT,
            series: 'prose',
            seriesLabel: proseLabel,
            sizeHuman: formatCount(PROSE_EMERGENCE_POINT, lang),
            sizeExp: pythonExp(PROSE_EMERGENCE_POINT),
            width: 1.5,
            opacity: 0.85,
          },
        ]
      : []),
  ];

  const layers: Record<string, unknown>[] = [
    {
      data: { values: rules },
      mark: { type: 'rule' },
      encoding: {
        x: { field: 'size', ...x },
        color: colour,
        strokeDash: dash,
        strokeWidth: { field: 'width', type: 'quantitative', scale: null },
        opacity: { field: 'opacity', type: 'quantitative', scale: null },
        tooltip: [{ field: 'seriesLabel', type: 'nominal', title: tr({ zh: '标记', en: 'Marker' }, lang) }, ...sizeTooltip],
      },
    },
    {
      data: { values: points.map((p) => ({ ...p, series: 'performance' })) },
      mark: { type: 'line', strokeWidth: 3 },
      encoding: {
        x: { field: 'size', ...x },
        y: { field: 'performance', type: 'quantitative' },
        color: colour,
        strokeDash: dash,
      },
    },
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 80, opacity: 1, color: theme.palette[0], stroke: theme.background, strokeWidth: 1 },
      encoding: {
        x: { field: 'size', ...x },
        y: {
          field: 'performance',
          type: 'quantitative',
          scale: { domain: [...PERFORMANCE_FRAME.y.domain], nice: false },
          axis: { title: tr({ zh: '综合性能指标', en: 'Composite performance score' }, lang), values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' },
        },
        tooltip: [...sizeTooltip, { field: 'performance', type: 'quantitative', title: tr({ zh: '综合性能指标', en: 'Performance' }, lang), format: '.2f' }],
      },
    },
    ...(opts.showStages ? annotationLayers(ctx) : []),
  ];

  const subtitle = opts.showProse
    ? {
        zh: `虚线: 代码中的临界点 ${pythonExp(opts.threshold)} (${formatCount(opts.threshold, 'zh')}参数); 点线: 正文所写"约1000亿"`,
        en: `Dashed: the code's threshold ${pythonExp(opts.threshold)} (${formatCount(opts.threshold, 'en')}); dotted: the text's "~100B"`,
      }
    : {
        zh: `虚线: 代码中的临界点 ${pythonExp(opts.threshold)} (${formatCount(opts.threshold, 'zh')}参数)`,
        en: `Dashed: the code's threshold ${pythonExp(opts.threshold)} (${formatCount(opts.threshold, 'en')} parameters)`,
      };

  return makeChart(
    {
      id: 'performance-curve',
      title: { zh: '大模型涌现能力的尺度定律', en: 'Scaling law of emergent abilities in large models' },
      subtitle,
      description: {
        zh: '综合性能随模型参数量 (10⁶ 至 10¹²) 的变化, 对数横轴; 红色虚线标出涌现临界点, 三个箭头标注简单模式匹配、基础推理能力与复杂推理涌现三个阶段。',
        en: 'Composite performance against model parameters (10⁶ to 10¹²) on a log axis; a red dashed rule marks the emergence threshold and three arrows label the stages: simple pattern matching, basic reasoning and emerging complex reasoning.',
      },
      width: WIDTH,
      height: HEIGHT,
      signals: { seriesLabels },
      finiteData: true,
    },
    ctx,
    { layer: layers },
  );
}
