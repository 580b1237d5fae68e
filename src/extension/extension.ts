// Activation: registers commands, the chart panels and their serializer.
// VS Code glue only: the charts are built by the sections inside the webview.
import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { SECTIONS, findSection } from '../sections/index';
import { isParamMap, type ExportFormat } from '../protocol/messages';
import type { ParamValue } from '../sections/types';
import { CHART_PANEL_TYPE, ChartPanels } from './chartPanels';
import { displayLang, onDidChangeLang, t } from './language';
import { emergenceMarkdownItPlugin } from './markdownPreview';
import { FormulaHoverProvider } from './hover';
import { SIDE_VIEW_ID, SideViewProvider } from './sideView';
import { registerFitCommands } from './fitCommand';
import { registerEmergenceTableCommand } from './emergenceTableCommand';

export interface ExtensionApi {
  panels: ChartPanels;
  /** VS Code's Markdown preview calls this to add the ```emergence chart blocks. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

async function pickSection(): Promise<string | undefined> {
  const lang = displayLang();
  const other = lang === 'zh' ? 'en' : 'zh';
  const picked = await vscode.window.showQuickPick(
    SECTIONS.map((s) => ({
      label: `${s.seedRef} ${s.title[lang]}`,
      description: s.title[other],
      detail: s.description[lang],
      id: s.id,
    })),
    { placeHolder: t('Choose a section of the article'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.id;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('Emergence Lens', { log: true });
  const panels = new ChartPanels(context.extensionUri, log);
  const sideView = new SideViewProvider(context.extensionUri, log);
  context.subscriptions.push(log, panels, sideView);
  registerFitCommands(context, log);
  registerEmergenceTableCommand(context, panels);

  const showChart = async (sectionId?: unknown, params?: unknown): Promise<boolean> => {
    const id = typeof sectionId === 'string' ? sectionId : await pickSection();
    if (!id) return false;
    if (!findSection(id)) {
      void vscode.window.showErrorMessage(t('Unknown section "{0}".', id));
      return false;
    }
    panels.show(id, isParamMap(params) ? params : undefined);
    return true;
  };

  const exportCurrent = async (format: ExportFormat, target?: unknown): Promise<vscode.Uri | undefined> => {
    const panel = panels.current();
    if (!panel) {
      void vscode.window.showInformationMessage(t('Open an emergence chart first.'));
      return undefined;
    }
    const exported = await panel.requestExport(format, undefined);
    if (!exported) {
      void vscode.window.showErrorMessage(t('The chart could not be exported.'));
      return undefined;
    }
    return panels.saveExport(panel, exported, target instanceof vscode.Uri ? target : undefined);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('emergenceLens.showChart', showChart),
    vscode.commands.registerCommand('emergenceLens.saveChartSvg', (target?: unknown) => exportCurrent('svg', target)),
    vscode.commands.registerCommand('emergenceLens.saveChartPng', (target?: unknown) => exportCurrent('png', target)),
    vscode.commands.registerCommand('emergenceLens.copyChartSpec', () => exportCurrent('vl')),
    vscode.window.registerWebviewPanelSerializer(CHART_PANEL_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => panels.restore(panel, state),
    }),
    vscode.commands.registerCommand('emergenceLens.openSidePanel', () => vscode.commands.executeCommand(`${SIDE_VIEW_ID}.focus`)),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new FormulaHoverProvider()),
    vscode.window.registerWebviewViewProvider(SIDE_VIEW_ID, sideView),
    onDidChangeLang((lang) => {
      panels.setLang(lang);
      sideView.setLang();
    }),
  );

  if (context.extensionMode === vscode.ExtensionMode.Test) registerTestingCommands(context, panels, sideView);
  return { panels, extendMarkdownIt: (md: MarkdownIt) => emergenceMarkdownItPlugin(md, { defaultLang: displayLang }) };
}

/**
 * Commands the integration suites use to observe the webviews (which they cannot
 * reach from the extension host). Registered only when VS Code runs the tests.
 */
function registerTestingCommands(context: vscode.ExtensionContext, panels: ChartPanels, sideView: SideViewProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('emergenceLens._testing.sideView', () => ({ shown: sideView.lastShown, rendered: sideView.lastRendered })),
    vscode.commands.registerCommand('emergenceLens._testing.sideViewWaitRendered', (timeoutMs = 20000) => sideView.nextRendered(timeoutMs)),
    vscode.commands.registerCommand('emergenceLens._testing.sideViewWriteBack', (params: Record<string, ParamValue>) => sideView.writeBack(params)),
    vscode.commands.registerCommand('emergenceLens._testing.sideViewInsertChart', (sectionId: string, params: Record<string, ParamValue>) =>
      sideView.insertChart(sectionId, params),
    ),
    vscode.commands.registerCommand('emergenceLens._testing.lastRendered', (sectionId: string) => panels.get(sectionId)?.lastRendered),
    vscode.commands.registerCommand('emergenceLens._testing.waitRendered', (sectionId: string, timeoutMs = 20000) =>
      panels.get(sectionId)?.nextRendered(timeoutMs),
    ),
    vscode.commands.registerCommand('emergenceLens._testing.postRaw', (sectionId: string, message: unknown) => {
      // Deliberately unvalidated: lets a test send malformed messages to the webview.
      void panels.get(sectionId)?.panel.webview.postMessage(message);
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
