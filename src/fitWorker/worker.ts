// The fit worker (dist/fitWorker.js, a separate esbuild entry): runs the pipeline's search
// or one bootstrap share synchronously and posts progress at most every 100 ms. The host
// cancels by terminating the thread, so nothing here needs to poll for a cancel flag.
import { parentPort } from 'node:worker_threads';
import { bootstrapShare, fitPoint } from '../sections/fit/model';
import type { FitStage } from '../sections/fit/model';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

function progressHook(): { progress(fraction: number, stage: FitStage): void } {
  let last = 0;
  return {
    progress: (fraction, stage) => {
      const t = performance.now();
      if (t - last < 100 && fraction < 1) return;
      last = t;
      post({ type: 'progress', fraction, stage });
    },
  };
}

port?.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'point') {
      const r = fitPoint(message.data, message.plan, progressHook());
      post(r.ok ? { type: 'point', ok: true, fit: r.fit } : { type: 'point', ok: false, message: r.message });
    } else if (message.type === 'share') {
      post({ type: 'draws', draws: bootstrapShare(message.fit, message.plan, message.share, progressHook()) });
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
