// Text of a fit: the parameter table (shared by the panel and the note) and the
// Markdown block "Insert results" writes into the note. Pure string building.
import { BESIROGLU_2024_CITATION, HOFFMANN_2022_CITATION, KAPLAN_2020_CITATION, type Citation } from '../../engine/laws/presets';
import type { Bilingual, Lang } from '../types';
import type { DerivedKey } from '../../engine/fit/derived';
import type { ChinchillaFitResult, FitEstimate, FitInterval, FitResult, FitSourceInfo, FitX } from './result';

/** A number with `digits` significant digits; exponent notation outside [1e-3, 1e6). */
export function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${m}e${Number(e)}`;
  }
  return Number(v.toPrecision(digits)).toString();
}

export function formatInterval(iv: FitInterval | null, digits = 4): string {
  return iv ? `[${formatValue(iv.low, digits)}, ${formatValue(iv.high, digits)}]` : '';
}

/** One line of the parameter table. */
export interface ParameterRow {
  /** The law the parameter belongs to (power-law results list two laws). */
  law: string;
  symbol: string;
  meaning: Bilingual;
  value: number;
  interval: FitInterval | null;
}

const X_NAMES: Record<FitX, Bilingual> = {
  N: { en: 'model size N', zh: '模型规模 N' },
  D: { en: 'training tokens D', zh: '训练数据量 D' },
  C: { en: 'training compute C', zh: '训练计算量 C' },
};

export const CHINCHILLA_FORMULA = 'L(N, D) = E + A/N^α + B/D^β';

export function powerFormulas(x: FitX): { pure: string; floor: string } {
  return { pure: `L = (x₀/${x})^α`, floor: `L = E + (x₀/${x})^α` };
}

/** "5.76e23" for a budget in FLOPs. */
function budgetText(budget: number): string {
  return formatValue(budget, 3);
}

const DERIVED_MEANINGS: Record<DerivedKey, (c: string) => { symbol: string; meaning: Bilingual }> = {
  a: () => ({ symbol: 'a = β/(α+β)', meaning: { en: 'N_opt ∝ C^a', zh: 'N_opt ∝ C^a' } }),
  b: () => ({ symbol: 'b = α/(α+β)', meaning: { en: 'D_opt ∝ C^b', zh: 'D_opt ∝ C^b' } }),
  G: () => ({ symbol: 'G = (αA/(βB))^(1/(α+β))', meaning: { en: 'N_opt = G·(C/6)^a', zh: 'N_opt = G·(C/6)^a' } }),
  nOpt: (c) => ({ symbol: `N_opt (C = ${c})`, meaning: { en: 'compute-optimal parameters', zh: '计算最优参数量' } }),
  dOpt: (c) => ({ symbol: `D_opt (C = ${c})`, meaning: { en: 'compute-optimal tokens', zh: '计算最优 token 数' } }),
  tokensPerParam: (c) => ({ symbol: `D_opt/N_opt (C = ${c})`, meaning: { en: 'tokens per parameter', zh: '每参数 token 数' } }),
  lossOpt: (c) => ({ symbol: `L(N_opt, D_opt) (C = ${c})`, meaning: { en: 'loss at the optimum', zh: '最优点的损失' } }),
};

/**
 * The quantities derived from the fit at its budget (C = 6ND), each with the interval of
 * its own bootstrap draws. A result saved before they existed gets the point values only.
 */
function derivedRows(result: ChinchillaFitResult): ParameterRow[] {
  const c = budgetText(result.budget);
  const dq = result.derivedQuantities;
  const p = result.params;
  const s = p.alpha + p.beta;
  const fallback: Partial<Record<DerivedKey, FitEstimate>> = { a: { value: p.beta / s, interval: null }, b: { value: p.alpha / s, interval: null } };
  const rows: ParameterRow[] = [];
  for (const key of Object.keys(DERIVED_MEANINGS) as DerivedKey[]) {
    const e = dq?.[key] ?? fallback[key];
    if (!e) continue;
    const { symbol, meaning } = DERIVED_MEANINGS[key](c);
    rows.push({ law: CHINCHILLA_FORMULA, symbol, meaning, value: e.value, interval: e.interval });
  }
  return rows;
}

/** The fitted parameters (and, for Chinchilla, the compute-optimal quantities derived from them). */
export function parameterRows(result: FitResult): ParameterRow[] {
  if (result.form === 'chinchilla') {
    const p = result.params;
    const iv = result.intervals;
    const law = CHINCHILLA_FORMULA;
    return [
      { law, symbol: 'E', meaning: { en: 'irreducible loss', zh: '不可约损失' }, value: p.E, interval: iv?.E ?? null },
      { law, symbol: 'A', meaning: { en: 'model-size coefficient', zh: '模型规模项系数' }, value: p.A, interval: iv?.A ?? null },
      { law, symbol: 'B', meaning: { en: 'data coefficient', zh: '数据项系数' }, value: p.B, interval: iv?.B ?? null },
      { law, symbol: 'α', meaning: { en: 'model-size exponent', zh: '模型规模指数' }, value: p.alpha, interval: iv?.alpha ?? null },
      { law, symbol: 'β', meaning: { en: 'data exponent', zh: '数据指数' }, value: p.beta, interval: iv?.beta ?? null },
      ...derivedRows(result),
    ];
  }
  const f = powerFormulas(result.x);
  const rows: ParameterRow[] = [
    { law: f.pure, symbol: 'α', meaning: { en: 'exponent', zh: '指数' }, value: result.pure.alpha, interval: result.pure.intervals?.alpha ?? null },
    {
      law: f.pure,
      symbol: 'x₀',
      meaning: { en: `scale of ${X_NAMES[result.x].en}`, zh: `${X_NAMES[result.x].zh}的尺度` },
      value: result.pure.x0,
      interval: result.pure.intervals?.x0 ?? null,
    },
  ];
  const fl = result.floor;
  if (fl) {
    rows.push(
      { law: f.floor, symbol: 'E', meaning: { en: 'irreducible loss', zh: '不可约损失' }, value: fl.E, interval: fl.intervals?.E ?? null },
      { law: f.floor, symbol: 'α', meaning: { en: 'exponent', zh: '指数' }, value: fl.alpha, interval: fl.intervals?.alpha ?? null },
      {
        law: f.floor,
        symbol: 'x₀',
        meaning: { en: `scale of ${X_NAMES[result.x].en}`, zh: `${X_NAMES[result.x].zh}的尺度` },
        value: fl.x0,
        interval: fl.intervals?.x0 ?? null,
      },
    );
  }
  return rows;
}

/** "notes.md, lines 5–36" / "notes.md，第 5–36 行". */
export function sourceText(source: FitSourceInfo, lang: Lang): string {
  const range = source.firstRow === source.lastRow ? `${source.firstRow}` : `${source.firstRow}–${source.lastRow}`;
  return lang === 'zh' ? `${source.name}，第 ${range} 行` : `${source.name}, ${source.firstRow === source.lastRow ? 'line' : 'lines'} ${range}`;
}

/** Header of the interval column: "95% CI" / "95% 置信区间" (or just "CI" without a bootstrap). */
export function intervalHeader(result: FitResult, lang: Lang): string {
  const pct = result.bootstrap ? `${Math.round(result.bootstrap.confidence * 100)}% ` : '';
  return lang === 'zh' ? `${pct}置信区间` : `${pct}CI`;
}

function citationLink(c: Citation, lang: Lang): string {
  const who = c.authors.split(',')[0];
  const name = lang === 'zh' ? `${who} 等 ${c.year}` : `${who} et al. ${c.year}`;
  const arxiv = /arXiv:[\d.]+/.exec(c.venue)?.[0] ?? c.venue;
  return `${name}, “${c.title}” ([${arxiv}](${c.url}))`;
}

/** How the intervals were computed, with the resample count (and why it is lower than the default, if it is). */
export function bootstrapSentence(result: FitResult, lang: Lang): string {
  const b = result.bootstrap;
  if (!b) return lang === 'zh' ? '未计算置信区间。' : 'No confidence intervals were computed.';
  const failed = b.failed > 0 ? (lang === 'zh' ? `（${b.failed} 次重拟合失败，已剔除）` : ` (${b.failed} failed refits left out)`) : '';
  const limited = result.resamplesLimited
    ? lang === 'zh'
      ? `（为控制计算量，按“行数 × 次数”上限减少了默认次数）`
      : ` (fewer than the default, to stay within the limit on rows × resamples)`
    : '';
  const derived =
    result.form === 'chinchilla'
      ? lang === 'zh'
        ? '派生量的区间取自每次重抽样自身的派生值。'
        : " Derived quantities' intervals are percentiles of each resample's own values."
      : '';
  return lang === 'zh'
    ? `区间：百分位自助法，${b.resamples + b.failed} 次重抽样${limited}，随机种子 ${b.seed}${failed}。${derived}`
    : `Intervals: ${Math.round(b.confidence * 100)}% percentile bootstrap over ${b.resamples + b.failed} resamples of the rows${limited}, seed ${b.seed}${failed}.${derived}`;
}

const PARAM_NAMES: Record<string, string> = { E: 'E', A: 'A', B: 'B', alpha: 'α', beta: 'β', x0: 'x₀' };

/** The diagnostics in sentences: the drop-k comparison and the residual/leverage check. */
export function diagnosticsSentences(result: FitResult, lang: Lang): string[] {
  const d = result.diagnostics;
  if (!d) return [];
  const zh = lang === 'zh';
  const out: string[] = [];
  if (d.dropped) {
    const x = d.dropped;
    const now = result.form === 'chinchilla' ? result.params : (result.floor ?? result.pure);
    const moves = Object.keys(x.allRows)
      .map((k) => {
        const here = (now as unknown as Record<string, number>)[k];
        return `${PARAM_NAMES[k] ?? k} ${formatValue(x.allRows[k])} → ${formatValue(here)}`;
      })
      .join(zh ? '，' : ', ');
    const rows = x.rows.slice(0, 10).join(', ') + (x.rows.length > 10 ? ', …' : '');
    out.push(
      zh
        ? `剔除诊断：去掉${x.rule === 'loss' ? '损失最高' : '残差最大'}的 ${x.rows.length} 次训练（第 ${rows} 行）后拟合；全部 ${x.allRowsCount} 次训练 → 剩余 ${result.data.loss.length} 次：${moves}。`
        : `Drop diagnostic: fitted without the ${x.rows.length} ${x.rule === 'loss' ? 'highest-loss' : 'largest-residual'} runs (rows ${rows}); all ${x.allRowsCount} runs → the ${result.data.loss.length} left: ${moves}.`,
    );
  }
  const l = d.leverage;
  if (l) {
    const shown = l.points
      .slice(0, 6)
      .map((p) =>
        zh
          ? `第 ${p.row} 行（h = ${formatValue(p.leverage, 3)}，标准化残差 ${formatValue(p.standardised, 3)}）`
          : `row ${p.row} (h = ${formatValue(p.leverage, 3)}, standardised residual ${formatValue(p.standardised, 3)})`,
      )
      .join(zh ? '；' : '; ');
    const more = l.points.length > 6 ? (zh ? ' 等' : ', …') : '';
    out.push(
      l.points.length === 0
        ? zh
          ? `残差检查：没有训练的杠杆值超过 2p/n = ${formatValue(l.threshold, 3)}，也没有标准化残差超出 ±3。`
          : `Residual check: no run has leverage above 2p/n = ${formatValue(l.threshold, 3)} or a standardised residual beyond ±3.`
        : zh
          ? `残差检查：${l.points.length} 次训练的杠杆值超过 2p/n = ${formatValue(l.threshold, 3)} 或标准化残差超出 ±3：${shown}${more}。`
          : `Residual check: ${l.points.length} run${l.points.length === 1 ? ' has' : 's have'} leverage above 2p/n = ${formatValue(l.threshold, 3)} or a standardised residual beyond ±3: ${shown}${more}.`,
    );
  }
  return out;
}

/** "E (irreducible loss)" / "E（不可约损失）". */
export function symbolText(r: ParameterRow, lang: Lang): string {
  return lang === 'zh' ? `${r.symbol}（${r.meaning.zh}）` : `${r.symbol} (${r.meaning.en})`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function markdownTable(header: string[], align: string[], rows: string[][]): string[] {
  return [`| ${header.map(escapeCell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)];
}

function columnsText(result: FitResult, lang: Lang): string {
  const c = result.columns;
  const q = (s: string | undefined): string => (lang === 'zh' ? `“${s ?? ''}”` : `"${s ?? ''}"`);
  const parts: string[] = [];
  if (c.N) parts.push(`N = ${q(c.N)}`);
  if (result.derived.D) parts.push(`D = C/(6N)`);
  else if (c.D) parts.push(`D = ${q(c.D)}`);
  if (c.C && !result.derived.C) parts.push(`C = ${q(c.C)}`);
  else if (result.derived.C && result.form === 'power' && result.x === 'C') parts.push('C = 6ND');
  parts.push(`L = ${q(c.loss)}`);
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/**
 * The text of a fit, shared by "Insert results" (Markdown), the CLI's summary (plain
 * text) and the panel: a heading, the parameter table (derived quantities included),
 * notes, the method sentence with its citations, and the diagnostics sentences.
 */
export interface FitReport {
  /** "Scaling-law fit" (bold in Markdown) and the rest of the heading line. */
  title: string;
  heading: string;
  header: string[];
  align: string[];
  rows: string[][];
  notes: string[];
  method: string;
  diagnostics: string[];
}

export function fitReport(result: FitResult, lang: Lang): FitReport {
  const rows = result.data.loss.length;
  const where = sourceText(result.source, lang);
  const zh = lang === 'zh';
  const ci = intervalHeader(result, lang);
  const title = zh ? '尺度定律拟合' : 'Scaling-law fit';
  const diagnostics = diagnosticsSentences(result, lang);
  if (result.form === 'chinchilla') {
    const body = parameterRows(result).map((r) => [symbolText(r, lang), formatValue(r.value), formatInterval(r.interval)]);
    body.push(
      [zh ? '数据行数' : 'Rows fitted', String(rows), ''],
      [
        zh ? `目标函数（Huber 损失之和，δ = ${result.huberDelta}）` : `Objective (sum of Huber losses, δ = ${result.huberDelta})`,
        formatValue(result.objective),
        '',
      ],
    );
    const screened =
      result.searched < result.starts
        ? zh
          ? `（先在每个初值处计算目标函数，仅从最好的 ${result.searched.toLocaleString('en-US')} 个出发运行 L-BFGS）`
          : ` (L-BFGS run from the ${result.searched.toLocaleString('en-US')} with the lowest objective at the start)`
        : '';
    return {
      title,
      heading: zh
        ? `（Emergence Lens）：${CHINCHILLA_FORMULA}，拟合 ${rows} 行数据（${where}；${columnsText(result, lang)}）。`
        : ` (Emergence Lens): ${CHINCHILLA_FORMULA}, fitted to ${rows} rows (${where}; ${columnsText(result, lang)}).`,
      header: [zh ? '参数' : 'Parameter', zh ? '估计值' : 'Estimate', ci],
      align: ['---', '---:', '---'],
      rows: body,
      notes: [],
      method: zh
        ? `方法：以 L-BFGS（解析梯度）从 ${result.starts.toLocaleString('en-US')} 个网格初值出发${screened}，最小化 log L 与 LSE(a − α·log N, b − β·log D, e) 之间的 Huber 损失（δ = ${result.huberDelta}），取最优解，A = eᵃ，B = eᵇ，E = eᵉ；计算最优量按 C = 6ND、C = ${budgetText(result.budget)} FLOP 计算。即 ${citationLink(HOFFMANN_2022_CITATION, lang)} 的方法，按 ${citationLink(BESIROGLU_2024_CITATION, lang)} 的复现。${bootstrapSentence(result, lang)}`
        : `Method: minimise the Huber loss (δ = ${result.huberDelta}) between log L and LSE(a − α·log N, b − β·log D, e) with L-BFGS and analytic gradients from a grid of ${result.starts.toLocaleString('en-US')} starts${screened}, keeping the best; A = eᵃ, B = eᵇ, E = eᵉ; compute-optimal quantities under C = 6ND at C = ${budgetText(result.budget)} FLOPs. The method of ${citationLink(HOFFMANN_2022_CITATION, lang)}, as replicated by ${citationLink(BESIROGLU_2024_CITATION, lang)}. ${bootstrapSentence(result, lang)}`,
      diagnostics,
    };
  }
  const f = powerFormulas(result.x);
  const body = parameterRows(result).map((r) => [r.law, symbolText(r, lang), formatValue(r.value), formatInterval(r.interval)]);
  body.push([f.pure, 'R² (log-log)', formatValue(result.pure.rSquared), '']);
  if (result.floor) body.push([f.floor, zh ? 'R²（对数空间）' : 'R² (log space)', formatValue(result.floor.rSquared), '']);
  body.push(['—', zh ? '数据行数' : 'Rows fitted', String(rows), '']);
  return {
    title,
    heading: zh
      ? `（Emergence Lens）：损失对${X_NAMES[result.x].zh}的幂律，拟合 ${rows} 行数据（${where}；${columnsText(result, lang)}）。`
      : ` (Emergence Lens): power laws of the loss in ${X_NAMES[result.x].en}, fitted to ${rows} rows (${where}; ${columnsText(result, lang)}).`,
    header: [zh ? '定律' : 'Law', zh ? '参数' : 'Parameter', zh ? '估计值' : 'Estimate', ci],
    align: ['---', '---', '---:', '---'],
    rows: body,
    notes: !result.floor && result.floorError ? [`${f.floor}: ${result.floorError[lang]}`] : [],
    method: zh
      ? `方法：${f.pure} 用对数-对数最小二乘拟合；${f.floor} 在对数空间用最小二乘拟合（log L̂ = LSE(c − α·log ${result.x}, e)，L-BFGS 细化）。幂律形式见 ${citationLink(KAPLAN_2020_CITATION, lang)}；对数空间拟合同 ${citationLink(HOFFMANN_2022_CITATION, lang)}。${bootstrapSentence(result, lang)}`
      : `Method: ${f.pure} by least squares in log-log space; ${f.floor} by least squares on log L (log L̂ = LSE(c − α·log ${result.x}, e), refined with L-BFGS). The power-law form follows ${citationLink(KAPLAN_2020_CITATION, lang)}; fitting in log space as in ${citationLink(HOFFMANN_2022_CITATION, lang)}. ${bootstrapSentence(result, lang)}`,
    diagnostics,
  };
}

/**
 * The Markdown block written into the note: the report's heading, table, notes, method
 * and diagnostics. Lines are returned without line terminators (the caller joins them
 * with the note's EOL).
 */
export function resultMarkdownLines(result: FitResult, lang: Lang): string[] {
  const r = fitReport(result, lang);
  return [
    `**${r.title}**${r.heading}`,
    '',
    ...markdownTable(r.header, r.align, r.rows),
    '',
    ...r.notes.flatMap((n) => [n, '']),
    r.method,
    ...r.diagnostics.flatMap((d) => ['', d]),
  ];
}

/** One-line summary for notifications: "E = 1.69, A = 406.4, … (30 rows, 1.8 s)". */
export function summaryText(result: FitResult, lang: Lang): string {
  const rows = result.data.loss.length;
  const tail = lang === 'zh' ? `（${rows} 行，${result.seconds.toFixed(1)} 秒）` : ` (${rows} rows, ${result.seconds.toFixed(1)} s)`;
  if (result.form === 'chinchilla') {
    const p = result.params;
    const ratio = result.derivedQuantities?.tokensPerParam;
    const at = ratio
      ? `, D_opt/N_opt = ${formatValue(ratio.value, 3)}${ratio.interval ? ` ${formatInterval(ratio.interval, 3)}` : ''} (C = ${budgetText(result.budget)})`
      : '';
    return `E = ${formatValue(p.E)}, A = ${formatValue(p.A)}, B = ${formatValue(p.B)}, α = ${formatValue(p.alpha)}, β = ${formatValue(p.beta)}${at}${tail}`;
  }
  const main = result.floor
    ? `L = ${formatValue(result.floor.E)} + (${formatValue(result.floor.x0)}/${result.x})^${formatValue(result.floor.alpha)}`
    : `L = (${formatValue(result.pure.x0)}/${result.x})^${formatValue(result.pure.alpha)}`;
  return `${main}${tail}`;
}

const ci = (iv: FitInterval | null | undefined): [number, number] | null => (iv ? [iv.low, iv.high] : null);

/**
 * The machine-readable result (the CLI's --json): parameters and derived quantities as
 * {value, ci: [low, high] | null}, the bootstrap, the diagnostics and the method's settings.
 */
export function resultJson(result: FitResult, file: string): Record<string, unknown> {
  const common = {
    file,
    rows: result.data.loss.length,
    columns: result.columns,
    columnsDerived: result.derived,
    bootstrap: result.bootstrap,
    resamplesLimited: result.resamplesLimited,
    diagnostics: result.diagnostics,
    seconds: result.seconds,
  };
  if (result.form === 'chinchilla') {
    const params: Record<string, { value: number; ci: [number, number] | null }> = {};
    for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) params[k] = { value: result.params[k], ci: ci(result.intervals?.[k]) };
    const derived: Record<string, { value: number; ci: [number, number] | null }> = {};
    for (const [k, e] of Object.entries(result.derivedQuantities ?? {})) derived[k] = { value: e.value, ci: ci(e.interval) };
    return {
      form: 'chinchilla',
      ...common,
      params,
      budget: result.budget,
      derived,
      objective: result.objective,
      huberDelta: result.huberDelta,
      starts: result.starts,
      searched: result.searched,
      converged: result.converged,
    };
  }
  const law = (l: { x0: number; alpha: number; E?: number; rSquared: number; intervals: Record<string, FitInterval> | null }): Record<string, unknown> => {
    const out: Record<string, unknown> = { rSquared: l.rSquared };
    for (const k of ['E', 'x0', 'alpha'] as const) {
      const v = (l as Record<string, unknown>)[k];
      if (typeof v === 'number') out[k] = { value: v, ci: ci(l.intervals?.[k]) };
    }
    return out;
  };
  return {
    form: 'power',
    x: result.x,
    ...common,
    power: law(result.pure),
    powerWithFloor: result.floor ? law(result.floor) : { error: result.floorError },
  };
}
