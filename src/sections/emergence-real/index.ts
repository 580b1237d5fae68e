// E.1 (beyond the article: measured evidence). Emergence on real models: the tasks Wei et al. 2022 called emergent, measured on open
// models (Ruan et al. 2024), with fitted emergence points on a FLOPs, parameter or
// predicted-loss axis (Du et al. 2024's loss view).
import { analyzeShippedTask, type ScaleAxis } from '../../engine/emergence/analysis';
import { describeGroupFit } from '../../engine/emergence/describe';
import { obsscalingTable } from '../../engine/emergence/data';
import { OBSSCALING_TASKS } from '../../engine/emergence/tasks';
import { CHINCHILLA_PRESETS, type ChinchillaPresetId } from '../../engine/laws/presets';
import { tr } from '../chartKit';
import { bool, str, type ChartContext, type ChartSpec, type Lang, type ParamSpec, type ParamValues, type Section } from '../types';
import { familyPointsChart, realEmergenceChart } from './charts';
import { AXIS_NAMES, DATA_CITATION, DEFAULT_TASK, realView } from './model';

export const EMERGENCE_REAL_ID = 'emergence-real';

const params: ParamSpec[] = [
  {
    kind: 'choice',
    name: 'task',
    label: { en: 'Task', zh: '任务' },
    help: { en: 'One of the tasks Wei et al. 2022 called emergent', zh: 'Wei 等 2022 称为涌现的任务之一' },
    options: OBSSCALING_TASKS.map((t) => ({ value: t.id, label: t.name })),
    default: DEFAULT_TASK,
  },
  {
    kind: 'choice',
    name: 'axis',
    label: { en: 'Scale axis', zh: '规模坐标轴' },
    help: {
      en: 'Training FLOPs, parameters, or the pre-training loss a Chinchilla fit predicts from N and D',
      zh: '训练 FLOPs、参数量，或 Chinchilla 拟合由 N 与 D 预测的预训练损失',
    },
    options: (['flops', 'params', 'loss'] as const).map((a) => ({ value: a, label: AXIS_NAMES[a] })),
    default: 'flops',
  },
  {
    kind: 'choice',
    name: 'lossFit',
    label: { en: 'Loss axis fit', zh: '损失轴所用拟合' },
    help: { en: 'The published Chinchilla-form fit that predicts each model’s loss', zh: '用于预测每个模型损失的已发表 Chinchilla 形式拟合' },
    options: (Object.keys(CHINCHILLA_PRESETS) as ChinchillaPresetId[]).map((id) => ({
      value: id,
      label: {
        en: `${CHINCHILLA_PRESETS[id].citation.authors.split(',')[0]} et al. ${CHINCHILLA_PRESETS[id].citation.year}`,
        zh: `${CHINCHILLA_PRESETS[id].citation.authors.split(',')[0]} 等 ${CHINCHILLA_PRESETS[id].citation.year}`,
      },
    })),
    default: 'chinchilla',
  },
  { kind: 'toggle', name: 'familyCurves', label: { en: 'Per-family curves', zh: '各系列曲线' }, default: false },
];

function viewOf(p: ParamValues, ctx?: ChartContext): ReturnType<typeof realView> {
  return realView(str(p, 'task'), str(p, 'axis') as ScaleAxis, str(p, 'lossFit') as ChinchillaPresetId, ctx?.userTable);
}

/** A table of emergence points per task (and per family) with intervals, on the chosen axis. */
function emergenceReport(p: ParamValues, lang: Lang): string {
  const axis = str(p, 'axis') as ScaleAxis;
  const lossFit = str(p, 'lossFit') as ChinchillaPresetId;
  const table = obsscalingTable();
  const lines = [
    lang === 'zh'
      ? `真实模型上的涌现点（${AXIS_NAMES[axis].zh}；种子化自助法 95% 区间）`
      : `Emergence points on real models (${AXIS_NAMES[axis].en}; seeded bootstrap 95% intervals)`,
    tr(DATA_CITATION, lang),
    '',
  ];
  for (const task of OBSSCALING_TASKS) {
    const a = analyzeShippedTask(table, task, { axis, lossFit });
    const head = `${task.name[lang]} [${task.id}], n = ${a.points.models.length}${a.points.leftOut.length ? (lang === 'zh' ? `（另 ${a.points.leftOut.length} 个不在此轴）` : ` (${a.points.leftOut.length} not on this axis)`) : ''}`;
    lines.push(head);
    if (a.overall)
      lines.push(
        `  ${lang === 'zh' ? '全部模型' : 'all models'}: ${describeGroupFit(a.overall, axis, lang)}, k = ${a.overall.fit.k.toFixed(2)}, u = ${a.overall.fit.ceiling.toFixed(2)}`,
      );
    for (const f of a.families)
      lines.push(
        `    ${f.family} (n = ${f.fit.n}): ${describeGroupFit(f, axis, lang)}${f.fit.beyondData ? (lang === 'zh' ? '  [外推]' : '  [extrapolated]') : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export const emergenceRealSection: Section = {
  id: EMERGENCE_REAL_ID,
  seedRef: 'E.1',
  title: { en: 'Emergence on real models', zh: '真实模型上的涌现' },
  description: {
    en: 'Measured scores of 84 open models on Wei et al.’s emergent tasks, with fitted emergence points (ObsScaling data)',
    zh: '84 个开源模型在 Wei 等所称涌现任务上的实测得分与拟合涌现点（ObsScaling 数据）',
  },
  params,
  charts(p: ParamValues, ctx: ChartContext): ChartSpec[] {
    const v = viewOf(p, ctx);
    return [realEmergenceChart(v, ctx, bool(p, 'familyCurves')), familyPointsChart(v, ctx)];
  },
  report: emergenceReport,
};
