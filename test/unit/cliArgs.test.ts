// Issue 14, items 6, 7 and 10: the CLI's argument contract. Most cases run main.ts's
// run() in-process (fast); the /proc case also runs the built binary under a timeout,
// since the bug it guards against was a hang.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  choiceOption,
  MAX_NUMBER_CHARS,
  noExtraPositionals,
  numberOption,
  parseArgs,
  parseDecimal,
  parseNumberArg,
  requireOption,
  UsageError,
} from '../../src/cli/args';
import { run, type CliIo } from '../../src/cli/main';
import { makeDirectory, prepareOutputDir } from '../../src/cli/outputDir';
import { displayValue, oneLine } from '../../src/engine/text';

const ROOT = resolve(__dirname, '..', '..');

/** Newest modification time under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

interface Outcome {
  code: number;
  out: string[];
  err: string[];
}

async function cli(...argv: string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  const code = await run(argv, io);
  return { code, out, err };
}

/** Exit 2, nothing on stdout, one printable line on stderr that matches. */
function assertOneLine(r: Outcome, mentions: RegExp, code = 2): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.err.join('|')})`);
  if (code === 2) assert.deepEqual(r.out, []);
  assert.equal(r.err.length, 1, `one message, got ${JSON.stringify(r.err)}`);
  const line = r.err[0];
  // eslint-disable-next-line no-control-regex -- the point is that none is there
  assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, 'no raw control character');
  assert.match(line, mentions);
}

describe('cli arguments: the contract of issue 14 (items 6, 7, 10)', function () {
  this.timeout(60_000);
  let tmp: string;
  const saved = { LC_ALL: process.env.LC_ALL };

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'emergence-lens-args-'));
    process.env.LC_ALL = 'C.UTF-8';
  });

  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    if (saved.LC_ALL === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = saved.LC_ALL;
  });

  describe('numbers: decimal and scientific notation only', () => {
    it('parseDecimal accepts 42, -0.5, .5, 5., 5.76e23, 1E-3, +7', () => {
      for (const [text, value] of [
        ['42', 42],
        ['-0.5', -0.5],
        ['.5', 0.5],
        ['5.', 5],
        ['5.76e23', 5.76e23],
        ['1E-3', 1e-3],
        ['+7', 7],
      ] as const) {
        assert.equal(parseDecimal(text), value, text);
      }
    });

    it('parseDecimal refuses hex, octal, binary, Infinity, separators, spaces, empty and over-long text', () => {
      for (const text of [
        '0x1000',
        '0X10',
        '0o17',
        '0b101',
        'Infinity',
        '-Infinity',
        'NaN',
        '1_000',
        '1,000',
        ' 5',
        '5 ',
        ' ',
        '',
        '.',
        'e5',
        '1e',
        '1e+',
        '--5',
        '1.2.3',
        '١٢',
      ]) {
        assert.equal(parseDecimal(text), undefined, JSON.stringify(text));
      }
      assert.equal(parseDecimal('1'.repeat(MAX_NUMBER_CHARS)), Number('1'.repeat(MAX_NUMBER_CHARS)));
      assert.equal(parseDecimal('1'.repeat(MAX_NUMBER_CHARS + 1)), undefined);
    });

    it('optimal --compute 0x1000 and --param emergenceThreshold=0x2540BE400 are refused (were taken as hex)', async () => {
      assertOneLine(await cli('optimal', '--compute', '0x1000'), /optimal: --compute must be a number in decimal or scientific notation .*\(got "0x1000"\)/);
      assertOneLine(
        await cli('render', 'scaling-laws', '--out', join(tmp, 'hex'), '--param', 'emergenceThreshold=0x2540BE400'),
        /--param emergenceThreshold needs a number in decimal or scientific notation \(got "0x2540BE400"\)/,
      );
      assert.equal(existsSync(join(tmp, 'hex')), false, 'a refused command creates no folder');
      // The same value in decimal is taken.
      const ok = await cli('optimal', '--compute', '4096');
      assert.equal(ok.code, 0, ok.err.join('\n'));
    });

    it('--scale has a documented range: --format png --scale 0.001 exits 2 naming it (was resvg\'s "Target size is zero")', async () => {
      for (const scale of ['0.001', '0', '-1', '9', '1e999', 'big']) {
        assertOneLine(await cli('render', 'all', '--out', join(tmp, 'png'), '--format', 'png', '--scale', scale), /render: --scale must .*\[0\.25, 8\]/);
      }
      const help = await cli('help', 'render');
      assert.match(help.out.join('\n'), /--scale N +PNG pixel density, 0\.25 to 8 \(default 2\)/);
    });

    it('numberOption and parseNumberArg check whole numbers and open bounds', () => {
      const args = parseArgs('fit', ['--bootstrap', '2.5'], { bootstrap: { kind: 'string' } }, 'en');
      assert.throws(
        () => numberOption('fit', args, 'bootstrap', { min: 0, max: 10_000, integer: true }, 'en'),
        /fit: --bootstrap must be in \[0, 10000\], a whole number \(got "2.5"\)/,
      );
      assert.equal(numberOption('fit', parseArgs('fit', [], { bootstrap: { kind: 'string' } }, 'en'), 'bootstrap', { min: 0 }, 'en', 7), 7);
      assert.equal(parseNumberArg('optimal', '--compute', '6.000001', { min: 6, minExclusive: true }, 'en'), 6.000001);
      assert.throws(() => parseNumberArg('optimal', '--compute', '6', { min: 6, minExclusive: true }, 'en'), /must be in \(6, ∞\)/);
      assert.throws(() => parseNumberArg('t', '--x', '1', { min: 0, max: 1, maxExclusive: true }, 'zh'), /t: --x 须在 \[0, 1\) 内（收到 "1"）/);
    });
  });

  describe('empty values and the end of options', () => {
    it('--name= and --name " " are errors, not 0 (fit --bootstrap= / --seed " ")', () => {
      const spec = { bootstrap: { kind: 'string' as const }, seed: { kind: 'string' as const } };
      assert.throws(() => parseArgs('fit', ['data.csv', '--bootstrap='], spec, 'en'), /^Error: fit: --bootstrap needs a value \(got ""\)$/);
      assert.throws(() => parseArgs('fit', ['data.csv', '--seed', ' '], spec, 'en'), /fit: --seed needs a value \(got " "\)/);
      assert.throws(() => parseArgs('fit', ['data.csv', '--seed', '\t\n'], spec, 'en'), /fit: --seed needs a value \(got "\\t\\n"\)/);
      assert.throws(() => parseArgs('fit', ['data.csv', '--seed'], spec, 'en'), /fit: --seed needs a value$/);
      assert.throws(() => parseArgs('fit', ['data.csv', '--seed', '--'], spec, 'en'), /fit: --seed needs a value/);
    });

    it('render --out= and --scale= are errors', async () => {
      assertOneLine(await cli('render', 'all', '--out='), /render: --out needs a value/);
      assertOneLine(await cli('render', 'all', '--out', join(tmp, 'e'), '--format', 'png', '--scale='), /render: --scale needs a value/);
    });

    it('requireOption, choiceOption and noExtraPositionals: one line naming the option and the value', () => {
      const spec = { compute: { kind: 'string' as const }, preset: { kind: 'string' as const } };
      assert.throws(
        () => requireOption('optimal', parseArgs('optimal', [], spec, 'en'), 'compute', 'FLOPS', 'en'),
        /^Error: optimal: --compute FLOPS is required$/,
      );
      assert.equal(requireOption('optimal', parseArgs('optimal', ['--compute=1e21'], spec, 'en'), 'compute', 'FLOPS', 'en'), '1e21');
      const preset = parseArgs('optimal', ['--preset', 'gpt\x1b'], spec, 'en');
      assert.throws(
        () => choiceOption('optimal', preset, 'preset', ['chinchilla', 'epoch'], 'chinchilla', 'en'),
        /optimal: --preset must be one of chinchilla, epoch \(got "gpt\\x1b"\)/,
      );
      assert.equal(choiceOption('optimal', parseArgs('optimal', [], spec, 'en'), 'preset', ['chinchilla', 'epoch'], 'epoch', 'en'), 'epoch');
      assert.throws(() => noExtraPositionals('list', ['a', 'b\r'], 1, 'en'), /list: unexpected argument "b\\r"/);
    });

    it('-- ends options: explain -- "--x" explains the text "--x" (nothing recognised, exit 1)', async () => {
      const r = await cli('explain', '--', '--x');
      assertOneLine(r, /^No scaling-law formula recognised in: --x$/, 1);
      const ok = await cli('explain', '--json', '--', '--lang');
      assert.equal(ok.code, 1, 'the text "--lang" after -- is text, not an option');
      const formula = await cli('explain', '--', 'L(C) ≈ (C₀/C)^α');
      assert.equal(formula.code, 0, formula.err.join('\n'));
    });

    it('a negative number or a pasted list item is a value, not an option', () => {
      const parsed = parseArgs('t', ['-5', '- L(C) ≈ (C₀/C)^α', '--x', '-1e3'], { x: { kind: 'string' } }, 'en');
      assert.deepEqual(parsed.positionals, ['-5', '- L(C) ≈ (C₀/C)^α']);
      assert.deepEqual(parsed.options.get('x'), ['-1e3']);
      assert.throws(() => parseArgs('t', ['-x'], {}, 'en'), /t: unknown option "-x"/);
    });

    it('fit --bootstrap= and fit --seed " " exit 2 (were taken as 0)', async () => {
      assertOneLine(await cli('fit', 'data.csv', '--bootstrap='), /^emergence-lens: fit: --bootstrap needs a value \(got ""\)$/);
      assertOneLine(await cli('fit', 'data.csv', '--seed', ' '), /^emergence-lens: fit: --seed needs a value \(got " "\)$/);
      assertOneLine(await cli('fit', ''), /fit: empty argument/);
    });

    it('fit parses its numbers like every other command: decimal or scientific only, no hex', async () => {
      assertOneLine(
        await cli('fit', 'data.csv', '--bootstrap', '0x10'),
        /fit: --bootstrap must be a number in decimal or scientific notation .*\[0, 10000\], a whole number \(got "0x10"\)/,
      );
      assertOneLine(await cli('fit', 'data.csv', '--budget', '0x1000'), /fit: --budget must be a number in decimal or scientific notation .*\(got "0x1000"\)/);
      assertOneLine(await cli('fit', 'data.csv', '--seed', '1.5'), /fit: --seed must be in \[0, 4294967295\], a whole number \(got "1\.5"\)/);
      assertOneLine(await cli('fit', 'data.csv', 'more.csv'), /fit: unexpected argument "more\.csv"/);
    });

    it('fit fit says the command was typed twice (was "missing the data file")', async () => {
      assertOneLine(await cli('fit', 'fit'), /fit: "fit" given twice .*a file named fit is \.\/fit/);
      assertOneLine(await cli('fit', 'fit', 'data.csv'), /"fit" given twice/);
    });
  });

  describe('--out: a folder that can be written, else one line and exit 2', () => {
    it('an existing file exits 2 (was exit 1, ENOTDIR)', async () => {
      const file = join(tmp, 'a-file');
      writeFileSync(file, 'x');
      assertOneLine(await cli('render', 'scaling-laws', '--out', file), /render: --out ".*a-file" is a file, not a folder$/);
      assertOneLine(
        await cli('render', 'scaling-laws', '--out', join(file, 'sub')),
        /render: cannot write into --out ".*a-file\/sub": a part of the path is a file, not a folder$/,
      );
    });

    it('/proc/self/x exits 2 at once in-process (it used to spin in a recursive mkdir loop)', async () => {
      assertOneLine(
        await cli('render', 'scaling-laws', '--out', '/proc/self/x'),
        /render: cannot write into --out "\/proc\/self\/x": that place cannot hold new folders$/,
      );
      assertOneLine(await cli('render', 'scaling-laws', '--out', '/proc/self/x/y/z'), /render: cannot write into --out/);
      // An existing folder that cannot be written into (procfs refuses new files even to root).
      assertOneLine(await cli('render', 'scaling-laws', '--out', '/proc/self'), /render: cannot write into --out "\/proc\/self": /);
    });

    it('the built binary: render --out /proc/self/x prints one line and exits 2 within the timeout', function () {
      this.timeout(300_000);
      const cliJs = join(ROOT, 'dist', 'cli.js');
      if (!existsSync(cliJs) || statSync(cliJs).mtimeMs < newestMtime(join(ROOT, 'src'))) {
        execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
      }
      const r = spawnSync(process.execPath, [cliJs, 'render', 'scaling-laws', '--out', '/proc/self/x'], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      });
      assert.equal(r.signal, null, 'finished by itself (not killed by the timeout)');
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^emergence-lens: render: cannot write into --out "\/proc\/self\/x": that place cannot hold new folders\n$/);
    });

    it('prepareOutputDir creates missing folders level by level and proves them writable', () => {
      const deep = join(tmp, 'a', 'b', 'c');
      assert.equal(prepareOutputDir('render', deep, 'en'), deep);
      assert.ok(existsSync(deep));
      makeDirectory(deep);
      assert.throws(
        () => makeDirectory('/proc/self/x'),
        (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
      );
      assert.throws(
        () => prepareOutputDir('render', '/proc/self/x', 'zh'),
        (e: unknown) => e instanceof UsageError && /render: 无法写入 --out "\/proc\/self\/x"：该位置不能新建文件夹/.test(e.message),
      );
    });
  });

  describe('error lines: control characters escaped, long values cut, one line', () => {
    it('displayValue escapes ESC, CR, NUL, LF, DEL, C1, bidi overrides and lone surrogates', () => {
      assert.equal(displayValue('\x1b[31mred\r\0x\n\x7f\x85'), '\\x1b[31mred\\r\\x00x\\n\\x7f\\x85');
      assert.equal(displayValue('abc\u202edef\u2028'), 'abc\\u{202e}def\\u{2028}');
      assert.equal(displayValue('a\ud800b'), 'a\\u{d800}b');
      assert.equal(displayValue('𝐿(𝐶) 中文'), '𝐿(𝐶) 中文', 'printable text, astral characters included, is kept');
      assert.equal(displayValue('x'.repeat(100), 10), `${'x'.repeat(10)}…`);
      assert.equal(displayValue('😀'.repeat(10), 5), `${'😀'.repeat(3)}…`, 'a surrogate pair is never split');
      assert.equal(oneLine('first\r\nsecond\n\nthird\rx'), 'first — second — third\\rx');
    });

    it('an unknown section made of ESC, CR and NUL is quoted escaped', async () => {
      const r = await cli('render', '\x1b[2J\x1b[31mevil\r\0', '--out', join(tmp, 'x'));
      assertOneLine(r, /render: unknown section "\\x1b\[2J\\x1b\[31mevil\\r\\x00" \(known: /);
    });

    it('a 100,000-character argument is cut with an ellipsis', async () => {
      const long = '9'.repeat(100_000);
      for (const r of [await cli('optimal', '--compute', long), await cli('report', long), await cli(long), await cli('optimal', `--${long}`)]) {
        assert.equal(r.code, 2);
        assert.equal(r.err.length, 1);
        assert.ok(r.err[0].length < 400, `${r.err[0].length} characters`);
        assert.match(r.err[0], /9…/);
      }
    });

    it('--param names and values with control characters stay on one line', async () => {
      assertOneLine(await cli('render', 'scaling-laws', '--out', join(tmp, 'p'), '--param', 'a\nb=1'), /no selected section has a parameter "a\\nb"/);
      assertOneLine(await cli('render', 'scaling-laws', '--out', join(tmp, 'p'), '--param', 'emergenceThreshold=1\x1b[0m'), /\(got "1\\x1b\[0m"\)/);
    });

    it('explain: control characters in the text are escaped and a long text is cut', async () => {
      const r = await cli('explain', `A/B testing \x1b]0;title\x07 ${'x'.repeat(5000)}`);
      assertOneLine(r, /^No scaling-law formula recognised in: A\/B testing \\x1b\]0;title\\x07 x+…$/, 1);
      assert.ok(r.err[0].length < 300);
      assertOneLine(await cli('explain', 'L(C) ≈ (C₀/C)^α', '--lang', '\x1b[31m'), /--lang must be en or zh, got "\\x1b\[31m"/);
    });
  });
});
