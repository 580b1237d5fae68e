// Runs the one fit pipeline (src/sections/fit/model.ts) off the calling thread: the search
// in one worker thread, then the bootstrap split into two shares on two workers (both
// cores of a two-core machine), merged here into the same FitResult a single-threaded
// runFit gives (the shares replay the same seeded row sets; a unit test compares them).
// Progress is reported as the workers post it; cancel() terminates the workers at once.
// Node only (worker_threads), no vscode: the extension command and the tests use it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FitData, FitForm } from '../engine/fit/data';
import {
  assembleResult,
  cancelledOutcome,
  planFit,
  type BootstrapDraw,
  type FitOutcome,
  type FitPlan,
  type FitStage,
  type PointFit,
  type RunFitOptions,
} from '../sections/fit/model';
import { isFromWorker, type FromWorker, type ToWorker } from './protocol';
import { translate } from '../engine/l10n';
import type { Lang } from '../engine/text';

interface WorkerScript {
  /** Absolute path of the worker bundle (dist/fitWorker.js), or with `eval`, the code to run. */
  script: string;
  eval?: boolean;
}

export interface WorkerFitOptions extends WorkerScript {
  /** Bootstrap workers (default: 2, or 1 on a single core). */
  workers?: number;
  onProgress?(fraction: number, stage: FitStage): void;
}

export interface WorkerFit {
  readonly outcome: Promise<FitOutcome>;
  /** Stops the fit: the workers are terminated and the outcome resolves as cancelled. */
  cancel(): void;
}

function failed(message: string): FitOutcome {
  // Both languages: the outcome is shown in whichever the surface uses (an l10n bundle message).
  const say = (lang: Lang): string => translate(lang, 'The fit failed: {0}', message);
  return { ok: false, cancelled: false, message: { en: say('en'), zh: say('zh') } };
}

/** Fits in worker threads; the outcome never rejects. */
export function runFitInWorkers(data: FitData, form: FitForm, options: RunFitOptions, w: WorkerFitOptions): WorkerFit {
  const started = performance.now();
  const workers: Worker[] = [];
  let settle: (o: FitOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<FitOutcome>((resolve) => (settle = resolve));
  const finish = (o: FitOutcome): void => {
    if (settled) return;
    settled = true;
    for (const worker of workers) void worker.terminate();
    settle(o);
  };

  const spawn = (onMessage: (m: FromWorker) => void): Worker => {
    const worker = new Worker(w.script, { eval: w.eval === true });
    workers.push(worker);
    worker.on('message', (m: unknown) => {
      if (!isFromWorker(m)) return;
      if (m.type === 'error') finish(failed(m.message.split('\n')[0]));
      else onMessage(m);
    });
    worker.on('error', (e) => finish(failed(e.message)));
    worker.on('exit', (code) => {
      if (!settled && code !== 0) finish(failed(`worker exited with code ${code}`));
    });
    return worker;
  };

  const planned = planFit(data, form, options);
  if (!planned.ok) {
    finish({ ok: false, cancelled: false, message: planned.message });
    return { outcome, cancel: () => undefined };
  }
  const plan: FitPlan = planned.plan;
  const count = Math.max(1, Math.min(w.workers ?? 2, availableParallelism(), plan.resamples || 1));

  const bootstrap = (fit: PointFit, first: Worker): void => {
    if (plan.resamples === 0) {
      finish({ ok: true, result: assembleResult(fit, plan, [], (performance.now() - started) / 1000) });
      return;
    }
    const fractions = new Array<number>(count).fill(0);
    const parts: BootstrapDraw[][] = [];
    let done = 0;
    for (let index = 0; index < count; index++) {
      const onMessage = (m: FromWorker): void => {
        if (m.type === 'progress') {
          fractions[index] = m.fraction;
          w.onProgress?.(fractions.reduce((a, b) => a + b, 0) / count, 'bootstrap');
        } else if (m.type === 'draws') {
          parts[index] = m.draws;
          if (++done === count) finish({ ok: true, result: assembleResult(fit, plan, parts.flat(), (performance.now() - started) / 1000) });
        }
      };
      // The search's worker is reused for share 0 (its listener is swapped), the others are new.
      let worker: Worker;
      if (index === 0) {
        first.removeAllListeners('message');
        first.on('message', (m: unknown) => {
          if (!isFromWorker(m)) return;
          if (m.type === 'error') finish(failed(m.message.split('\n')[0]));
          else onMessage(m);
        });
        worker = first;
      } else worker = spawn(onMessage);
      const message: ToWorker = { type: 'share', fit, plan, share: { index, count } };
      worker.postMessage(message);
    }
  };

  const searcher = spawn((m) => {
    if (m.type === 'progress') w.onProgress?.(m.fraction, 'search');
    else if (m.type === 'point') {
      if (!m.ok) finish({ ok: false, cancelled: false, message: m.message });
      else bootstrap(m.fit, searcher);
    }
  });
  const message: ToWorker = { type: 'point', data, plan };
  searcher.postMessage(message);
  return { outcome, cancel: () => finish(cancelledOutcome()) };
}
