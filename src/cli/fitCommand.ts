/**
 * `emergence-lens fit <file.csv|file.md> [--form chinchilla|power] [--bootstrap N] [--seed S] [--json]`
 *
 * Fits a scaling law to tabular data with the engine (src/engine/fit) and prints the
 * parameters (a table, or JSON with --json). Exit codes: 0 ok, 2 bad arguments or bad
 * data, with one line on stderr naming the problem (for data: its row and column).
 * I/O goes through `io` so that tests and the CLI's main can drive it.
 */
import { bootstrapChinchilla, bootstrapPowerLaw, bootstrapPowerLawWithFloor, type BootstrapResult } from '../engine/fit/bootstrap';
import { computeOptimal, fitChinchilla, HUBER_DELTA, type ChinchillaFit } from '../engine/fit/chinchilla';
import { parseCsv, parseTableRows, type Bilingual, type FitData, type FitForm, type ParseResult } from '../engine/fit/data';
import { fitPowerLaw, fitPowerLawWithFloor } from '../engine/fit/power';
import { cliLang, padDisplay, displayWidth, tl, type Lang } from './messages';

export interface FitCommandIo {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): string;
}

export const FIT_USAGE = 'usage: emergence-lens fit <file.csv|file.md> [--form chinchilla|power] [--bootstrap N] [--seed S] [--json]';

/** The usage line in the message language. */
export function fitUsage(lang: Lang = cliLang()): string {
  return tl(lang, FIT_USAGE);
}

interface FitArgs {
  file: string;
  form: FitForm;
  bootstrap: number;
  seed: number;
  json: boolean;
}

/** Parses the arguments after `fit` (a leading "fit" is tolerated); a string is an error. */
function parseArgs(args: readonly string[], lang: Lang): FitArgs | string {
  const got = (v: string | undefined): string => (v === undefined ? tl(lang, 'nothing') : `"${v}"`);
  const rest = args[0] === 'fit' ? args.slice(1) : [...args];
  let file: string | undefined;
  let form: FitForm = 'chinchilla';
  let bootstrap = 0;
  let seed = 1;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i]);
    if (name === '--json') json = true;
    else if (name === '--form') {
      const v = takeValue();
      if (v !== 'chinchilla' && v !== 'power') return tl(lang, '--form must be "chinchilla" or "power", got {0}', got(v));
      form = v;
    } else if (name === '--bootstrap') {
      const v = takeValue();
      const k = v === undefined ? NaN : Number(v);
      if (!(Number.isInteger(k) && k >= 0 && k <= 100000)) {
        return tl(lang, '--bootstrap must be a whole number of resamples (0 to 100000), got {0}', got(v));
      }
      bootstrap = k;
    } else if (name === '--seed') {
      const v = takeValue();
      const k = v === undefined ? NaN : Number(v);
      if (!(Number.isInteger(k) && k >= 0 && k <= 0xffffffff)) return tl(lang, '--seed must be an integer from 0 to 4294967295, got {0}', got(v));
      seed = k;
    } else if (arg.startsWith('-') && arg !== '-') return tl(lang, 'unknown option "{0}"', arg);
    else if (file === undefined) file = arg;
    else return tl(lang, 'unexpected argument "{0}" (only one data file)', arg);
  }
  if (file === undefined) return tl(lang, 'missing the data file');
  return { file, form, bootstrap, seed, json };
}

function say(text: Bilingual): string {
  return text[cliLang()];
}

/** The first pipe table of a Markdown document, as cells, with its first line number. */
function markdownTable(text: string): { rows: string[][]; firstLine: number } | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*\|/.test(l));
  if (start < 0) return null;
  const rows: string[][] = [];
  for (let i = start; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
    const inner = lines[i].trim().replace(/^\|/, '').replace(/\|$/, '');
    rows.push(inner.split(/(?<!\\)\|/).map((c) => c.trim()));
  }
  return { rows, firstLine: start + 1 };
}

function readData(text: string, file: string, form: FitForm): ParseResult | string {
  if (/\.(md|markdown)$/i.test(file)) {
    const table = markdownTable(text);
    if (!table) return tl(cliLang(), '{0}: no Markdown table found', file);
    return parseTableRows(table.rows, { form, firstRowNumber: table.firstLine });
  }
  return parseCsv(text, { form });
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toPrecision(5) : String(v));

function intervalText(b: BootstrapResult<string> | undefined, key: string): string {
  if (!b) return '';
  const iv = b.intervals[key];
  return `[${fmt(iv.low)}, ${fmt(iv.high)}]`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows.map((r) => '  ' + r.map((cell, c) => padDisplay(cell, widths[c])).join('  ').trimEnd()).join('\n');
}

/** The parameter table's heading row: name, value and (with a bootstrap) the interval. */
function tableHead(lang: Lang, confidence: number | undefined): string[] {
  const ci = confidence === undefined ? '' : tl(lang, '{0}% CI', Math.round(confidence * 100));
  return [tl(lang, 'param'), tl(lang, 'value'), ci];
}

function bootstrapJson(b: BootstrapResult<string> | undefined): unknown {
  if (!b) return undefined;
  return { resamples: b.resamples, failed: b.failed, seed: b.seed, confidence: b.confidence, intervals: b.intervals, standardError: b.standardError };
}

function describeColumns(data: FitData, lang: Lang): string {
  const c = data.columns;
  const parts = [`N = "${c.N ?? '-'}"`, data.derived.D ? tl(lang, 'D = C/(6N) from "{0}"', c.C) : `D = "${c.D ?? '-'}"`, `loss = "${c.loss}"`];
  return parts.join(tl(lang, ', '));
}

function runChinchilla(data: FitData, args: FitArgs, io: FitCommandIo): number {
  // Columns were checked by parseCsv for this form.
  const N = data.N as Float64Array;
  const D = data.D as Float64Array;
  const t0 = performance.now();
  let fit: ChinchillaFit;
  let boot: BootstrapResult<string> | undefined;
  if (args.bootstrap > 0) {
    const r = bootstrapChinchilla(N, D, data.loss, { resamples: args.bootstrap, seed: args.seed });
    fit = r.fit;
    boot = r.bootstrap;
  } else {
    fit = fitChinchilla(N, D, data.loss);
  }
  const seconds = (performance.now() - t0) / 1000;
  const p = fit.params;
  const s = p.alpha + p.beta;
  const exponents = { N_opt: p.beta / s, D_opt: p.alpha / s };
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          form: 'chinchilla',
          file: args.file,
          rows: data.rows,
          columns: data.columns,
          derived: data.derived,
          params: p,
          logParams: fit.logParams,
          objective: fit.objective,
          huberDelta: HUBER_DELTA,
          starts: fit.starts,
          converged: fit.converged,
          computeOptimalExponents: exponents,
          computeOptimalAt1e24: computeOptimal(p, 1e24),
          bootstrap: bootstrapJson(boot),
          seconds,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lang = cliLang();
  const head = tableHead(lang, boot?.confidence);
  const rows = (['E', 'A', 'B', 'alpha', 'beta'] as const).map((k) => [k, fmt(p[k]), intervalText(boot, k)]);
  const opt = computeOptimal(p, 1e24);
  const exps = `N_opt ∝ C^${fmt(exponents.N_opt)}, D_opt ∝ C^${fmt(exponents.D_opt)}`;
  const at = `N = ${fmt(opt.N)}, D = ${fmt(opt.D)}, L = ${fmt(opt.loss)}`;
  io.out(
    [
      tl(lang, 'Chinchilla fit  L = E + A/N^alpha + B/D^beta  ({0} rows of {1})', data.rows, args.file),
      tl(lang, '  columns: {0}', describeColumns(data, lang)),
      tl(lang, '  Huber delta {0} on log L, L-BFGS from {1} starts ({2} converged), {3} s', HUBER_DELTA, fit.starts, fit.converged, seconds.toFixed(2)),
      boot
        ? tl(lang, '  bootstrap: {0} resamples ({1} failed), seed {2}, percentile intervals', boot.resamples, boot.failed, boot.seed)
        : '',
      table([head, ...rows]),
      tl(lang, '  objective {0}', fmt(fit.objective)),
      tl(lang, '  compute-optimal (C = 6ND): {0}; at C = 1e24: {1}', exps, at),
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  return 0;
}

function runPower(data: FitData, args: FitArgs, io: FitCommandIo): number {
  // Prefer compute (the classic L(C)), then model size, then tokens.
  const which = data.C ? 'C' : data.N ? 'N' : 'D';
  const x = (data.C ?? data.N ?? data.D) as Float64Array;
  const lang = cliLang();
  const xColumn =
    which === 'C' && data.derived.C
      ? tl(lang, 'C = 6ND from "{0}", "{1}"', data.columns.N, data.columns.D)
      : `${which} = "${data.columns[which]}"`;
  const t0 = performance.now();
  const opts = { resamples: args.bootstrap, seed: args.seed };
  const pure = args.bootstrap > 0 ? bootstrapPowerLaw(x, data.loss, opts) : null;
  const floor = args.bootstrap > 0 ? bootstrapPowerLawWithFloor(x, data.loss, opts) : null;
  const pureFit = pure ? pure.fit : fitPowerLaw(x, data.loss);
  const floorFit = floor ? floor.fit : fitPowerLawWithFloor(x, data.loss);
  const seconds = (performance.now() - t0) / 1000;
  if (!pureFit.ok) {
    io.err(tl(lang, 'error: ') + say(pureFit.message));
    return 2;
  }
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          form: 'power',
          file: args.file,
          rows: data.rows,
          x: which,
          columns: data.columns,
          derived: data.derived,
          power: { x0: pureFit.x0, alpha: pureFit.alpha, logCoefficient: pureFit.logCoefficient, rSquared: pureFit.rSquared, bootstrap: bootstrapJson(pure?.bootstrap) },
          powerWithFloor: floorFit.ok
            ? { E: floorFit.E, x0: floorFit.x0, alpha: floorFit.alpha, logCoefficient: floorFit.logCoefficient, rSquared: floorFit.rSquared, bootstrap: bootstrapJson(floor?.bootstrap) }
            : { error: floorFit.message },
          seconds,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const ci = (b: BootstrapResult<string> | undefined, k: string): string => intervalText(b, k);
  const head = tableHead(lang, args.bootstrap > 0 ? (pure?.bootstrap.confidence ?? 0.95) : undefined);
  const lines = [
    tl(lang, 'Power-law fits of loss against {0}  ({1} rows of {2}; {3})', which, data.rows, args.file, xColumn),
    args.bootstrap > 0
      ? tl(lang, '  bootstrap: {0} resamples, seed {1}, percentile intervals', args.bootstrap, args.seed)
      : '',
    tl(lang, 'L = (x0/{0})^alpha   (log-log least squares, R² = {1})', which, pureFit.rSquared.toFixed(4)),
    table([head, ['x0', fmt(pureFit.x0), ci(pure?.bootstrap, 'x0')], ['alpha', fmt(pureFit.alpha), ci(pure?.bootstrap, 'alpha')]]),
  ];
  if (floorFit.ok) {
    lines.push(
      tl(lang, 'L = E + (x0/{0})^alpha   (least squares on log L, L-BFGS; R² = {1})', which, floorFit.rSquared.toFixed(4)),
      table([
        head,
        ['E', fmt(floorFit.E), ci(floor?.bootstrap, 'E')],
        ['x0', fmt(floorFit.x0), ci(floor?.bootstrap, 'x0')],
        ['alpha', fmt(floorFit.alpha), ci(floor?.bootstrap, 'alpha')],
      ]),
    );
  } else {
    lines.push(`L = E + (x0/${which})^alpha: ${say(floorFit.message)}`);
  }
  lines.push(tl(lang, '  {0} s', seconds.toFixed(2)));
  io.out(lines.filter((l) => l !== '').join('\n'));
  return 0;
}

export async function runFitCommand(args: string[], io: FitCommandIo): Promise<number> {
  const lang = cliLang();
  const error = tl(lang, 'error: ');
  const parsed = parseArgs(args, lang);
  if (typeof parsed === 'string') {
    io.err(`${error}${parsed}${tl(lang, '. ')}${fitUsage(lang)}`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(parsed.file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    io.err(error + tl(lang, 'cannot read {0}: {1}', parsed.file, reason));
    return 2;
  }
  const result = readData(text, parsed.file, parsed.form);
  if (typeof result === 'string') {
    io.err(`${error}${result}`);
    return 2;
  }
  if (!result.ok) {
    io.err(`${error}${parsed.file}: ${say(result.error.message)}`);
    return 2;
  }
  return parsed.form === 'chinchilla' ? runChinchilla(result.data, parsed, io) : runPower(result.data, parsed, io);
}
