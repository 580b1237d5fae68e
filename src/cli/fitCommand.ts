/**
 * `emergence-lens fit <file.csv|file.md> [--form chinchilla|power] [--bootstrap N] [--seed S]
 *  [--budget C] [--drop K] [--drop-by loss|residual] [--json]`
 *
 * Fits a scaling law to tabular data with the one fit pipeline (src/sections/fit/model.ts:
 * the same form detection, defaults, limits, search, bootstrap and diagnostics as the
 * extension) and prints the same report (src/sections/fit/report.ts) as plain text, or
 * JSON with --json. Exit codes: 0 ok, 2 bad arguments or bad data, with one line on
 * stderr naming the problem (for data: its row and column). Long fits print progress
 * lines to stderr. The file is read with a size cap (MAX_DATA_BYTES) and decoded as
 * UTF-8 or BOM-marked UTF-16 before any parsing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { DropRule } from '../engine/fit/diagnostics';
import type { Bilingual, FitForm } from '../engine/fit/data';
import { decodeDataBytes, fileTooLarge, MAX_DATA_BYTES, quoteCell } from '../engine/fit/text';
import { fitInputOfFile, fitReport, parseFitInput, resultJson, runFit } from '../sections/fit/index';
import { choiceOption, noExtraPositionals, numberOption, optionValue, parseArgs as parseCommandLine, UsageError } from './args';
import { cliLang, padDisplay, displayWidth, tl, type Lang } from './messages';

export interface FitCommandIo {
  out(s: string): void;
  err(s: string): void;
  /** Reads at most maxBytes + 1 bytes of a file (default: node's fs, bounded, so `/dev/zero` stops at the cap). */
  readBytes?(path: string, maxBytes: number): Uint8Array;
  /** Milliseconds clock for progress lines (default performance.now). */
  now?(): number;
}

const OPTIONS = '[--form chinchilla|power] [--bootstrap N] [--seed S] [--budget C] [--drop K] [--drop-by loss|residual] [--json]';

/** The usage line in the message language. */
export function fitUsage(lang: Lang = cliLang()): string {
  return tl(lang, 'usage: emergence-lens fit <file.csv|file.md> {0}', OPTIONS);
}

interface FitArgs {
  file: string;
  form: FitForm | undefined;
  bootstrap: number | undefined;
  seed: number;
  budget: number | undefined;
  drop: number;
  dropBy: DropRule;
  json: boolean;
}

/** Parses the arguments after `fit` with the CLI's one argument parser (src/cli/args.ts); a string is an error. */
function parseArgs(args: readonly string[], lang: Lang): FitArgs | string {
  const spec = {
    form: { kind: 'string' },
    bootstrap: { kind: 'string' },
    seed: { kind: 'string' },
    budget: { kind: 'string' },
    drop: { kind: 'string' },
    'drop-by': { kind: 'string' },
    json: { kind: 'flag' },
    lang: { kind: 'string' },
  } as const;
  try {
    const parsed = parseCommandLine('fit', args[0] === 'fit' ? args.slice(1) : args, spec, lang);
    noExtraPositionals('fit', parsed.positionals, 1, lang);
    const file = parsed.positionals[0];
    if (file === undefined) return tl(lang, 'missing the data file');
    const whole = (name: string, max: number, fallback?: number): number | undefined =>
      numberOption('fit', parsed, name, { min: 0, max, integer: true }, lang, fallback);
    return {
      file,
      form: optionValue(parsed, 'form') === undefined ? undefined : choiceOption('fit', parsed, 'form', ['chinchilla', 'power'] as const, 'chinchilla', lang),
      // The pipeline checks the upper limits (resamples, rows × resamples) and names them.
      bootstrap: whole('bootstrap', 10_000),
      seed: whole('seed', 0xffffffff, 1) ?? 1,
      budget: numberOption('fit', parsed, 'budget', { min: 0, minExclusive: true }, lang),
      drop: whole('drop', 50, 0) ?? 0,
      dropBy: choiceOption('fit', parsed, 'drop-by', ['loss', 'residual'] as const, 'loss', lang),
      json: parsed.options.has('json'),
    };
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
}

function say(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** Reads at most maxBytes + 1 bytes: enough to tell that a file is over the cap without reading it all. */
function readBounded(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(maxBytes + 1);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows
    .map(
      (r) =>
        '  ' +
        r
          .map((cell, c) => padDisplay(cell, widths[c]))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** A progress line after the fit has run this long, then at most this often (ms). */
const PROGRESS_AFTER_MS = 2000;

export async function runFitCommand(args: string[], io: FitCommandIo): Promise<number> {
  const lang = cliLang();
  const error = tl(lang, 'error: ');
  const parsed = parseArgs(args, lang);
  if (typeof parsed === 'string') {
    io.err(`${error}${parsed}${tl(lang, '. ')}${fitUsage(lang)}`);
    return 2;
  }
  const file = quoteCell(parsed.file, 200);
  let bytes: Uint8Array;
  try {
    bytes = (io.readBytes ?? readBounded)(parsed.file, MAX_DATA_BYTES);
  } catch (e) {
    const reason = quoteCell(e instanceof Error ? e.message : String(e), 200);
    io.err(error + tl(lang, 'cannot read {0}: {1}', file, reason));
    return 2;
  }
  if (bytes.length > MAX_DATA_BYTES) {
    io.err(`${error}${file}: ${say(fileTooLarge(), lang)}`);
    return 2;
  }
  const decoded = decodeDataBytes(bytes);
  if (!decoded.ok) {
    io.err(`${error}${file}: ${say(decoded.message, lang)}`);
    return 2;
  }
  const input = fitInputOfFile(decoded.text, parsed.file);
  if (!input) {
    io.err(`${error}${tl(lang, '{0}: no Markdown table found', file)}`);
    return 2;
  }
  const data = parseFitInput(input, parsed.form);
  if (!data.ok) {
    io.err(`${error}${file}: ${say(data.error.message, lang)}`);
    return 2;
  }
  const name = parsed.file.split(/[\\/]/).pop() || parsed.file;
  const now = io.now ?? (() => performance.now());
  const started = now();
  let lastLine = started;
  const outcome = runFit(
    data.data,
    data.form,
    {
      source: {
        kind: input.kind === 'csv' ? 'csv' : 'markdown',
        name: quoteCell(name, 200),
        firstRow: input.kind === 'table' ? input.firstRowNumber : 1,
        lastRow: Math.max(1, ...Array.from(data.data.sourceRows)),
      },
      resamples: parsed.bootstrap,
      seed: parsed.seed,
      budget: parsed.budget,
      drop: parsed.drop > 0 ? { count: parsed.drop, rule: parsed.dropBy } : undefined,
    },
    {
      progress: (fraction, stage) => {
        const t1 = now();
        if (t1 - started < PROGRESS_AFTER_MS || t1 - lastLine < PROGRESS_AFTER_MS) return;
        lastLine = t1;
        const pct = Math.floor(fraction * 100);
        const seconds = ((t1 - started) / 1000).toFixed(0);
        io.err(stage === 'search' ? tl(lang, 'fit: search {0}% ({1} s)', pct, seconds) : tl(lang, 'fit: bootstrap {0}% ({1} s)', pct, seconds));
      },
    },
    now,
  );
  if (!outcome.ok) {
    io.err(`${error}${file}: ${say(outcome.message, lang)}`);
    return 2;
  }
  const result = outcome.result;
  if (parsed.json) {
    io.out(JSON.stringify(resultJson(result, parsed.file), null, 2));
    return 0;
  }
  const r = fitReport(result, lang);
  io.out(
    [`${r.title}${r.heading}`, table([r.header, ...r.rows]), ...r.notes, r.method, ...r.diagnostics, tl(lang, '{0} s', result.seconds.toFixed(2))].join('\n'),
  );
  return 0;
}
