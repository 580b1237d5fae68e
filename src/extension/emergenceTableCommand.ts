// "Fit Emergence Points to This Table": the user's table of the ObsScaling shape (the
// Markdown table at the cursor, or the whole CSV), read through the document API and
// parsed by the engine, drawn in the emergence-real panel instead of the shipped data.
// Bad data: one message naming the row and column, and nothing opened or changed.
import * as vscode from 'vscode';
import { parseEmergenceCsv, parseEmergenceTableRows, type TableResult } from '../engine/emergence/data';
import { splitCsv } from '../engine/fit/data';
import { MAX_DATA_BYTES } from '../engine/fit/text';
import { parseUserTable, USER_TABLE_LIMITS, type UserTable } from '../protocol/messages';
import { EMERGENCE_REAL_ID } from '../sections/emergence-real/index';
import type { ChartPanels } from './chartPanels';
import { displayLang, t } from './language';
import { findTableAt } from './markdownTable';

const EMERGENCE_TABLE_COMMAND = 'emergenceLens.emergenceFromTable';

type Loaded = { ok: true; userTable: UserTable } | { ok: false; message: string };

function isCsv(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'csv' || /\.csv$/i.test(doc.uri.path);
}

function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri.path);
}

/** The CSV's records laid out one array per line (blank lines empty), so row k is line k + 1. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const r of splitCsv(text)) {
    while (rows.length < r.line - 1) rows.push([]);
    rows.push(r.cells);
  }
  return rows;
}

function load(editor: vscode.TextEditor | undefined): Loaded {
  const doc = editor?.document;
  if (!editor || !doc || !(isCsv(doc) || isMarkdown(doc))) {
    return {
      ok: false,
      message: t(
        'Open a CSV file, or put the cursor in a Markdown table of models (Model, params, tokens or FLOPs, one column per task), then run “Fit Emergence Points to This Table” again.',
      ),
    };
  }
  const name = doc.uri.path.split('/').pop() || doc.uri.toString();
  const text = doc.getText();
  if (text.length > MAX_DATA_BYTES)
    return {
      ok: false,
      message: t(
        '{0} is too large for the emergence chart (at most {1} rows, {2} columns, {3} characters a cell).',
        name,
        USER_TABLE_LIMITS.rows,
        USER_TABLE_LIMITS.cells,
        USER_TABLE_LIMITS.cellLength,
      ),
    };
  let rows: string[][];
  let firstRowNumber: number;
  let result: TableResult;
  if (isCsv(doc)) {
    rows = csvRows(text);
    firstRowNumber = 1;
    result = parseEmergenceCsv(text);
  } else {
    const table = findTableAt(doc, editor.selection);
    if (!table)
      return {
        ok: false,
        message: t('No Markdown table at the cursor in {0}. Put the cursor in a table of models (a header row, a |---| row, then one row per model).', name),
      };
    rows = table.rows;
    firstRowNumber = table.firstRowNumber;
    result = parseEmergenceTableRows(table.rows, table.firstRowNumber);
  }
  if (!result.ok) return { ok: false, message: t('Emergence table {0}: {1}', name, result.error.message[displayLang()]) };
  // The same bounds the webview applies on receipt.
  const userTable = parseUserTable({ name, rows, firstRowNumber });
  if (!userTable)
    return {
      ok: false,
      message: t(
        '{0} is too large for the emergence chart (at most {1} rows, {2} columns, {3} characters a cell).',
        name,
        USER_TABLE_LIMITS.rows,
        USER_TABLE_LIMITS.cells,
        USER_TABLE_LIMITS.cellLength,
      ),
    };
  return { ok: true, userTable };
}

export function registerEmergenceTableCommand(context: vscode.ExtensionContext, panels: ChartPanels): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EMERGENCE_TABLE_COMMAND, (): boolean => {
      const loaded = load(vscode.window.activeTextEditor);
      if (!loaded.ok) {
        void vscode.window.showErrorMessage(loaded.message);
        return false;
      }
      return panels.showUserTable(EMERGENCE_REAL_ID, loaded.userTable) !== undefined;
    }),
  );
}
