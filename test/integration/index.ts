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
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        // A plain closing line that CI log readers understand, besides mocha's own.
        const total = mocha.suite.total();
        console.log(`integration: ${total - failures} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
