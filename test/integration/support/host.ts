// Helpers shared by the integration suites: the extension under test, polling, and
// the webview snapshot hand-shake with the offline launcher.
import * as vscode from 'vscode';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSION_ID = 'emergence-lens.emergence-lens';
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

/** The chart panel's next render report for `sectionId` that `accept` takes (one minute at most). */
export async function waitForRender<R extends RenderedReport>(sectionId: string, accept: (r: R) => boolean = () => true): Promise<R> {
  return waitFor(
    `a render of ${sectionId}`,
    async () => {
      const r = await vscode.commands.executeCommand<R | undefined>(LAST_RENDERED, sectionId);
      return r && accept(r) ? r : undefined;
    },
    60_000,
    200,
  );
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
  /** One result per action asked for, in order. */
  actions?: { ok: boolean; error?: string }[];
}

/** A user action in a webview: press a button, fill a control, answer the save dialog. */
export type WebviewAction =
  | { kind: 'press'; role: 'button'; name: string }
  | { kind: 'fill'; role: 'slider' | 'textbox' | 'spinbutton'; name: string; value: string | number }
  | { kind: 'saveAs'; path: string };

let snapshotSeq = 0;

/**
 * Asks the launcher (which drives the browser the workbench runs in) to find the
 * webview frame that shows `chartIds`, count its marks and take a screenshot.
 * Fails, never skips, when no launcher listens: a screen check that cannot look at
 * the screen is a failed check (under @vscode/test-electron nothing drives the DOM yet).
 */
export async function requestWebviewSnapshot(name: string, chartIds: string[], timeoutMs = 45_000, actions: WebviewAction[] = []): Promise<WebviewSnapshot> {
  const dir = process.env.EMERGENCE_TEST_SNAPSHOT_DIR;
  if (!dir) {
    throw new Error(
      `cannot look at the webview for "${name}": no launcher answers screen checks (EMERGENCE_TEST_SNAPSHOT_DIR unset); run with EMERGENCE_TEST_HOST=code-server`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const base = `${String(++snapshotSeq).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '_')}`;
  const response = join(dir, `${base}.response.json`);
  writeFileSync(join(dir, `${base}.request.tmp`), JSON.stringify({ name, chartIds, actions }));
  // Rename so the launcher never reads a half-written request.
  renameSync(join(dir, `${base}.request.tmp`), join(dir, `${base}.request.json`));
  await waitFor(`the launcher's snapshot of ${name}`, () => existsSync(response), timeoutMs, 200);
  return JSON.parse(readFileSync(response, 'utf8')) as WebviewSnapshot;
}

/**
 * Does what a user does inside the webview that shows `chartIds`, through the
 * launcher's browser (the webview's DOM is out of the extension host's reach), and
 * fails unless every action succeeded. Controls are found by ARIA role and accessible
 * name, so the page's markup may change as long as what a user sees stays.
 */
export async function actInWebview(name: string, chartIds: string[], actions: WebviewAction[]): Promise<WebviewSnapshot> {
  const snap = await requestWebviewSnapshot(name, chartIds, 90_000, actions);
  if (!snap.ok) throw new Error(`webview ${name}: ${snap.error}`);
  const results = snap.actions ?? [];
  actions.forEach((a, i) => {
    if (!results[i]?.ok) throw new Error(`webview ${name}: ${JSON.stringify(a)} failed: ${results[i]?.error ?? 'not performed'}`);
  });
  return snap;
}
