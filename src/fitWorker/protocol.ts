// Messages between the fit worker host (host.ts) and its worker threads (worker.ts). Both
// ends are this bundle's own code, but a message is still checked by its `type` before use.
import type { FitData } from '../engine/fit/data';
import type { Bilingual } from '../engine/fit/data';
import type { BootstrapDraw, FitPlan, FitStage, PointFit } from '../sections/fit/model';

export type ToWorker =
  /** Run the search (and the drop-k refit) of the plan on the rows. */
  | { type: 'point'; data: FitData; plan: FitPlan }
  /** Refit the bootstrap resamples r with r % share.count === share.index. */
  | { type: 'share'; fit: PointFit; plan: FitPlan; share: { index: number; count: number } };

export type FromWorker =
  | { type: 'progress'; fraction: number; stage: FitStage }
  | { type: 'point'; ok: true; fit: PointFit }
  | { type: 'point'; ok: false; message: Bilingual }
  | { type: 'draws'; draws: BootstrapDraw[] }
  | { type: 'error'; message: string };

export function isFromWorker(v: unknown): v is FromWorker {
  if (typeof v !== 'object' || v === null) return false;
  const type = (v as { type?: unknown }).type;
  return type === 'progress' || type === 'point' || type === 'draws' || type === 'error';
}
