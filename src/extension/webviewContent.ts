// Builds the HTML of a webview (panel or side view) with a fresh nonce, the
// extension's own script and stylesheet, and the strict CSP of webview/html.ts.
import * as vscode from 'vscode';
import { renderWebviewHtml } from '../../webview/html';
import { compiledTableName, NARROW_PX } from '../../webview/lib/layout';
import { sectionScriptFile } from '../../webview/lib/sections';
import type { Lang } from '../sections/types';

function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, sectionId: string, lang: Lang, mode: 'panel' | 'view'): string {
  // The panel's first charts come from the build's compiled specs, which its HTML loads beside the page script (any panel width from 520 px uses this table).
  const table = mode === 'panel' ? compiledTableName(sectionId, lang, NARROW_PX) : undefined;
  const sectionScript = sectionScriptFile(sectionId);
  const distUri = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', ...path)).toString();
  return renderWebviewHtml({
    cspSource: webview.cspSource,
    nonce: nonce(),
    scriptUri: distUri('webview.js'),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css')).toString(),
    lang,
    sectionId,
    mode,
    compiledChartsUri: table && distUri('charts', `${table}.js`),
    // Its section's code, in either mode (the side view's first section is known too).
    sectionScriptUri: sectionScript && distUri(sectionScript),
  });
}
