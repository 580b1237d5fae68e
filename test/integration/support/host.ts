// Helpers shared by the integration suites: the extension under test, polling, and
// the webview snapshot hand-shake with the offline launcher.
import * as vscode from 'vscode';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_ID = 'emergence-lens.emergence-lens';
export const SHOW_CHART = 'emergenceLens.showChart';
export const LAST_RENDERED = 'emergenceLens._testing.lastRendered';

/** The message the webview posts after painting, as kept by the extension per panel. */
export interface RenderedReport {
  type: 'rendered';
  sectionId: string;
  charts: { id: string; marks: number }[];
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  return ext;
}

/** Commands the manifest contributes (so the tests follow package.json). */
export function contributedCommands(): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const commands = (ext?.packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined)?.contributes?.commands ?? [];
  return commands.map((c) => c.command);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function activeWebviewTab(): vscode.Tab | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return tab && tab.input instanceof vscode.TabInputWebview ? tab : undefined;
}

export function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the launcher saw in the webview's DOM (see scripts/lib/codeServerLauncher.mjs). */
export interface WebviewSnapshot {
  name: string;
  ok: boolean;
  error?: string;
  frameUrl?: string;
  state?: string;
  charts?: { id: string; marks: number }[];
  /** Console errors and CSP violations seen in webview frames since the last snapshot. */
  webviewErrors?: string[];
  screenshot?: string;
}

let snapshotSeq = 0;

/**
 * Asks the launcher (which drives the browser the workbench runs in) to find the
 * webview frame that shows `chartIds`, count its marks and take a screenshot.
 * Returns undefined when no launcher listens (e.g. under @vscode/test-electron).
 */
export async function requestWebviewSnapshot(name: string, chartIds: string[], timeoutMs = 45_000): Promise<WebviewSnapshot | undefined> {
  const dir = process.env.EMERGENCE_TEST_SNAPSHOT_DIR;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const base = `${String(++snapshotSeq).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '_')}`;
  const response = join(dir, `${base}.response.json`);
  writeFileSync(join(dir, `${base}.request.tmp`), JSON.stringify({ name, chartIds }));
  // Rename so the launcher never reads a half-written request.
  renameSync(join(dir, `${base}.request.tmp`), join(dir, `${base}.request.json`));
  await waitFor(`the launcher's snapshot of ${name}`, () => existsSync(response), timeoutMs, 200);
  return JSON.parse(readFileSync(response, 'utf8')) as WebviewSnapshot;
}
