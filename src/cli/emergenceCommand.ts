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
import { cliLang, t } from './messages';

export interface EmergenceIo {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): string;
}

export class CommandError extends Error {}

/** Options of the form --name value / --name=value, flags, positionals; errors in `lang`. */
export function parseOptions(command: string, argv: readonly string[], valued: readonly string[], flags: readonly string[], lang: Lang): { positionals: string[]; values: Map<string, string>; flags: Set<string> } {
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
      if (v === undefined) throw new CommandError(t(lang, `${command}: --${name} needs a value`, `${command}: --${name} 需要一个值`));
      values.set(name, v);
    } else {
      const known = [...valued, ...flags].map((k) => `--${k}`).join(', ');
      throw new CommandError(t(lang, `${command}: unknown option --${name} (known: ${known})`, `${command}: 未知选项 --${name}（可用：${known}）`));
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
    throw new CommandError(t(lang, `${command}: --${name} must be a number in [${min}, ${max}] (got "${raw}")`, `${command}: --${name} 须为 [${min}, ${max}] 内的数（收到 "${raw}"）`));
  }
  return v;
}

export function emergenceUsage(lang: Lang = cliLang()): string {
  return t(
    lang,
    `emergence-lens emergence <task> [--data FILE] [--x flops|params|loss] [--loss-fit chinchilla|epoch] [--bootstrap N] [--json] [--lang en|zh]

Fits y = c + (u − c)·σ(k·(x − x₀)) to one task's scores (x = log10 FLOPs or parameters, or
−loss for --x loss), c = the task's chance level, and a seeded bootstrap 95% interval for x₀
(N resamples of the models, default ${EMERGENCE_BOOTSTRAP.resamples}; 0 for none).
Tasks of the shipped data (Ruan et al. 2024, ObsScaling, Apache-2.0): arithmetic-3ds,
arithmetic-3da, arithmetic-2dm, arithmetic-2da, word-unscrambling, ipa-exact-match, ipa-bleu,
persian-qa. --data: a CSV or Markdown table with columns Model, [Family], params, [tokens],
[FLOPs], and one column per task (give the column name as <task>).`,
    `emergence-lens emergence <任务> [--data 文件] [--x flops|params|loss] [--loss-fit chinchilla|epoch] [--bootstrap N] [--json] [--lang en|zh]

对一个任务的得分拟合 y = c + (u − c)·σ(k·(x − x₀))（x = log10 FLOPs 或参数量；--x loss 时为 −损失），
c 为该任务的机会水平，并以种子化自助法给出 x₀ 的 95% 区间（对模型重采样 N 次，默认 ${EMERGENCE_BOOTSTRAP.resamples}；0 表示不做）。
内置数据（Ruan 等 2024，ObsScaling，Apache-2.0）的任务：arithmetic-3ds、arithmetic-3da、arithmetic-2dm、
arithmetic-2da、word-unscrambling、ipa-exact-match、ipa-bleu、persian-qa。--data：CSV 或 Markdown 表格，
列为 Model、[Family]、params、[tokens]、[FLOPs]，每个任务一列（<任务> 处给列名）。`,
  );
}

function loadTable(path: string | undefined, io: EmergenceIo, lang: Lang): EmergenceTable {
  if (path === undefined) return obsscalingTable();
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new CommandError(t(lang, `emergence: cannot read ${path}: ${(error as Error).message}`, `emergence: 无法读取 ${path}：${(error as Error).message}`));
  }
  let result: TableResult;
  if (/\.(md|markdown)$/i.test(path)) {
    const table = findFirstTable(linesOf(text));
    if (!table) throw new CommandError(t(lang, `emergence: ${path}: no Markdown table found`, `emergence: ${path}：未找到 Markdown 表格`));
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
    if (taskName === undefined) throw new CommandError(t(lang, 'emergence: which task? (see emergence-lens emergence --help)', 'emergence: 哪个任务？（见 emergence-lens emergence --help）'));
    if (extra !== undefined) throw new CommandError(t(lang, `emergence: unexpected argument "${extra}"`, `emergence: 多余的参数 "${extra}"`));
    const axisRaw = args.values.get('x') ?? 'flops';
    if (!(SCALE_AXES as readonly string[]).includes(axisRaw)) throw new CommandError(t(lang, `emergence: --x must be one of flops, params, loss (got "${axisRaw}")`, `emergence: --x 只能是 flops、params、loss 之一（收到 "${axisRaw}"）`));
    const axis = axisRaw as ScaleAxis;
    const lossFit = args.values.get('loss-fit') ?? 'chinchilla';
    if (lossFit !== 'chinchilla' && lossFit !== 'epoch') throw new CommandError(t(lang, `emergence: --loss-fit must be chinchilla or epoch (got "${lossFit}")`, `emergence: --loss-fit 只能是 chinchilla 或 epoch（收到 "${lossFit}"）`));
    const resamples = Math.round(numberOption('emergence', args.values, 'bootstrap', EMERGENCE_BOOTSTRAP.resamples, 0, 10000, lang));
    const seed = Math.round(numberOption('emergence', args.values, 'seed', EMERGENCE_BOOTSTRAP.seed, 0, 2 ** 32 - 1, lang));
    const table = loadTable(args.values.get('data'), io, lang);
    const task = findTask(table.tasks, taskName);
    if (!task) {
      throw new CommandError(t(lang, `emergence: unknown task "${taskName}" (known: ${table.tasks.map((k) => k.id).join(', ')})`, `emergence: 未知任务 "${taskName}"（可用：${table.tasks.map((k) => k.id).join('、')}）`));
    }
    const a = analyzeTask(table, task, { axis, lossFit }, { resamples, seed });
    if (!a.overall) {
      const n = a.points.models.length;
      throw new CommandError(
        t(
          lang,
          `emergence: column "${task.column}": only ${n} model${n === 1 ? '' : 's'} (rows ${a.points.models.map((m) => m.row).join(', ') || 'none'}) have a score and a value on the ${axis} axis; a fit needs ${MIN_POINTS}`,
          `emergence: “${task.column}”列：只有 ${n} 个模型（第 ${a.points.models.map((m) => m.row).join('、') || '无'} 行）同时有得分与 ${axis} 轴上的取值；拟合至少需要 ${MIN_POINTS} 个`,
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
      ci: g.fit.ci && g.interval ? { low: g.fit.ci.low, high: g.fit.ci.high, lowAt: g.interval[0], highAt: g.interval[1], confidence: g.fit.ci.confidence, resamples: g.fit.ci.resamples, failed: g.fit.ci.failed, seed: g.fit.ci.seed } : null,
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
      `${task.name[lang]} [${task.id}] · ${METRIC_NAMES[task.metric][lang]} · ${t(lang, 'chance', '机会水平')} c = ${task.chance}`,
      t(lang, `${o.fit.n} models on the ${axis} axis${a.points.leftOut.length ? `, ${a.points.leftOut.length} left out (no value on it)` : ''}`, `${axis} 轴上 ${o.fit.n} 个模型${a.points.leftOut.length ? `，${a.points.leftOut.length} 个无此轴取值而略去` : ''}`),
      `${t(lang, 'emergence point', '涌现点')} x₀: ${describeGroupFit(o, axis, lang)}`,
      `k = ${o.fit.k.toFixed(3)} ${axis === 'loss' ? t(lang, 'per nat', '每 nat') : t(lang, 'per decade', '每数量级')}, u = ${o.fit.ceiling.toFixed(3)}, SSE = ${o.fit.sse.toFixed(4)}${o.fit.stepLike ? t(lang, ' (the rise fits between two adjacent models: step-like)', '（上升段落在相邻两个模型之间：类阶跃）') : ''}`,
      ...a.families.map((f) => `  ${f.family} (n = ${f.fit.n}): ${describeGroupFit(f, axis, lang)}${f.fit.beyondData ? t(lang, ' [outside the family’s range]', ' [在该系列数据范围之外]') : ''}`),
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
