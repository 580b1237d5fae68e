/**
 * Benchmark of issue 7: the full Chinchilla fit (4,500 L-BFGS starts, Huber δ = 1e-3,
 * 240 rows of Epoch's data) in our engine, side by side with SciPy's L-BFGS-B doing
 * the same job (bench/scipy_fit_reference.py under Debian's /usr/bin/python3).
 *
 * Both sides time only the fit loop. The TypeScript figure is the first ("cold") run,
 * JIT warm-up included, so the ratio is not flattered; a second run is reported too.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { fitChinchilla, gridStarts, HOFFMANN_GRID } from '../src/engine/fit/chinchilla';
import type { ChinchillaParams } from '../src/engine/laws/powerLaws';
import { parseCsv } from '../src/engine/fit/data';
import { chinchillaLoss } from '../src/engine/laws/powerLaws';
import { runFitInWorkers } from '../src/fitWorker/host';
import { parseFitInput, runFit } from '../src/sections/fit/model';

const PYTHON = '/usr/bin/python3';
const SCRIPT = 'bench/scipy_fit_reference.py';
const DATA_CANDIDATES = ['test/unit/engine/fixtures/chinchilla_epoch_svg_extracted_data.csv', '../shared/data/chinchilla_epoch/svg_extracted_data.csv'];

export interface BenchFitOptions {
  /** Run only the first K grid starts on both sides (for a quick check). */
  startsLimit?: number;
  /** Skip the second, warm TypeScript run. */
  skipWarm?: boolean;
}

/** The 240 rows Epoch fit: D = C/(6N), rows with loss ≥ the 5th-largest loss dropped. */
function loadChinchillaRows(path: string): { N: Float64Array; D: Float64Array; loss: Float64Array } {
  const parsed = parseCsv(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message.en}`);
  const { N, D, loss } = parsed.data;
  if (!N || !D) throw new Error(`${path}: no N or D column`);
  const cut = Float64Array.from(loss).sort()[loss.length - 5];
  const keep = [...loss.keys()].filter((i) => loss[i] < cut);
  return {
    N: Float64Array.from(keep, (i) => N[i]),
    D: Float64Array.from(keep, (i) => D[i]),
    loss: Float64Array.from(keep, (i) => loss[i]),
  };
}

function paramsText(p: ChinchillaParams): string {
  return `A=${p.A.toPrecision(6)} B=${p.B.toPrecision(6)} E=${p.E.toPrecision(6)} alpha=${p.alpha.toPrecision(6)} beta=${p.beta.toPrecision(6)}`;
}

function maxRelativeDifference(a: ChinchillaParams, b: ChinchillaParams): number {
  return Math.max(...(['A', 'B', 'E', 'alpha', 'beta'] as const).map((k) => Math.abs(a[k] - b[k]) / Math.abs(b[k])));
}

interface ScipyOutput {
  seconds: number;
  params: ChinchillaParams;
  objective: number;
  evaluations: number;
  scipy: string;
}

function scipyAvailable(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import scipy, numpy'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return `python3-scipy not importable by ${PYTHON} (apt-get install python3-scipy)`;
  return null;
}

/** A synthetic table of `rows` runs (Hoffmann et al.'s constants, 1% deterministic wiggle), as CSV. */
function syntheticCsv(rows: number): string {
  const p = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
  const lines = ['N,D,loss'];
  for (let k = 0; k < rows; k++) {
    const n = 1e8 * Math.pow(100, (k * 0.618034) % 1);
    const d = 2e9 * Math.pow(500, (k * 0.414214) % 1);
    lines.push(`${n.toPrecision(6)},${d.toPrecision(6)},${(chinchillaLoss(n, d, p) * (1 + 0.01 * Math.sin(k))).toPrecision(8)}`);
  }
  return lines.join('\n');
}

/** The pipeline as the CLI runs it (defaults: pre-screened 4,500-start grid, default bootstrap). */
function pipelineSeconds(rows: number): { seconds: number; resamples: number } {
  const parsed = parseFitInput({ kind: 'csv', text: syntheticCsv(rows) });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const t0 = performance.now();
  const r = runFit(parsed.data, parsed.form, { source: { kind: 'csv', name: 'bench.csv', firstRow: 1, lastRow: rows + 1 } });
  if (!r.ok) throw new Error(r.message.en);
  return { seconds: (performance.now() - t0) / 1000, resamples: r.result.bootstrap?.resamples ?? 0 };
}

/** Epoch's 245 rows, the 5 highest-loss dropped, × `resamples` on two worker threads (dist/fitWorker.js). */
async function epochWorkers(path: string, resamples: number): Promise<number> {
  const parsed = parseFitInput({ kind: 'csv', text: readFileSync(path, 'utf8') });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const t0 = performance.now();
  const fit = runFitInWorkers(
    parsed.data,
    parsed.form,
    { source: { kind: 'csv', name: 'epoch.csv', firstRow: 1, lastRow: 246 }, resamples, drop: { count: 5, rule: 'loss' } },
    { script: resolve('dist/fitWorker.js') },
  );
  const outcome = await fit.outcome;
  if (!outcome.ok) throw new Error(outcome.message.en);
  return (performance.now() - t0) / 1000;
}

/** Issue 14/13 figures: the pipeline on 2,000 and 20,000 rows, and Epoch 240 × 4,000 resamples on two workers. */
export async function benchFitPipeline(quick = false): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const rows of quick ? [2000] : [2000, 20_000]) {
    const r = pipelineSeconds(rows);
    out[`fit_pipeline_${rows}_rows_seconds`] = Number(r.seconds.toFixed(2));
    out[`fit_pipeline_${rows}_rows_resamples`] = r.resamples;
  }
  const dataPath = DATA_CANDIDATES.map((p) => resolve(p)).find((p) => existsSync(p));
  if (dataPath && existsSync('dist/fitWorker.js')) {
    const resamples = quick ? 400 : 4000;
    out[`fit_epoch_240_x_${resamples}_workers_seconds`] = Number((await epochWorkers(dataPath, resamples)).toFixed(2));
  }
  return out;
}

export async function benchFit(options: BenchFitOptions = {}): Promise<Record<string, string | number>> {
  const dataPath = DATA_CANDIDATES.map((p) => resolve(p)).find((p) => existsSync(p));
  if (!dataPath) throw new Error(`Chinchilla data not found (looked for ${DATA_CANDIDATES.join(', ')} from ${process.cwd()})`);
  const { N, D, loss } = loadChinchillaRows(dataPath);
  const allStarts = gridStarts(HOFFMANN_GRID);
  const starts = options.startsLimit ? allStarts.slice(0, options.startsLimit) : allStarts;

  let t0 = performance.now();
  const fit = fitChinchilla(N, D, loss, { starts, polish: false });
  const tsSeconds = (performance.now() - t0) / 1000;
  const out: Record<string, string | number> = {
    fit_rows: loss.length,
    fit_starts: starts.length,
    fit_ts_seconds: Number(tsSeconds.toFixed(3)),
    fit_ts_evaluations: fit.evaluations,
    // Per-evaluation cost is steadier than wall time on a shared machine.
    fit_ts_us_per_evaluation: Number(((tsSeconds * 1e6) / fit.evaluations).toFixed(2)),
    fit_ts_params: paramsText(fit.params),
    fit_ts_objective: fit.objective,
  };
  if (!options.skipWarm) {
    t0 = performance.now();
    fitChinchilla(N, D, loss, { starts, polish: false });
    out.fit_ts_warm_seconds = Number(((performance.now() - t0) / 1000).toFixed(3));
  }

  const unavailable = scipyAvailable();
  if (unavailable) {
    out.fit_scipy = `unavailable: ${unavailable}`;
    return out;
  }
  const args = [SCRIPT, dataPath, ...(options.startsLimit ? ['--starts-limit', String(options.startsLimit)] : [])];
  try {
    // OPENBLAS_CORETYPE and the rest of the environment are passed through unchanged.
    const { stdout } = await promisify(execFile)(PYTHON, args, { encoding: 'utf8', timeout: 30 * 60_000, maxBuffer: 1 << 20 });
    const sp = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ScipyOutput;
    out.fit_scipy_version = sp.scipy;
    out.fit_scipy_seconds = Number(sp.seconds.toFixed(3));
    out.fit_scipy_evaluations = sp.evaluations;
    out.fit_scipy_us_per_evaluation = Number(((sp.seconds * 1e6) / sp.evaluations).toFixed(2));
    out.fit_scipy_params = paramsText(sp.params);
    out.fit_scipy_objective = sp.objective;
    out.fit_scipy_over_ts = Number((sp.seconds / tsSeconds).toFixed(2));
    out.fit_max_rel_param_diff = Number(maxRelativeDifference(fit.params, sp.params).toExponential(2));
  } catch (e) {
    out.fit_scipy = `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  return out;
}
