// The mirage lens's data: the per-token law's rows (engine) and the real-data twin,
// IPA transliteration of the same models scored by exact match and by BLEU.
import { fitCoordinate, fromFitCoordinate, type GroupFit } from '../../engine/emergence/analysis';
import { obsscalingTable } from '../../engine/emergence/data';
import { fitEmergenceWithInterval, MIN_POINTS } from '../../engine/emergence/fit';
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

/** Models with FLOPs and both IPA scores, fitted on each metric (computed once). */
export function mirageTwin(): MirageTwin {
  if (twin) return twin;
  const exactTask = findTask(OBSSCALING_TASKS, 'ipa-exact-match') as TaskInfo;
  const bleuTask = findTask(OBSSCALING_TASKS, 'ipa-bleu') as TaskInfo;
  const models = obsscalingTable().models.filter((m) => m.flops !== undefined && m.scores[exactTask.id] !== undefined && m.scores[bleuTask.id] !== undefined);
  const series = (task: TaskInfo): TwinSeries => {
    const points = models.map((m) => ({ model: m.model, flops: m.flops as number, score: m.scores[task.id] as number }));
    if (points.length < MIN_POINTS) return { task, points };
    const f = fitEmergenceWithInterval(
      points.map((p) => fitCoordinate(p.flops, 'flops')),
      points.map((p) => p.score),
      task.chance,
    );
    const interval = f.ci ? ([fromFitCoordinate(f.ci.low, 'flops'), fromFitCoordinate(f.ci.high, 'flops')] as [number, number]) : undefined;
    return { task, points, fit: { family: '', fit: f, emergenceAt: fromFitCoordinate(f.x0, 'flops'), interval } };
  };
  twin = { exact: series(exactTask), bleu: series(bleuTask) };
  return twin;
}
