// Measured counterparts of the article's illustrative charts, for the switch
// "illustrative (article) / measured (open models)" of §3.2 and §4.1: the same question
// asked of real models (ObsScaling, Ruan et al. 2024), on the article's parameter axis.
import { analyzeShippedTask } from '../../engine/emergence/analysis';
import { obsscalingTable } from '../../engine/emergence/data';
import { describeGroupFit } from '../../engine/emergence/describe';
import { emergenceCurve } from '../../engine/emergence/fit';
import { OBSSCALING_TASKS } from '../../engine/emergence/tasks';
import { pythonExp } from '../../engine/format';
import { decadeAxis, makeChart, tr } from '../chartKit';
import type { ChartContext, ChartSpec, ChoiceParam, ParamValues } from '../types';
import { setTitle } from './charts';
import { DATA_CITATION } from './model';

/** The switch both article sections carry. */
export const EVIDENCE_PARAM: ChoiceParam = {
  kind: 'choice',
  name: 'evidence',
  label: { en: 'Evidence', zh: '依据' },
  help: { en: 'The article’s illustrative numbers, or measurements of open models (Ruan et al. 2024)', zh: '原文的示意数值，或开源模型的实测（Ruan 等 2024）' },
  options: [
    { value: 'article', label: { en: 'Illustrative (article)', zh: '示意（原文）' } },
    { value: 'measured', label: { en: 'Measured (open models)', zh: '实测（开源模型）' } },
  ],
  default: 'article',
};

export function showsMeasured(params: ParamValues): boolean {
  return params.evidence === 'measured';
}

type Json = Record<string, unknown>;
const ARITHMETIC = OBSSCALING_TASKS.filter((t) => t.id.startsWith('arithmetic-'));
const x = { type: 'quantitative', scale: { type: 'log', domain: [1e7, 1e12] }, axis: decadeAxis({}) };

/** §4.1's arithmetic panel, measured: four arithmetic tasks against parameters, beside the article's threshold. */
export function measuredArithmeticChart(articleThreshold: number, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const table = obsscalingTable();
  const analyses = ARITHMETIC.map((t) => analyzeShippedTask(table, t, { axis: 'params' }));
  const names = analyses.map((a) => a.task.name[lang]);
  const colour = {
    field: 'task',
    type: 'nominal',
    scale: { domain: names, range: theme.palette.slice(0, names.length) },
    legend: { title: null, orient: 'bottom' },
  };
  const points = analyses.flatMap((a) => a.points.models.map((m, i) => ({ task: a.task.name[lang], params: m.params, score: a.points.y[i], model: m.model })));
  const curves = analyses.flatMap((a) =>
    a.overall
      ? Array.from({ length: 80 }, (_, i) => 7 + (5 * i) / 79).map((lx) => ({
          task: a.task.name[lang],
          params: Math.pow(10, lx),
          score: emergenceCurve(a.overall!.fit, lx),
        }))
      : [],
  );
  const rules = analyses.flatMap((a) =>
    a.overall
      ? [{ task: a.task.name[lang], params: a.overall.emergenceAt, label: `${a.task.name[lang]}: ${describeGroupFit(a.overall, 'params', lang)}` }]
      : [],
  );
  const y = { field: 'score', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: tr({ en: 'Accuracy', zh: '准确率' }, lang), format: '.0%' } };
  const xp = { field: 'params', ...x, axis: { ...x.axis, title: tr({ en: 'Parameters', zh: '参数量' }, lang) } };
  const article = `${tr({ en: 'Article (illustrative)', zh: '原文（示意）' }, lang)}: ${pythonExp(articleThreshold)}`;
  const layers: Json[] = [
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 28, opacity: 0.55 },
      encoding: {
        x: xp,
        y,
        color: colour,
        tooltip: [
          { field: 'model', type: 'nominal' },
          { field: 'task', type: 'nominal' },
          { field: 'score', type: 'quantitative', format: '.3f' },
        ],
      },
    },
    { data: { values: curves }, mark: { type: 'line', strokeWidth: 2.2 }, encoding: { x: xp, y, color: colour, detail: { field: 'task' } } },
    {
      data: { values: rules },
      mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.3 },
      encoding: { x: xp, color: colour, tooltip: { field: 'label', type: 'nominal' } },
    },
    {
      data: { values: [{ params: articleThreshold, label: article }] },
      mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 2, color: theme.muted },
      encoding: { x: xp, tooltip: { field: 'label', type: 'nominal' } },
    },
    {
      data: { values: [{ params: articleThreshold, score: 0.95, label: article }] },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: theme.muted },
      encoding: { x: xp, y, text: { field: 'label' } },
    },
  ];
  const chart = makeChart(
    {
      id: 'measured-arithmetic',
      title: { en: 'Arithmetic, measured on open models', zh: '算术能力：开源模型的实测' },
      description: {
        en: 'Accuracy of open base models on four arithmetic tasks against parameters, with fitted emergence points, beside the article’s illustrative threshold.',
        zh: '开源基础模型在四项算术任务上的准确率与参数量的关系，附拟合涌现点，并对照原文的示意阈值。',
      },
      width: 520,
      height: 280,
    },
    ctx,
    { layer: layers },
  );
  const first = analyses[0].overall;
  setTitle(chart, {
    text: tr(chart.title, lang),
    subtitle: [
      ...(first
        ? lang === 'zh'
          ? [`原文称算术在 ${pythonExp(articleThreshold)} 参数涌现（示意，虚线灰）`, `实测三位数减法的涌现点：${describeGroupFit(first, 'params', lang)}`]
          : [
              `The article puts arithmetic at ${pythonExp(articleThreshold)} parameters (illustrative, grey dotted)`,
              `Measured 3-digit subtraction emerges at ${describeGroupFit(first, 'params', lang)}`,
            ]
        : []),
      tr(DATA_CITATION, lang),
    ],
  });
  return { ...chart, measured: true };
}

/** §3.2's capability count, measured: how many of the shipped tasks are past their fitted emergence point at each size. */
export function measuredCapabilityCountChart(ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const table = obsscalingTable();
  const fits = OBSSCALING_TASKS.filter((t) => t.id !== 'ipa-bleu')
    .map((t) => ({ t, g: analyzeShippedTask(table, t, { axis: 'params' }).overall }))
    .filter((f): f is { t: (typeof f)['t']; g: NonNullable<(typeof f)['g']> } => f.g !== undefined)
    .sort((p, q) => p.g.emergenceAt - q.g.emergenceAt);
  const steps = [{ params: 1e7, count: 0 }, ...fits.map((f, i) => ({ params: f.g.emergenceAt, count: i + 1 })), { params: 1e12, count: fits.length }];
  const marks = fits.map((f, i) => ({
    params: f.g.emergenceAt,
    lo: f.g.interval?.[0] ?? f.g.emergenceAt,
    hi: f.g.interval?.[1] ?? f.g.emergenceAt,
    count: i + 1,
    task: f.t.name[lang],
    label: describeGroupFit(f.g, 'params', lang),
  }));
  const xp = { ...x, axis: { ...x.axis, title: tr({ en: 'Parameters', zh: '参数量' }, lang) } };
  const y = {
    field: 'count',
    type: 'quantitative',
    scale: { domain: [0, fits.length + 0.5] },
    axis: { title: tr({ en: 'Tasks past their emergence point', zh: '已过涌现点的任务数' }, lang), tickMinStep: 1 },
  };
  const chart = makeChart(
    {
      id: 'measured-capability-count',
      title: { en: 'Capabilities by size, measured', zh: '能力数量随规模：实测' },
      description: {
        en: 'How many of the measured emergent tasks are past their fitted emergence point at each parameter count, with 95% intervals.',
        zh: '在每个参数规模下，实测涌现任务中已过拟合涌现点的个数，附 95% 区间。',
      },
      width: 520,
      height: 260,
    },
    ctx,
    {
      layer: [
        {
          data: { values: steps },
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5, color: theme.palette[2] },
          encoding: { x: { field: 'params', ...xp }, y },
        },
        {
          data: { values: marks },
          mark: { type: 'rule', strokeWidth: 2, color: theme.muted },
          encoding: { x: { field: 'lo', ...xp }, x2: { field: 'hi' }, y },
        },
        {
          data: { values: marks },
          mark: { type: 'point', filled: true, size: 60, color: theme.accent, opacity: 1 },
          encoding: {
            x: { field: 'params', ...xp },
            y,
            tooltip: [
              { field: 'task', type: 'nominal' },
              { field: 'label', type: 'nominal' },
            ],
          },
        },
        {
          data: { values: marks },
          mark: { type: 'text', align: 'right', dx: -6, dy: -8, fontSize: 10, color: theme.foreground },
          encoding: { x: { field: 'params', ...xp }, y, text: { field: 'task' } },
        },
      ],
    },
  );
  setTitle(chart, {
    text: tr(chart.title, lang),
    subtitle: [
      tr(
        {
          en: 'Not steps at thresholds: each task rises over about a decade, with an interval (IPA BLEU left out: same outputs as IPA exact match)',
          zh: '并非阈值处的阶跃：每个任务约在一个数量级内上升，且有区间（IPA BLEU 与 IPA 完全匹配是同一批输出，未重复计入）',
        },
        lang,
      ),
      tr(DATA_CITATION, lang),
    ],
  });
  return { ...chart, measured: true };
}
