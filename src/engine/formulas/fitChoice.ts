// Which published fit a formula's constants come from. A note may write some constants
// and leave the rest; the rest come from ONE fit of the formula's law, chosen as the fit
// that the written values match. Values that belong to a different fit, or to a
// different law, or sit far from the fit that fills the rest, are reported as warnings,
// never mixed silently.
import { FITS, FLOPS_PER_PF_DAY, LAWS, type FitId, type LawId, type QuantityUnit } from '../laws/fits';
import type { Bilingual } from '../text';
import type { FormulaKind, SymbolRole } from './recognize';
import type { ComputeUnit } from './values';

/** A value written in the formula or the note, with its unit when it is a compute. */
export interface GivenValue {
  role: SymbolRole;
  value: number;
  source: 'formula' | 'note';
  /** Written after the number, or read from its size (see computeUnitOf). */
  unit?: ComputeUnit;
  /** True when the unit was written, false when inferred from the size. */
  unitWritten?: boolean;
}

interface WarningDraft {
  code: string;
  message: Bilingual;
}

/** Roles whose values are constants of a fit (the others are variables: L, N, D, C, k). */
const CONSTANT_ROLES: ReadonlySet<SymbolRole> = new Set(['C_0', 'N_0', 'D_0', 'alpha', 'alpha_N', 'alpha_D', 'beta', 'L_inf', 'E', 'A', 'B']);

export function isConstantRole(role: SymbolRole): boolean {
  return CONSTANT_ROLES.has(role);
}

/** A compute written without a unit: below 1e15 it can only be PF-days (Kaplan's unit), above it FLOPs. */
export const PF_DAYS_LIMIT = 1e15;

export function computeUnitOf(value: number, written?: ComputeUnit): ComputeUnit {
  return written ?? (value < PF_DAYS_LIMIT ? 'PF-days' : 'FLOPs');
}

function toPfDays(value: number, unit: ComputeUnit): number {
  return unit === 'PF-days' ? value : value / FLOPS_PER_PF_DAY;
}

interface ConstantOf {
  get(fit: FitId): number;
  unit: QuantityUnit;
}

const constant = (name: string, unit: QuantityUnit): ConstantOf => ({ get: (fit) => FITS[fit].constants[name].value, unit });

/** The seed's additive form is the Chinchilla form rewritten: N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E. */
const ADDITIVE_CONSTANTS: Partial<Record<SymbolRole, ConstantOf>> = {
  N_0: { get: (f) => FITS[f].constants.A.value ** (1 / FITS[f].constants.alpha.value), unit: 'parameters' },
  D_0: { get: (f) => FITS[f].constants.B.value ** (1 / FITS[f].constants.beta.value), unit: 'tokens' },
  alpha_N: constant('alpha', 'dimensionless'),
  alpha_D: constant('beta', 'dimensionless'),
  L_inf: constant('E', 'nats'),
};

interface KindModel {
  law?: LawId;
  fits: FitId[];
  constants: Partial<Record<SymbolRole, ConstantOf>>;
}

/** Each formula kind's law, its fits (the default first) and where each role sits in them. */
export const KIND_MODELS: Readonly<Record<FormulaKind, KindModel>> = {
  'loss-compute': {
    law: 'kaplan-compute',
    fits: ['kaplan2020-compute'],
    constants: { alpha: constant('alphaC', 'dimensionless'), C_0: constant('ccMin', 'PF-days') },
  },
  'loss-params': {
    law: 'kaplan-params',
    fits: ['kaplan2020-params'],
    constants: { alpha_N: constant('alphaN', 'dimensionless'), N_0: constant('nc', 'parameters') },
  },
  'loss-data': { law: 'kaplan-data', fits: ['kaplan2020-data'], constants: { alpha_D: constant('alphaD', 'dimensionless'), D_0: constant('dc', 'tokens') } },
  'loss-kaplan-nd': {
    law: 'kaplan-joint',
    fits: ['kaplan2020-joint'],
    constants: {
      alpha_N: constant('alphaN', 'dimensionless'),
      alpha_D: constant('alphaD', 'dimensionless'),
      N_0: constant('nc', 'parameters'),
      D_0: constant('dc', 'tokens'),
    },
  },
  'loss-chinchilla': {
    law: 'chinchilla',
    fits: ['hoffmann2022', 'besiroglu2024'],
    constants: {
      E: constant('E', 'nats'),
      A: constant('A', 'nats·parameters^α'),
      B: constant('B', 'nats·tokens^β'),
      alpha: constant('alpha', 'dimensionless'),
      beta: constant('beta', 'dimensionless'),
    },
  },
  'loss-additive': { law: 'chinchilla', fits: ['hoffmann2022', 'besiroglu2024'], constants: ADDITIVE_CONSTANTS },
  'compute-flops': { fits: [], constants: {} },
};

/** The unit a role's value is measured in, for matching it against other fits' constants. */
const ROLE_UNIT: Partial<Record<SymbolRole, QuantityUnit>> = {
  alpha: 'dimensionless',
  alpha_N: 'dimensionless',
  alpha_D: 'dimensionless',
  beta: 'dimensionless',
  N_0: 'parameters',
  D_0: 'tokens',
  C_0: 'PF-days',
  E: 'nats',
  L_inf: 'nats',
  A: 'nats·parameters^α',
  B: 'nats·tokens^β',
};

interface CatalogEntry {
  fit: FitId;
  symbol: string;
  value: number;
  unit: QuantityUnit;
}

/** Every published constant (and the additive rewriting of the Chinchilla fits), for telling where a value comes from. */
const CATALOG: readonly CatalogEntry[] = [
  ...Object.values(FITS).flatMap((fit) => Object.values(fit.constants).map((c) => ({ fit: fit.id, symbol: c.symbol, value: c.value, unit: c.unit }))),
  ...(['hoffmann2022', 'besiroglu2024'] as FitId[]).flatMap((fit) => [
    { fit, symbol: 'A^(1/α)', value: ADDITIVE_CONSTANTS.N_0?.get(fit) ?? Number.NaN, unit: 'parameters' as QuantityUnit },
    { fit, symbol: 'B^(1/β)', value: ADDITIVE_CONSTANTS.D_0?.get(fit) ?? Number.NaN, unit: 'tokens' as QuantityUnit },
  ]),
];

/** Published values are printed to 2–5 digits: within 2% is the same number. */
const SAME_VALUE = 0.02;

function close(a: number, b: number, tolerance = SAME_VALUE): boolean {
  return Math.abs(a - b) <= tolerance * Math.abs(b);
}

/** A given value in the unit a fit constant of `unit` is in (compute in PF-days). */
function inUnit(g: GivenValue, unit: QuantityUnit): number {
  return unit === 'PF-days' && g.unit !== undefined ? toPfDays(g.value, g.unit) : g.value;
}

/** The published constants a given value equals, in any law. */
function originsOf(g: GivenValue): CatalogEntry[] {
  const unit = ROLE_UNIT[g.role];
  if (unit === undefined) return [];
  return CATALOG.filter((e) => e.unit === unit && close(inUnit(g, unit), e.value));
}

export interface FitChoice {
  kind: FormulaKind;
  law?: LawId;
  /** The one fit that supplies every constant the formula and the note leave out. */
  fit?: FitId;
  /** Roles whose values the fit supplied. */
  filled: SymbolRole[];
  /** Whether every constant written matches `fit` (so its range and uncertainties apply). */
  allFromFit: boolean;
  /** Written values of N₀, α_N and D₀, α_D that are Kaplan's separate L(N) and L(D) fits. */
  kaplanSum: boolean;
  warnings: WarningDraft[];
}

function fitName(id: FitId): Bilingual {
  return FITS[id].label;
}

function joinList(items: string[], lang: 'en' | 'zh'): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3
    ? x
        .toExponential(3)
        .replace(/\.?0+e/, 'e')
        .replace('e+', 'e')
    : String(Number(x.toPrecision(4)));
}

/**
 * Chooses the fit for a formula from the values given (formula or note). `needed` are
 * the constant roles the formula has; `labels` how the formula writes each role.
 */
export function chooseFit(
  kind: FormulaKind,
  given: ReadonlyMap<SymbolRole, GivenValue>,
  needed: readonly SymbolRole[],
  label: (role: SymbolRole) => string,
): FitChoice {
  const model = KIND_MODELS[kind];
  const warnings: WarningDraft[] = [];
  const lawRoles = Object.keys(model.constants) as SymbolRole[];
  const givenConstants = [...given.values()].filter((g) => isConstantRole(g.role));
  const inLaw = givenConstants.filter((g) => model.constants[g.role] !== undefined);
  const matchesFit = (g: GivenValue, fit: FitId): boolean => {
    const c = model.constants[g.role];
    return c !== undefined && close(inUnit(g, c.unit), c.get(fit));
  };
  let fit: FitId | undefined;
  if (model.fits.length > 0) {
    fit = model.fits.find((f) => inLaw.every((g) => matchesFit(g, f)));
    if (fit === undefined) {
      let best = -1;
      for (const f of model.fits) {
        const n = inLaw.filter((g) => matchesFit(g, f)).length;
        if (n > best) {
          best = n;
          fit = f;
        }
      }
    }
  }
  const filled = fit === undefined ? [] : needed.filter((r) => lawRoles.includes(r) && !given.has(r));
  const allFromFit = fit !== undefined && inLaw.every((g) => matchesFit(g, fit)) && givenConstants.length === inLaw.length;

  // Which fit each written value belongs to: the chosen fit, another published fit, or none (the note's own).
  const belongs = new Map<SymbolRole, CatalogEntry | 'custom' | 'chosen'>();
  for (const g of givenConstants) {
    if (fit !== undefined && matchesFit(g, fit)) belongs.set(g.role, 'chosen');
    else belongs.set(g.role, originsOf(g)[0] ?? 'custom');
  }

  // A constant the law does not have at all (L∞ in Kaplan's L(N)).
  for (const g of givenConstants.filter((x) => model.constants[x.role] === undefined)) {
    if (model.law === undefined) continue;
    const law = LAWS[model.law];
    const origin = belongs.get(g.role);
    const from = origin && origin !== 'custom' && origin !== 'chosen' ? origin : undefined;
    warnings.push({
      code: 'not-in-law',
      message: {
        en: `${label(g.role)} = ${fmt(g.value)} is not a constant of ${law.name.en} (${law.where}), which has no such term${from ? `; ${fmt(g.value)} is ${from.symbol} of ${fitName(from.fit).en}, a different fit` : ''}. The example adds it as written, so its result is not that paper's prediction.`,
        zh: `${label(g.role)} = ${fmt(g.value)} 不是${law.name.zh}(${law.where})的常数,该定律没有这一项${from ? `;${fmt(g.value)} 是${fitName(from.fit).zh}的 ${from.symbol},属于另一组拟合` : ''}。算例按所写加上它,结果因此不是该论文的预测。`,
      },
    });
  }

  // Constants of this law's symbols that are another law's values (Kaplan's α_N used as the Chinchilla α).
  const foreign = inLaw.flatMap((g) => {
    const b = belongs.get(g.role);
    return b && b !== 'custom' && b !== 'chosen' && FITS[b.fit].law !== model.law ? [{ g, origin: b }] : [];
  });
  const kaplanSum =
    kind === 'loss-additive' && foreign.some((x) => x.origin.fit === 'kaplan2020-params') && foreign.some((x) => x.origin.fit === 'kaplan2020-data');
  if (foreign.length > 0 && model.law !== undefined) {
    const law = LAWS[model.law];
    const listEn = foreign.map((x) => `${label(x.g.role)} = ${fmt(x.g.value)} is ${x.origin.symbol} of ${fitName(x.origin.fit).en}`);
    const listZh = foreign.map((x) => `${label(x.g.role)} = ${fmt(x.g.value)} 是${fitName(x.origin.fit).zh}的 ${x.origin.symbol}`);
    warnings.push({
      code: 'not-in-law',
      message: kaplanSum
        ? {
            en: `${joinList(listEn, 'en')}: Kaplan's L(N) and L(D) are separate single-variable laws, never summed as terms of one formula; Kaplan's own law in N and D is eq. 1.5.`,
            zh: `${joinList(listZh, 'zh')}:Kaplan 的 L(N) 与 L(D) 是两个单变量定律,从未作为同一公式的两项相加;Kaplan 自己的 N、D 联合定律是式 1.5。`,
          }
        : {
            en: `${joinList(listEn, 'en')}: a constant of a different law, not of ${law.name.en} (${law.where}).`,
            zh: `${joinList(listZh, 'zh')}:它们属于另一条定律,不是${law.name.zh}(${law.where})的常数。`,
          },
    });
  }

  // Different fits in one formula: the values' own fits, plus the fit that fills the rest.
  const used = new Map<FitId, string[]>();
  const add = (id: FitId, what: string): void => {
    const list = used.get(id) ?? [];
    list.push(what);
    used.set(id, list);
  };
  for (const g of givenConstants) {
    const b = belongs.get(g.role);
    if (b === 'chosen') {
      if (fit) add(fit, `${label(g.role)} = ${fmt(g.value)}`);
    } else if (b && b !== 'custom') add(b.fit, `${label(g.role)} = ${fmt(g.value)}`);
  }
  if (fit && filled.length > 0) add(fit, filled.map(label).join(', '));
  if (used.size > 1) {
    const partsEn = [...used].map(([id, what]) => `${what.join(', ')} from ${fitName(id).en}`);
    const partsZh = [...used].map(([id, what]) => `${what.join('、')} 取自${fitName(id).zh}`);
    warnings.push({
      code: 'mixed-fits',
      message: {
        en: `These constants come from different fits (${partsEn.join('; ')}). Constants belong to their fit as a whole set; the mixture is no paper's prediction.`,
        zh: `这些常数来自不同的拟合(${partsZh.join(';')})。常数只在各自的整组拟合中有意义;混用的结果不是任何论文的预测。`,
      },
    });
  }

  // The note's own values, with the rest filled from a fit they sit far from.
  if (fit && filled.length > 0) {
    const far = givenConstants.filter((g) => {
      if (belongs.get(g.role) !== 'custom') return false;
      const c = model.constants[g.role];
      if (!c) return false;
      const published = FITS[fit].constants;
      const name = Object.keys(published).find((k) => published[k].value === c.get(fit));
      const se = name ? published[name].se : undefined;
      const ref = c.get(fit);
      const v = inUnit(g, c.unit);
      return se !== undefined ? Math.abs(v - ref) > 3 * se : Math.abs(v - ref) > 0.25 * Math.abs(ref);
    });
    if (far.length > 0) {
      const m = model.constants;
      const listEn = far.map((g) => `${label(g.role)} = ${fmt(g.value)} (${fitName(fit).en}: ${fmt(m[g.role]?.get(fit) ?? Number.NaN)})`);
      warnings.push({
        code: 'far-from-fit',
        message: {
          en: `${joinList(listEn, 'en')} is far from the fit that fills ${filled.map(label).join(', ')}; a fit's constants are estimated together, so this mixture is no fit's prediction.`,
          zh: `${joinList(listEn, 'zh')} 与填补 ${filled.map(label).join('、')} 的那组拟合相差很远;一组拟合的常数是共同估计的,这样的组合不是任何拟合的预测。`,
        },
      });
    }
  }

  // A compute scale written with a unit that contradicts the fit it otherwise equals.
  for (const g of givenConstants.filter((x) => x.role === 'C_0' && x.unitWritten)) {
    if (originsOf(g).length > 0) continue;
    const other: ComputeUnit = g.unit === 'FLOPs' ? 'PF-days' : 'FLOPs';
    const swapped = originsOf({ ...g, unit: other });
    if (swapped.length === 0) continue;
    warnings.push({
      code: 'unit-mismatch',
      message: {
        en: `${label('C_0')} = ${fmt(g.value)} ${g.unit}: ${fmt(g.value)} is ${swapped[0].symbol} of ${fitName(swapped[0].fit).en} in ${other}, not in ${g.unit} (1 PF-day = 8.64e19 FLOPs).`,
        zh: `${label('C_0')} = ${fmt(g.value)} ${g.unit}:${fmt(g.value)} 是${fitName(swapped[0].fit).zh}以 ${other} 计的 ${swapped[0].symbol},单位不是 ${g.unit}(1 PF-天 = 8.64e19 FLOPs)。`,
      },
    });
  }
  return { kind, law: model.law, fit, filled, allFromFit, kaplanSum, warnings };
}
