// What a recognised formula means, in English and Simplified Chinese: its name, what
// it says, a table of its terms with published values, a worked example that uses
// the constants written in the formula or the note (the rest from ONE published fit,
// named), warnings when the constants mix fits, laws or units, and the meaning of one
// symbol. Pure data and arithmetic; the hover provider only renders explanationToMarkdown().

import { FITS, KAPLAN_BREAKDOWN_LOSS, fitConstantsText, fittedComputeFlops, type FitId } from '../laws/fits';
import { kaplanCombinedLoss } from '../laws/powerLaws';
import type { Lang } from '../text';
import { workedExample, type ExampleOutcome } from './example';
import { ALIASES, OPTIONAL_ROLES, ROLE_TEXT, ROLE_TEXT_BY_KIND, ROWS, NAME, SAYS, defaultLabel, type RoleText } from './explainWords';
import { chooseFit, computeUnitOf, isConstantRole, KIND_MODELS, type FitChoice, type GivenValue } from './fitChoice';
import { KIND_SOURCES, PUBLISHED, SOURCES, sourceOfFit, type PublishedValue, type SourceId } from './published';
import type { FormulaKind, FormulaSymbol, Recognition, SymbolRole } from './recognize';
import type { ComputeUnit, NoteValue } from './values';

export { codeSpan, explanationToMarkdown } from './explainMarkdown';
import { formatConstant, formatNumber } from './numbers';

type ValueSource = 'formula' | 'note' | 'published';

export interface ResolvedValue {
  value: number;
  source: ValueSource;
  /** Which paper, when source is "published". */
  publishedBy?: SourceId;
  /** Which fit, when source is "published". */
  fit?: FitId;
  /** The published value was computed from a paper's constants (show fewer digits). */
  derived?: boolean;
  /** For a compute: the unit the value is in (written in the note, or read from its size). */
  unit?: ComputeUnit;
  /** Whether that unit was written in the note. */
  unitWritten?: boolean;
}

interface TermRow {
  role: SymbolRole;
  /** As the formula writes it ("N_c", "α_N"), or the usual spelling. */
  symbol: string;
  meaning: string;
  unit: string;
  /** Published values with citations, "—" when none apply. */
  typical: string;
  /** The value this explanation uses, when the formula or the note gives one. */
  value?: number;
  valueSource?: 'formula' | 'note';
}

/** One symbol explained on its own: the same facts as its row in the terms table. */
type SymbolExplanation = TermRow;

/** A problem with the note's constants, or a caution about the example's range. */
interface ExplanationWarning {
  /** "mixed-fits", "not-in-law", "far-from-fit", "unit-mismatch", "extrapolation-range", "extrapolation-past-breakdown". */
  code: string;
  message: string;
}

/** The number the worked example arrives at. */
export interface ExampleResult {
  symbol: string;
  value: number;
  unit: string;
}

export interface Explanation {
  kind: FormulaKind;
  lang: Lang;
  name: string;
  /** The formula as written. */
  formula: string;
  says: string;
  terms: TermRow[];
  /** The worked example, one short paragraph. */
  example: string;
  /** The numbers the example used, by role, and where each came from. */
  exampleValues: Partial<Record<SymbolRole, ResolvedValue>>;
  /** The number the example arrives at; null when it has none. */
  exampleResult: ExampleResult | null;
  /** The published fit that supplied the constants the note leaves out, if any. */
  fit: { id: FitId; label: string } | null;
  warnings: ExplanationWarning[];
  /** Set when explaining one symbol of the formula. */
  symbol?: SymbolExplanation;
  sources: { label: string; title: string; url?: string }[];
}

function roleText(kind: FormulaKind, role: SymbolRole): RoleText {
  return ROLE_TEXT_BY_KIND[kind]?.[role] ?? ROLE_TEXT[role];
}

/** A published value as printed: computed ones to 3 digits, printed ones with all their digits. */
function publishedNumber(p: PublishedValue): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: every published entry has a text or a value (published.ts)
  if (p.value === undefined) return '';
  return p.derived ? formatNumber(p.value) : formatConstant(p.value);
}

/**
 * The published values of a role, cited. Built on each call: a few short strings per
 * row, so a cache would only add state.
 */
export function typicalText(kind: FormulaKind, role: SymbolRole, lang: Lang): string {
  const list = PUBLISHED[kind][role];
  // Never empty: published.ts lists one value per fit of the kind's law.
  if (!list) {
    // A floor written into a Kaplan law: say that the law has none rather than borrow one.
    if (isConstantRole(role) && KIND_MODELS[kind].law?.startsWith('kaplan')) {
      return lang === 'zh' ? '—(Kaplan 的这条定律没有这一项)' : "— (Kaplan's law has no such term)";
    }
    return '—';
  }
  return list
    .map((p) => {
      const base = p.text ?? publishedNumber(p);
      const v = p.se !== undefined ? `${base} ± ${formatConstant(p.se)}` : base;
      const cite = SOURCES[p.source].label[lang];
      const note = p.note ? (lang === 'zh' ? `,${p.note.zh}` : `, ${p.note.en}`) : '';
      return lang === 'zh' ? `${v}(${cite}${note})` : `${v} (${cite}${note})`;
    })
    .join(lang === 'zh' ? ';' : '; ');
}

export function labelFor(rec: Recognition, role: SymbolRole): string {
  const s = rec.symbols.find((x) => x.role === role && x.value === undefined);
  return s?.label ?? defaultLabel(rec.kind, role);
}

/** Values by role: the formula's own numbers, then the note's (nearest first), then ONE fit. */
export class Resolver {
  private readonly given = new Map<SymbolRole, GivenValue>();
  readonly choice: FitChoice;

  constructor(
    readonly rec: Recognition,
    noteValues: readonly NoteValue[] | undefined,
  ) {
    // First value per key wins: callers order note values nearest-first. Every
    // quantity in these laws is positive; anything else is a typo, not a value.
    const notes = new Map<string, NoteValue>();
    // Stryker disable next-line ArrayDeclaration: an element that is not a note value has no finite value and is skipped
    for (const v of noteValues ?? []) {
      if (Number.isFinite(v.value) && v.value > 0 && !notes.has(v.symbol)) notes.set(v.symbol, v);
    }
    const roles = new Set<SymbolRole>([...ROWS[rec.kind], ...rec.symbols.map((s) => s.role)]);
    for (const role of roles) {
      const fromFormula = rec.params[role] ?? Number.NaN;
      if (Number.isFinite(fromFormula)) {
        this.given.set(role, withUnit({ role, value: fromFormula, source: 'formula' }));
        continue;
      }
      // The formula's own spellings of the role (a role it writes as a number was taken above), then the aliases.
      // Stryker disable next-line ArrayDeclaration: a note value's symbol is a symbolKey, which is never the mutant's text
      const aliases = ALIASES[rec.kind][role] ?? [];
      const keys = [...rec.symbols.filter((s) => s.role === role).map((s) => s.key), ...aliases];
      for (const k of keys) {
        const v = notes.get(k);
        if (v !== undefined) {
          this.given.set(role, withUnit({ role, value: v.value, source: 'note' }, v.unit));
          break;
        }
      }
    }
    const needed = ROWS[rec.kind].filter((r) => isConstantRole(r) && (!OPTIONAL_ROLES.has(r) || rec.symbols.some((s) => s.role === r)));
    this.choice = chooseFit(rec.kind, this.given, needed, (role) => labelFor(rec, role));
  }

  /** The value the formula or the note writes for a role, if any. */
  written(role: SymbolRole): GivenValue | undefined {
    return this.given.get(role);
  }

  /** Formula > note > the chosen fit (only constants of the formula's own law). */
  get(role: SymbolRole, withPublished = true): ResolvedValue | undefined {
    const g = this.given.get(role);
    if (g) return g.unit ? { value: g.value, source: g.source, unit: g.unit, unitWritten: g.unitWritten === true } : { value: g.value, source: g.source };
    if (!withPublished) return undefined;
    const fit = this.choice.fit;
    // Stryker disable next-line ConditionalExpression: only a kind without a law (C ≈ 6ND) has no fit, and it has no constants either, so the next test returns then too
    if (fit === undefined) return undefined;
    const c = KIND_MODELS[this.rec.kind].constants[role];
    if (c === undefined) return undefined;
    const value = c.get(fit);
    const derived = !Object.values(FITS[fit].constants).some((k) => k.value === value);
    const unit = c.unit === 'PF-days' ? { unit: 'PF-days' as ComputeUnit, unitWritten: true } : {};
    return { value, source: 'published', publishedBy: sourceOfFit(fit), fit, ...(derived ? { derived } : {}), ...unit };
  }
}

function withUnit(g: GivenValue, written?: ComputeUnit): GivenValue {
  if (g.role !== 'C' && g.role !== 'C_0') return g;
  return { ...g, unit: computeUnitOf(g.value, written), unitWritten: written !== undefined };
}

function fmtRange(r: readonly [number, number]): string {
  return `${formatNumber(r[0])}–${formatNumber(r[1])}`;
}

/** Cautions for an example outside the data its fit was fitted on, or past Kaplan's breakdown. */
function extrapolationWarnings(fitId: FitId, outcome: ExampleOutcome, lang: Lang): ExplanationWarning[] {
  const fit = FITS[fitId];
  const out: ExplanationWarning[] = [];
  const p = outcome.point;
  if (!p) return out;
  const outside = (x: number, r: readonly [number, number]): boolean => x < r[0] * 0.999 || x > r[1] * 1.001;
  const name = fit.label[lang];
  const cases: [number | undefined, readonly [number, number] | undefined, string, { en: string; zh: string }][] = [
    [p.N, fit.range.params, 'N', { en: 'parameters', zh: '参数' }],
    [p.D, fit.range.tokens, 'D', { en: 'tokens', zh: 'token' }],
    [p.computeFlops, fittedComputeFlops(fit), 'C', { en: 'FLOPs', zh: 'FLOPs' }],
  ];
  for (const [x, r, sym, unit] of cases) {
    // Stryker disable next-line ConditionalExpression: outside(undefined, r) compares undefined, which is false both ways (the test is for the type)
    if (x === undefined) continue;
    if (r === undefined || !outside(x, r)) continue;
    out.push({
      code: 'extrapolation-range',
      message:
        lang === 'zh'
          ? `${sym} = ${formatNumber(x)} 超出${name}拟合所用数据的范围(${fmtRange(r)} ${unit.zh}):算例是外推。`
          : `${sym} = ${formatNumber(x)} is outside the range ${name} was fitted on (${fmtRange(r)} ${unit.en}): the example extrapolates.`,
    });
  }
  // A point without a loss is past no breakdown.
  const loss = p.loss ?? Infinity;
  if (fitId.startsWith('kaplan') && loss < KAPLAN_BREAKDOWN_LOSS) {
    out.push({
      code: 'extrapolation-past-breakdown',
      message:
        lang === 'zh'
          ? `L ≈ ${formatNumber(loss)} 低于 Kaplan 等估计其定律失效的 L* ≈ 1.7 奈特(§6.3):此处的数不可信。`
          : `L ≈ ${formatNumber(loss)} is below L* ≈ 1.7 nats, where Kaplan et al. expect their laws to break down (§6.3): do not trust this number.`,
    });
  }
  return out;
}

/** Kaplan's own law in N and D (eq. 1.5) at the example's point, for a note that sums L(N) and L(D). */
function kaplanJointComparison(outcome: ExampleOutcome, lang: Lang): string {
  const p = outcome.point;
  // Stryker disable next-line all: unreachable: a Kaplan sum is an additive formula, whose law has fits, so its example resolves every constant and has a point with N and D
  if (!p || p.N === undefined || p.D === undefined) return '';
  const c = FITS['kaplan2020-joint'].constants;
  const joint = kaplanCombinedLoss(p.N, p.D, { nc: c.nc.value, dc: c.dc.value, alphaN: c.alphaN.value, alphaD: c.alphaD.value });
  return lang === 'zh'
    ? `Kaplan 自己的联合定律(式 1.5,${fitConstantsText('kaplan2020-joint')})在此处给出 L ≈ ${formatNumber(joint)}。`
    : `Kaplan's own joint law (eq. 1.5, ${fitConstantsText('kaplan2020-joint')}) gives L ≈ ${formatNumber(joint)} here.`;
}

/**
 * Explains a recognised formula in `lang`. Values come from the formula itself, then
 * from `noteValues` (nearest first), then from ONE published fit of the formula's law.
 * With `focus`, the explanation also describes that one symbol.
 */
export function explain(recognition: Recognition, lang: Lang, noteValues?: readonly NoteValue[], focus?: FormulaSymbol | SymbolRole): Explanation {
  const kind = recognition.kind;
  const resolver = new Resolver(recognition, noteValues);
  const terms: TermRow[] = [];
  for (const role of ROWS[kind]) {
    if (OPTIONAL_ROLES.has(role) && !recognition.symbols.some((s) => s.role === role)) continue;
    const text = roleText(kind, role);
    const row: TermRow = {
      role,
      symbol: labelFor(recognition, role),
      meaning: text.meaning[lang],
      unit: text.unit[lang],
      typical: typicalText(kind, role, lang),
    };
    const g = resolver.written(role);
    if (g) {
      row.value = g.value;
      row.valueSource = g.source;
    }
    terms.push(row);
  }
  const exampleValues: Partial<Record<SymbolRole, ResolvedValue>> = {};
  const outcome = workedExample(recognition, resolver, lang, exampleValues);
  const choice = resolver.choice;
  const warnings: ExplanationWarning[] = choice.warnings.map((w) => ({ code: w.code, message: w.message[lang] }));
  let example = outcome.text;
  if (choice.kaplanSum) example += `${lang === 'zh' ? '' : ' '}${kaplanJointComparison(outcome, lang)}`;
  // The fit the explanation shows numbers of: one whose constants the example took, or that all the given constants match.
  const shown = choice.allFromFit || Object.values(exampleValues).some((v) => v.fit === choice.fit) ? choice.fit : undefined;
  if (shown !== undefined && !choice.warnings.some((w) => w.code === 'mixed-fits' || w.code === 'far-from-fit')) {
    warnings.push(...extrapolationWarnings(shown, outcome, lang));
  }
  const fitUsed = shown === undefined ? null : { id: shown, label: FITS[shown].label[lang] };
  const explanation: Explanation = {
    kind,
    lang,
    name: NAME[kind][lang],
    formula: recognition.text,
    says: SAYS[kind][lang],
    terms,
    example,
    exampleValues,
    exampleResult: outcome.result ?? null,
    fit: fitUsed,
    warnings,
    sources: KIND_SOURCES[kind].map((id) => ({ label: SOURCES[id].label[lang], title: SOURCES[id].title, url: SOURCES[id].url })),
  };
  if (focus !== undefined) {
    const role = typeof focus === 'string' ? focus : focus.role;
    const text = roleText(kind, role);
    const sym: SymbolExplanation = {
      role,
      symbol: typeof focus === 'string' ? labelFor(recognition, role) : focus.value !== undefined ? defaultLabel(kind, role) : focus.label,
      meaning: text.meaning[lang],
      unit: text.unit[lang],
      typical: typicalText(kind, role, lang),
    };
    const g = resolver.written(role);
    if (g) {
      sym.value = g.value;
      sym.valueSource = g.source;
    }
    explanation.symbol = sym;
  }
  return explanation;
}
