// Mocha runner loaded by the VS Code extension host (`extensionTestsPath`): both
// launchers (@vscode/test-electron and the offline code-server one) point the host at
// the bundled copy of this file in out/integration/, which exports run().
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The spec reporter writes through console.log, which both hosts forward to the
    // launcher, so mocha's own summary ("N passing", "N failing") reaches the output.
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.EMERGENCE_TEST_TIMEOUT ?? 60_000),
    grep: process.env.EMERGENCE_TEST_GREP,
  });
  const suiteDir = join(__dirname, 'suite');
  const files = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(join(suiteDir, f));
  // Markers let the offline launcher tell mocha's output from the workbench's chatter.
  console.log('[emergence-tests] start');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A plain closing line that CI log readers understand, besides mocha's own.
        const stats = runner.stats;
        const skipped = stats?.pending ? `, ${stats.pending} skipped` : '';
        console.log(`integration: ${stats?.passes ?? 0} passed, ${failures} failed${skipped}`);
        console.log('[emergence-tests] end');
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if ((stats?.passes ?? 0) === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
    } catch (err) {
      // A suite that cannot even be loaded (syntax error, missing module, ...).
      console.log(`integration: could not load the suites: ${err instanceof Error ? err.stack : String(err)}`);
      console.log('integration: 0 passed, 1 failed');
      console.log('[emergence-tests] end');
      reject(err);
    }
  });
}
