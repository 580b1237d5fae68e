// Claims of emergence in a note ("X emerges at 1e10 parameters"), for the hover and the
// side view: the engine recognises and checks them; this file only builds the Markdown
// with its link and the side view's reading.
import * as vscode from 'vscode';
import { checkClaim, claimAt, claimChartParams, verdictMarkdown, type EmergenceClaim } from '../engine/emergence/claims';
import { translate } from '../engine/l10n';
import { EMERGENCE_REAL_ID } from '../sections/emergence-real';
import type { Lang } from '../sections/types';

function claimUnder(document: vscode.TextDocument, position: vscode.Position): EmergenceClaim | undefined {
  return claimAt(document.lineAt(position.line).text, position.character);
}

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The hover for a claim: what the data says, and a link that opens the real-model chart. */
export function claimHover(document: vscode.TextDocument, position: vscode.Position, lang: Lang, enabledCommands: string[]): vscode.Hover | undefined {
  const claim = claimUnder(document, position);
  if (!claim) return undefined;
  const show = translate(lang, 'Open the measured chart');
  const text = `${verdictMarkdown(checkClaim(claim), lang)}\n\n[$(graph) ${show}](${commandLink('emergenceLens.showChart', [EMERGENCE_REAL_ID, claimChartParams(claim)])})`;
  const markdown = new vscode.MarkdownString(text, true);
  markdown.isTrusted = { enabledCommands };
  return new vscode.Hover(markdown, new vscode.Range(position.line, claim.start, position.line, claim.end));
}

/** What the side view shows for a claim: the real-model section on the claim's task and axis. */
export function claimReading(
  document: vscode.TextDocument,
  position: vscode.Position,
  lang: Lang,
): { sectionId: string; params: Record<string, string>; label: string; value: number; key: string } | undefined {
  const claim = claimUnder(document, position);
  if (!claim) return undefined;
  const v = checkClaim(claim);
  const verdict = v.fit ? (v.agrees ? translate(lang, 'consistent with the data') : translate(lang, 'disagrees with the data')) : '';
  const label = `${document.lineAt(position.line).text.slice(claim.start, claim.end).slice(0, 200)} — ${claim.task.name[lang]}: ${verdict}`;
  return {
    sectionId: EMERGENCE_REAL_ID,
    params: claimChartParams(claim),
    label,
    value: claim.value,
    key: JSON.stringify(['claim', claim.task.id, claim.axis, claim.value]),
  };
}
