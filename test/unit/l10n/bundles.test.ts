// Every user-visible message of the extension goes through one route (t()/translate()
// with an English key of l10n/bundle.l10n.json) and has a Simplified Chinese entry.
// The test walks the extension's code for the keys and checks the bundles both ways;
// the manifest's strings (package.nls*.json) likewise.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../../src/engine/l10n';

const ROOT = join(__dirname, '..', '..', '..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string): Record<string, string> => JSON.parse(read(p)) as Record<string, string>;

const tsFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`);
/** The fit worker's host builds the extension's fit-failure message. */
const extensionFiles = [...tsFiles('src/extension'), ...tsFiles('src/fitWorker')];
/** The CLI's messages take the same route (tl(lang, …), lang from --lang or the locale). */
const cliFiles = tsFiles('src/cli');

/** The webview pages' message tables (`const UI = { key: 'English', … } as const`); their language is passed in. */
const WEBVIEW_TABLES = ['webview/strings.ts', 'webview/fit.ts'];

/** A string literal in either quote (prettier writes "…" when the text holds an apostrophe): group 1 or 2. */
const LITERAL = String.raw`(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")`;
/** First string argument of t('…') / translate(lang, '…') / tl(lang, '…') calls. */
const CALL = new RegExp(String.raw`\b(?:t|translate|tl)\(\s*(?:\w+,\s*)?` + LITERAL, 'g');
/** The pages call translate(lang, '…') directly (their t() takes table keys). */
const WEBVIEW_CALL = new RegExp(String.raw`\btranslate\(\s*\w+,\s*` + LITERAL, 'g');
/** tl(lang, NAME) with `const NAME = '…'` in the same file. */
const CONSTANT_CALL = /\btl\(\s*\w+,\s*([A-Z_]+)\s*\)/g;
/** The escapes of a string literal. */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const TABLE = /const UI = \{\n([\s\S]*?)\n\} as const;/;
const ENTRY = new RegExp(String.raw`^ {2}\w+: ` + LITERAL + ',$', 'gm');

function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (raw: string, file: string): void => void keys.set(raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c), file);
  for (const file of tsFiles('webview')) for (const m of read(file).matchAll(WEBVIEW_CALL)) add(m[1] ?? m[2], file);
  for (const file of [...extensionFiles, ...cliFiles]) {
    const text = read(file);
    for (const m of text.matchAll(CALL)) add(m[1] ?? m[2], file);
    for (const m of text.matchAll(CONSTANT_CALL)) {
      const value = new RegExp(`const ${m[1]} = ${LITERAL};`).exec(text);
      assert.ok(value, `${file}: ${m[1]} is not a string constant`);
      add(value[1] ?? value[2], file);
    }
  }
  for (const file of WEBVIEW_TABLES) {
    const table = TABLE.exec(read(file));
    assert.ok(table, `${file} has no message table`);
    for (const m of table[1].matchAll(ENTRY)) add(m[1] ?? m[2], file);
  }
  return keys;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('l10n: one translation route', () => {
  const en = json('l10n/bundle.l10n.json');
  const zh = json('l10n/bundle.l10n.zh-cn.json');
  const used = usedKeys();

  it('finds the messages in the code (the walk itself works)', () => {
    assert.ok(used.size >= 20, `only ${used.size} messages found`);
    assert.ok(used.has('Show chart') && used.has('Write values to note') && used.has('Waiting for the fit…') && used.has('none'));
  });

  it('every message the code uses is in the English bundle and has a Chinese entry', () => {
    const missingEn = [...used.keys()].filter((k) => en[k] !== k);
    const missingZh = [...used.keys()].filter((k) => typeof zh[k] !== 'string' || zh[k].trim() === '' || zh[k] === k);
    assert.deepEqual(missingEn, [], 'not in l10n/bundle.l10n.json');
    assert.deepEqual(missingZh, [], 'no Chinese in l10n/bundle.l10n.zh-cn.json');
  });

  it('the bundles hold no message the code no longer uses, and the same keys', () => {
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('each translation keeps the placeholders of its message', () => {
    for (const [key, value] of Object.entries(zh)) assert.deepEqual(placeholders(value), placeholders(key), key);
  });

  it('the extension, webviews and CLI call neither vscode.l10n.t nor hand-written { en, zh } choices', () => {
    for (const file of cliFiles) assert.ok(!/\bt\(\s*\w+,\s*['`]/.test(read(file)), `${file} has a t(lang, en, zh) message`);
    for (const file of [...extensionFiles, ...WEBVIEW_TABLES]) {
      const text = read(file);
      assert.ok(!/vscode\.l10n\.t\(/.test(text), `${file} calls vscode.l10n.t (it follows only VS Code's display language)`);
      // The preview plugin renders a block's texts in both languages at once, tagged with lang=.
      if (file.endsWith('markdownPreview.ts')) continue;
      assert.ok(!/\{\s*en:\s*['`]/.test(text), `${file} has an inline { en, zh } message`);
    }
  });

  it('translate() picks the language and fills the placeholders once', () => {
    assert.equal(translate('en', 'Unknown section "{0}".', 'x'), 'Unknown section "x".');
    assert.equal(translate('zh', 'Unknown section "{0}".', '{0}'), '未知章节“{0}”。');
    assert.equal(translate('zh', 'not a key {0}', 1), 'not a key 1');
  });

  it('every %key% of package.json has English and Chinese manifest strings', () => {
    const nls = json('package.nls.json');
    const nlsZh = json('package.nls.zh-cn.json');
    const refs = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(refs.length > 5);
    for (const key of refs) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key] && nlsZh[key] !== nls[key], `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  });
});
