// Emergence on real models: the chart's data from the engine's fits of the shipped
// ObsScaling table (Ruan et al. 2024), for one task on one scale axis.
import { analyzeShippedTask, axisValue, fromFitCoordinate, type ScaleAxis, type TaskAnalysis } from '../../engine/emergence/analysis';
import { obsscalingTable, type EmergenceTable } from '../../engine/emergence/data';
import { emergenceCurve } from '../../engine/emergence/fit';
import { findTask, OBSSCALING_TASKS, type TaskInfo } from '../../engine/emergence/tasks';
import type { ChinchillaPresetId } from '../../engine/laws/presets';
import type { Bilingual, Lang } from '../types';

export const DATA_CITATION: Bilingual = {
  en: 'Data: Ruan et al. 2024, ObsScaling (Apache-2.0); tasks: Wei et al. 2022',
  zh: '数据：Ruan 等 2024，ObsScaling（Apache-2.0）；任务：Wei 等 2022',
};

/** The data line of a chart: the user's file, or the shipped data's citation. */
export function dataSourceLine(v: RealView, lang: Lang): string {
  if (v.userTableName === undefined) return DATA_CITATION[lang];
  return lang === 'zh'
    ? `数据：你的表格 ${v.userTableName}（${v.table.models.length} 个模型；非 ObsScaling 数据）`
    : `Data: your table ${v.userTableName} (${v.table.models.length} models; not the ObsScaling data)`;
}

export const AXIS_NAMES: Record<ScaleAxis, Bilingual> = {
  flops: { en: 'Training compute (FLOPs)', zh: '训练计算量 (FLOPs)' },
  params: { en: 'Parameters', zh: '参数量' },
  loss: { en: 'Predicted pre-training loss (nats/token)', zh: '预测预训练损失 (nats/token)' },
};

/** Why a model is missing from an axis. */
export const LEFT_OUT_REASON: Record<ScaleAxis, Bilingual> = {
  flops: { en: 'no training FLOPs published', zh: '未公布训练 FLOPs' },
  params: { en: 'no parameter count', zh: '无参数量' },
  loss: { en: 'no training-token count', zh: '未公布训练 token 数' },
};

export const DEFAULT_TASK = 'arithmetic-3ds';

function shippedTask(id: string): TaskInfo {
  return findTask(OBSSCALING_TASKS, id) ?? (findTask(OBSSCALING_TASKS, DEFAULT_TASK) as TaskInfo);
}

export interface RealView {
  table: EmergenceTable;
  /** The user's file name when the table is theirs (the chart then cites it, not ObsScaling). */
  userTableName?: string;
  analysis: TaskAnalysis;
  axis: ScaleAxis;
  lossFit: ChinchillaPresetId;
}

export function realView(taskId: string, axis: ScaleAxis, lossFit: ChinchillaPresetId, user?: { name: string; table: EmergenceTable }): RealView {
  if (user && user.table.tasks.length > 0) {
    // The user's columns: the picked task when the table has it, else its first task.
    const task = findTask(user.table.tasks, taskId) ?? user.table.tasks[0];
    return { table: user.table, userTableName: user.name, analysis: analyzeShippedTask(user.table, task, { axis, lossFit }), axis, lossFit };
  }
  const table = obsscalingTable();
  return { table, analysis: analyzeShippedTask(table, shippedTask(taskId), { axis, lossFit }), axis, lossFit };
}

export interface PointRow {
  model: string;
  family: string;
  /** The family's colour group: itself when it has a fit, else "other". */
  group: string;
  at: number;
  score: number;
  params: number;
  flops: number | null;
}

export function pointRows(v: RealView, otherLabel: string): PointRow[] {
  const fitted = new Set(v.analysis.families.map((f) => f.family));
  return v.analysis.points.models.map((m) => ({
    model: m.model,
    family: m.family,
    group: fitted.has(m.family) ? m.family : otherLabel,
    at: axisValue(m, { axis: v.axis, lossFit: v.lossFit }) as number,
    score: m.scores[v.analysis.task.id] as number,
    params: m.params,
    flops: m.flops ?? null,
  }));
}

/** The fitted curve sampled across the data's x range (plus a margin), in axis units. */
export function curveRows(v: RealView, family = '', count = 120): { at: number; score: number; family: string }[] {
  const group = family === '' ? v.analysis.overall : v.analysis.families.find((f) => f.family === family);
  if (!group) return [];
  const idx = family === '' ? v.analysis.points.models.map((_, i) => i) : v.analysis.points.models.flatMap((m, i) => (m.family === family ? [i] : []));
  const xs = idx.map((i) => v.analysis.points.x[i]);
  const lo = Math.min(...xs) - 0.15;
  const hi = Math.max(...xs) + 0.15;
  return Array.from({ length: count }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (count - 1);
    return { at: fromFitCoordinate(x, v.axis), score: emergenceCurve(group.fit, x), family: family || '' };
  });
}
