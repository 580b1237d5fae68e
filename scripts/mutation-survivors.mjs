#!/usr/bin/env node
// The mutants no test detected, one line each, from a Stryker JSON report (default the
// incremental file kept in git), so a survivor can be read without re-running Stryker:
//   node scripts/mutation-survivors.mjs [--report file.json] src/engine/fit/data.ts [more files]
// Prints `path:line:column status mutator: original → replacement` (the original is the
// mutated source span, cut to one line of at most 100 characters).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const reportAt = args.indexOf('--report');
const reportFile = reportAt >= 0 ? args[reportAt + 1] : 'reports/stryker-incremental.json';
const wanted = args.filter((_, i) => reportAt < 0 || (i !== reportAt && i !== reportAt + 1));
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const oneLine = (s) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}…` : flat;
};

for (const [path, { source, mutants }] of Object.entries(report.files).sort()) {
  if (wanted.length > 0 && !wanted.some((w) => path === w || path.startsWith(w))) continue;
  const lines = source.split('\n');
  const span = ({ start, end }) => {
    if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
    const middle = lines.slice(start.line, end.line - 1);
    return [lines[start.line - 1].slice(start.column - 1), ...middle, lines[end.line - 1].slice(0, end.column - 1)].join(' ');
  };
  const open = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  for (const m of open) {
    const { line, column } = m.location.start;
    console.log(`${path}:${line}:${column} ${m.status} ${m.mutatorName}: ${oneLine(span(m.location))} → ${oneLine(m.replacement ?? '')}`);
  }
}
