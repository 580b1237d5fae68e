// `emergence-lens emergence <task> [--data FILE] [--x flops|params|loss] [--bootstrap N] [--json]`:
// the emergence-point fit of one task, on the shipped ObsScaling table or a user's table
// (CSV, or the first pipe table of a Markdown file). Bad data is one line naming the row
// and the column, exit 2.
import { analyzeTask, SCALE_AXES, type ScaleAxis } from '../engine/emergence/analysis';
import { obsscalingTable, parseEmergenceCsv, parseEmergenceTableRows, type EmergenceTable, type TableResult } from '../engine/emergence/data';
import { describeGroupFit } from '../engine/emergence/describe';
import { EMERGENCE_BOOTSTRAP, MIN_POINTS } from '../engine/emergence/fit';
import { findTask, METRIC_NAMES } from '../engine/emergence/tasks';
import type { Lang } from '../engine/text';
import { findFirstTable, linesOf } from '../engine/fit/markdownTable';
import { cliLang, tl } from './messages';

export interface EmergenceIo {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): string;
}

export class CommandError extends Error {}

/** Options of the form --name value / --name=value, flags, positionals; errors in `lang`. */
export function parseOptions(
  command: string,
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  lang: Lang,
): { positionals: string[]; values: Map<string, string>; flags: Set<string> } {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a === '--') {
      if (a !== '--') positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (flags.includes(name) && eq < 0) set.add(name);
    else if (valued.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new CommandError(tl(lang, '{0}: --{1} needs a value', command, name));
      values.set(name, v);
    } else {
      const known = [...valued, ...flags].map((k) => `--${k}`).join(', ');
      throw new CommandError(tl(lang, '{0}: unknown option --{1} (known: {2})', command, name, known));
    }
  }
  return { positionals, values, flags: set };
}

/** A finite number option, or the fallback; out of [min, max] is an error. */
export function numberOption(command: string, values: Map<string, string>, name: string, fallback: number, min: number, max: number, lang: Lang): number {
  const raw = values.get(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max) {
    throw new CommandError(tl(lang, '{0}: --{1} must be a number in [{2}, {3}] (got "{4}")', command, name, min, max, raw));
  }
  return v;
}

export function emergenceUsage(lang: Lang = cliLang()): string {
  return tl(
    lang,
    "emergence-lens emergence <task> [--data FILE] [--x flops|params|loss] [--loss-fit chinchilla|epoch] [--bootstrap N] [--json] [--lang en|zh]\n\nFits y = c + (u − c)·σ(k·(x − x₀)) to one task's scores (x = log10 FLOPs or parameters, or\n−loss for --x loss), c = the task's chance level, and a seeded bootstrap 95% interval for x₀\n(N resamples of the models, default {0}; 0 for none).\nTasks of the shipped data (Ruan et al. 2024, ObsScaling, Apache-2.0): arithmetic-3ds,\narithmetic-3da, arithmetic-2dm, arithmetic-2da, word-unscrambling, ipa-exact-match, ipa-bleu,\npersian-qa. --data: a CSV or Markdown table with columns Model, [Family], params, [tokens],\n[FLOPs], and one column per task (give the column name as <task>).",
    EMERGENCE_BOOTSTRAP.resamples,
  );
}

function loadTable(path: string | undefined, io: EmergenceIo, lang: Lang): EmergenceTable {
  if (path === undefined) return obsscalingTable();
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new CommandError(tl(lang, 'emergence: cannot read {0}: {1}', path, (error as Error).message));
  }
  let result: TableResult;
  if (/\.(md|markdown)$/i.test(path)) {
    const table = findFirstTable(linesOf(text));
    if (!table) throw new CommandError(tl(lang, 'emergence: {0}: no Markdown table found', path));
    result = parseEmergenceTableRows(table.rows, table.firstRowNumber);
  } else {
    result = parseEmergenceCsv(text);
  }
  if (!result.ok) throw new CommandError(`emergence: ${path}: ${result.error.message[lang]}`);
  return result.table;
}

export function runEmergenceCommand(argv: readonly string[], io: EmergenceIo): number {
  const lang = cliLang(argv);
  try {
    const args = parseOptions('emergence', argv, ['data', 'x', 'bootstrap', 'lang', 'loss-fit', 'seed'], ['json'], lang);
    const [taskName, extra] = args.positionals;
    if (taskName === undefined) throw new CommandError(tl(lang, 'emergence: which task? (see emergence-lens emergence --help)'));
    if (extra !== undefined) throw new CommandError(tl(lang, 'emergence: unexpected argument "{0}"', extra));
    const axisRaw = args.values.get('x') ?? 'flops';
    if (!(SCALE_AXES as readonly string[]).includes(axisRaw))
      throw new CommandError(tl(lang, 'emergence: --x must be one of flops, params, loss (got "{0}")', axisRaw));
    const axis = axisRaw as ScaleAxis;
    const lossFit = args.values.get('loss-fit') ?? 'chinchilla';
    if (lossFit !== 'chinchilla' && lossFit !== 'epoch')
      throw new CommandError(tl(lang, 'emergence: --loss-fit must be chinchilla or epoch (got "{0}")', lossFit));
    const resamples = Math.round(numberOption('emergence', args.values, 'bootstrap', EMERGENCE_BOOTSTRAP.resamples, 0, 10000, lang));
    const seed = Math.round(numberOption('emergence', args.values, 'seed', EMERGENCE_BOOTSTRAP.seed, 0, 2 ** 32 - 1, lang));
    const table = loadTable(args.values.get('data'), io, lang);
    const task = findTask(table.tasks, taskName);
    if (!task) {
      throw new CommandError(tl(lang, 'emergence: unknown task "{0}" (known: {1})', taskName, table.tasks.map((k) => k.id).join(lang === 'zh' ? '、' : ', ')));
    }
    const a = analyzeTask(table, task, { axis, lossFit }, { resamples, seed });
    if (!a.overall) {
      const n = a.points.models.length;
      const rows = a.points.models.map((m) => m.row).join(lang === 'zh' ? '、' : ', ') || tl(lang, 'none');
      throw new CommandError(
        n === 1
          ? tl(
              lang,
              'emergence: column "{0}": only {1} model (rows {2}) have a score and a value on the {3} axis; a fit needs {4}',
              task.column,
              n,
              rows,
              axis,
              MIN_POINTS,
            )
          : tl(
              lang,
              'emergence: column "{0}": only {1} models (rows {2}) have a score and a value on the {3} axis; a fit needs {4}',
              task.column,
              n,
              rows,
              axis,
              MIN_POINTS,
            ),
      );
    }
    const o = a.overall;
    const group = (g: typeof o) => ({
      family: g.family || undefined,
      n: g.fit.n,
      x0: g.fit.x0,
      emergenceAt: g.emergenceAt,
      emergenceFlops: axis === 'flops' ? g.emergenceAt : null,
      k: g.fit.k,
      ceiling: g.fit.ceiling,
      sse: g.fit.sse,
      stepLike: g.fit.stepLike,
      beyondData: g.fit.beyondData,
      ci:
        g.fit.ci && g.interval
          ? {
              low: g.fit.ci.low,
              high: g.fit.ci.high,
              lowAt: g.interval[0],
              highAt: g.interval[1],
              confidence: g.fit.ci.confidence,
              resamples: g.fit.ci.resamples,
              failed: g.fit.ci.failed,
              seed: g.fit.ci.seed,
            }
          : null,
    });
    if (args.flags.has('json')) {
      const { family: _family, ...overall } = group(o);
      const payload = {
        task: task.id,
        column: task.column,
        metric: task.metric,
        discontinuous: task.discontinuous,
        axis,
        ...(axis === 'loss' ? { lossFit } : {}),
        chance: task.chance,
        ...overall,
        leftOut: a.points.leftOut.map((m) => m.model),
        families: a.families.map(group),
        source: table.source === 'obsscaling' ? 'Ruan, Maddison, Hashimoto 2024, ObsScaling eval_results (Apache-2.0)' : 'user table',
      };
      io.out(`${JSON.stringify(payload, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${task.name[lang]} [${task.id}] · ${METRIC_NAMES[task.metric][lang]} · ${tl(lang, 'chance')} c = ${task.chance}`,
      tl(lang, '{0} models on the {1} axis', o.fit.n, axis) +
        (a.points.leftOut.length ? tl(lang, ', {0} left out (no value on it)', a.points.leftOut.length) : ''),
      `${tl(lang, 'emergence point')} x₀: ${describeGroupFit(o, axis, lang)}`,
      `k = ${o.fit.k.toFixed(3)} ${axis === 'loss' ? tl(lang, 'per nat') : tl(lang, 'per decade')}, u = ${o.fit.ceiling.toFixed(3)}, SSE = ${o.fit.sse.toFixed(4)}${o.fit.stepLike ? tl(lang, ' (the rise fits between two adjacent models: step-like)') : ''}`,
      ...a.families.map(
        (f) => `  ${f.family} (n = ${f.fit.n}): ${describeGroupFit(f, axis, lang)}${f.fit.beyondData ? tl(lang, ' [outside the family’s range]') : ''}`,
      ),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
