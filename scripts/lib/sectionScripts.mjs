// The page scripts of the sections (webview/lib/sections.ts loads them): one per section
// the registry (src/sections/index.ts) imports from its folder, named by that folder,
// which is the section's id (test/unit/webview/sectionScripts.test.ts checks both).
import { readFileSync } from 'node:fs';

const IMPORT = /^import \{ (\w+) \} from '\.\/([a-z0-9-]+)';$/gm;

/** [exported name, folder] of every section src/sections/index.ts imports. */
export function registrySections(registrySource = readFileSync('src/sections/index.ts', 'utf8')) {
  const found = [...registrySource.matchAll(IMPORT)].map(([, name, folder]) => ({ name, folder }));
  if (found.length === 0) throw new Error('src/sections/index.ts imports no section the build recognises');
  return found;
}

/** esbuild options for each section's script, dist/sections/<folder>.js (to be merged with a page's options). */
export function sectionScriptBuilds() {
  return registrySections().map(({ name, folder }) => ({
    stdin: {
      contents: `import { ${name} } from './src/sections/${folder}';\nimport { registerSection } from './webview/lib/sections';\nregisterSection(${name});\n`,
      resolveDir: '.',
      sourcefile: `webview/sections/${folder}.ts`,
      loader: 'ts',
    },
    outfile: `dist/sections/${folder}.js`,
  }));
}
