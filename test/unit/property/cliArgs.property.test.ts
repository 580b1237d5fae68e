// Property suite (issue 14): the CLI's argument parser under random and adversarial
// command lines. Whatever argv holds (long digit runs, long bracket runs, control
// bytes, mixed encodings, hex, empty values, stray "--"), run() never throws, the
// answer is a result (exit 0, or 1 for "nothing recognised") or exactly one clean
// line with exit 2, each command line stays under a per-input bound, and cost grows
// no faster than the arguments.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_NUMBER_CHARS, parseArgs, parseDecimal, UsageError } from '../../../src/cli/args';
import { run, type CliIo } from '../../../src/cli/main';
import { SECTIONS } from '../../../src/sections';
import { assertLinear, assertPrintableLine, CONTROL_BYTES, hostileText, loadShipped, longRun, MIXED_ENCODINGS, withinBound } from './hostileInput';

type ArgsModule = typeof import('../../../src/cli/args');

/** Per command line (ms): parsing and refusing is instant; report and explain do a little work. */
const RUN_BOUND_MS = 250;

const NUMBERS = [
  '2',
  '0.5',
  '.5',
  '5.',
  '5.76e23',
  '1e-3',
  '1E+3',
  '-5',
  '+7',
  '0x1000',
  '0X10',
  '0b11',
  '0o7',
  '1_000',
  '1,000',
  'Infinity',
  'NaN',
  '1e999',
  '',
  ' ',
  '\t',
  '１２',
];
const OPTIONS = [
  '--out',
  '--format',
  '--lang',
  '--theme',
  '--param',
  '--scale',
  '--compute',
  '--preset',
  '--json',
  '--help',
  '-h',
  '--',
  '--bogus',
  '-x',
  '--out=',
  '--scale=',
  '--compute=',
  '--param=',
];
const VALUES = [
  'svg',
  'png',
  'vl',
  'gif',
  'en',
  'zh',
  'both',
  'fr',
  'light',
  'dark',
  'chinchilla',
  'epoch',
  'kaplan',
  'emergenceThreshold=1e10',
  'emergenceThreshold=0x2540BE400',
  'nope=1',
  '=',
  'a=b=c',
];

/** One argument: an option, a value, a number (good or hostile), a control byte, a long run, or free hostile text. */
const argument = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OPTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL_BYTES, ...MIXED_ENCODINGS) },
  { weight: 1, arbitrary: longRun(20_000) },
  { weight: 2, arbitrary: hostileText(2000, 8) },
);

/**
 * Commands that only read: report may get a real section id; render never does, so it
 * stops at its checks and writes nothing (a random --out is never reached).
 */
const commandLine = fc.oneof(
  fc.tuple(fc.constant('render'), fc.array(argument, { maxLength: 8 })).map(([c, rest]) => [c, ...rest]),
  fc
    .tuple(fc.constant('report'), fc.option(fc.constantFrom(...SECTIONS.map((s) => s.id)), { nil: undefined }), fc.array(argument, { maxLength: 6 }))
    .map(([c, id, rest]) => [c, ...(id ? [id] : []), ...rest]),
  fc
    .tuple(fc.constantFrom('optimal', 'list', 'explain', 'help', 'frobnicate', '--version'), fc.array(argument, { maxLength: 8 }))
    .map(([c, rest]) => [c, ...rest]),
  fc.array(argument, { maxLength: 6 }),
);

interface Outcome {
  code: number;
  out: string[];
  err: string[];
}

async function cli(argv: readonly string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('property: CLI arguments on hostile input (issue 14)', function () {
  this.timeout(300_000);
  let tmp: string;
  let cwd: string;
  const saved = process.env.LC_ALL;

  before(() => {
    // Whatever a random command line names, nothing lands in the repository.
    cwd = process.cwd();
    tmp = mkdtempSync(join(tmpdir(), 'emergence-lens-prop-'));
    process.chdir(tmp);
    process.env.LC_ALL = 'C.UTF-8';
  });

  after(() => {
    process.chdir(cwd);
    rmSync(tmp, { recursive: true, force: true });
    if (saved === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = saved;
  });

  it('run() never throws: exit 0, or 1 with one clean line, or 2 with one clean line and nothing on stdout', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        const t0 = performance.now();
        let r = await cli(argv);
        if (performance.now() - t0 > RUN_BOUND_MS) {
          // Measured once more, so one scheduling hiccup on a shared machine does not fail it.
          const t1 = performance.now();
          r = await cli(argv);
          const ms = performance.now() - t1;
          assert.ok(ms <= RUN_BOUND_MS, `${JSON.stringify(argv).slice(0, 200)} took ${ms.toFixed(0)} ms`);
        }
        assert.ok([0, 1, 2].includes(r.code), `exit ${r.code}`);
        if (r.code === 0) {
          assert.deepEqual(r.err, []);
          return;
        }
        if (r.code === 2) assert.deepEqual(r.out, [], 'a refusal prints nothing on stdout');
        assert.equal(r.err.length, 1, `one line, got ${JSON.stringify(r.err).slice(0, 300)}`);
        assertPrintableLine(r.err[0]);
        assert.ok(r.err[0].length <= 1200, `${r.err[0].length} characters`);
      }),
      { numRuns: 300 },
    );
  });

  it('parseArgs either parses or throws a UsageError; an option never gets an empty or blank value', () => {
    const spec = {
      out: { kind: 'string' as const },
      scale: { kind: 'string' as const },
      param: { kind: 'string' as const, repeat: true },
      json: { kind: 'flag' as const },
    };
    fc.assert(
      fc.property(fc.array(argument, { maxLength: 10 }), (argv) => {
        let parsed;
        try {
          parsed = withinBound('parseArgs', 50, () => parseArgs('t', argv, spec, 'en'));
        } catch (error) {
          assert.ok(error instanceof UsageError, String(error));
          return;
        }
        for (const [name, values] of parsed.options) {
          assert.ok(name in spec);
          for (const v of values) assert.ok(v.trim() !== '', `--${name} got a blank value`);
        }
        // Everything after the first "--" is positional, as given.
        const end = argv.indexOf('--');
        if (end >= 0) {
          const tail = argv.slice(end + 1);
          assert.deepEqual(parsed.positionals.slice(parsed.positionals.length - tail.length), tail);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseDecimal agrees with the decimal/scientific grammar on short text, and refuses anything longer than MAX_NUMBER_CHARS', () => {
    // The grammar as a regular expression: fine as a test oracle on short strings.
    const grammar = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
    const numberish = fc.array(fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', 'x', ' ', '_', ','), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ unit: 'binary', maxLength: 12 })), (text) => {
        const expected = grammar.test(text) ? Number(text) : undefined;
        assert.equal(parseDecimal(text), expected, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        longRun(100_000).filter((s) => s.length > MAX_NUMBER_CHARS),
        (text) => {
          assert.equal(
            withinBound('parseDecimal', 20, () => parseDecimal(text)),
            undefined,
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('10× longer arguments cost ≤ 15×: digit runs, bracket runs and control bytes through the parser and its checks', () => {
    const shipped = loadShipped<ArgsModule>(`${__dirname}/../../../src/cli/args.ts`);
    const spec = { compute: { kind: 'string' as const }, out: { kind: 'string' as const }, param: { kind: 'string' as const, repeat: true } };
    /** Parse, check a number, quote every value as an error line would: what a refusal costs. */
    const refuse = (argv: string[]) => (): void => {
      try {
        const args = shipped.parseArgs('t', argv, spec, 'en');
        for (const values of args.options.values()) for (const v of values) shipped.quoted(v);
        for (const p of args.positionals) shipped.quoted(p);
        shipped.noExtraPositionals('t', args.positionals, 1, 'en');
        shipped.numberOption('t', args, 'compute', { min: 6, minExclusive: true }, 'en');
      } catch (error) {
        if (!(error instanceof shipped.UsageError)) throw error;
      }
    };
    const cases: [string, (n: number) => string[]][] = [
      ['--compute <digits>', (n) => ['--compute', '9'.repeat(n)]],
      ['<brackets> positional', (n) => ['('.repeat(n), '--out', 'x']],
      ['--param <control bytes>', (n) => ['--param', `${'\x1b[0m\r\0'.repeat(n / 6)}=1`]],
      ['unknown --<digits>', (n) => [`--${'1'.repeat(n)}`]],
      ['<mixed encodings> -- <more>', (n) => [MIXED_ENCODINGS.join('').repeat(n / 40), '--', '--x'.repeat(n / 3)]],
      ['many arguments', (n) => ['a', ...Array<string>(Math.ceil(n / 100)).fill('--param=' + 'p'.repeat(90))]],
    ];
    for (const [what, argv] of cases) assertLinear(what, refuse(argv(10_000)), refuse(argv(100_000)));
  });
});
