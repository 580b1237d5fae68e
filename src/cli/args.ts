// The CLI's one argument parser and its checks, shared by every command: options as
// `--name value` or `--name=value`, flags, -h/--help, `--` to end options; numbers in
// decimal or scientific notation only; every bad argument a UsageError (exit 2) with
// one line that quotes the value safely. Hand-written scanners, no regular expressions
// on user input, so the cost is linear in the arguments whatever they hold.
import { displayValue } from '../engine/text';
import { cliLang, tl, type Lang } from './messages';

/** A bad command line: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  kind: 'string' | 'flag';
  /** May be given more than once (values accumulate). */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  help: boolean;
}

/** A user's value quoted for an error line: escaped, cut, in double quotes. */
export function quoted(value: string): string {
  return `"${displayValue(value)}"`;
}

/** Empty, or only white space (as String.prototype.trim sees it) and zero-width spaces. */
function isBlank(value: string): boolean {
  return value.trim() === '' || value.replace(/[\u200b\u180e]/g, '').trim() === '';
}

/**
 * A short option looks like "-h" or "-abc"; anything else after a single dash is a
 * value or positional: a negative number ("-5", "-.5"), a list item pasted as text
 * ("- L(C) ≈ …").
 */
function looksLikeShortOption(arg: string): boolean {
  if (arg.length < 2 || arg[0] !== '-' || arg[1] === '-') return false;
  for (let i = 1; i < arg.length; i++) {
    const c = arg.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/**
 * Parses `argv` against `spec`. Errors (UsageError, in `lang`): an unknown option, an
 * option without a value (missing, empty or only spaces: `--seed=`, `--seed " "`), a
 * value on a flag, an option given twice. After `--` everything is positional.
 */
export function parseArgs(command: string, argv: readonly string[], spec: Record<string, OptionSpec>, lang: Lang = cliLang(argv)): ParsedArgs {
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
    if (!arg.startsWith('--') && !looksLikeShortOption(arg)) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new UsageError(tl(lang, '{0}: unknown option {1} (options are long, e.g. --out)', command, quoted(arg)));
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const opt = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!opt) {
      const known = Object.keys(spec).map((k) => `--${k}`);
      throw new UsageError(
        known.length
          ? tl(lang, '{0}: unknown option --{1} (known: {2})', command, displayValue(name), known.join(', '))
          : tl(lang, '{0}: unknown option --{1} (it takes no options)', command, displayValue(name)),
      );
    }
    let value: string;
    if (opt.kind === 'flag') {
      if (eq >= 0) throw new UsageError(tl(lang, '{0}: --{1} takes no value', command, name));
      value = 'true';
    } else {
      let raw: string | undefined;
      if (eq >= 0) raw = arg.slice(eq + 1);
      else {
        raw = argv[i + 1];
        // "--out --format svg" forgot the folder; "--out --" too ("--" ends options).
        if (raw !== undefined && raw.startsWith('--')) raw = undefined;
        else i++;
      }
      if (raw === undefined || isBlank(raw)) {
        const got = raw === undefined ? '' : tl(lang, ' (got {0})', quoted(raw));
        throw new UsageError(tl(lang, '{0}: --{1} needs a value{2}', command, name, got));
      }
      value = raw;
    }
    const previous = options.get(name);
    if (previous && !opt.repeat) throw new UsageError(tl(lang, '{0}: --{1} given more than once', command, name));
    // Appended in place: copying the list on every repeat would make many --param quadratic.
    if (previous) previous.push(value);
    else options.set(name, [value]);
  }
  return { positionals, options, help };
}

/** The value of an option given at most once, or undefined. */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

/** Longest number text accepted: real numbers are short, and a cap keeps every check cheap. */
export const MAX_NUMBER_CHARS = 64;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A number in decimal or scientific notation ("42", "-0.5", ".5", "5.76e23", "1E-3"),
 * else undefined: no hex, octal or binary prefixes, no "Infinity", no separators, no
 * surrounding spaces, nothing empty, at most MAX_NUMBER_CHARS characters. The result
 * may still be ±Infinity for a huge exponent ("1e999"); callers check the range. A
 * hand-written scanner: one pass, no backtracking.
 */
export function parseDecimal(text: string): number | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_NUMBER_CHARS) return undefined;
  let i = 0;
  if (text[i] === '+' || text[i] === '-') i++;
  let digits = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (text[i] === '.') {
    i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    let exponent = 0;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      i++;
      exponent++;
    }
    if (exponent === 0) return undefined;
  }
  return i === text.length ? Number(text) : undefined;
}

/** What a numeric option accepts. */
export interface NumberRule {
  min?: number;
  max?: number;
  /** The bounds themselves are excluded. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}

/** "[0.25, 8]", "(6, ∞)", "0 to 10000 (whole)": the range a rule allows, for messages and help. */
function describeRule(rule: NumberRule, lang: Lang): string {
  const lo = rule.min === undefined ? '(−∞' : `${rule.minExclusive ? '(' : '['}${rule.min}`;
  const hi = rule.max === undefined ? '∞)' : `${rule.max}${rule.maxExclusive ? ')' : ']'}`;
  return `${lo}, ${hi}${rule.integer ? tl(lang, ', a whole number') : ''}`;
}

/**
 * `raw` as a number that `rule` allows, else a UsageError naming `label` (e.g.
 * "--scale" or "--param threshold"), the range and the value it got.
 */
export function parseNumberArg(command: string, label: string, raw: string, rule: NumberRule, lang: Lang): number {
  const value = parseDecimal(raw);
  const range = describeRule(rule, lang);
  const ok =
    value !== undefined &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || (rule.minExclusive ? value > rule.min : value >= rule.min)) &&
    (rule.max === undefined || (rule.maxExclusive ? value < rule.max : value <= rule.max));
  if (ok) return value;
  if (value === undefined) {
    throw new UsageError(
      tl(lang, '{0}: {1} must be a number in decimal or scientific notation (e.g. 2, 0.5, 5.76e23) in {2} (got {3})', command, label, range, quoted(raw)),
    );
  }
  throw new UsageError(tl(lang, '{0}: {1} must be in {2} (got {3})', command, label, range, quoted(raw)));
}

/** The numeric option `name` checked against `rule`, or `fallback` when it is not given. */
export function numberOption(command: string, args: ParsedArgs, name: string, rule: NumberRule, lang: Lang, fallback?: number): number | undefined {
  const raw = optionValue(args, name);
  return raw === undefined ? fallback : parseNumberArg(command, `--${name}`, raw, rule, lang);
}

/** The value of a required option, else a UsageError "<command>: --<name> <hint> is required". */
export function requireOption(command: string, args: ParsedArgs, name: string, hint: string, lang: Lang): string {
  const raw = optionValue(args, name);
  if (raw === undefined) throw new UsageError(tl(lang, '{0}: --{1} {2} is required', command, name, hint));
  return raw;
}

/** One of `allowed`, or `fallback` when not given; else a UsageError listing them. */
export function choiceOption<T extends string>(command: string, args: ParsedArgs, name: string, allowed: readonly T[], fallback: T, lang: Lang): T {
  const value = optionValue(args, name);
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(tl(lang, '{0}: --{1} must be one of {2} (got {3})', command, name, allowed.join(', '), quoted(value)));
}

/** At most `expected` positionals; the first extra one is named. */
export function noExtraPositionals(command: string, positionals: readonly string[], expected: number, lang: Lang): void {
  if (positionals.length > expected) throw new UsageError(tl(lang, '{0}: unexpected argument {1}', command, quoted(positionals[expected])));
}
