// The note-table finder lives in the engine (src/engine/fit/markdownTable.ts) so that the
// CLI reads a note's table with the same code as the extension; re-exported here for the
// extension's imports.
export {
  findFirstTable,
  findTableAt,
  isDelimiterRow,
  isTableLine,
  linesOf,
  splitRow,
  type LineSelection,
  type MarkdownTable,
} from '../engine/fit/markdownTable';
