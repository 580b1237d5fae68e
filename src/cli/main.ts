// The `emergence-lens` binary: argv → one subcommand. Parsing is hand-written so every
// bad argument gets a one-line message naming it (exit 2) and nothing ever prints a
// stack trace; the commands' real work lives in render.ts, png.ts and the engine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { SECTIONS } from '../sections';
import { builtinTheme, LIGHT_THEME } from '../sections/theme';
import { defaultParams, resolveParams, type Lang, type ParamValues, type Section } from '../sections/types';
import { noExtraPositionals as checkPositionals, optionValue, parseArgs, parseDecimal, parseNumberArg, quoted, UsageError, type ParsedArgs } from './args';
import { emergenceUsage, runEmergenceCommand } from './emergenceCommand';
import { explainUsage, runExplainCommand } from './explainCommand';
import { fitUsage, runFitCommand } from './fitCommand';
import { runOptimalCommand } from './optimalCommand';
import { cliLang, displayWidth, tl } from './messages';
import { mirageUsage, runMirageCommand } from './mirageCommand';
import { prepareOutputDir } from './outputDir';
import { OUTPUT_FORMATS, renderToDirectory, type OutputFormat } from './render';
import { displayValue, oneLine } from '../engine/text';

export { parseArgs, UsageError } from './args';

/** Where a command writes; tests and embedders pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

// ---------------------------------------------------------------------------------------
// Argument parsing

// Thin forms of src/cli/args.ts's checks, in the argument order this file's commands use.
function single(args: ParsedArgs, name: string): string | undefined {
  return optionValue(args, name);
}

function oneOf<T extends string>(lang: Lang, command: string, name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(tl(lang, '{0}: --{1} must be one of {2} (got {3})', command, name, allowed.join(', '), quoted(value)));
}

function noExtraPositionals(lang: Lang, command: string, positionals: readonly string[], expected: number): void {
  checkPositionals(command, positionals, expected, lang);
}

/** PNG pixel density (`render --scale`): below 0.25 small charts round to zero pixels; above 8 a PNG reaches hundreds of MB. */
const PNG_SCALE_RULE = { min: 0.25, max: 8 } as const;

type LangChoice = Lang | 'both';

function langsOf(choice: LangChoice): Lang[] {
  return choice === 'both' ? ['en', 'zh'] : [choice];
}

function findSectionOrFail(lang: Lang, command: string, id: string | undefined, sections: readonly Section[], allowAll: boolean): Section[] {
  const known = sections.map((s) => s.id);
  const hint = `${allowAll ? 'all, ' : ''}${known.join(', ') || tl(lang, '(no sections registered)')}`;
  if (id === undefined) {
    throw new UsageError(
      allowAll
        ? tl(lang, '{0}: which section? give a section id or all ({1})', command, hint)
        : tl(lang, '{0}: which section? give a section id ({1})', command, hint),
    );
  }
  if (allowAll && id === 'all') return [...sections];
  const section = sections.find((s) => s.id === id);
  if (!section) throw new UsageError(tl(lang, '{0}: unknown section {1} (known: {2})', command, quoted(id), hint));
  return [section];
}

/**
 * `--param name=value` overrides, checked against each section's parameter specs: a
 * name no selected section has, a non-number, an out-of-range number or an unknown
 * choice is a usage error (in `lang`), not a silent clamp.
 */
export function paramOverrides(
  command: string,
  assignments: readonly string[],
  sections: readonly Section[],
  lang: Lang = cliLang(),
): (section: Section) => ParamValues {
  const perSection = new Map<string, Record<string, unknown>>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(tl(lang, '{0}: --param expects name=value (got {1})', command, quoted(assignment)));
    const name = assignment.slice(0, eq);
    const raw = assignment.slice(eq + 1);
    let matched = false;
    for (const section of sections) {
      const spec = section.params.find((p) => p.name === name);
      if (!spec) continue;
      matched = true;
      let value: unknown;
      if (spec.kind === 'number') {
        value = parseDecimal(raw);
        if (value === undefined || !Number.isFinite(value)) {
          throw new UsageError(tl(lang, '{0}: --param {1} needs a number in decimal or scientific notation (got {2})', command, name, quoted(raw)));
        }
        if ((value as number) < spec.min || (value as number) > spec.max) {
          throw new UsageError(tl(lang, '{0}: --param {1}={2} is outside [{3}, {4}]', command, name, quoted(raw), spec.min, spec.max));
        }
      } else if (spec.kind === 'choice') {
        if (!spec.options.some((o) => o.value === raw)) {
          const values = spec.options.map((o) => o.value).join(', ');
          throw new UsageError(tl(lang, '{0}: --param {1} must be one of {2} (got {3})', command, name, values, quoted(raw)));
        }
        value = raw;
      } else {
        if (raw !== 'true' && raw !== 'false') throw new UsageError(tl(lang, '{0}: --param {1} must be true or false (got {2})', command, name, quoted(raw)));
        value = raw === 'true';
      }
      perSection.set(section.id, { ...perSection.get(section.id), [name]: value });
    }
    if (!matched) {
      const names = [...new Set(sections.flatMap((s) => s.params.map((p) => p.name)))];
      throw new UsageError(tl(lang, '{0}: no selected section has a parameter {1} (known: {2})', command, quoted(name), names.join(', ') || tl(lang, 'none')));
    }
  }
  return (section) => resolveParams(section, perSection.get(section.id));
}

// ---------------------------------------------------------------------------------------
// Help

const USAGE: Record<Lang, string> = {
  en: `emergence-lens ${version}: the charts and formulas of the scaling-laws / emergence article, headless

Usage:
  emergence-lens render <section-id|all> --out DIR [--format svg|png|vl] [--lang en|zh|both]
                        [--theme light|dark|high-contrast] [--param name=value]... [--scale N]
  emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...
  emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan] [--json]
  emergence-lens fit ...          fit the Chinchilla form to data (emergence-lens fit --help)
  emergence-lens explain ...      explain a scaling-law formula (emergence-lens explain --help)
  emergence-lens emergence <task> ...  fit a task's emergence point on real models (emergence --help)
  emergence-lens mirage --length L ... one per-token law scored by four metrics (mirage --help)
  emergence-lens list
  emergence-lens help [command] | --help | --version

Exit codes: 0 ok, 1 failure, 2 bad arguments.`,
  zh: `emergence-lens ${version}：无界面生成尺度定律 / 涌现文章的图表与公式

用法：
  emergence-lens render <section-id|all> --out DIR [--format svg|png|vl] [--lang en|zh|both]
                        [--theme light|dark|high-contrast] [--param name=value]... [--scale N]
  emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...
  emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan] [--json]
  emergence-lens fit ...          用数据拟合 Chinchilla 形式（见 emergence-lens fit --help）
  emergence-lens explain ...      解释一条尺度定律公式（见 emergence-lens explain --help）
  emergence-lens emergence <任务> ...  在真实模型上拟合任务的涌现点（见 emergence --help）
  emergence-lens mirage --length L ... 同一条单词元定律的四种指标（见 mirage --help）
  emergence-lens list
  emergence-lens help [命令] | --help | --version

退出码：0 成功，1 失败，2 参数错误。
消息语言：命令有 --lang en|zh 时按它，否则按环境变量 LC_ALL、LC_MESSAGES、LANG（以 zh 开头即中文）。`,
};

function commandHelp(lang: Lang): Record<string, string> {
  return lang === 'zh'
    ? {
        render: `emergence-lens render <section-id|all> --out DIR [选项]

渲染所选章节的全部图表，并写出展示全部图表的 DIR/index.html。
文件：DIR/<lang>/<section-id>/<chart-id>.svg（或 .png、.vl.json）。

  --out DIR            输出目录（不存在则创建）
  --format svg|png|vl  svg（默认）；png 用 resvg 栅格化（需要中日韩字体：
                       Debian 软件包 fonts-noto-cjk）；vl = Vega-Lite 规格 JSON，数据内联
  --lang en|zh|both    图表语言（默认 both）；为 en 或 zh 时也决定消息语言
  --theme light|dark|high-contrast   配色（默认 light）
  --param name=value   覆盖章节参数（可重复；见 list）
  --scale N            PNG 像素密度，0.25 到 8（默认 2）`,
        report: `emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...

打印原文脚本为该章节打印的文字报告（默认 --lang zh，即原文的语言）。`,
        optimal: `emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan] [--json]

按一组已发表拟合计算最优的模型规模与数据量。
  chinchilla  Hoffmann 等 2022（方法 3），闭式解（默认）
  epoch       Besiroglu 等 2024 的复现，闭式解
  kaplan      Kaplan 等 2020 发表的规则（式 6.1、表 6）：N ∝ C_min^0.73，D ∝ C_min^0.27（PF-天）
  --json      输出 {compute, preset, params, tokens, tokensPerParam, loss, method, warnings}`,
        fit: fitUsage('zh'),
        explain: explainUsage('zh'),
        emergence: emergenceUsage('zh'),
        mirage: mirageUsage('zh'),
        list: `emergence-lens list

列出每个章节的 id、图表 id 和参数。`,
      }
    : {
        render: `emergence-lens render <section-id|all> --out DIR [options]

Renders every chart of the section(s) and writes DIR/index.html showing them all.
Files: DIR/<lang>/<section-id>/<chart-id>.svg (or .png, or .vl.json).

  --out DIR            output folder (created if missing)
  --format svg|png|vl  svg (default); png rasterised with resvg (needs a CJK font:
                       Debian package fonts-noto-cjk); vl = the Vega-Lite spec JSON, data inline
  --lang en|zh|both    chart language (default both)
  --theme light|dark|high-contrast   colours (default light)
  --param name=value   override a section parameter (repeatable; see list)
  --scale N            PNG pixel density, 0.25 to 8 (default 2)`,
        report: `emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...

Prints the textual report the seed's script prints for that section (default --lang zh,
the seed's own language).`,
        optimal: `emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan] [--json]

Compute-optimal model size and data of one published fit.
  chinchilla  Hoffmann et al. 2022 (approach 3), closed form (default)
  epoch       Besiroglu et al. 2024 replication, closed form
  kaplan      Kaplan et al. 2020's published rule (eq. 6.1, Table 6): N ∝ C_min^0.73, D ∝ C_min^0.27 (PF-days)
  --json      print {compute, preset, params, tokens, tokensPerParam, loss, method, warnings}`,
        fit: fitUsage('en'),
        explain: explainUsage('en'),
        emergence: emergenceUsage('en'),
        mirage: mirageUsage('en'),
        list: `emergence-lens list

Prints each section id with its chart ids and parameters.`,
      };
}

// ---------------------------------------------------------------------------------------
// Commands

async function renderCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = cliLang(argv);
  const args = parseArgs(
    'render',
    argv,
    {
      out: { kind: 'string' },
      format: { kind: 'string' },
      lang: { kind: 'string' },
      theme: { kind: 'string' },
      param: { kind: 'string', repeat: true },
      scale: { kind: 'string' },
    },
    lang,
  );
  if (args.help) return printHelp('render', io, lang);
  const sections = findSectionOrFail(lang, 'render', args.positionals[0], SECTIONS, true);
  noExtraPositionals(lang, 'render', args.positionals, 1);
  const out = single(args, 'out');
  if (!out) throw new UsageError(tl(lang, 'render: --out DIR is required'));
  const format = oneOf<OutputFormat>(lang, 'render', 'format', single(args, 'format'), OUTPUT_FORMATS, 'svg');
  const langs = langsOf(oneOf<LangChoice>(lang, 'render', 'lang', single(args, 'lang'), ['en', 'zh', 'both'], 'both'));
  const themeName = oneOf(lang, 'render', 'theme', single(args, 'theme'), ['light', 'dark', 'high-contrast'], 'light');
  const scaleRaw = single(args, 'scale');
  const scale = scaleRaw === undefined ? 2 : parseNumberArg('render', '--scale', scaleRaw, PNG_SCALE_RULE, lang);
  if (scaleRaw !== undefined && format !== 'png') throw new UsageError(tl(lang, 'render: --scale only applies to --format png'));
  const paramsFor = paramOverrides('render', args.options.get('param') ?? [], sections, lang);

  // Last of the checks, so a mistyped option creates no folder.
  const outDir = prepareOutputDir('render', out, lang);
  const summary = await renderToDirectory({ outDir, sections, langs, theme: builtinTheme(themeName), format, paramsFor, pngScale: scale, messageLang: lang });
  for (const w of summary.warnings) io.err(tl(lang, 'warning: {0}: {1}', w.file, w.message));
  const perLang = langs.length ? summary.charts / langs.length : 0;
  const seconds = (summary.ms / 1000).toFixed(2);
  const warnings = summary.warnings.length;
  io.out(
    tl(
      lang,
      'render: {0} charts ({1} per language × {2}; {3}) → {4} files ({5} + index.html) in {6} in {7} s',
      summary.charts,
      perLang,
      langs.join(', '),
      sections.length === 1 ? tl(lang, '{0} section', sections.length) : tl(lang, '{0} sections', sections.length),
      summary.files.length,
      format.toUpperCase(),
      outDir,
      seconds,
    ) + (warnings === 0 ? '' : warnings === 1 ? tl(lang, '; {0} warning', warnings) : tl(lang, '; {0} warnings', warnings)),
  );
  io.out(tl(lang, 'open {0}', resolve(outDir, 'index.html')));
  return EXIT_OK;
}

function reportCommand(argv: readonly string[], io: CliIo): number {
  const lang = cliLang(argv);
  const args = parseArgs('report', argv, { lang: { kind: 'string' }, param: { kind: 'string', repeat: true } }, lang);
  if (args.help) return printHelp('report', io, lang);
  const [section] = findSectionOrFail(lang, 'report', args.positionals[0], SECTIONS, false);
  noExtraPositionals(lang, 'report', args.positionals, 1);
  const langs = langsOf(oneOf<LangChoice>(lang, 'report', 'lang', single(args, 'lang'), ['en', 'zh', 'both'], 'zh'));
  if (!section.report) {
    const withReports = SECTIONS.filter((s) => s.report).map((s) => s.id);
    throw new UsageError(
      tl(lang, 'report: section "{0}" prints no report in the seed (sections with reports: {1})', section.id, withReports.join(', ') || tl(lang, 'none')),
    );
  }
  const params = paramOverrides('report', args.options.get('param') ?? [], [section], lang)(section);
  langs.forEach((reportLang, i) => {
    if (langs.length > 1) io.out(`${i > 0 ? '\n' : ''}== ${reportLang === 'en' ? 'English' : '中文'} ==`);
    io.out(section.report?.(params, reportLang) ?? '');
  });
  return EXIT_OK;
}

/** Large numbers as 1e+10 (how the seed writes sizes), the rest as is. */
function paramText(value: number | string | boolean): string {
  return typeof value === 'number' && Math.abs(value) >= 1e5 ? value.toExponential() : String(value);
}

/** Words joined into lines of at most `width` columns, the first after `lead`, the rest aligned under it. */
function wrap(words: readonly string[], lead: string, width: number): string[] {
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const word of words) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = ' '.repeat(displayWidth(lead));
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function listCommand(argv: readonly string[], io: CliIo): number {
  const lang = cliLang();
  const args = parseArgs('list', argv, {}, lang);
  if (args.help) return printHelp('list', io, lang);
  noExtraPositionals(lang, 'list', args.positionals, 0);
  if (SECTIONS.length === 0) {
    io.out(tl(lang, '(no sections registered)'));
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const section of SECTIONS) {
    const charts = section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME });
    const title = tl(lang, '{0} · {1}', section.title.en, section.title.zh);
    lines.push(`${section.id}  (${section.seedRef}) ${title}${section.report ? tl(lang, '  [report]') : ''}`);
    for (const chart of charts) lines.push(`  ${chart.id.padEnd(28)} ${chart.title[lang]}`);
    if (section.params.length)
      lines.push(
        ...wrap(
          section.params.map((p) => `${p.name}=${paramText(p.default)}`),
          tl(lang, '  params: '),
          100,
        ),
      );
  }
  io.out(lines.join('\n'));
  return EXIT_OK;
}

function printHelp(command: string | undefined, io: CliIo, lang: Lang = cliLang()): number {
  const help = commandHelp(lang);
  io.out(command && help[command] ? help[command] : USAGE[lang]);
  return EXIT_OK;
}

/**
 * The io handed to fit and explain: they may end a chunk with a newline (write
 * semantics) where CliIo adds its own, and an error must stay on one line.
 */
function delegatedIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(text.replace(/\n$/, '')),
    err: (text) => io.err(oneLine(text)),
  };
}

/** -h/--help before any `--`, for the commands that parse their own arguments. */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** `fit fit data.csv`: the command typed twice is a mistake to name, not a data file called "fit" (write ./fit for that). */
function noRepeatedCommand(command: string, argv: readonly string[]): readonly string[] {
  const lang = cliLang(argv);
  if (argv[0] === command) {
    throw new UsageError(tl(lang, '{0}: "{0}" given twice (usage: emergence-lens {0} ...; a file named {0} is ./{0})', command));
  }
  // For a command that parses its own options: "--seed=" or "--seed ' '" is never a value.
  const end = argv.indexOf('--');
  for (const [i, arg] of (end < 0 ? argv : argv.slice(0, end)).entries()) {
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const blank = eq > 2 ? arg.slice(eq + 1).trim() === '' : arg.trim() === '';
    if (!blank) continue;
    const name = eq > 2 ? arg.slice(0, eq) : (argv[i - 1] ?? '').startsWith('--') ? argv[i - 1] : undefined;
    const what = name ? tl(lang, '{0} needs a value', displayValue(name)) : tl(lang, 'empty argument');
    throw new UsageError(`${command}: ${what} ${tl(lang, '(got {0})', quoted(eq > 2 ? arg.slice(eq + 1) : arg))}`);
  }
  return argv;
}

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  report: reportCommand,
  optimal: (argv, io) => (wantsHelp(argv) ? printHelp('optimal', io, cliLang(argv)) : runOptimalCommand(argv, io)),
  list: listCommand,
  // fit and explain parse their own arguments and report their own errors (exit 2, one line).
  fit: (argv, io) => (wantsHelp(argv) ? printHelp('fit', io) : runFitCommand([...noRepeatedCommand('fit', argv)], delegatedIo(io))),
  explain: (argv, io) => (wantsHelp(argv) ? printHelp('explain', io, cliLang(argv)) : runExplainCommand([...argv], delegatedIo(io))),
  emergence: (argv, io) =>
    wantsHelp(argv)
      ? printHelp('emergence', io, cliLang(argv))
      : runEmergenceCommand(argv, { ...delegatedIo(io), readFile: (path) => readFileSync(path, 'utf8') }),
  mirage: (argv, io) => (wantsHelp(argv) ? printHelp('mirage', io, cliLang(argv)) : runMirageCommand(argv, delegatedIo(io))),
};

/** Runs one command line; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const lang = cliLang();
    if (command === undefined) {
      io.err(tl(lang, 'emergence-lens: no command given (try emergence-lens --help)'));
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h') return printHelp(undefined, io, lang);
    if (command === 'help') return printHelp(rest[0], io, lang);
    if (command === '--version' || command === '-v') {
      io.out(version);
      return EXIT_OK;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      const commands = `${Object.keys(COMMANDS).join(', ')}, help`;
      throw new UsageError(tl(lang, 'unknown command {0} (commands: {1})', quoted(command), commands));
    }
    return await handler(rest, io);
  } catch (error) {
    // Messages only: a stack trace is noise for a user who mistyped an option.
    // One line, control characters escaped, whatever the message quotes.
    const message = oneLine((error instanceof Error ? error.message : String(error)).split('\n')[0]);
    io.err(`emergence-lens: ${message}`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

if (require.main === module) {
  // Last line of defence for the no-stack-trace promise: a stray rejection or throw
  // anywhere still ends as one line.
  const fatal = (error: unknown): void => {
    process.stderr.write(`emergence-lens: ${oneLine((error instanceof Error ? error.message : String(error)).split('\n')[0])}\n`);
    process.exit(EXIT_FAILURE);
  };
  process.on('unhandledRejection', fatal);
  process.on('uncaughtException', fatal);
  // `emergence-lens list | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(EXIT_OK) : fatal(error)));
  run(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  }, fatal);
}
