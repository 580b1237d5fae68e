// Which language charts and hovers use: the emergenceLens.language setting, or
// VS Code's display language (zh-* → Chinese, otherwise English).
import * as vscode from 'vscode';
import type { Lang } from '../sections/types';

export function displayLang(): Lang {
  const setting = vscode.workspace.getConfiguration('emergenceLens').get<string>('language', 'auto');
  if (setting === 'en' || setting === 'zh') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function onDidChangeLang(listener: (lang: Lang) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('emergenceLens.language')) listener(displayLang());
  });
}
