// Vega-Lite specs for §4.1: five small step-curve panels with their emergence rules and
// annotations, and a summary table of threshold versus first emergence on the grid.
import { formatCount, pythonExp } from '../../engine/format';
import { capability } from '../../engine/thresholds';
import { makeChart, POWER_OF_TEN_LABEL_EXPR, tr, wrapLabel } from '../chartKit';
import { ARROW_HEAD_SIZE, annotationLineHeight, arrowFromBox, estimateTextWidth, textBox, toPixel, type PlotFrame } from '../scaling-laws/arrows';
import type { ChartContext, ChartSpec, Lang } from '../types';
import { DENSE_SIZES, MODEL_SIZES, analyzeMathEmergence, sizeWithUnits, type MathThresholds, type ProblemAnalysis, type Transition } from './model';

type Json = Record<string, unknown>;

const PANEL_WIDTH = 230;
const PANEL_HEIGHT = 140;
const FONT_SIZE = 11;

export const PANEL_FRAME: PlotFrame = {
  width: PANEL_WIDTH,
  height: PANEL_HEIGHT,
  x: { type: 'log', domain: [Math.pow(10, 5.6), Math.pow(10, 12.4)] },
  y: { type: 'linear', domain: [-0.12, 1.12] },
};

/** Python's f'涌现点: {emergence_point:.0e}', plus the threshold when the grid rounds it up. */
export function annotationLines(a: ProblemAnalysis, lang: Lang): string[] {
  if (a.emergencePoint === undefined) return [lang === 'zh' ? '网格内未涌现' : 'No emergence on the grid'];
  const head = lang === 'zh' ? `涌现点: ${pythonExp(a.emergencePoint)}` : `Emerges: ${pythonExp(a.emergencePoint)}`;
  if (!a.offGrid) return [head];
  return [head, lang === 'zh' ? `(阈值 ${pythonExp(a.threshold)})` : `(threshold ${pythonExp(a.threshold)})`];
}

interface AnnotationPlacement {
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
}

/**
 * The seed puts the text at (2·e, 0.7), which runs off the axes for late emergence
 * points; there the text moves to the empty upper-left instead, ending left of the jump.
 * A gradual (logistic) curve passes through (2·e, 0.7), so there the text goes below it.
 */
export function placeAnnotation(e: number, lines: string[], gradual = false): AnnotationPlacement {
  const width = Math.max(...lines.map((l) => estimateTextWidth(l, FONT_SIZE)));
  const y = gradual ? 0.2 : 0.7;
  const [px] = toPixel(PANEL_FRAME, e * 2, y);
  if (px + width <= PANEL_WIDTH - 4) return { x: e * 2, y, align: 'left' };
  return { x: e / 4, y: 0.78, align: 'right' };
}

function sizeAxis(lang: Lang): Json {
  return { title: tr({ zh: '模型规模', en: 'Model size' }, lang), values: [...MODEL_SIZES], labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: true, labelFontSize: 9 };
}

function panel(a: ProblemAnalysis, t: Transition, ctx: ChartContext): Json {
  const { lang, theme } = ctx;
  const name = a.problem.name[lang];
  const x = { type: 'quantitative', scale: { type: 'log', domain: [...PANEL_FRAME.x.domain], nice: false }, axis: sizeAxis(lang) };
  const y = {
    type: 'quantitative',
    scale: { domain: [...PANEL_FRAME.y.domain], nice: false },
    axis: {
      title: tr({ zh: '能力具备', en: 'Capable' }, lang),
      values: [0, 1],
      labelExpr: lang === 'zh' ? "datum.value === 1 ? '是' : '否'" : "datum.value === 1 ? 'Yes' : 'No'",
      grid: true,
    },
  };
  const yesNo = (v: number): string => (v >= 1 ? tr({ zh: '是', en: 'Yes' }, lang) : v <= 0 ? tr({ zh: '否', en: 'No' }, lang) : v.toFixed(2));
  const points = MODEL_SIZES.map((size, i) => ({
    size,
    capable: a.capabilities[i],
    capableText: yesNo(a.capabilities[i]),
    sizeHuman: formatCount(size, lang),
    sizeExp: pythonExp(size),
    problem: name,
    example: a.problem.example[lang],
  }));
  // Every layer is always there (empty when it has nothing to draw), so a threshold that
  // moves the emergence point on or off the grid changes data only: the view updates in place.
  const layers: Json[] = [];
  layers.push({
    data: {
      values: a.offGrid
        ? [{ size: a.threshold, label: `${tr({ zh: '代码阈值', en: 'Coded threshold' }, lang)} ${pythonExp(a.threshold)} (${formatCount(a.threshold, lang)})` }]
        : [],
    },
    mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 1.5, color: theme.muted },
    encoding: { x: { field: 'size', ...x }, tooltip: { field: 'label', type: 'nominal' } },
  });
  layers.push({
    data: {
      values:
        a.emergencePoint !== undefined
          ? [
              {
                size: a.emergencePoint,
                label: `${tr({ zh: '涌现点', en: 'Emergence point' }, lang)} ${pythonExp(a.emergencePoint)} (${formatCount(a.emergencePoint, lang)})`,
              },
            ]
          : [],
    },
    mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, opacity: 0.7, color: theme.accent },
    encoding: { x: { field: 'size', ...x }, tooltip: { field: 'label', type: 'nominal' } },
  });
  if (t.model === 'logistic') {
    layers.push({
      data: { values: DENSE_SIZES.map((size) => ({ size, capable: capability(t.model, size, a.threshold, t.sharpness) })) },
      mark: { type: 'line', strokeWidth: 1.5, color: theme.muted, opacity: 0.8 },
      encoding: { x: { field: 'size', ...x }, y: { field: 'capable', ...y } },
    });
  }
  layers.push(
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 3, color: theme.palette[0] },
      encoding: { x: { field: 'size', ...x }, y: { field: 'capable', ...y } },
    },
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 64, opacity: 1, color: theme.palette[0], stroke: theme.background, strokeWidth: 1 },
      encoding: {
        x: { field: 'size', ...x },
        y: { field: 'capable', ...y },
        tooltip: [
          { field: 'problem', type: 'nominal', title: tr({ zh: '问题类型', en: 'Problem type' }, lang) },
          { field: 'sizeHuman', type: 'nominal', title: tr({ zh: '参数量', en: 'Parameters' }, lang) },
          { field: 'sizeExp', type: 'nominal', title: tr({ zh: '科学计数', en: 'Scientific' }, lang) },
          { field: 'capableText', type: 'nominal', title: tr({ zh: '能力具备', en: 'Capable' }, lang) },
          { field: 'example', type: 'nominal', title: tr({ zh: '示例问题', en: 'Example problem' }, lang) },
        ],
      },
    },
  );
  const lines = annotationLines(a, lang);
  layers.push({
    data: { values: a.emergencePoint === undefined ? [{ lines }] : [] },
    mark: { type: 'text', align: 'center', baseline: 'middle', x: PANEL_WIDTH / 2, y: PANEL_HEIGHT * 0.4, fontSize: FONT_SIZE, color: theme.muted },
    encoding: { text: { field: 'lines' } },
  });
  let arrows: Json[] = [];
  let label: Json[] = [];
  if (a.emergencePoint !== undefined) {
    const e = a.emergencePoint;
    const place = placeAnnotation(e, lines, t.model === 'logistic');
    const [px, py] = toPixel(PANEL_FRAME, place.x, place.y);
    const width = Math.max(...lines.map((l) => estimateTextWidth(l, FONT_SIZE)));
    // Centre a multi-line block on the anchor (vega puts the first line there).
    const dy = (-(lines.length - 1) * annotationLineHeight(FONT_SIZE)) / 2;
    const box = textBox(px, py, width, FONT_SIZE, place.align, 'middle', 0, dy, lines.length);
    arrows = [{ ...arrowFromBox(PANEL_FRAME, box, [e, 0.5]) }];
    label = [{ size: place.x, capable: place.y, align: place.align, dy, lines }];
  }
  const arrowX = { type: 'quantitative', scale: { type: 'log' } };
  const arrowY = { type: 'quantitative' };
  layers.push(
    {
      data: { values: arrows },
      mark: { type: 'rule', strokeWidth: 1.3, color: theme.accent },
      encoding: { x: { field: 'x', ...arrowX }, y: { field: 'y', ...arrowY }, x2: { field: 'x2' }, y2: { field: 'y2' } },
    },
    {
      data: { values: arrows },
      mark: { type: 'point', shape: 'triangle-up', filled: true, opacity: 1, size: ARROW_HEAD_SIZE * 0.8, color: theme.accent },
      encoding: { x: { field: 'headX', ...arrowX }, y: { field: 'headY', ...arrowY }, angle: { field: 'angle', type: 'quantitative', scale: null } },
    },
    {
      data: { values: label },
      mark: {
        type: 'text',
        align: { expr: 'datum.align' },
        baseline: 'middle',
        dy: { expr: 'datum.dy' },
        fontSize: FONT_SIZE,
        lineHeight: annotationLineHeight(FONT_SIZE),
        color: theme.foreground,
      },
      encoding: { x: { field: 'size', ...arrowX }, y: { field: 'capable', ...arrowY }, text: { field: 'lines' } },
    },
  );
  return {
    title: { text: lang === 'zh' ? `${name}能力涌现` : `${name} emergence`, fontSize: 12, anchor: 'middle' },
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    layer: layers,
  };
}

export function emergenceCurvesChart(thresholds: MathThresholds, t: Transition, ctx: ChartContext): ChartSpec {
  const analyses = analyzeMathEmergence(thresholds, t);
  const note =
    t.model === 'step'
      ? {
          zh: '红色虚线: 网格上的涌现点; 灰色点线: 不在网格上的代码阈值',
          en: 'Red dashed: emergence point on the grid; gray dotted: a coded threshold between grid sizes',
        }
      : {
          zh: `逻辑斯蒂模型 (陡峭度 ${t.sharpness} / 数量级): 灰线为连续曲线, 蓝点为网格上的取值`,
          en: `Logistic model (sharpness ${t.sharpness} per decade): gray is the continuous curve, blue the grid values`,
        };
  return makeChart(
    {
      id: 'emergence-curves',
      title: { zh: '数学推理能力的涌现', en: 'Emergence of mathematical reasoning' },
      subtitle: note,
      description: {
        zh: '五种数学问题 (算术、代数、几何、概率、微积分) 在 10⁶ 至 10¹² 参数网格上的能力阶跃曲线, 红色虚线与箭头标出涌现点。',
        en: 'Step curves of five kinds of math problem (arithmetic, algebra, geometry, probability, calculus) on the 10⁶–10¹² parameter grid, with red dashed rules and arrows at the emergence points.',
      },
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      finiteData: true,
    },
    ctx,
    { columns: 3, spacing: { row: 24, column: 28 }, concat: analyses.map((a) => panel(a, t, ctx)) },
  );
}

export function summaryTableChart(thresholds: MathThresholds, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const analyses = analyzeMathEmergence(thresholds, { model: 'step', sharpness: 1 });
  const columns = [
    tr({ zh: '问题类型', en: 'Problem type' }, lang),
    tr({ zh: '代码阈值', en: 'Coded threshold' }, lang),
    tr({ zh: '网格上首次涌现', en: 'First on the grid' }, lang),
  ];
  const cells = analyses.flatMap((a, row) => {
    const highlight = a.offGrid || a.emergencePoint === undefined;
    return [
      { row, column: columns[0], text: a.problem.name[lang], colour: theme.foreground, weight: 'bold' },
      { row, column: columns[1], text: sizeWithUnits(a.threshold, lang), colour: theme.foreground, weight: 'normal' },
      {
        row,
        column: columns[2],
        text: sizeWithUnits(a.emergencePoint, lang),
        colour: highlight ? theme.accent : theme.foreground,
        weight: highlight ? 'bold' : 'normal',
      },
    ].map((c) => ({ ...c, example: a.problem.example[lang] }));
  });
  const anyOff = analyses.some((a) => a.offGrid);
  // A narrow webview: column headers on two lines and smaller cells, so columns never run into each other.
  const narrow = ctx.width !== undefined && ctx.width < 520;
  const headerExpr = columns.reduceRight((rest, c) => `datum.label === ${JSON.stringify(c)} ? ${JSON.stringify(wrapLabel(c, 10))} : ${rest}`, 'datum.label');
  const cellFont = narrow ? 10 : 12;
  return makeChart(
    {
      id: 'summary-table',
      title: { zh: '数学推理能力涌现分析', en: 'Mathematical reasoning emergence analysis' },
      subtitle: anyOff
        ? {
            zh: '红色: 阈值不在网格 1e+06…1e+12 上, 种子输出表报告网格中首个 ≥ 阈值的规模',
            en: "Red: the threshold falls between grid sizes; the seed's table reports the first grid size ≥ it",
          }
        : { zh: '种子输出表: 网格 1e+06…1e+12 中首个 ≥ 阈值的规模', en: "The seed's table: the first grid size 1e+06…1e+12 that is ≥ the threshold" },
      description: {
        zh: '五种数学问题的代码阈值与网格上的首次涌现规模对照表。',
        en: 'A table of the five math problem types: the coded threshold and the first grid size at which the ability appears.',
      },
      width: 520,
      height: 30 * analyses.length,
    },
    ctx,
    {
      view: { stroke: null },
      data: { values: cells },
      encoding: {
        x: {
          field: 'column',
          type: 'nominal',
          sort: columns,
          axis: {
            orient: 'top',
            title: null,
            labelAngle: 0,
            domain: false,
            ticks: false,
            labelFontSize: cellFont,
            labelFontWeight: 'bold',
            labelColor: theme.foreground,
            labelPadding: 8,
            ...(narrow ? { labelExpr: headerExpr } : {}),
          },
        },
        y: { field: 'row', type: 'ordinal', axis: null },
        text: { field: 'text', type: 'nominal' },
        color: { field: 'colour', type: 'nominal', scale: null },
        tooltip: [{ field: 'example', type: 'nominal', title: tr({ zh: '示例问题', en: 'Example problem' }, lang) }],
      },
      // Font weight is a mark property, not a channel: one layer per weight.
      layer: (['normal', 'bold'] as const).map((weight) => ({
        transform: [{ filter: `datum.weight === '${weight}'` }],
        mark: { type: 'text', fontSize: cellFont, fontWeight: weight },
      })),
    },
  );
}
