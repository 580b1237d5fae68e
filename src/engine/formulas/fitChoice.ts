// Which published fit a formula's constants come from. A note may write some constants
// and leave the rest; the rest come from ONE fit of the formula's law, chosen as the fit
// that the written values match. Values that belong to a different fit, or to a
// different law, or sit far from the fit that fills the rest, are reported as warnings,
// never mixed silently.
import { FITS, FLOPS_PER_PF_DAY, LAWS, type FitId, type LawId, type QuantityUnit } from '../laws/fits';
import type { Bilingual } from '../text';
import { formatNumber } from './numbers';
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

/** A compute unit's name in each language. */
export const COMPUTE_UNIT_WORD: Readonly<Record<ComputeUnit, Bilingual>> = { 'PF-days': { en: 'PF-days', zh: 'PF-天' }, FLOPs: { en: 'FLOPs', zh: 'FLOPs' } };

/** A compute written without a unit: below 1e15 it can only be PF-days (Kaplan's unit), above it FLOPs. */
export const PF_DAYS_LIMIT = 1e15;

export function computeUnitOf(value: number, written?: ComputeUnit): ComputeUnit {
  return written ?? (value < PF_DAYS_LIMIT ? 'PF-days' : 'FLOPs');
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

type KindModel =
  | { law: LawId; fits: readonly [FitId, ...FitId[]]; constants: Partial<Record<SymbolRole, ConstantOf>> }
  /** A formula of no fitted law (C ≈ 6ND): no constants, so no fit to choose. */
  | { law?: undefined; fits: readonly FitId[]; constants: Partial<Record<SymbolRole, ConstantOf>> };

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

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_VALUE * Math.abs(b);
}

/** A given value as the fits print it: only a compute carries a unit, and every published compute is in PF-days. */
function comparable(g: GivenValue): number {
  return g.unit === 'FLOPs' ? g.value / FLOPS_PER_PF_DAY : g.value;
}

/** The published constants a given value equals, in any law. */
function originsOf(g: GivenValue): CatalogEntry[] {
  return CATALOG.filter((e) => e.unit === ROLE_UNIT[g.role] && close(comparable(g), e.value));
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

/** A written value in a warning: 4 digits are enough to recognise it. */
function fmt(x: number): string {
  return formatNumber(x, 4);
}

/** A compute with its unit ("3.1e8 PF-days"), any other value as it is. */
function amount(x: number, unit: ComputeUnit | undefined, lang: 'en' | 'zh'): string {
  return unit === undefined ? fmt(x) : `${fmt(x)} ${COMPUTE_UNIT_WORD[unit][lang]}`;
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
  if (model.law === undefined) return { kind, filled: [], allFromFit: false, kaplanSum: false, warnings: [] };
  const law = LAWS[model.law];
  const warnings: WarningDraft[] = [];
  const givenConstants = [...given.values()].filter((g) => isConstantRole(g.role));
  const inLaw = givenConstants.filter((g) => model.constants[g.role] !== undefined);
  const matchesFit = (g: GivenValue, f: FitId): boolean => {
    const c = model.constants[g.role];
    return c !== undefined && close(comparable(g), c.get(f));
  };
  // The fit the most written values match; on a tie the law's default, listed first.
  let fit = model.fits[0];
  let best = -1;
  for (const f of model.fits) {
    const n = inLaw.filter((g) => matchesFit(g, f)).length;
    if (n > best) {
      best = n;
      fit = f;
    }
  }
  const filled = needed.filter((r) => model.constants[r] !== undefined && !given.has(r));
  const allFromFit = givenConstants.every((g) => matchesFit(g, fit));

  // Which fit a written value belongs to: the chosen fit, another published fit (that fit's constant), or none (the note's own).
  const originOf = (g: GivenValue): CatalogEntry | 'chosen' | undefined => (matchesFit(g, fit) ? 'chosen' : originsOf(g)[0]);

  // A constant the law does not have at all (L∞ in Kaplan's L(N)).
  for (const g of givenConstants.filter((x) => model.constants[x.role] === undefined)) {
    const from = originsOf(g)[0];
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
    const origin = originOf(g);
    return origin !== undefined && origin !== 'chosen' && FITS[origin.fit].law !== model.law ? [{ g, origin }] : [];
  });
  const kaplanSum =
    kind === 'loss-additive' && foreign.some((x) => x.origin.fit === 'kaplan2020-params') && foreign.some((x) => x.origin.fit === 'kaplan2020-data');
  if (foreign.length > 0) {
    const listEn = foreign.map((x) => `${label(x.g.role)} = ${fmt(x.g.value)} is ${x.origin.symbol} of ${fitName(x.origin.fit).en}`);
    const listZh = foreign.map((x) => `${label(x.g.role)} = ${fmt(x.g.value)} 是${fitName(x.origin.fit).zh}的 ${x.origin.symbol}`);
    warnings.push({
      code: 'not-in-law',
      message: kaplanSum
        ? {
            en: `${listEn.join(', ')}: Kaplan's L(N) and L(D) are separate single-variable laws, never summed as terms of one formula; Kaplan's own law in N and D is eq. 1.5.`,
            zh: `${listZh.join('、')}:Kaplan 的 L(N) 与 L(D) 是两个单变量定律,从未作为同一公式的两项相加;Kaplan 自己的 N、D 联合定律是式 1.5。`,
          }
        : {
            en: `${listEn.join(', ')}: a constant of a different law, not of ${law.name.en} (${law.where}).`,
            zh: `${listZh.join('、')}:它们属于另一条定律,不是${law.name.zh}(${law.where})的常数。`,
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
    const origin = originOf(g);
    const from = origin === 'chosen' ? fit : origin?.fit;
    if (from !== undefined) add(from, `${label(g.role)} = ${fmt(g.value)}`);
  }
  for (const r of filled) add(fit, label(r));
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

  // The note's own values, with the rest filled from a fit they sit far from: beyond 3 standard
  // errors where the fit publishes them, else beyond 25%.
  if (filled.length > 0) {
    const far = givenConstants.flatMap((g) => {
      const c = model.constants[g.role];
      if (c === undefined || originOf(g) !== undefined) return [];
      const ref = c.get(fit);
      const se = Object.values(FITS[fit].constants).find((k) => k.value === ref)?.se;
      const off = Math.abs(comparable(g) - ref);
      const refUnit: ComputeUnit | undefined = c.unit === 'PF-days' ? 'PF-days' : undefined;
      return (se !== undefined ? off > 3 * se : off > 0.25 * Math.abs(ref)) ? [{ g, ref, refUnit }] : [];
    });
    if (far.length > 0) {
      const listEn = far.map(
        ({ g, ref, refUnit }) => `${label(g.role)} = ${amount(g.value, g.unit, 'en')} (${fitName(fit).en}: ${amount(ref, refUnit, 'en')})`,
      );
      const listZh = far.map(({ g, ref, refUnit }) => `${label(g.role)} = ${amount(g.value, g.unit, 'zh')}(${fitName(fit).zh}:${amount(ref, refUnit, 'zh')})`);
      warnings.push({
        code: 'far-from-fit',
        message: {
          en: `${listEn.join(', ')} is far from the fit that fills ${filled.map(label).join(', ')}; a fit's constants are estimated together, so this mixture is no fit's prediction.`,
          zh: `${listZh.join('、')} 与填补 ${filled.map(label).join('、')} 的那组拟合相差很远;一组拟合的常数是共同估计的,这样的组合不是任何拟合的预测。`,
        },
      });
    }
  }

  // A compute (the only value with a unit) written in a unit that contradicts the fit it otherwise equals.
  // A value that matches in the other unit cannot also match as written: the units are 8.64e19 apart.
  for (const g of givenConstants.filter((x) => x.unitWritten === true)) {
    const written: ComputeUnit = g.unit === 'FLOPs' ? 'FLOPs' : 'PF-days';
    const other: ComputeUnit = written === 'FLOPs' ? 'PF-days' : 'FLOPs';
    const swapped = originsOf({ ...g, unit: other });
    if (swapped.length === 0) continue;
    warnings.push({
      code: 'unit-mismatch',
      message: {
        en: `${label(g.role)} = ${fmt(g.value)} ${written}: ${fmt(g.value)} is ${swapped[0].symbol} of ${fitName(swapped[0].fit).en} in ${other}, not in ${written} (1 PF-day = 8.64e19 FLOPs).`,
        zh: `${label(g.role)} = ${fmt(g.value)} ${COMPUTE_UNIT_WORD[written].zh}:${fmt(g.value)} 是${fitName(swapped[0].fit).zh}以 ${COMPUTE_UNIT_WORD[other].zh} 计的 ${swapped[0].symbol},单位不是 ${COMPUTE_UNIT_WORD[written].zh}(1 PF-天 = 8.64e19 FLOPs)。`,
      },
    });
  }
  return { kind, law: model.law, fit, filled, allFromFit, kaplanSum, warnings };
}
