// `emergence-lens emergence` and `emergence-lens mirage`, run in-process through run().
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { renderToDirectory } from '../../src/cli/render';
import { findSection } from '../../src/sections';
import { DARK_THEME, LIGHT_THEME } from '../../src/sections/theme';
import { existsSync } from 'node:fs';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

describe('CLI emergence and mirage', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'emergence-cli-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('emergence <task> --json gives {task, n, chance, x0, emergenceFlops, k, ceiling, sse, ci}', async () => {
    const r = await cli('emergence', 'arithmetic-3ds', '--json', '--bootstrap', '40');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as Record<string, unknown> & { ci: { low: number; high: number; lowAt: number; highAt: number; resamples: number } };
    for (const key of ['task', 'n', 'chance', 'x0', 'emergenceFlops', 'k', 'ceiling', 'sse', 'ci']) assert.ok(key in j, key);
    assert.equal(j.task, 'arithmetic-3ds');
    assert.equal(j.chance, 0);
    assert.equal(j.n, 73);
    assert.equal(j.emergenceFlops, Math.pow(10, j.x0 as number));
    assert.ok(j.ci.low < (j.x0 as number) && (j.x0 as number) < j.ci.high);
    assert.equal(j.ci.resamples, 40);
    assert.equal((j.leftOut as string[]).length, 11);
  });

  it('--x params has no emergenceFlops; persian-qa has chance 0.25', async () => {
    const r = await cli('emergence', 'persian-qa', '--x', 'params', '--bootstrap', '0', '--json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    assert.equal(j.emergenceFlops, null);
    assert.equal(j.chance, 0.25);
    assert.equal(j.ci, null);
  });

  it("a user's CSV and Markdown table work; bad data is one line naming row and column, exit 2", async () => {
    const good = join(dir, 'good.md');
    writeFileSync(
      good,
      '# my runs\n\n| Model | params | tokens | acc |\n|---|---|---|---|\n| a | 1B | 20B | 0 |\n| b | 2B | 40B | 0.02 |\n| c | 4B | 80B | 0.4 |\n| d | 8B | 160B | 0.8 |\n| e | 16B | 320B | 0.85 |\n',
    );
    const ok = await cli('emergence', 'acc', '--data', good, '--bootstrap', '0', '--json');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).n, 5);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Model,params,FLOPs,acc\na,1e9,1e21,0.1\nb,2e9,2e21,n/a\n');
    const cases: [string[], RegExp][] = [
      [['emergence', 'acc', '--data', bad], /Row 3, column "acc": "n\/a" is not a number/],
      [['emergence', 'nope'], /unknown task "nope" \(known: arithmetic-3ds/],
      [
        ['emergence', 'acc', '--data', good, '--x', 'flops', '--bootstrap', '0'].map((a) => (a === good ? join(dir, 'few.csv') : a)),
        /only 2 models \(rows 2, 3\)/,
      ],
      [['emergence', 'arithmetic-3ds', '--x', 'tokens'], /--x must be one of flops, params, loss/],
      [['emergence', 'arithmetic-3ds', '--bootstrap', 'many'], /--bootstrap must be a number/],
      [['emergence', 'acc', '--data', join(dir, 'missing.csv')], /cannot read/],
      [['mirage'], /--length L is required/],
      [['mirage', '--length', '0'], /--length must be a number in \[1, 10000\]/],
      [['mirage', '--length', '5', '--law', 'kaplan', '--c', '3'], /drop --c/],
    ];
    writeFileSync(join(dir, 'few.csv'), 'Model,params,FLOPs,acc\na,1e9,1e21,0.1\nb,2e9,2e21,0.2\n');
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
    }
  });

  it('messages follow --lang zh', async () => {
    const r = await cli('emergence', 'nope', '--lang', 'zh');
    assert.equal(r.code, 2);
    assert.match(r.err, /未知任务 "nope"/);
  });

  it('mirage --length L --json: {law: {c, alpha}, rows} with p = e^(−L), EM = p^L, TED = L(1 − p) on every row', async () => {
    const r = await cli('mirage', '--length', '8', '--c', '2e9', '--alpha', '0.5', '--json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as {
      law: { c: number; alpha: number };
      rows: { params: number; perTokenLoss: number; perTokenAccuracy: number; exactMatch: number; tokenEditDistance: number }[];
    };
    assert.deepEqual(j.law, { c: 2e9, alpha: 0.5 });
    assert.equal(j.rows.length, 13);
    for (const row of j.rows) {
      const loss = Math.pow(2e9 / row.params, 0.5);
      assert.ok(Math.abs(row.perTokenLoss - loss) <= 1e-12 * loss);
      assert.ok(Math.abs(row.perTokenAccuracy - Math.exp(-loss)) <= 1e-15);
      assert.ok(Math.abs(row.exactMatch - Math.pow(row.perTokenAccuracy, 8)) <= 1e-15);
      assert.ok(Math.abs(row.tokenEditDistance - 8 * (1 - row.perTokenAccuracy)) <= 1e-12);
    }
  });

  it('mirage without --json prints a table; help lists both commands', async () => {
    const r = await cli('mirage', '--length', '5');
    assert.equal(r.code, 0);
    assert.match(r.out, /exact match/);
    const help = await cli('--help');
    assert.match(help.out, /emergence-lens emergence <task>/);
    assert.match(help.out, /emergence-lens mirage --length L/);
    const eh = await cli('emergence', '--help');
    assert.match(eh.out, /--bootstrap N/);
  });

  it('render draws both new sections in both languages and both themes, without warnings', async () => {
    const sections = ['emergence-real', 'mirage'].map((id) => findSection(id)!);
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      const out = join(dir, theme.kind);
      const summary = await renderToDirectory({ outDir: out, sections, langs: ['en', 'zh'], theme, format: 'svg', messageLang: 'en' });
      assert.deepEqual(summary.warnings, []);
      assert.equal(summary.charts, 8);
      for (const lang of ['en', 'zh'])
        for (const f of ['emergence-real/real-emergence', 'emergence-real/family-points', 'mirage/mirage-metrics', 'mirage/mirage-twin'])
          assert.ok(existsSync(join(out, lang, `${f}.svg`)), `${lang}/${f}`);
    }
  });
});
