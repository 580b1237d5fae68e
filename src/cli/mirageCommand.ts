// `emergence-lens mirage --length L [--c C --alpha A | --law kaplan] [--json]`: the mirage
// lens's table (Schaeffer et al. 2023): one per-token loss law scored by exact match and
// token edit distance, one row per decade of parameters, 1e7 to 1e13.
import { MIRAGE_DEFAULT_LAW, MIRAGE_KAPLAN_LAW, mirageTable } from '../engine/emergence/mirage';
import type { Lang } from '../engine/text';
import { CommandError, numberOption, parseOptions, type EmergenceIo } from './emergenceCommand';
import { cliLang, padDisplay, tl } from './messages';

export function mirageUsage(lang: Lang = cliLang()): string {
  return tl(
    lang,
    "emergence-lens mirage --length L [--c C --alpha A | --law kaplan] [--json] [--lang en|zh]\n\nPer-token loss L_CE(N) = (c/N)^α (default c = {0}, α = {1}; --law kaplan uses\nKaplan et al. 2020's L(N) = (8.8e13/N)^0.076), p = exp(−L_CE), exact match p^L, token edit distance\nL·(1 − p), multiple-choice grade and Brier score (4 options), for N = 1e7 … 1e13.",
    MIRAGE_DEFAULT_LAW.c,
    MIRAGE_DEFAULT_LAW.alpha,
  );
}

export function runMirageCommand(argv: readonly string[], io: Pick<EmergenceIo, 'out' | 'err'>): number {
  const lang = cliLang(argv);
  try {
    const args = parseOptions('mirage', argv, ['length', 'c', 'alpha', 'law', 'lang'], ['json'], lang);
    if (args.positionals.length) throw new CommandError(tl(lang, 'mirage: unexpected argument "{0}"', args.positionals[0]));
    if (!args.values.has('length')) throw new CommandError(tl(lang, 'mirage: --length L is required (target length in tokens)'));
    const length = numberOption('mirage', args.values, 'length', 1, 1, 10000, lang);
    const lawName = args.values.get('law');
    if (lawName !== undefined && lawName !== 'kaplan') throw new CommandError(tl(lang, 'mirage: --law must be kaplan (got "{0}")', lawName));
    if (lawName && (args.values.has('c') || args.values.has('alpha'))) throw new CommandError(tl(lang, 'mirage: --law kaplan fixes c and α; drop --c/--alpha'));
    const base = lawName === 'kaplan' ? MIRAGE_KAPLAN_LAW : MIRAGE_DEFAULT_LAW;
    const law = {
      c: numberOption('mirage', args.values, 'c', base.c, Number.MIN_VALUE, 1e30, lang),
      alpha: numberOption('mirage', args.values, 'alpha', base.alpha, 1e-6, 10, lang),
    };
    const rows = mirageTable(law, { length }, 7, 13, 13);
    if (args.flags.has('json')) {
      const out = {
        law,
        length,
        rows: rows.map((r) => ({
          params: r.params,
          perTokenLoss: r.perTokenLoss,
          perTokenAccuracy: r.perTokenAccuracy,
          exactMatch: r.exactMatch,
          tokenEditDistance: r.tokenEditDistance,
          multipleChoiceGrade: r.multipleChoiceGrade,
          brierScore: r.brierScore,
        })),
      };
      io.out(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const head = [tl(lang, 'params'), 'L_CE', 'p', tl(lang, 'exact match'), tl(lang, 'edit distance'), 'MC', 'Brier'];
    const lines = [
      tl(lang, 'L_CE(N) = ({0}/N)^{1}, target length L = {2} (Schaeffer et al. 2023)', law.c.toExponential(3), law.alpha, length),
      head.map((h) => padDisplay(h, 15)).join(''),
      ...rows.map((r) =>
        [
          r.params.toExponential(0),
          r.perTokenLoss.toPrecision(4),
          r.perTokenAccuracy.toFixed(4),
          r.exactMatch.toExponential(3),
          r.tokenEditDistance.toFixed(4),
          String(r.multipleChoiceGrade),
          r.brierScore.toFixed(4),
        ]
          .map((c) => padDisplay(c, 15))
          .join(''),
      ),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
