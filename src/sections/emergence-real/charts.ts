// Vega-Lite spec of "Emergence on real models": one task's scores against a scale axis,
// one colour per fitted family, the fitted curve, the emergence point and its interval.
// The legend is a Vega-Lite point selection (click a family to bring it forward).
import { describeGroupFit, formatAxisValue } from '../../engine/emergence/describe';
import { METRIC_NAMES } from '../../engine/emergence/tasks';
import { decadeAxis, makeChart, tr } from '../chartKit';
import type { ChartContext, ChartSpec } from '../types';
import { AXIS_NAMES, LEFT_OUT_REASON, curveRows, dataSourceLine, pointRows, type RealView } from './model';

type Json = Record<string, unknown>;

/** A title with a multi-line subtitle (makeChart's frame takes one line). */
export function setTitle(chart: ChartSpec, title: { text: string; subtitle: string[] }): void {
  (chart.spec as unknown as Json).title = title;
}

function xEncoding(v: RealView, lang: 'en' | 'zh'): Json {
  const title = tr(AXIS_NAMES[v.axis], lang);
  if (v.axis === 'loss')
    return { type: 'quantitative', scale: { zero: false, reverse: true }, axis: { title: `${title} ← ${lang === 'zh' ? '更大规模' : 'larger scale'}` } };
  return { type: 'quantitative', scale: { type: 'log' }, axis: decadeAxis({ title, grid: true }) };
}

export function realEmergenceChart(v: RealView, ctx: ChartContext, familyCurves: boolean): ChartSpec {
  const { lang, theme } = ctx;
  const a = v.analysis;
  const other = tr({ en: 'other families', zh: '其他系列' }, lang);
  const points = pointRows(v, other);
  const fitted = a.families.map((f) => f.family);
  const groups = [...fitted, ...(points.some((p) => p.group === other) ? [other] : [])];
  const range = groups.map((g, i) => (g === other ? theme.muted : theme.palette[i % theme.palette.length]));
  const x = xEncoding(v, lang);
  const y = {
    type: 'quantitative',
    scale: { domain: [0, 1] },
    axis: { title: `${a.task.name[lang]} · ${tr(METRIC_NAMES[a.task.metric], lang)}`, format: '.0%' },
  };
  const colour = {
    field: 'group',
    type: 'nominal',
    scale: { domain: groups, range },
    legend: { title: tr({ en: 'Family (click)', zh: '模型系列 (可点选)' }, lang), columns: 1, symbolLimit: 20 },
  };
  const layers: Json[] = [];
  const overall = a.overall;
  if (overall?.interval) {
    layers.push({
      data: { values: [{ lo: overall.interval[0], hi: overall.interval[1] }] },
      mark: { type: 'rect', color: theme.accent, opacity: 0.12 },
      encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } },
    });
  }
  if (a.task.chance > 0) {
    layers.push({
      data: { values: [{ c: a.task.chance }] },
      mark: { type: 'rule', strokeDash: [2, 3], color: theme.muted },
      encoding: { y: { field: 'c', ...y } },
    });
  }
  if (familyCurves) {
    for (const f of a.families) {
      layers.push({
        data: { values: curveRows(v, f.family).map((r) => ({ ...r, group: f.family })) },
        mark: { type: 'line', strokeWidth: 1.2, opacity: 0.7 },
        encoding: { x: { field: 'at', ...x }, y: { field: 'score', ...y }, color: colour },
      });
    }
  }
  layers.push({
    params: [{ name: 'family', select: { type: 'point', fields: ['group'] }, bind: 'legend' }],
    data: { values: points },
    mark: { type: 'point', filled: true, size: 55, stroke: theme.background, strokeWidth: 0.6 },
    encoding: {
      x: { field: 'at', ...x },
      y: { field: 'score', ...y },
      color: colour,
      opacity: { condition: { param: 'family', value: 0.95 }, value: 0.15 },
      tooltip: [
        { field: 'model', type: 'nominal', title: tr({ en: 'Model', zh: '模型' }, lang) },
        { field: 'family', type: 'nominal', title: tr({ en: 'Family', zh: '系列' }, lang) },
        { field: 'params', type: 'quantitative', format: '.3s', title: tr({ en: 'Parameters', zh: '参数量' }, lang) },
        { field: 'flops', type: 'quantitative', format: '.3s', title: 'FLOPs' },
        { field: 'score', type: 'quantitative', format: '.3f', title: tr({ en: 'Score', zh: '得分' }, lang) },
      ],
    },
  });
  if (overall) {
    layers.push(
      {
        data: { values: curveRows(v) },
        mark: { type: 'line', strokeWidth: 2.5, color: theme.foreground },
        encoding: { x: { field: 'at', ...x }, y: { field: 'score', ...y } },
      },
      {
        data: { values: [{ at: overall.emergenceAt, label: describeGroupFit(overall, v.axis, lang) }] },
        mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: theme.accent },
        encoding: { x: { field: 'at', ...x }, tooltip: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values: [{ at: overall.emergenceAt, score: 0.3, label: `x₀ = ${formatAxisValue(overall.emergenceAt, v.axis, lang)}` }] },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: theme.accent },
        encoding: { x: { field: 'at', ...x }, y: { field: 'score', ...y }, text: { field: 'label' } },
      },
    );
  }
  const leftOut = a.points.leftOut.length;
  const n = a.points.models.length;
  const unit = v.axis === 'loss' ? 'nat' : lang === 'zh' ? '数量级' : 'decade';
  const fitLines = overall
    ? lang === 'zh'
      ? [
          `拟合 y = c + (u − c)·σ(k·(x − x₀))：涌现点 x₀ = ${describeGroupFit(overall, v.axis, lang)}`,
          `k = ${overall.fit.k.toFixed(2)}/${unit}，上限 u = ${overall.fit.ceiling.toFixed(2)}，机会水平 c = ${a.task.chance}`,
        ]
      : [
          `Fit y = c + (u − c)·σ(k·(x − x₀)): emergence point x₀ = ${describeGroupFit(overall, v.axis, lang)}`,
          `k = ${overall.fit.k.toFixed(2)}/${unit}, ceiling u = ${overall.fit.ceiling.toFixed(2)}, chance c = ${a.task.chance}`,
        ]
    : [tr({ en: 'Too few models on this axis for a fit', zh: '此坐标轴上模型太少，无法拟合' }, lang)];
  const lossNote =
    v.axis === 'loss'
      ? lang === 'zh'
        ? `；损失按 ${v.lossFit === 'epoch' ? 'Besiroglu 等 2024' : 'Hoffmann 等 2022'} 的拟合`
        : `; loss from ${v.lossFit === 'epoch' ? 'Besiroglu et al. 2024' : 'Hoffmann et al. 2022'}'s fit`
      : '';
  const countLine =
    lang === 'zh'
      ? `${n} 个模型${leftOut ? `；另有 ${leftOut} 个因${LEFT_OUT_REASON[v.axis].zh}未画出` : ''}${lossNote}`
      : `${n} models${leftOut ? `; ${leftOut} more left out (${LEFT_OUT_REASON[v.axis].en})` : ''}${lossNote}`;
  const chart = makeChart(
    {
      id: 'real-emergence',
      title: { en: `Emergence on real models: ${a.task.name.en}`, zh: `真实模型上的涌现：${a.task.name.zh}` },
      description: {
        en: `${a.task.name.en} score of ${n} ${v.userTableName === undefined ? 'open base models' : `models of ${v.userTableName}`} against ${AXIS_NAMES[v.axis].en.toLowerCase()}, coloured by family, with the fitted sigmoid and its emergence point.`,
        zh: `${v.userTableName === undefined ? '' : `${v.userTableName} 中的 `}${n} 个${v.userTableName === undefined ? '开源基础' : ''}模型在${a.task.name.zh}上的得分与${AXIS_NAMES[v.axis].zh}的关系，按系列着色，附拟合的 S 形曲线与涌现点。`,
      },
      width: 540,
      height: 320,
    },
    ctx,
    { layer: layers },
  );
  setTitle(chart, { text: tr(chart.title, lang), subtitle: [...fitLines, countLine, dataSourceLine(v, lang)] });
  return chart;
}

/** The emergence point of every fitted group (all models, then each family) with its interval. */
export function familyPointsChart(v: RealView, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const a = v.analysis;
  const all = tr({ en: 'All models', zh: '全部模型' }, lang);
  const groups = [...(a.overall ? [{ g: a.overall, name: all }] : []), ...a.families.map((g) => ({ g, name: g.family }))];
  const rows = groups.map(({ g, name }) => ({
    name,
    at: g.emergenceAt,
    lo: g.interval?.[0] ?? g.emergenceAt,
    hi: g.interval?.[1] ?? g.emergenceAt,
    n: g.fit.n,
    k: Number(g.fit.k.toFixed(2)),
    label: describeGroupFit(g, v.axis, lang),
    flag: g.fit.beyondData
      ? tr({ en: 'midpoint outside the family’s range (extrapolated)', zh: '中点在该系列数据范围之外（外推）' }, lang)
      : g.fit.stepLike
        ? tr({ en: 'as steep as the data can tell (step)', zh: '陡到数据无法区分（阶跃）' }, lang)
        : '',
    bold: name === all,
  }));
  const x = { ...xEncoding(v, lang) };
  const y = { field: 'name', type: 'nominal', sort: rows.map((r) => r.name), axis: { title: null } };
  const tooltip = [
    { field: 'name', type: 'nominal', title: tr({ en: 'Group', zh: '分组' }, lang) },
    { field: 'label', type: 'nominal', title: tr({ en: 'Emergence point', zh: '涌现点' }, lang) },
    { field: 'n', type: 'quantitative', title: tr({ en: 'Models', zh: '模型数' }, lang) },
    { field: 'k', type: 'quantitative', title: 'k' },
    { field: 'flag', type: 'nominal', title: tr({ en: 'Note', zh: '备注' }, lang) },
  ];
  return makeChart(
    {
      id: 'family-points',
      title: { en: `Emergence points by family: ${a.task.name.en}`, zh: `各系列的涌现点：${a.task.name.zh}` },
      subtitle: {
        en: `Midpoint x₀ of each fit with its seeded bootstrap 95% interval (families with ≥ 4 models on the axis)`,
        zh: `每个拟合的中点 x₀ 及其种子化自助法 95% 区间（坐标轴上至少 4 个模型的系列）`,
      },
      description: {
        en: `Fitted emergence points of ${a.task.name.en} for all models and for each family, with intervals.`,
        zh: `${a.task.name.zh}在全部模型与各系列上拟合的涌现点及区间。`,
      },
      width: 540,
      height: Math.max(60, 22 * rows.length),
    },
    ctx,
    {
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2, color: theme.muted }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, y, tooltip } },
        { mark: { type: 'point', filled: true, size: 70, color: theme.accent, opacity: 1 }, encoding: { x: { field: 'at', ...x }, y, tooltip } },
      ],
    },
  );
}
