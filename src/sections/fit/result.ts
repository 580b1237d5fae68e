// The result of fitting a scaling law to a table: plain JSON (number arrays, no typed
// arrays, every number finite), so that the extension can post it to the webview, the
// webview can keep it in its saved state, and src/protocol/messages.ts can validate it.
// Pure: built from the engine's fits in model.ts, drawn by charts.ts, written out by
// report.ts.
import type { DerivedKey } from '../../engine/fit/derived';
import type { DropRule } from '../../engine/fit/diagnostics';
import type { ChinchillaParams } from '../../engine/laws/powerLaws';
import type { Bilingual } from '../types';

/** The variable a single power law is fitted against. */
export type FitX = 'N' | 'D' | 'C';

export interface FitInterval {
  low: number;
  high: number;
}

export interface FitBootstrapInfo {
  /** Successful and failed refits. */
  resamples: number;
  failed: number;
  seed: number;
  /** Central coverage of the percentile intervals, e.g. 0.95. */
  confidence: number;
}

/** Where the rows came from, for titles, messages and the inserted table. */
export interface FitSourceInfo {
  kind: 'csv' | 'markdown';
  /** File name (not a path), e.g. "runs.csv" or "notes.md". */
  name: string;
  /** First and last row numbers (1-based lines of the file; the header is the first). */
  firstRow: number;
  lastRow: number;
}

/** The data as fitted, one entry per data row (D and C as read or derived). */
export interface FitDataColumns {
  N: number[] | null;
  D: number[] | null;
  C: number[] | null;
  loss: number[];
  /** Row number of each data row (a line of the file). */
  rows: number[];
}

export interface FitColumns {
  N?: string;
  D?: string;
  C?: string;
  loss?: string;
}

/** A value with its bootstrap interval (null without a bootstrap). */
export interface FitEstimate {
  value: number;
  interval: FitInterval | null;
}

/** Runs flagged by the residual check (diagnostics.ts). */
interface FitPointFlag {
  row: number;
  leverage: number;
  /** ln L − ln L̂. */
  residual: number;
  /** residual / (s·√(1 − h)), s = 1.4826·MAD. */
  standardised: number;
}

export interface FitDiagnostics {
  /** Leverage threshold 2p/n and the rows above it or with |standardised residual| > 3 (null: singular Jacobian). */
  leverage: { threshold: number; parameters: number; points: FitPointFlag[] } | null;
  /** The drop-k diagnostic: this fit is on the rows left; allRows is the estimate on all of them. */
  dropped: { rule: DropRule; count: number; rows: number[]; losses: number[]; allRows: Record<string, number>; allRowsCount: number } | null;
}

interface FitResultBase {
  data: FitDataColumns;
  /** Headers of the recognised columns, as written. */
  columns: FitColumns;
  /** Which of D and C were computed (D = C/(6N), C = 6ND) rather than read. */
  derived: { D: boolean; C: boolean };
  /** Bootstrap settings and counts, or null when no intervals were computed. */
  bootstrap: FitBootstrapInfo | null;
  /** Wall-clock seconds of the fit (including the bootstrap). */
  seconds: number;
  source: FitSourceInfo;
  diagnostics: FitDiagnostics | null;
  /** Whether the default resample count was lowered to stay within the work limit. */
  resamplesLimited: boolean;
}

export type ChinchillaKey = keyof ChinchillaParams;
export const CHINCHILLA_KEYS: readonly ChinchillaKey[] = ['E', 'A', 'B', 'alpha', 'beta'];

export interface ChinchillaFitResult extends FitResultBase {
  form: 'chinchilla';
  params: ChinchillaParams;
  /** Percentile intervals per parameter (null without a bootstrap). */
  intervals: Record<ChinchillaKey, FitInterval> | null;
  /** Σ Huber at the optimum. */
  objective: number;
  huberDelta: number;
  /** Starts of the grid, starts L-BFGS ran from after the pre-screen, and how many converged. */
  starts: number;
  searched: number;
  converged: number;
  /** Compute budget (FLOPs) of the derived quantities. */
  budget: number;
  /** a, b, G, N_opt, D_opt, tokens/parameter and L at the optimum, with intervals from each resample's values (null: an older result). */
  derivedQuantities: Record<DerivedKey, FitEstimate> | null;
}

type PowerKey = 'x0' | 'alpha';
type PowerFloorKey = 'E' | 'x0' | 'alpha';

/** loss = (x0/x)^alpha, fitted by log-log least squares. */
export interface PowerLawSummary {
  x0: number;
  alpha: number;
  /** c = α·log x₀, so loss = exp(c − α·log x). */
  logCoefficient: number;
  rSquared: number;
  intervals: Record<PowerKey, FitInterval> | null;
}

/** loss = E + (x0/x)^alpha, fitted in log space. */
export interface PowerFloorSummary {
  E: number;
  x0: number;
  alpha: number;
  logCoefficient: number;
  rSquared: number;
  /** ½Σ(log L̂ − log L)² at the optimum. */
  objective: number;
  intervals: Record<PowerFloorKey, FitInterval> | null;
}

export interface PowerFitResult extends FitResultBase {
  form: 'power';
  x: FitX;
  pure: PowerLawSummary;
  /** The fit with an irreducible floor, or null with the reason in floorError. */
  floor: PowerFloorSummary | null;
  floorError: Bilingual | null;
}

export type FitResult = ChinchillaFitResult | PowerFitResult;

/** The x values of a power-law result (the column it was fitted against). */
export function powerX(result: PowerFitResult): number[] {
  const x = result.data[result.x];
  // model.ts only builds a power result for a column that exists.
  return x ?? [];
}
