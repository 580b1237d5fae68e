// The built `emergence-lens` binary (dist/cli.js), run as a user runs it: list, render
// in every format, report, optimal and bad arguments. A few pure helpers of main.ts are
// also checked in-process.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/main';
import { withoutCaption } from './helpers/caption';
import { ILLUSTRATIVE_CAPTION } from '../../src/sections/chartKit';
import { cliLang, displayWidth, envLang, padDisplay } from '../../src/cli/messages';
import { findCjkFont } from '../../src/cli/png';
import { SECTIONS } from '../../src/sections';
import { LIGHT_THEME } from '../../src/sections/theme';
import { defaultParams, type Lang } from '../../src/sections/types';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment minus the locale variables, plus `locale`. */
function withLocale(locale: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return { ...env, ...locale };
}

function cliIn(env: NodeJS.ProcessEnv, args: readonly string[]): Result {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in an English locale, whatever the locale of the machine running the tests. */
function cli(...args: string[]): Result {
  return cliIn(withLocale({ LANG: 'C.UTF-8' }), args);
}

/** The CLI under LANG=zh_CN.UTF-8: its own messages in Simplified Chinese. */
function cliZh(...args: string[]): Result {
  return cliIn(withLocale({ LANG: 'zh_CN.UTF-8' }), args);
}

/** Newest modification time under `dir` (sources the bundle is built from). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

function chartIds(lang: Lang): { section: string; chart: string }[] {
  return SECTIONS.flatMap((s) => s.charts(defaultParams(s), { lang, theme: LIGHT_THEME }).map((c) => ({ section: s.id, chart: c.id })));
}

/** Bad usage: exit 2, nothing on stdout, exactly one line on stderr and no stack frame. */
function assertUsageError(r: Result, mentions: RegExp): void {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line expected, got:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  assert.doesNotMatch(r.stderr, /Error:|\.ts:\d+|\.js:\d+/);
  assert.match(lines[0], mentions);
}

describe('cli: emergence-lens', function () {
  this.timeout(300_000);
  let tmp: string;

  before(function () {
    const sources = Math.max(
      newestMtime(join(ROOT, 'src')),
      statSync(join(ROOT, 'package.json')).mtimeMs,
      statSync(join(ROOT, 'scripts', 'build.mjs')).mtimeMs,
    );
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
    }
    tmp = mkdtempSync(join(tmpdir(), 'emergence-lens-cli-'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('has sections to work on', () => {
    assert.ok(SECTIONS.length > 0, 'the SECTIONS registry is empty');
  });

  it('--help and help <command> print usage and exit 0', () => {
    const r = cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage:/);
    for (const command of ['render', 'report', 'optimal', 'list']) assert.match(r.stdout, new RegExp(`emergence-lens ${command}`));
    const h = cli('render', '--help');
    assert.equal(h.code, 0);
    assert.match(h.stdout, /--format svg\|png\|vl/);
  });

  it('list prints every section id and chart id', () => {
    const r = cli('list');
    assert.equal(r.code, 0, r.stderr);
    for (const s of SECTIONS) assert.match(r.stdout, new RegExp(`^${s.id}\\b`, 'm'));
    for (const { chart } of chartIds('en')) assert.match(r.stdout, new RegExp(`^  ${chart}\\b`, 'm'));
  });

  describe('render all --format svg (both languages)', () => {
    let out: string;
    let result: Result;
    const expected = [...chartIds('en').map((c) => ({ ...c, lang: 'en' })), ...chartIds('zh').map((c) => ({ ...c, lang: 'zh' }))];

    before(() => {
      out = join(tmp, 'svg');
      result = cli('render', 'all', '--out', out);
    });

    it('exits 0 without warnings and prints a summary', () => {
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '', 'vega or vega-lite warned');
      assert.match(result.stdout, new RegExp(`^render: ${expected.length} charts .*→ ${expected.length + 1} files .* in [\\d.]+ s`, 'm'));
    });

    it('writes one SVG per chart and language, in <lang>/<section>/<chart>.svg', () => {
      const svgs = filesUnder(out).filter((f) => f.endsWith('.svg'));
      assert.equal(svgs.length, expected.length);
      assert.deepEqual(svgs, expected.map((c) => `${c.lang}/${c.section}/${c.chart}.svg`).sort());
      for (const f of svgs) assert.match(readFileSync(join(out, f), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    });

    it('writes an index.html that shows every chart, self-contained', () => {
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      for (const c of expected) assert.ok(html.includes(`<img src="${c.lang}/${c.section}/${c.chart}.svg"`), `${c.lang}/${c.section}/${c.chart}.svg not shown`);
      for (const s of SECTIONS) {
        assert.ok(html.includes(`id="${s.id}"`), `no anchor for ${s.id}`);
        assert.ok(html.includes(`href="#${s.id}"`), `no link to ${s.id}`);
        assert.ok(html.includes(s.title.zh.replace(/&/g, '&amp;').replace(/</g, '&lt;')) || html.includes(s.title.zh), `no Chinese heading for ${s.id}`);
      }
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, 'external resource');
    });

    it("embeds the seed's reports in both languages", () => {
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      const withReports = SECTIONS.filter((s) => s.report);
      assert.ok(withReports.length > 0, 'no section has a report');
      for (const s of withReports) {
        for (const lang of ['en', 'zh'] as const) {
          const firstLine = (s.report?.(defaultParams(s), lang) ?? '').split('\n').find((l) => l.trim().length > 0) ?? '';
          const escaped = firstLine.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
          assert.ok(html.includes(`id="${s.id}--report--${lang}"`), `no ${lang} report block for ${s.id}`);
          assert.ok(html.includes(escaped), `${s.id} ${lang} report text missing: ${firstLine}`);
        }
      }
    });
  });

  it('render <section> --format png --lang zh writes real PNGs (or names the font package)', () => {
    const section = SECTIONS[0];
    const out = join(tmp, 'png');
    const r = cli('render', section.id, '--out', out, '--format', 'png', '--lang', 'zh');
    if (!findCjkFont()) {
      assert.equal(r.code, 1);
      assert.match(r.stderr, /fonts-noto-cjk/);
      return;
    }
    assert.equal(r.code, 0, r.stderr);
    const pngs = filesUnder(out).filter((f) => f.endsWith('.png'));
    assert.equal(pngs.length, section.charts(defaultParams(section), { lang: 'zh', theme: LIGHT_THEME }).length);
    for (const f of pngs) {
      assert.ok(f.startsWith(`zh/${section.id}/`), f);
      const bytes = readFileSync(join(out, f));
      assert.deepEqual(bytes.subarray(0, 8), PNG_SIGNATURE, `${f} is not a PNG`);
      assert.ok(bytes.length > 10_000, `${f} is only ${bytes.length} bytes`);
      // IHDR: width and height at bytes 16..24; 2x density makes them > 400 px.
      assert.ok(bytes.readUInt32BE(16) > 400 && bytes.readUInt32BE(20) > 200, `${f} is ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`);
    }
    assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes(`<img src="${pngs[0]}"`));
  });

  it('render <section> --format vl writes Vega-Lite JSON with the data inline', () => {
    const section = SECTIONS[SECTIONS.length - 1];
    const out = join(tmp, 'vl');
    const r = cli('render', section.id, '--out', out, '--format', 'vl', '--lang', 'en');
    assert.equal(r.code, 0, r.stderr);
    const files = filesUnder(out).filter((f) => f.endsWith('.vl.json'));
    assert.equal(files.length, section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME }).length);
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      const spec = JSON.parse(text) as Record<string, unknown>;
      assert.match(String(spec.$schema), /vega-lite/);
      assert.ok(/"values"\s*:/.test(text) || 'datasets' in spec, `${f} has no inline data`);
      assert.doesNotMatch(text, /"url"\s*:/, `${f} loads data from a URL`);
    }
  });

  it('render --theme dark styles the index page dark', () => {
    const section = SECTIONS[0];
    const out = join(tmp, 'dark');
    const r = cli('render', section.id, '--out', out, '--theme', 'dark', '--lang', 'en');
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /color-scheme: dark/);
    assert.ok(existsSync(join(out, 'en', section.id)));
  });

  it("report prints what the seed's Python prints (fixtures/seed_reports.py), in Chinese, and the same numbers in English", () => {
    const seed = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'seed_reports.json'), 'utf8')) as Record<string, string>;
    // The seed's sections with reports; emergence-real's report is measured data, tested with its section.
    const withReports = SECTIONS.filter((s) => s.report && s.illustrative).map((s) => s.id);
    assert.deepEqual([...withReports].sort(), ['code-generation', 'implications', 'math-reasoning']);
    const numbersOf = (text: string) => text.match(/\d+(?:\.\d+)?e[+-]\d+/g) ?? [];
    for (const id of withReports) {
      const zh = cli('report', id, '--lang', 'zh');
      assert.equal(zh.code, 0, zh.stderr);
      // The seed's prints end every line with a newline; the CLI adds one after the report.
      assert.ok(zh.stdout.startsWith(ILLUSTRATIVE_CAPTION.zh), `${id}: the report says its numbers are illustrative`);
      assert.equal(withoutCaption(zh.stdout)?.replace(/\n+$/, ''), seed[id].replace(/\n+$/, ''), `${id}: zh report differs from the seed's output`);
      const en = cli('report', id, '--lang', 'en');
      assert.equal(en.code, 0, en.stderr);
      assert.doesNotMatch(en.stdout, /[\u4e00-\u9fff]/, `${id}: Chinese left in the English report`);
      assert.deepEqual(numbersOf(en.stdout), numbersOf(seed[id]), `${id}: the English report's sizes`);
    }
    const without = SECTIONS.find((s) => !s.report);
    if (without) assertUsageError(cli('report', without.id), /prints no report/);
  });

  it('render --param overrides a section parameter', () => {
    const out = join(tmp, 'param');
    const r = cli('render', 'scaling-laws', '--out', out, '--format', 'vl', '--lang', 'en', '--param', 'emergenceThreshold=1e11');
    assert.equal(r.code, 0, r.stderr);
    const [file] = filesUnder(out).filter((f) => f.endsWith('.vl.json'));
    assert.match(readFileSync(join(out, file), 'utf8'), /100000000000\b/);
  });

  it('explain and fit are wired in', () => {
    const r = cli('explain', 'L(C) ≈ (C₀/C)^α');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /L\(C\)/);
    assert.equal(cli('explain', '--help').code, 0);
    const f = cli('fit', '--help');
    assert.equal(f.code, 0);
    assert.match(f.stdout, /emergence-lens fit/);
  });

  describe('optimal', () => {
    it('chinchilla: N_opt, D_opt, tokens/param and loss at 5.76e23 FLOPs', () => {
      // Hand calculation in test/unit/engine/allocation.test.ts:
      // N_opt = 3.2189859e10, D_opt = 2.9823057e12, 92.65 tokens/param, L = 1.9307481
      const r = cli('optimal', '--compute', '5.76e23');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^N_opt\s+3\.22e\+10 parameters/m);
      assert.match(r.stdout, /^D_opt\s+2\.98e\+12 tokens/m);
      assert.match(r.stdout, /^tokens\/param\s+92\.6$/m);
      assert.match(r.stdout, /^predicted loss\s+1\.9307$/m);
    });

    it('epoch: the replication constants give ~18 tokens per parameter', () => {
      const r = cli('optimal', '--compute=5.76e23', '--preset', 'epoch');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Besiroglu/);
      assert.match(r.stdout, /^N_opt\s+7\.22e\+10/m);
      assert.match(r.stdout, /^predicted loss\s+1\.9744$/m);
    });

    it("kaplan: Kaplan et al. 2020's published rule, in PF-days, with cautions", () => {
      // Kaplan et al. 2020 eq. 6.1 / Table 6: N_opt = 1.3e9·C^0.73, D_opt = 2e10·C^0.27, C in PF-days;
      // L(C_min) = (3.1e8/C)^0.050 (eq. 1.3). 1 PF-day = 1e15 FLOP/s × 86,400 s.
      const pf = 5.76e23 / (1e15 * 86400);
      const n = 1.3e9 * pf ** 0.73;
      const d = 2e10 * pf ** 0.27;
      const r = cli('optimal', '--compute', '5.76e23', '--preset', 'kaplan');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /eq\. 6\.1/);
      assert.match(r.stdout, new RegExp(`^N_opt\\s+${n.toExponential(2).replace('+', '\\+')}`, 'm'));
      assert.match(r.stdout, new RegExp(`^D_opt\\s+${d.toExponential(2).replace('+', '\\+')}`, 'm'));
      assert.match(r.stdout, new RegExp(`^predicted loss\\s+${((3.1e8 / pf) ** 0.05).toFixed(4)}$`, 'm'));
      // 8.05e11 parameters is far past the 1.5e9 Kaplan fitted.
      assert.match(r.stdout, /caution \[extrapolation-range\]: N_opt/);
      const zh = cliZh('optimal', '--compute', '5.76e23', '--preset', 'kaplan');
      assert.match(zh.stdout, /注意 \[extrapolation-range\]/);
    });

    it('--json: {compute, preset, params, tokens, tokensPerParam, loss, method, warnings}', () => {
      const r = cli('optimal', '--compute', '5.76e23', '--preset', 'epoch', '--json');
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      for (const key of ['compute', 'preset', 'params', 'tokens', 'tokensPerParam', 'loss', 'method', 'warnings']) assert.ok(key in j, key);
      // Besiroglu et al. 2024: G = (αA/(βB))^(1/(α+β)), N = G·(C/6)^(β/(α+β)).
      const [E, A, B, al, be] = [1.8172, 482.01, 2085.43, 0.3478, 0.3658];
      const g = ((al * A) / (be * B)) ** (1 / (al + be));
      const n = g * (5.76e23 / 6) ** (be / (al + be));
      const dd = 5.76e23 / 6 / n;
      assert.equal(j.compute, 5.76e23);
      assert.equal(j.preset, 'epoch');
      assert.ok(Math.abs((j.params as number) / n - 1) < 1e-9);
      assert.ok(Math.abs((j.tokensPerParam as number) - dd / n) < 1e-6);
      assert.ok(Math.abs((j.loss as number) - (E + A / n ** al + B / dd ** be)) < 1e-9);
      assert.ok(Array.isArray(j.warnings));
      const k = JSON.parse(cli('optimal', '--compute', '1e21', '--preset', 'kaplan', '--json').stdout) as { warnings: { code: string }[]; loss: number };
      // 1e21 FLOPs = 11.6 PF-days: just past Kaplan's ~10 PF-day range, loss well above L*.
      assert.ok(k.warnings.every((w) => w.code.includes('extrapolation')));
      assert.ok(k.loss > 1.7);
    });
  });

  describe('bad arguments: one line, exit 2, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [[], /no command/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['render'], /which section/],
      [['render', 'no-such-section', '--out', 'x'], /unknown section "no-such-section"/],
      [['render', 'all'], /--out DIR is required/],
      [['render', 'all', '--out'], /--out needs a value/],
      [['render', 'all', '--out', 'x', '--format', 'gif'], /--format must be one of svg, png, vl \(got "gif"\)/],
      [['render', 'all', '--out', 'x', '--lang', 'fr'], /--lang must be one of en, zh, both/],
      [['render', 'all', '--out', 'x', '--theme', 'neon'], /--theme must be one of/],
      [['render', 'all', '--out', 'x', '--bogus'], /unknown option --bogus/],
      [['render', 'all', '--out', 'x', '--param', 'nope=1'], /no selected section has a parameter "nope"/],
      [['render', 'all', 'extra', '--out', 'x'], /unexpected argument "extra"/],
      [['report'], /which section/],
      [['report', 'nope'], /unknown section "nope"/],
      [['optimal'], /--compute FLOPS is required/],
      [['optimal', '--compute', 'lots'], /--compute must be a number in decimal or scientific notation .* in \(6, ∞\) \(got "lots"\)/],
      [['optimal', '--compute', '-5'], /--compute must be in \(6, ∞\) \(got "-5"\)/],
      [['optimal', '--compute', '1e24', '--preset', 'gpt'], /--preset must be one of chinchilla, epoch, kaplan/],
      [['list', 'extra'], /unexpected argument "extra"/],
      [['render', 'scaling-laws', '--out', 'x', '--param', 'emergenceThreshold=lots'], /--param emergenceThreshold needs a number/],
      [['render', 'scaling-laws', '--out', 'x', '--param', 'emergenceThreshold=1e20'], /outside \[/],
      [['render', 'all', '--out', 'x', '--scale', '2'], /--scale only applies to --format png/],
      [['explain'], /missing the text/],
      [['fit'], /missing the data file/],
    ];
    for (const [args, mentions] of cases) {
      it(`emergence-lens ${args.join(' ') || '(nothing)'}`, () => assertUsageError(cli(...args), mentions));
    }
  });

  describe('messages in Chinese under LANG=zh_CN.UTF-8', () => {
    const cases: [string[], RegExp][] = [
      [[], /^emergence-lens: 未给出命令（试试 emergence-lens --help）$/],
      [['frobnicate'], /^emergence-lens: 未知命令 "frobnicate"（可用命令：render, /],
      [['render'], /^emergence-lens: render: 哪个章节？请给出章节 id 或 all（可用：all, /],
      [['render', 'no-such-section', '--out', 'x'], /^emergence-lens: render: 未知章节 "no-such-section"（可用：all, /],
      [['render', 'all'], /^emergence-lens: render: 需要 --out 目录$/],
      [['render', 'all', '--out'], /render: --out 需要一个值$/],
      [['render', 'all', '--out', 'x', '--format', 'gif'], /render: --format 只能是 svg, png, vl 之一（收到 "gif"）$/],
      [['render', 'all', '--out', 'x', '--bogus'], /render: 未知选项 --bogus（可用：--out, /],
      [['render', 'all', '--out', 'x', '--param', 'nope=1'], /所选章节都没有参数 "nope"/],
      [['render', 'all', 'extra', '--out', 'x'], /render: 多余的参数 "extra"$/],
      [
        ['render', 'scaling-laws', '--out', 'x', '--param', 'emergenceThreshold=lots'],
        /--param emergenceThreshold 需要一个十进制或科学计数法的数（收到 "lots"）/,
      ],
      [['render', 'scaling-laws', '--out', 'x', '--param', 'emergenceThreshold=1e20'], /超出范围 \[/],
      [['render', 'all', '--out', 'x', '--scale', '2'], /--scale 仅适用于 --format png$/],
      [['report', 'nope'], /^emergence-lens: report: 未知章节 "nope"/],
      [['optimal'], /^emergence-lens: optimal: 需要 --compute FLOPS（例如 --compute 5\.76e23）$/],
      [['optimal', '--compute', 'lots'], /--compute 须为十进制或科学计数法的数.*范围 \(6, ∞\)/],
      [['optimal', '--compute', '1e24', '--preset', 'gpt'], /--preset 只能是 chinchilla, epoch, kaplan 之一/],
      [['list', 'extra'], /^emergence-lens: list: 多余的参数 "extra"$/],
      [['explain'], /^缺少要解释的文本 — 用法：emergence-lens explain/],
      [['fit'], /^错误：缺少数据文件。用法：emergence-lens fit/],
      [['fit', 'runs.csv', '--form', 'cubic'], /^错误：fit: --form 只能是 chinchilla, power 之一（收到 "cubic"）/],
    ];
    for (const [args, mentions] of cases) {
      it(`emergence-lens ${args.join(' ') || '(nothing)'}`, () => assertUsageError(cliZh(...args), mentions));
    }

    it('render prints its summary in Chinese', () => {
      const section = SECTIONS[0];
      const perLang = section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME }).length;
      const out = join(tmp, 'zh-summary');
      const r = cliZh('render', section.id, '--out', out);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const [summary, open] = r.stdout.trimEnd().split('\n');
      assert.match(
        summary,
        new RegExp(
          `^render: ${2 * perLang} 张图（每种语言 ${perLang} 张 × en, zh；1 个章节）→ ${2 * perLang + 1} 个文件（SVG \\+ index\\.html），写入 .+，用时 [\\d.]+ s$`,
        ),
      );
      assert.equal(open, `打开 ${join(out, 'index.html')} 查看`);
    });

    it('--help, list and optimal are in Chinese too', () => {
      const h = cliZh('--help');
      assert.equal(h.code, 0);
      assert.match(h.stdout, /^用法：$/m);
      assert.match(cliZh('help', 'render').stdout, /--out DIR +输出目录/);
      const l = cliZh('list');
      assert.equal(l.code, 0, l.stderr);
      assert.match(l.stdout, /^ {2}参数：/m);
      for (const s of SECTIONS) assert.match(l.stdout, new RegExp(`^${s.id}\\b`, 'm'));
      const o = cliZh('optimal', '--compute', '5.76e23');
      assert.equal(o.code, 0, o.stderr);
      assert.match(o.stdout, /^N_opt\s+3\.22e\+10 个参数/m);
      assert.match(o.stdout, /^每参数 token 数 92\.6$/m);
      assert.match(o.stdout, /^预测损失 +1\.9307$/m);
    });

    it('--lang en|zh picks the message language over the environment; LC_ALL beats LANG', () => {
      assertUsageError(cliZh('render', 'all', '--lang', 'en'), /^emergence-lens: render: --out DIR is required$/);
      assertUsageError(cli('render', 'all', '--lang=zh'), /^emergence-lens: render: 需要 --out 目录$/);
      assertUsageError(cliZh('render', 'all', '--lang', 'both'), /需要 --out 目录/);
      assertUsageError(cliIn(withLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }), ['render', 'all']), /--out DIR is required/);
      assertUsageError(cliIn(withLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), ['render', 'all']), /需要 --out 目录/);
      assertUsageError(cliZh('explain', 'x', 'y', '--lang', 'en'), /^give the text as one argument/);
    });

    it('machine-readable output does not depend on the message language', () => {
      const section = SECTIONS[SECTIONS.length - 1];
      const en = join(tmp, 'vl-en');
      const zh = join(tmp, 'vl-zh');
      assert.equal(cli('render', section.id, '--out', en, '--format', 'vl').code, 0);
      assert.equal(cliZh('render', section.id, '--out', zh, '--format', 'vl').code, 0);
      assert.deepEqual(filesUnder(zh), filesUnder(en));
      for (const f of filesUnder(en)) assert.equal(readFileSync(join(zh, f), 'utf8'), readFileSync(join(en, f), 'utf8'), f);
      const json = (r: Result): unknown => JSON.parse(r.stdout);
      assert.deepEqual(json(cliZh('explain', 'C ≈ 6ND', '--json')), json(cli('explain', 'C ≈ 6ND', '--json')));
    });
  });
});

describe('cli: main.ts helpers', () => {
  it('cliLang: --lang en|zh, else LC_ALL, LC_MESSAGES, LANG (first non-empty) starting with zh', () => {
    assert.equal(envLang({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(envLang({ LANG: 'zh_TW' }), 'zh');
    assert.equal(envLang({ LANG: 'C.UTF-8' }), 'en');
    assert.equal(envLang({}), 'en');
    assert.equal(envLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(envLang({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US' }), 'zh');
    assert.equal(cliLang(['all', '--lang', 'zh'], { LANG: 'C' }), 'zh');
    assert.equal(cliLang(['--lang=en'], { LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(cliLang(['--lang', 'both'], { LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(cliLang(['--', '--lang', 'zh'], { LANG: 'C' }), 'en');
  });

  it('padDisplay counts a CJK character as two columns', () => {
    assert.equal(displayWidth('预测损失'), 8);
    assert.equal(padDisplay('预测损失', 10), '预测损失  ');
    assert.equal(padDisplay('N_opt', 8), 'N_opt   ');
  });

  it('parseArgs reports in the language asked for', () => {
    assert.throws(() => parseArgs('t', ['--nope'], {}, 'zh'), /t: 未知选项 --nope（该命令不接受选项）/);
    assert.throws(() => parseArgs('t', ['--nope'], {}, 'en'), /t: unknown option --nope \(it takes no options\)/);
  });

  it('parseArgs reads --name value, --name=value, flags and positionals', () => {
    const parsed = parseArgs('t', ['a', '--out', 'x', '--param=p=1', '--param', 'q=2', '-h', '--', '--literal'], {
      out: { kind: 'string' },
      param: { kind: 'string', repeat: true },
    });
    assert.deepEqual(parsed.positionals, ['a', '--literal']);
    assert.deepEqual(parsed.options.get('out'), ['x']);
    assert.deepEqual(parsed.options.get('param'), ['p=1', 'q=2']);
    assert.equal(parsed.help, true);
    assert.throws(() => parseArgs('t', ['--out', 'a', '--out', 'b'], { out: { kind: 'string' } }), UsageError);
  });
});
