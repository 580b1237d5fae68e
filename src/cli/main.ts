// The `emergence-lens` binary: argv → one subcommand. Parsing is hand-written so every
// bad argument gets a one-line message naming it (exit 2) and nothing ever prints a
// stack trace; the commands' real work lives in render.ts, png.ts and the engine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { computeOptimal } from '../engine/allocation';
import { formatCount, formatPfDays } from '../engine/format';
import { kaplanCombinedLoss, type KaplanCombinedParams } from '../engine/powerLaws';
import { CHINCHILLA_PRESETS, KAPLAN_2020, type ChinchillaPresetId } from '../engine/presets';
import { SECTIONS } from '../sections';
import { builtinTheme, LIGHT_THEME } from '../sections/theme';
import { defaultParams, resolveParams, type Lang, type ParamValues, type Section } from '../sections/types';
import { EXPLAIN_USAGE, runExplainCommand } from './explainCommand';
import { FIT_USAGE, runFitCommand } from './fitCommand';
import { OUTPUT_FORMATS, renderToDirectory, type OutputFormat } from './render';

/** Where a command writes; tests and embedders pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A bad command line: reported as one line, exit code 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

// ---------------------------------------------------------------------------------------
// Argument parsing

interface OptionSpec {
  kind: 'string' | 'flag';
  /** May be given more than once (values accumulate). */
  repeat?: boolean;
}

interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  help: boolean;
}

/** `--name value`, `--name=value`, flags, `-h`/`--help`, and `--` to end options. */
export function parseArgs(command: string, argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`${command}: unknown option ${arg} (options are long, e.g. --out)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const opt = spec[name];
    if (!opt) {
      const known = Object.keys(spec).map((k) => `--${k}`);
      throw new UsageError(`${command}: unknown option --${name}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}`);
    }
    let value: string;
    if (opt.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`${command}: --${name} takes no value`);
      value = 'true';
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${command}: --${name} needs a value`);
      value = next;
      i++;
    }
    const previous = options.get(name);
    if (previous && !opt.repeat) throw new UsageError(`${command}: --${name} given more than once`);
    options.set(name, [...(previous ?? []), value]);
  }
  return { positionals, options, help };
}

function single(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

function oneOf<T extends string>(command: string, name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${command}: --${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function noExtraPositionals(command: string, positionals: readonly string[], expected: number): void {
  if (positionals.length > expected) throw new UsageError(`${command}: unexpected argument "${positionals[expected]}"`);
}

type LangChoice = Lang | 'both';

function langsOf(choice: LangChoice): Lang[] {
  return choice === 'both' ? ['en', 'zh'] : [choice];
}

function findSectionOrFail(command: string, id: string | undefined, sections: readonly Section[], allowAll: boolean): Section[] {
  const known = sections.map((s) => s.id);
  const hint = `${allowAll ? 'all, ' : ''}${known.join(', ') || '(no sections registered)'}`;
  if (id === undefined) throw new UsageError(`${command}: which section? give ${allowAll ? 'a section id or all' : 'a section id'} (${hint})`);
  if (allowAll && id === 'all') return [...sections];
  const section = sections.find((s) => s.id === id);
  if (!section) throw new UsageError(`${command}: unknown section "${id}" (known: ${hint})`);
  return [section];
}

/**
 * `--param name=value` overrides, checked against each section's parameter specs: a
 * name no selected section has, a non-number, an out-of-range number or an unknown
 * choice is a usage error, not a silent clamp.
 */
export function paramOverrides(command: string, assignments: readonly string[], sections: readonly Section[]): (section: Section) => ParamValues {
  const perSection = new Map<string, Record<string, unknown>>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`${command}: --param expects name=value (got "${assignment}")`);
    const name = assignment.slice(0, eq);
    const raw = assignment.slice(eq + 1);
    let matched = false;
    for (const section of sections) {
      const spec = section.params.find((p) => p.name === name);
      if (!spec) continue;
      matched = true;
      let value: unknown;
      if (spec.kind === 'number') {
        value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${command}: --param ${name} needs a number (got "${raw}")`);
        if ((value as number) < spec.min || (value as number) > spec.max) throw new UsageError(`${command}: --param ${name}=${raw} is outside [${spec.min}, ${spec.max}]`);
      } else if (spec.kind === 'choice') {
        if (!spec.options.some((o) => o.value === raw)) throw new UsageError(`${command}: --param ${name} must be one of ${spec.options.map((o) => o.value).join(', ')} (got "${raw}")`);
        value = raw;
      } else {
        if (raw !== 'true' && raw !== 'false') throw new UsageError(`${command}: --param ${name} must be true or false (got "${raw}")`);
        value = raw === 'true';
      }
      perSection.set(section.id, { ...perSection.get(section.id), [name]: value });
    }
    if (!matched) {
      const names = [...new Set(sections.flatMap((s) => s.params.map((p) => p.name)))];
      throw new UsageError(`${command}: no selected section has a parameter "${name}" (known: ${names.join(', ') || 'none'})`);
    }
  }
  return (section) => resolveParams(section, perSection.get(section.id));
}

// ---------------------------------------------------------------------------------------
// Help

const USAGE = `emergence-lens ${version}: the charts and formulas of the scaling-laws / emergence article, headless

Usage:
  emergence-lens render <section-id|all> --out DIR [--format svg|png|vl] [--lang en|zh|both]
                        [--theme light|dark|high-contrast] [--param name=value]... [--scale N]
  emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...
  emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan]
  emergence-lens fit ...          fit the Chinchilla form to data (emergence-lens fit --help)
  emergence-lens explain ...      explain a scaling-law formula (emergence-lens explain --help)
  emergence-lens list
  emergence-lens help [command] | --help | --version

Exit codes: 0 ok, 1 failure, 2 bad arguments.`;

const COMMAND_HELP: Record<string, string> = {
  render: `emergence-lens render <section-id|all> --out DIR [options]

Renders every chart of the section(s) and writes DIR/index.html showing them all.
Files: DIR/<lang>/<section-id>/<chart-id>.svg (or .png, or .vl.json).

  --out DIR            output folder (created if missing)
  --format svg|png|vl  svg (default); png rasterised with resvg (needs a CJK font:
                       Debian package fonts-noto-cjk); vl = the Vega-Lite spec JSON, data inline
  --lang en|zh|both    chart language (default both)
  --theme light|dark|high-contrast   colours (default light)
  --param name=value   override a section parameter (repeatable; see list)
  --scale N            PNG pixel density (default 2)`,
  report: `emergence-lens report <section-id> [--lang en|zh|both] [--param name=value]...

Prints the textual report the seed's script prints for that section (default --lang zh,
the seed's own language).`,
  optimal: `emergence-lens optimal --compute FLOPS [--preset chinchilla|epoch|kaplan]

Compute-optimal model size and data under C = 6ND.
  chinchilla  Hoffmann et al. 2022 (approach 3), closed form (default)
  epoch       Besiroglu et al. 2024 replication, closed form
  kaplan      Kaplan et al. 2020 combined form, minimised numerically over N`,
  fit: FIT_USAGE,
  explain: EXPLAIN_USAGE,
  list: `emergence-lens list

Prints each section id with its chart ids and parameters.`,
};

// ---------------------------------------------------------------------------------------
// Commands

async function renderCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs('render', argv, {
    out: { kind: 'string' },
    format: { kind: 'string' },
    lang: { kind: 'string' },
    theme: { kind: 'string' },
    param: { kind: 'string', repeat: true },
    scale: { kind: 'string' },
  });
  if (args.help) return printHelp('render', io);
  const sections = findSectionOrFail('render', args.positionals[0], SECTIONS, true);
  noExtraPositionals('render', args.positionals, 1);
  const out = single(args, 'out');
  if (!out) throw new UsageError('render: --out DIR is required');
  const format = oneOf<OutputFormat>('render', 'format', single(args, 'format'), OUTPUT_FORMATS, 'svg');
  const langs = langsOf(oneOf<LangChoice>('render', 'lang', single(args, 'lang'), ['en', 'zh', 'both'], 'both'));
  const themeName = oneOf('render', 'theme', single(args, 'theme'), ['light', 'dark', 'high-contrast'], 'light');
  const scaleRaw = single(args, 'scale');
  const scale = scaleRaw === undefined ? 2 : Number(scaleRaw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8) throw new UsageError(`render: --scale must be a number in (0, 8] (got "${scaleRaw}")`);
  if (scaleRaw !== undefined && format !== 'png') throw new UsageError('render: --scale only applies to --format png');
  const paramsFor = paramOverrides('render', args.options.get('param') ?? [], sections);

  const outDir = resolve(out);
  const summary = await renderToDirectory({ outDir, sections, langs, theme: builtinTheme(themeName), format, paramsFor, pngScale: scale });
  for (const w of summary.warnings) io.err(`warning: ${w.file}: ${w.message}`);
  const perLang = langs.length ? summary.charts / langs.length : 0;
  io.out(
    `render: ${summary.charts} charts (${perLang} per language × ${langs.join(', ')}; ${sections.length} section${sections.length === 1 ? '' : 's'}) → ` +
      `${summary.files.length} files (${format.toUpperCase()} + index.html) in ${outDir} in ${(summary.ms / 1000).toFixed(2)} s` +
      (summary.warnings.length ? `; ${summary.warnings.length} warning${summary.warnings.length === 1 ? '' : 's'}` : ''),
  );
  io.out(`open ${resolve(outDir, 'index.html')}`);
  return EXIT_OK;
}

function reportCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('report', argv, { lang: { kind: 'string' }, param: { kind: 'string', repeat: true } });
  if (args.help) return printHelp('report', io);
  const [section] = findSectionOrFail('report', args.positionals[0], SECTIONS, false);
  noExtraPositionals('report', args.positionals, 1);
  const langs = langsOf(oneOf<LangChoice>('report', 'lang', single(args, 'lang'), ['en', 'zh', 'both'], 'zh'));
  if (!section.report) {
    const withReports = SECTIONS.filter((s) => s.report).map((s) => s.id);
    throw new UsageError(`report: section "${section.id}" prints no report in the seed (sections with reports: ${withReports.join(', ') || 'none'})`);
  }
  const params = paramOverrides('report', args.options.get('param') ?? [], [section])(section);
  langs.forEach((lang, i) => {
    if (langs.length > 1) io.out(`${i > 0 ? '\n' : ''}== ${lang === 'en' ? 'English' : '中文'} ==`);
    io.out(section.report?.(params, lang) ?? '');
  });
  return EXIT_OK;
}

/** Three significant digits in exponent form, e.g. 6.89e+10. */
function sci(x: number): string {
  return x.toExponential(2);
}

export interface KaplanOptimum {
  params: number;
  tokens: number;
  loss: number;
  /** Golden-section iterations used. */
  iterations: number;
}

/**
 * Kaplan's combined form has no published closed-form optimum under C = 6ND, so we
 * minimise L(N, C/(6N)) over log N by golden-section search: in log N it is a sum of a
 * falling and a rising exponential raised to a positive power, hence unimodal.
 */
export function kaplanOptimal(compute: number, p: KaplanCombinedParams): KaplanOptimum {
  const f = (logN: number): number => {
    const n = Math.exp(logN);
    return kaplanCombinedLoss(n, compute / (6 * n), p);
  };
  // N from 1 parameter to C/6 (one token): the whole feasible range.
  let lo = 0;
  let hi = Math.log(compute / 6);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  let iterations = 0;
  while (hi - lo > 1e-10 && iterations < 500) {
    iterations++;
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = f(x2);
    }
  }
  const params = Math.exp((lo + hi) / 2);
  const tokens = compute / (6 * params);
  return { params, tokens, loss: kaplanCombinedLoss(params, tokens, p), iterations };
}

function optimalCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('optimal', argv, { compute: { kind: 'string' }, preset: { kind: 'string' } });
  if (args.help) return printHelp('optimal', io);
  noExtraPositionals('optimal', args.positionals, 0);
  const raw = single(args, 'compute');
  if (raw === undefined) throw new UsageError('optimal: --compute FLOPS is required (e.g. --compute 5.76e23)');
  const compute = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(compute) || compute <= 6) throw new UsageError(`optimal: --compute must be a positive number of FLOPs above 6 (got "${raw}")`);
  const preset = oneOf<ChinchillaPresetId | 'kaplan'>('optimal', 'preset', single(args, 'preset'), ['chinchilla', 'epoch', 'kaplan'], 'chinchilla');

  const lines: string[] = [];
  lines.push(`Compute-optimal allocation at C = ${sci(compute)} FLOPs (${formatPfDays(compute)}), with C = 6·N·D`);
  let n: number;
  let d: number;
  let loss: number;
  if (preset === 'kaplan') {
    const p = KAPLAN_2020.combined;
    const c = KAPLAN_2020.citation;
    lines.push(`Preset kaplan: ${c.authors.split(',')[0]} et al. ${c.year}, "${c.title}" (${c.venue})`);
    lines.push(`  L(N,D) = [(Nc/N)^(αN/αD) + Dc/D]^αD, Nc = ${p.nc.toExponential(1)}, Dc = ${p.dc.toExponential(1)}, αN = ${p.alphaN}, αD = ${p.alphaD}`);
    const opt = kaplanOptimal(compute, p);
    lines.push(`  method: numerical 1-D minimisation of L(N, C/(6N)) over N (golden-section search in log N, ${opt.iterations} iterations)`);
    lines.push(`  note: Kaplan's loss is in nats per token on WebText2 and N counts non-embedding parameters; not comparable with the Chinchilla presets' loss`);
    ({ params: n, tokens: d, loss } = opt);
  } else {
    const { citation: c, params: p } = CHINCHILLA_PRESETS[preset];
    const sum = p.alpha + p.beta;
    const g = Math.pow((p.alpha * p.A) / (p.beta * p.B), 1 / sum);
    lines.push(`Preset ${preset}: ${c.authors.split(',')[0]} et al. ${c.year}, "${c.title}" (${c.venue})`);
    lines.push(`  L(N,D) = E + A/N^α + B/D^β, E = ${p.E}, A = ${p.A}, B = ${p.B}, α = ${p.alpha}, β = ${p.beta}`);
    lines.push(`  method: closed form N_opt = G·(C/6)^a, D_opt = (C/6)^b / G, G = ${g.toPrecision(4)}, a = β/(α+β) = ${(p.beta / sum).toFixed(4)}, b = α/(α+β) = ${(p.alpha / sum).toFixed(4)}`);
    ({ params: n, tokens: d, loss } = computeOptimal(compute, p));
  }
  const row = (label: string, value: string): string => `${label.padEnd(16)}${value}`;
  lines.push(row('N_opt', `${sci(n)} parameters (${formatCount(n, 'en')} · ${formatCount(n, 'zh')})`));
  lines.push(row('D_opt', `${sci(d)} tokens (${formatCount(d, 'en')} · ${formatCount(d, 'zh')})`));
  lines.push(row('tokens/param', (d / n).toPrecision(3)));
  lines.push(row('predicted loss', loss.toFixed(4)));
  io.out(lines.join('\n'));
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
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(lead.length);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function listCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('list', argv, {});
  if (args.help) return printHelp('list', io);
  noExtraPositionals('list', args.positionals, 0);
  if (SECTIONS.length === 0) {
    io.out('(no sections registered)');
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const section of SECTIONS) {
    const charts = section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME });
    lines.push(`${section.id}  (${section.seedRef}) ${section.title.en} · ${section.title.zh}${section.report ? '  [report]' : ''}`);
    for (const chart of charts) lines.push(`  ${chart.id.padEnd(28)} ${chart.title.en}`);
    if (section.params.length) lines.push(...wrap(section.params.map((p) => `${p.name}=${paramText(p.default)}`), '  params: ', 100));
  }
  io.out(lines.join('\n'));
  return EXIT_OK;
}

function printHelp(command: string | undefined, io: CliIo): number {
  io.out(command && COMMAND_HELP[command] ? COMMAND_HELP[command] : USAGE);
  return EXIT_OK;
}

/**
 * The io handed to fit and explain: they may end a chunk with a newline (write
 * semantics) where CliIo adds its own, and an error must stay on one line.
 */
function delegatedIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(text.replace(/\n$/, '')),
    err: (text) => io.err(text.trim().split(/\n+/).join(' — ')),
  };
}

/** -h/--help before any `--`, for the commands that parse their own arguments. */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  report: reportCommand,
  optimal: optimalCommand,
  list: listCommand,
  // fit and explain parse their own arguments and report their own errors (exit 2, one line).
  fit: (argv, io) => (wantsHelp(argv) ? printHelp('fit', io) : runFitCommand([...argv], { ...delegatedIo(io), readFile: (path) => readFileSync(path, 'utf8') })),
  explain: (argv, io) => (wantsHelp(argv) ? printHelp('explain', io) : runExplainCommand([...argv], delegatedIo(io))),
};

/** Runs one command line; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err('emergence-lens: no command given (try emergence-lens --help)');
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h') return printHelp(undefined, io);
    if (command === 'help') return printHelp(rest[0], io);
    if (command === '--version' || command === '-v') {
      io.out(version);
      return EXIT_OK;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}, help)`);
    return await handler(rest, io);
  } catch (error) {
    // Messages only: a stack trace is noise for a user who mistyped an option.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
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
    process.stderr.write(`emergence-lens: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
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
