// How long loading the extension bundle takes (the part of activation that is ours
// before activate() runs), in a fresh node process with `vscode` stubbed: the host's
// own work is not ours to measure here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROBE = `
const Module = require('node:module');
const resolve = Module._resolveFilename;
const stub = process.argv[2];
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? stub : resolve.call(this, request, ...rest); };
const started = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

export function benchActivation(root = process.cwd(), runs = 5): Record<string, string | number> {
  const bundle = join(root, 'dist', 'extension.js');
  // Any property of the stub is a no-op function: the bundle only reads vscode inside activate().
  const stub = join(mkdtempSync(join(tmpdir(), 'emergence-bench-')), 'vscode.js');
  writeFileSync(stub, 'module.exports = new Proxy({}, { get: () => function () {} });');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['-e', PROBE, bundle, stub], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr.split('\n')[0]);
    times.push(Number(run.stdout));
  }
  times.sort((a, b) => a - b);
  return {
    'extension bundle (dist/extension.js)': `${(statSync(bundle).size / 1024).toFixed(0)} KiB`,
    'extension bundle load, median of 5': `${times[Math.floor(times.length / 2)].toFixed(1)} ms (vega loads later, with the first hover chart)`,
  };
}
