// Each section's code is its own page script (scripts/lib/sectionScripts.mjs builds them,
// webview/lib/sections.ts loads them). The build finds the sections in the registry's
// source: it must find exactly the registry's sections, each in the folder named by its
// id (the file name a page asks for).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { registrySections } from '../../../scripts/lib/sectionScripts.mjs';
import { SECTIONS } from '../../../src/sections/index';
import * as registry from '../../../src/sections/index';
import { renderWebviewHtml } from '../../../webview/html';
import { loadSection, registerSection, sectionScriptFile } from '../../../webview/lib/sections';

describe('webview: one script per section', () => {
  it("finds every section of the registry, in the registry's order, each in the folder named by its id", () => {
    const found = registrySections();
    assert.deepEqual(
      found.map((s) => s.folder),
      SECTIONS.map((s) => s.id),
    );
    for (const { folder } of found) {
      assert.ok(existsSync(`src/sections/${folder}/index.ts`), folder);
      assert.ok(SECTIONS.some((s) => s.id === folder));
    }
    // The registry re-exports nothing else the build could mistake for a section.
    assert.deepEqual(Object.keys(registry).sort(), ['SECTIONS', 'findSection']);
  });

  it('refuses a registry whose sections it cannot recognise, rather than building no section', () => {
    assert.throws(() => registrySections("import * as all from './sections';\nexport const SECTIONS = [];"), /imports no section/);
    const source = readFileSync('src/sections/index.ts', 'utf8');
    assert.equal(registrySections(source.replace("import { mirageSection } from './mirage';", '')).length, SECTIONS.length - 1);
  });

  it('names a script only for an id made of section-id characters', () => {
    assert.equal(sectionScriptFile('scaling-laws'), 'sections/scaling-laws.js');
    for (const bad of ['', '../extension', 'Scaling', 'a/b', 'a.js', 'x y']) assert.equal(sectionScriptFile(bad), undefined, bad);
  });

  it('hands out a registered section without loading anything, and nothing for an id it has no script for', async () => {
    const section = SECTIONS[0];
    registerSection(section);
    assert.equal(await loadSection(section.id), section);
    // No page script here (no document): an unregistered id stays unknown.
    assert.equal(await loadSection('no-such-section'), undefined);
    assert.equal(await loadSection('constructor'), undefined);
    assert.equal(await loadSection('../x'), undefined);
  });

  it("loads the page's scripts deferred, with the nonce, the compiled charts and the section's code before the page script", () => {
    const html = renderWebviewHtml({
      cspSource: 'https://x',
      nonce: 'N0nce',
      scriptUri: 'https://x/dist/webview.js',
      styleUri: 'https://x/media/webview.css',
      lang: 'en',
      sectionId: 'mirage',
      compiledChartsUri: 'https://x/dist/charts/mirage.en.js',
      sectionScriptUri: 'https://x/dist/sections/mirage.js',
    });
    const scripts = [...html.matchAll(/<script ([^>]*)><\/script>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [
      'defer nonce="N0nce" src="https://x/dist/charts/mirage.en.js"',
      'defer nonce="N0nce" src="https://x/dist/sections/mirage.js"',
      'defer nonce="N0nce" src="https://x/dist/webview.js"',
    ]);
    const bare = renderWebviewHtml({ cspSource: 'https://x', nonce: 'N', scriptUri: 'https://x/dist/fit.js', styleUri: 's', lang: 'zh', sectionId: '' });
    assert.deepEqual(
      [...bare.matchAll(/<script ([^>]*)><\/script>/g)].map((m) => m[1]),
      ['defer nonce="N" src="https://x/dist/fit.js"'],
    );
  });
});
