// The one language choice of the extension: the emergenceLens.language setting, or
// VS Code's display language when it is "auto" (zh-* → Chinese, otherwise English).
// Charts, hovers, webviews and every message follow it; messages go through t().
import * as vscode from 'vscode';
import { translate } from '../engine/l10n';
import type { Lang } from '../sections/types';

export function displayLang(): Lang {
  const setting = vscode.workspace.getConfiguration('emergenceLens').get<string>('language', 'auto');
  if (setting === 'en' || setting === 'zh') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * A user-visible message in the display language: `message` is its English text and
 * its key in l10n/bundle.l10n*.json; {0}, {1}, … are replaced by `args`.
 */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return translate(displayLang(), message, ...args);
}

export function onDidChangeLang(listener: (lang: Lang) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('emergenceLens.language')) listener(displayLang());
  });
}
