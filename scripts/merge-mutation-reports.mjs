#!/usr/bin/env node
// Merges Stryker incremental reports written in separate checkouts (each ran a few source
// files) into one, so the next `npm run test:mutation` re-tests only what the merge left
// unknown:
//   node scripts/merge-mutation-reports.mjs --out reports/stryker-incremental.json base.json a.json b.json …
// For each source file the merged report takes the entry whose source equals the file on disk
// now; of several, the one with the most detected mutants (the checkout that ran it last).
// Test ids are per report, so every test is re-keyed by (test file, test name) and each
// mutant's coveredBy / killedBy is rewritten to the merged ids. A test file's entry is the one
// whose source equals the file on disk; files that match no report are left out, which makes
// Stryker treat their tests as new.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt < 0 || args.length < outAt + 2) {
  console.error('usage: merge-mutation-reports.mjs --out merged.json report.json [report.json …]');
  process.exit(2);
}
const out = args[outAt + 1];
const inputs = args.filter((_, i) => i !== outAt && i !== outAt + 1);
const reports = inputs.map((file) => ({ file, report: JSON.parse(readFileSync(file, 'utf8')) }));
const onDisk = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

// (report index, old test id) → test key; the merged test files decide the new ids.
const testKey = new Map();
const testFiles = {};
const newId = new Map();
const testFilePaths = new Set(reports.flatMap(({ report }) => Object.keys(report.testFiles ?? {})));
reports.forEach(({ report }, r) => {
  for (const [path, { tests }] of Object.entries(report.testFiles ?? {})) {
    for (const t of tests) testKey.set(`${r}:${t.id}`, `${path}\0${t.name}`);
  }
});
let nextId = 0;
for (const path of [...testFilePaths].sort()) {
  const source = onDisk(path);
  const match = reports.find(({ report }) => report.testFiles?.[path]?.source === source);
  if (!match) {
    console.warn(`[merge] ${path}: no report has the current source; its tests count as new`);
    continue;
  }
  const entry = match.report.testFiles[path];
  const tests = entry.tests.map((t) => {
    const id = String(nextId++);
    newId.set(`${path}\0${t.name}`, id);
    return { ...t, id };
  });
  testFiles[path] = { ...entry, tests };
}
const remap = (r, ids) => (ids === undefined ? undefined : ids.map((id) => newId.get(testKey.get(`${r}:${id}`))).filter((id) => id !== undefined));

const detected = (entry) => entry.mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
const files = {};
const sourcePaths = new Set(reports.flatMap(({ report }) => Object.keys(report.files)));
for (const path of [...sourcePaths].sort()) {
  const source = onDisk(path);
  const candidates = reports.map(({ report, file }, r) => ({ r, file, entry: report.files[path] })).filter(({ entry }) => entry?.source === source);
  if (candidates.length === 0) {
    console.warn(`[merge] ${path}: no report has the current source; its mutants will be re-run`);
    continue;
  }
  const best = candidates.reduce((a, b) => (detected(b.entry) > detected(a.entry) ? b : a));
  files[path] = {
    ...best.entry,
    mutants: best.entry.mutants.map((m) => ({ ...m, coveredBy: remap(best.r, m.coveredBy), killedBy: remap(best.r, m.killedBy) })),
  };
  if (best.r !== 0) console.log(`[merge] ${path}: from ${best.file}`);
}
writeFileSync(out, JSON.stringify({ ...reports[0].report, files, testFiles }));
console.log(`[merge] ${Object.keys(files).length} source files, ${nextId} tests → ${out}`);
