// The mirage lens's data: the per-token law's rows (engine) and the real-data twin,
// IPA transliteration of the same models scored by exact match and by BLEU.
import { analyzeShippedTask, type GroupFit } from '../../engine/emergence/analysis';
import { obsscalingTable } from '../../engine/emergence/data';
import { EMERGENCE_BOOTSTRAP } from '../../engine/emergence/fit';
import { findTask, OBSSCALING_TASKS, type TaskInfo } from '../../engine/emergence/tasks';

interface TwinSeries {
  task: TaskInfo;
  points: { model: string; flops: number; score: number }[];
  fit?: GroupFit;
}

export interface MirageTwin {
  exact: TwinSeries;
  bleu: TwinSeries;
}

let twin: MirageTwin | undefined;

/**
 * Models with FLOPs and both IPA scores, fitted on each metric over all of them (computed
 * once; the shipped table's fits are stored at build time).
 */
export function mirageTwin(): MirageTwin {
  if (twin) return twin;
  const exactTask = findTask(OBSSCALING_TASKS, 'ipa-exact-match') as TaskInfo;
  const bleuTask = findTask(OBSSCALING_TASKS, 'ipa-bleu') as TaskInfo;
  const series = (task: TaskInfo, other: TaskInfo): TwinSeries => {
    const a = analyzeShippedTask(obsscalingTable(), task, { axis: 'flops' }, EMERGENCE_BOOTSTRAP, [other]);
    const points = a.points.models.map((m) => ({ model: m.model, flops: m.flops as number, score: m.scores[task.id] as number }));
    return a.overall ? { task, points, fit: a.overall } : { task, points };
  };
  twin = { exact: series(exactTask, bleuTask), bleu: series(bleuTask, exactTask) };
  return twin;
}
