#!/usr/bin/env node
// Per-file mutation scores from a Stryker JSON report (default reports/mutation/mutation.json,
// or the incremental file, which has the same shape and accumulates runs over a few files):
//   node scripts/mutation-summary.mjs [report.json]
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's
// definition; compile errors and ignored (static) mutants are not counted.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const rows = [];
const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
for (const [path, { mutants }] of Object.entries(report.files).sort()) {
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const m of mutants) c[m.status] = (c[m.status] ?? 0) + 1;
  for (const k of Object.keys(total)) total[k] += c[k] ?? 0;
  rows.push([path, c]);
}
const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid ? `${((100 * detected) / valid).toFixed(1)}%` : '—';
};
console.log('| file | mutants | killed | timeout | survived | no coverage | ignored (static) | compile error | score |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [path, c] of [...rows, ['all', total]]) {
  const n = Object.values(c).reduce((a, b) => a + b, 0);
  console.log(`| ${path} | ${n} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} | ${c.CompileError} | ${score(c)} |`);
}
// Per directory: the same counts summed over each file's folder.
const dirs = new Map();
for (const [path, c] of rows) {
  const dir = path.slice(0, path.lastIndexOf('/'));
  const d = dirs.get(dir) ?? Object.fromEntries(Object.keys(total).map((k) => [k, 0]));
  for (const k of Object.keys(total)) d[k] += c[k] ?? 0;
  dirs.set(dir, d);
}
console.log('\n| directory | mutants | killed | timeout | survived | no coverage | ignored (static) | score |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [dir, c] of [...dirs].sort()) {
  const n = Object.values(c).reduce((a, b) => a + b, 0);
  console.log(`| ${dir} | ${n} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} | ${score(c)} |`);
}
