// The one translation route for user-visible messages: VS Code's l10n bundle format
// (l10n/bundle.l10n.json holds the English messages, keyed by themselves;
// l10n/bundle.l10n.zh-cn.json their Simplified Chinese), read here so that one
// language choice drives every surface: the extension passes emergenceLens.language
// (auto = VS Code's display language), the CLI its --lang. vscode.l10n.t itself
// would follow only VS Code's display language, so the extension does not call it.
// Placeholders are vscode.l10n's: {0}, {1}, … in order.
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import type { Lang } from './text';

/** What a placeholder may take: as a template literal would print it. */
export type MessageArg = string | number | boolean | null | undefined;

const BUNDLES: Readonly<Record<Lang, Readonly<Record<string, string>> | undefined>> = {
  en: undefined,
  zh: zhCn as Record<string, string>,
};

/** `message` (an English bundle key) in `lang`, with {0}, {1}, … replaced by `args`. */
export function translate(lang: Lang, message: string, ...args: MessageArg[]): string {
  const bundle = BUNDLES[lang];
  const template = (bundle && Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : undefined) ?? message;
  // One pass over the template: a replaced argument is never scanned again.
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : whole;
  });
}
