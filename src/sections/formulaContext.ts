// A formula written in a note, as the charts see it: which section and parameters
// show it (for the side view and the hover's "Show chart" link), how to write the
// parameters back into the note's own symbols, and a small curve for the hover.
import type { FormulaKind, SymbolRole } from '../engine/formulas/recognize';
import { additiveLoss, chinchillaLoss, kaplanCombinedLoss, kaplanSingleLoss, logspace } from '../engine/laws/powerLaws';
import { FLOPS_PER_PF_DAY } from '../engine/laws/presets';
import { formatCount } from '../engine/format';
import { POWER_OF_TEN_LABEL_EXPR, makeChart } from './chartKit';
import type { ChartContext, ChartSpec, ParamValue, ParamValues } from './types';

export type RoleValues = Partial<Record<SymbolRole, number>>;

export const FORMULA_SECTION_ID = 'scaling-formulas';

/** C₀ below this is read as PF-days (Kaplan's unit), above it as FLOPs. */
const PF_DAYS_LIMIT = 1e15;

/** One parameter of the section that a symbol of the note feeds. */
export interface RoleBinding {
  role: SymbolRole;
  param: string;
  /** Note value → parameter value. */
  toParam(value: number, all: RoleValues): number;
  /** Parameter value → the number to write back in the note's own units. */
  fromParam(params: ParamValues, original: number): number;
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
    toParam: (v, all) => Math.pow(v, 1 / (all.alpha ?? 0.34)),
    fromParam: (p) => Math.pow(numberParam(p, 'n0'), numberParam(p, 'alphaN')),
  },
  {
    role: 'B',
    param: 'd0',
    toParam: (v, all) => Math.pow(v, 1 / (all.beta ?? 0.28)),
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

export const ROLE_BINDINGS: Readonly<Record<FormulaKind, readonly RoleBinding[]>> = {
  'loss-compute': [direct('alpha', 'alpha'), C0_BINDING],
  'loss-params': [direct('N_0', 'n0'), direct('alpha_N', 'alphaN'), direct('alpha', 'alphaN')],
  'loss-data': [direct('D_0', 'd0'), direct('alpha_D', 'alphaD'), direct('alpha', 'alphaD')],
  'loss-additive': ADDITIVE_BINDINGS,
  'loss-kaplan-nd': ADDITIVE_BINDINGS,
  'loss-chinchilla': CHINCHILLA_BINDINGS,
  'compute-flops': [],
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
 * note. Any N/D law switches the L(N,D) charts to the editable constants.
 */
export function formulaSectionView(kind: FormulaKind, values: RoleValues): FormulaSectionView {
  const params: Record<string, ParamValue> = {};
  const usedRoles: SymbolRole[] = [];
  for (const binding of ROLE_BINDINGS[kind]) {
    const value = values[binding.role];
    if (value === undefined || !Number.isFinite(value) || value <= 0) continue;
    params[binding.param] = binding.toParam(value, values);
    usedRoles.push(binding.role);
  }
  if (kind !== 'loss-compute' && kind !== 'compute-flops' && usedRoles.length > 0) params.lawPreset = 'kaplan';
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
  switch (kind) {
    case 'loss-compute': {
      const c0 = v('C_0', 3.1e8);
      const alpha = v('alpha', 0.05);
      const xs = logspace(Math.log10(c0) - 12, Math.log10(c0) - 4, 40);
      points = curve(xs, `α = ${alpha}`, (c) => Math.pow(c0 / c, alpha), lang);
      xTitle = lang === 'zh' ? '计算量 C (与 C₀ 同单位)' : 'Compute C (units of C₀)';
      break;
    }
    case 'loss-params':
      points = curve(params, `α_N = ${v('alpha_N', v('alpha', 0.076))}`, (n) => kaplanSingleLoss(n, v('N_0', 8.8e13), v('alpha_N', v('alpha', 0.076))), lang);
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    case 'loss-data': {
      const xs = logspace(8, 14, 40);
      points = curve(xs, `α_D = ${v('alpha_D', v('alpha', 0.095))}`, (d) => kaplanSingleLoss(d, v('D_0', 5.4e13), v('alpha_D', v('alpha', 0.095))), lang);
      xTitle = lang === 'zh' ? '数据量 D (词元)' : 'Data D (tokens)';
      break;
    }
    case 'loss-additive': {
      const p = { n0: v('N_0', 8.8e13), alphaN: v('alpha_N', 0.076), d0: v('D_0', 5.4e13), alphaD: v('alpha_D', 0.095), lInf: v('L_inf', 1.69) };
      points = perD((n, d) => additiveLoss(n, d, p));
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'loss-chinchilla': {
      const p = { E: v('E', 1.69), A: v('A', 406.4), B: v('B', 410.7), alpha: v('alpha', 0.34), beta: v('beta', 0.28) };
      points = perD((n, d) => chinchillaLoss(n, d, p));
      xTitle = lang === 'zh' ? '参数量 N' : 'Parameters N';
      break;
    }
    case 'loss-kaplan-nd': {
      const p = { nc: v('N_0', 6.4e13), dc: v('D_0', 1.8e13), alphaN: v('alpha_N', 0.076), alphaD: v('alpha_D', 0.103) };
      points = perD((n, d) => kaplanCombinedLoss(n, d, p));
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
        x: { field: 'x', type: 'quantitative', scale: { type: 'log' }, title: xTitle, axis: { labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: false } },
        y: { field: 'loss', type: 'quantitative', scale: { type: 'log' }, title: lossTitle },
        color: legend
          ? { field: 'series', type: 'nominal', title: null, legend: { orient: 'top-right', direction: 'vertical' } }
          : { value: ctx.theme.palette[0] },
      },
    },
  );
}
