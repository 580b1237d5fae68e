// A formula written in a note, as the charts see it: which section and parameters
// show it (for the side view and the hover's "Show chart" link), how to write the
// parameters back into the note's own symbols, and a small curve for the hover.
import { KIND_MODELS, PF_DAYS_LIMIT } from '../engine/formulas/fitChoice';
import type { FormulaKind, SymbolRole } from '../engine/formulas/recognize';
import { FLOPS_PER_PF_DAY } from '../engine/laws/fits';
import { additiveLoss, chinchillaLoss, kaplanCombinedLoss, kaplanSingleLoss, logspace } from '../engine/laws/powerLaws';
import { formatCount } from '../engine/format';
import { decadeAxis, makeChart } from './chartKit';
import type { ChartContext, ChartSpec, ParamValue, ParamValues } from './types';

export type RoleValues = Partial<Record<SymbolRole, number>>;

export const FORMULA_SECTION_ID = 'scaling-formulas';

/** One parameter of the section that a symbol of the note feeds. */
interface RoleBinding {
  role: SymbolRole;
  param: string;
  /** Note value → parameter value. */
  toParam(value: number, all: RoleValues): number;
  /** Parameter value → the number to write back in the note's own units. */
  fromParam(params: ParamValues, original: number): number;
}

/** A role's value in the default (first) fit of the kind's law, from the fits registry. */
function defaultValue(kind: FormulaKind, role: SymbolRole): number {
  const model = KIND_MODELS[kind];
  const c = model.constants[role];
  const fit = model.fits[0];
  return c !== undefined && fit !== undefined ? c.get(fit) : Number.NaN;
}

/** The note's values, with the constants it leaves out from the default fit of its law (one fit, never mixed per symbol). */
function completed(kind: FormulaKind, values: RoleValues): RoleValues {
  const model = KIND_MODELS[kind];
  const out: RoleValues = { ...values };
  for (const role of Object.keys(model.constants) as SymbolRole[]) {
    const v = out[role];
    if (v === undefined || !Number.isFinite(v) || v <= 0) out[role] = defaultValue(kind, role);
  }
  return out;
}

const numberParam = (params: ParamValues, name: string): number => {
  const v = params[name];
  return typeof v === 'number' ? v : Number.NaN;
};

const direct = (role: SymbolRole, param: string): RoleBinding => ({
  role,
  param,
  toParam: (v) => v,
  fromParam: (p) => numberParam(p, param),
});

/** C₀ keeps the unit the note wrote it in. */
const C0_BINDING: RoleBinding = {
  role: 'C_0',
  param: 'c0',
  toParam: (v) => (v < PF_DAYS_LIMIT ? v * FLOPS_PER_PF_DAY : v),
  fromParam: (p, original) => (original < PF_DAYS_LIMIT ? numberParam(p, 'c0') / FLOPS_PER_PF_DAY : numberParam(p, 'c0')),
};

/** The Chinchilla coefficients become the seed's scales: N₀ = A^(1/α), D₀ = B^(1/β). */
const CHINCHILLA_BINDINGS: RoleBinding[] = [
  direct('E', 'lInf'),
  direct('alpha', 'alphaN'),
  direct('beta', 'alphaD'),
  {
    role: 'A',
    param: 'n0',
    toParam: (v, all) => Math.pow(v, 1 / (all.alpha ?? defaultValue('loss-chinchilla', 'alpha'))),
    fromParam: (p) => Math.pow(numberParam(p, 'n0'), numberParam(p, 'alphaN')),
  },
  {
    role: 'B',
    param: 'd0',
    toParam: (v, all) => Math.pow(v, 1 / (all.beta ?? defaultValue('loss-chinchilla', 'beta'))),
    fromParam: (p) => Math.pow(numberParam(p, 'd0'), numberParam(p, 'alphaD')),
  },
];

const ADDITIVE_BINDINGS: RoleBinding[] = [
  direct('N_0', 'n0'),
  direct('alpha_N', 'alphaN'),
  direct('D_0', 'd0'),
  direct('alpha_D', 'alphaD'),
  direct('L_inf', 'lInf'),
];

/** Kaplan's joint law keeps its own form: N_c, D_c, α_N, α_D (no L∞). */
const KAPLAN_JOINT_BINDINGS: RoleBinding[] = [direct('N_0', 'n0'), direct('alpha_N', 'alphaN'), direct('D_0', 'd0'), direct('alpha_D', 'alphaD')];

const ROLE_BINDINGS: Readonly<Record<FormulaKind, readonly RoleBinding[]>> = {
  'loss-compute': [direct('alpha', 'alpha'), C0_BINDING],
  'loss-params': [direct('N_0', 'n0'), direct('alpha_N', 'alphaN'), direct('alpha', 'alphaN')],
  'loss-data': [direct('D_0', 'd0'), direct('alpha_D', 'alphaD'), direct('alpha', 'alphaD')],
  'loss-additive': ADDITIVE_BINDINGS,
  'loss-kaplan-nd': KAPLAN_JOINT_BINDINGS,
  'loss-chinchilla': CHINCHILLA_BINDINGS,
  'compute-flops': [],
};

/** The law form the section draws each kind of formula with (see scaling-formulas/model.ts). */
const KIND_FORMS: Partial<Record<FormulaKind, string>> = {
  'loss-params': 'kaplan-params',
  'loss-data': 'kaplan-data',
  'loss-additive': 'additive',
  'loss-kaplan-nd': 'kaplan-joint',
  'loss-chinchilla': 'additive',
};

/** The section's charts that show each kind of formula. */
export const FORMULA_CHARTS: Readonly<Record<FormulaKind, readonly string[]>> = {
  'loss-compute': ['loss-vs-compute'],
  'loss-params': ['loss-vs-params'],
  'loss-data': ['loss-vs-data'],
  'loss-additive': ['loss-vs-params', 'loss-vs-data'],
  'loss-kaplan-nd': ['loss-vs-params', 'loss-vs-data'],
  'loss-chinchilla': ['loss-vs-params', 'loss-vs-data', 'compute-optimal'],
  'compute-flops': ['compute-optimal'],
};

export interface FormulaSectionView {
  sectionId: string;
  /** The charts of the section about this formula. */
  chartIds: readonly string[];
  /** Parameters for the section (unclamped: the section's resolveParams clamps). */
  params: Record<string, ParamValue>;
  /** The roles whose values came from the note or the formula. */
  usedRoles: SymbolRole[];
}

/**
 * The section and parameters that show a formula with the values written in the
 * note: the law the note writes, with its constants (those it leaves out from ONE fit,
 * the default of its law). The section labels them as the published fit they equal,
 * or as the note's own constants.
 */
export function formulaSectionView(kind: FormulaKind, values: RoleValues): FormulaSectionView {
  const params: Record<string, ParamValue> = {};
  const usedRoles: SymbolRole[] = [];
  for (const binding of ROLE_BINDINGS[kind]) {
    const value = values[binding.role];
    if (value === undefined || !Number.isFinite(value) || value <= 0) continue;
    usedRoles.push(binding.role);
  }
  const form = KIND_FORMS[kind];
  const all = form ? completed(kind, values) : values;
  for (const binding of ROLE_BINDINGS[kind]) {
    const value = all[binding.role];
    if (value === undefined || !Number.isFinite(value) || value <= 0 || params[binding.param] !== undefined) continue;
    params[binding.param] = binding.toParam(value, all);
  }
  if (form) {
    // "custom" with the law's form; the section names the fit when the constants equal one.
    params.lawPreset = 'custom';
    params.lawForm = form;
  }
  return { sectionId: FORMULA_SECTION_ID, chartIds: FORMULA_CHARTS[kind], params, usedRoles };
}

/** The numbers to write back for each role, from the section's current parameters. */
export function valuesForNote(kind: FormulaKind, params: ParamValues, original: RoleValues): RoleValues {
  const out: RoleValues = {};
  for (const binding of ROLE_BINDINGS[kind]) {
    const before = original[binding.role];
    if (before === undefined) continue;
    const value = binding.fromParam(params, before);
    if (Number.isFinite(value)) out[binding.role] = value;
  }
  return out;
}

// ---- the hover's small curve -----------------------------------------------------

interface CurvePoint {
  x: number;
  loss: number;
  series: string;
  xHuman: string;
}

function curve(xs: number[], series: string, f: (x: number) => number, lang: 'en' | 'zh'): CurvePoint[] {
  return xs.map((x) => ({ x, loss: f(x), series, xHuman: formatCount(x, lang) })).filter((p) => Number.isFinite(p.loss) && p.loss > 0);
}

/**
 * A small log-log chart of the formula with the values it resolved (from the
 * formula, the note or a published fit); undefined for C ≈ 6ND, which has no curve.
 */
export function formulaCurveChart(kind: FormulaKind, values: RoleValues, ctx: ChartContext): ChartSpec | undefined {
  const { lang } = ctx;
  const v = (role: SymbolRole, fallback: number): number => {
    const x = values[role];
    return x !== undefined && Number.isFinite(x) && x > 0 ? x : fallback;
  };
  const lossTitle = lang === 'zh' ? '损失 L' : 'Loss L';
  let points: CurvePoint[];
  let xTitle: string;
  const params = logspace(6, 12, 40);
  const dataSizes = [1e10, 1e11, 1e12];
  const perD = (f: (n: number, d: number) => number): CurvePoint[] =>
    dataSizes.flatMap((d) => curve(params, lang === 'zh' ? `D = ${formatCount(d, 'zh')}` : `D = ${formatCount(d, 'en')}`, (n) => f(n, d), lang));
  const d = (role: SymbolRole): number => v(role, defaultValue(kind, role));
  // A floor only where the note gives one: Kaplan's single-variable laws have none.
  const floor = values.L_inf !== undefined && Number.isFinite(values.L_inf) && values.L_inf > 0 ? values.L_inf : 0;
  switch (kind) {
    case 'loss-compute': {
      const c0 = d('C_0');
      const alpha = d('alpha');
      const xs = logspace(Math.log10(c0) - 12, Math.log10(c0) - 4, 40);
      points = curve(xs, `α = ${alpha}`, (c) => Math.pow(c0 / c, alpha) + floor, lang);
      xTitle = lang === 'zh' ? '计算量 C (与 C₀ 同单位)' : 'Compute C (units of C₀)';
      break;
    }
    case 'loss-params': {
      const alpha = v('alpha_N', v('alpha', defaultValue(kind, 'alpha_N')));
      points = curve(params, `α_N = ${alpha}`, (n) => kaplanSingleLoss(n, d('N_0'), alpha) + floor, lang);
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'loss-data': {
      const xs = logspace(8, 14, 40);
      const alpha = v('alpha_D', v('alpha', defaultValue(kind, 'alpha_D')));
      points = curve(xs, `α_D = ${alpha}`, (x) => kaplanSingleLoss(x, d('D_0'), alpha) + floor, lang);
      xTitle = lang === 'zh' ? '数据量 D (词元)' : 'Data D (tokens)';
      break;
    }
    case 'loss-additive': {
      const p = { n0: d('N_0'), alphaN: d('alpha_N'), d0: d('D_0'), alphaD: d('alpha_D'), lInf: values.L_inf !== undefined ? d('L_inf') : 0 };
      points = perD((n, dd) => additiveLoss(n, dd, p));
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'loss-chinchilla': {
      const p = { E: values.E !== undefined ? d('E') : 0, A: d('A'), B: d('B'), alpha: d('alpha'), beta: d('beta') };
      points = perD((n, dd) => chinchillaLoss(n, dd, p));
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'loss-kaplan-nd': {
      const p = { nc: d('N_0'), dc: d('D_0'), alphaN: d('alpha_N'), alphaD: d('alpha_D') };
      points = perD((n, dd) => kaplanCombinedLoss(n, dd, p));
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'compute-flops':
      return undefined;
  }
  if (points.length === 0) return undefined;
  const legend = new Set(points.map((p) => p.series)).size > 1;
  return makeChart(
    {
      id: `formula-${kind}`,
      title: { en: 'The curve with these values', zh: '按这些数值画出的曲线' },
      description: { en: `Loss against ${xTitle} on log-log axes.`, zh: `双对数坐标下损失随${xTitle}的变化。` },
      width: 300,
      height: 150,
    },
    ctx,
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: xTitle, axis: decadeAxis({ grid: false }) },
        y: { field: 'loss', type: 'quantitative', scale: { type: 'log' }, title: lossTitle },
        color: legend
          ? { field: 'series', type: 'nominal', title: null, legend: { orient: 'top-right', direction: 'vertical' } }
          : { value: ctx.theme.palette[0] },
      },
    },
  );
}
