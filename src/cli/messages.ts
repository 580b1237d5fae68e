// The language of the CLI's own messages (help, errors, progress and summary lines,
// table labels): `--lang en|zh` where a command has that option, otherwise the locale
// environment: LC_ALL, then LC_MESSAGES, then LANG; a value starting with "zh" means
// Simplified Chinese, anything else English. Machine-readable output never depends on it.
// The messages themselves come from the extension's l10n bundles (tl()).
import { translate, type MessageArg } from '../engine/l10n';
import type { Lang } from '../sections/types';

export type { Lang };

/** The first non-empty of LC_ALL, LC_MESSAGES, LANG decides (POSIX precedence). */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The message language for a command line: an explicit `--lang en` / `--lang zh`
 * (or `--lang=…`) before any `--` wins; `both`, a bad value or no option falls back to
 * the environment.
 */
export function cliLang(argv: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'zh') return value;
  }
  return envLang(env);
}

/**
 * A message in `lang` through the extension's one translation route: `message` is its
 * English text and its key in l10n/bundle.l10n*.json; {0}, {1}, … are replaced by `args`.
 */
export function tl(lang: Lang, message: string, ...args: MessageArg[]): string {
  return translate(lang, message, ...args);
}

// Terminal columns (CJK counts two) are shared with the extension's hover layout.
export { displayWidth, padDisplay } from '../engine/text';
