// The one translation route (src/engine/l10n.ts): bundle lookup and {n} placeholders.
// Expected texts are read from the bundle file itself or written by hand.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../../src/engine/l10n';

const zhBundle = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

describe('engine/l10n translate', () => {
  it('takes the Chinese text from the zh-cn bundle, and the key itself in English', () => {
    assert.equal(translate('zh', 'Save chart'), zhBundle['Save chart']);
    assert.equal(translate('zh', 'Save chart'), '保存图表');
    assert.equal(translate('en', 'Save chart'), 'Save chart');
  });
  it('falls back to the English key for a message the bundle lacks, or an inherited property name', () => {
    assert.equal(translate('zh', 'No such message {0}', 'x'), 'No such message x');
    assert.equal(translate('zh', 'toString'), 'toString');
  });
  it('fills {0}, {1}, … in order, in either language', () => {
    assert.equal(translate('en', 'Cannot open {0}: {1}', 'a.csv', 'gone'), 'Cannot open a.csv: gone');
    assert.equal(translate('zh', 'Cannot open {0}: {1}', 'a.csv', 'gone'), '无法打开 a.csv：gone');
    assert.equal(translate('en', '{1} before {0}', 1, 2), '2 before 1');
  });
  it('reads placeholders of two digits, and leaves a placeholder without an argument as written', () => {
    const args = Array.from({ length: 11 }, (_, i) => `a${i}`);
    assert.equal(translate('en', '{10}|{1}', ...args), 'a10|a1');
    assert.equal(translate('en', '{0} {1}', 'x'), 'x {1}');
    assert.equal(translate('en', '{0}', undefined), 'undefined', 'an undefined argument prints as a template literal would');
  });
  it('never rescans a replaced argument', () => {
    assert.equal(translate('en', '{0} {1}', '{1}', 'b'), '{1} b');
  });
});
