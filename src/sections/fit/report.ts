// Text of a fit: the parameter table (shared by the panel and the note) and the
// Markdown block "Insert results" writes into the note. Pure string building.
import { BESIROGLU_2024_CITATION, HOFFMANN_2022_CITATION, KAPLAN_2020_CITATION, type Citation } from '../../engine/laws/presets';
import type { Bilingual, Lang } from '../types';
import type { FitInterval, FitResult, FitSourceInfo, FitX, PowerFitResult } from './result';

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

/** The fitted parameters (and, for Chinchilla, the compute-optimal exponents derived from them). */
export function parameterRows(result: FitResult): ParameterRow[] {
  if (result.form === 'chinchilla') {
    const p = result.params;
    const iv = result.intervals;
    const law = CHINCHILLA_FORMULA;
    const s = p.alpha + p.beta;
    return [
      { law, symbol: 'E', meaning: { en: 'irreducible loss', zh: '不可约损失' }, value: p.E, interval: iv?.E ?? null },
      { law, symbol: 'A', meaning: { en: 'model-size coefficient', zh: '模型规模项系数' }, value: p.A, interval: iv?.A ?? null },
      { law, symbol: 'B', meaning: { en: 'data coefficient', zh: '数据项系数' }, value: p.B, interval: iv?.B ?? null },
      { law, symbol: 'α', meaning: { en: 'model-size exponent', zh: '模型规模指数' }, value: p.alpha, interval: iv?.alpha ?? null },
      { law, symbol: 'β', meaning: { en: 'data exponent', zh: '数据指数' }, value: p.beta, interval: iv?.beta ?? null },
      { law, symbol: 'a = β/(α+β)', meaning: { en: 'N_opt ∝ C^a', zh: 'N_opt ∝ C^a' }, value: p.beta / s, interval: null },
      { law, symbol: 'b = α/(α+β)', meaning: { en: 'D_opt ∝ C^b', zh: 'D_opt ∝ C^b' }, value: p.alpha / s, interval: null },
    ];
  }
  const f = powerFormulas(result.x);
  const rows: ParameterRow[] = [
    { law: f.pure, symbol: 'α', meaning: { en: 'exponent', zh: '指数' }, value: result.pure.alpha, interval: result.pure.intervals?.alpha ?? null },
    { law: f.pure, symbol: 'x₀', meaning: { en: `scale of ${X_NAMES[result.x].en}`, zh: `${X_NAMES[result.x].zh}的尺度` }, value: result.pure.x0, interval: result.pure.intervals?.x0 ?? null },
  ];
  const fl = result.floor;
  if (fl) {
    rows.push(
      { law: f.floor, symbol: 'E', meaning: { en: 'irreducible loss', zh: '不可约损失' }, value: fl.E, interval: fl.intervals?.E ?? null },
      { law: f.floor, symbol: 'α', meaning: { en: 'exponent', zh: '指数' }, value: fl.alpha, interval: fl.intervals?.alpha ?? null },
      { law: f.floor, symbol: 'x₀', meaning: { en: `scale of ${X_NAMES[result.x].en}`, zh: `${X_NAMES[result.x].zh}的尺度` }, value: fl.x0, interval: fl.intervals?.x0 ?? null },
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

function bootstrapSentence(result: FitResult, lang: Lang): string {
  const b = result.bootstrap;
  if (!b) return lang === 'zh' ? '未计算置信区间。' : 'No confidence intervals were computed.';
  const failed = b.failed > 0 ? (lang === 'zh' ? `（${b.failed} 次重拟合失败，已剔除）` : ` (${b.failed} failed refits left out)`) : '';
  return lang === 'zh'
    ? `区间：百分位自助法，${b.resamples} 次重抽样，随机种子 ${b.seed}${failed}。`
    : `Intervals: percentile bootstrap over ${b.resamples} resamples of the rows, seed ${b.seed}${failed}.`;
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
 * The Markdown block written into the note: a heading line, the parameter table with
 * intervals, the number of rows and the objective, and the method with its citations.
 * Lines are returned without line terminators (the caller joins them with the note's EOL).
 */
export function resultMarkdownLines(result: FitResult, lang: Lang): string[] {
  const rows = result.data.loss.length;
  const where = sourceText(result.source, lang);
  const zh = lang === 'zh';
  const ci = intervalHeader(result, lang);
  const lines: string[] = [];
  if (result.form === 'chinchilla') {
    lines.push(
      zh
        ? `**尺度定律拟合**（Emergence Lens）：${CHINCHILLA_FORMULA}，拟合 ${rows} 行数据（${where}；${columnsText(result, lang)}）。`
        : `**Scaling-law fit** (Emergence Lens): ${CHINCHILLA_FORMULA}, fitted to ${rows} rows (${where}; ${columnsText(result, lang)}).`,
      '',
    );
    const body = parameterRows(result).map((r) => [symbolText(r, lang), formatValue(r.value), formatInterval(r.interval)]);
    body.push(
      [zh ? '数据行数' : 'Rows fitted', String(rows), ''],
      [zh ? `目标函数（Huber 损失之和，δ = ${result.huberDelta}）` : `Objective (sum of Huber losses, δ = ${result.huberDelta})`, formatValue(result.objective), ''],
    );
    lines.push(...markdownTable([zh ? '参数' : 'Parameter', zh ? '估计值' : 'Estimate', ci], ['---', '---:', '---'], body), '');
    lines.push(
      zh
        ? `方法：以 L-BFGS（解析梯度）从 ${result.starts.toLocaleString('en-US')} 个网格初值出发，最小化 log L 与 LSE(a − α·log N, b − β·log D, e) 之间的 Huber 损失（δ = ${result.huberDelta}），取最优解，A = eᵃ，B = eᵇ，E = eᵉ。即 ${citationLink(HOFFMANN_2022_CITATION, lang)} 的方法，按 ${citationLink(BESIROGLU_2024_CITATION, lang)} 的复现。${bootstrapSentence(result, lang)}`
        : `Method: minimise the Huber loss (δ = ${result.huberDelta}) between log L and LSE(a − α·log N, b − β·log D, e) with L-BFGS and analytic gradients from a grid of ${result.starts.toLocaleString('en-US')} starts, keeping the best; A = eᵃ, B = eᵇ, E = eᵉ. The method of ${citationLink(HOFFMANN_2022_CITATION, lang)}, as replicated by ${citationLink(BESIROGLU_2024_CITATION, lang)}. ${bootstrapSentence(result, lang)}`,
    );
    return lines;
  }
  return powerMarkdownLines(result, lang, rows, where, ci);
}

function powerMarkdownLines(result: PowerFitResult, lang: Lang, rows: number, where: string, ci: string): string[] {
  const zh = lang === 'zh';
  const f = powerFormulas(result.x);
  const lines = [
    zh
      ? `**尺度定律拟合**（Emergence Lens）：损失对${X_NAMES[result.x].zh}的幂律，拟合 ${rows} 行数据（${where}；${columnsText(result, lang)}）。`
      : `**Scaling-law fit** (Emergence Lens): power laws of the loss in ${X_NAMES[result.x].en}, fitted to ${rows} rows (${where}; ${columnsText(result, lang)}).`,
    '',
  ];
  const body = parameterRows(result).map((r) => [r.law, symbolText(r, lang), formatValue(r.value), formatInterval(r.interval)]);
  body.push([f.pure, 'R² (log-log)', formatValue(result.pure.rSquared), '']);
  if (result.floor) body.push([f.floor, zh ? 'R²（对数空间）' : 'R² (log space)', formatValue(result.floor.rSquared), '']);
  body.push([zh ? '—' : '—', zh ? '数据行数' : 'Rows fitted', String(rows), '']);
  lines.push(...markdownTable([zh ? '定律' : 'Law', zh ? '参数' : 'Parameter', zh ? '估计值' : 'Estimate', ci], ['---', '---', '---:', '---'], body), '');
  if (!result.floor && result.floorError) lines.push(`${f.floor}: ${result.floorError[lang]}`, '');
  lines.push(
    zh
      ? `方法：${f.pure} 用对数-对数最小二乘拟合；${f.floor} 在对数空间用最小二乘拟合（log L̂ = LSE(c − α·log ${result.x}, e)，L-BFGS 细化）。幂律形式见 ${citationLink(KAPLAN_2020_CITATION, lang)}；对数空间拟合同 ${citationLink(HOFFMANN_2022_CITATION, lang)}。${bootstrapSentence(result, lang)}`
      : `Method: ${f.pure} by least squares in log-log space; ${f.floor} by least squares on log L (log L̂ = LSE(c − α·log ${result.x}, e), refined with L-BFGS). The power-law form follows ${citationLink(KAPLAN_2020_CITATION, lang)}; fitting in log space as in ${citationLink(HOFFMANN_2022_CITATION, lang)}. ${bootstrapSentence(result, lang)}`,
  );
  return lines;
}

/** One-line summary for notifications: "E = 1.69, A = 406.4, … (30 rows, 1.8 s)". */
export function summaryText(result: FitResult, lang: Lang): string {
  const rows = result.data.loss.length;
  const tail = lang === 'zh' ? `（${rows} 行，${result.seconds.toFixed(1)} 秒）` : ` (${rows} rows, ${result.seconds.toFixed(1)} s)`;
  if (result.form === 'chinchilla') {
    const p = result.params;
    return `E = ${formatValue(p.E)}, A = ${formatValue(p.A)}, B = ${formatValue(p.B)}, α = ${formatValue(p.alpha)}, β = ${formatValue(p.beta)}${tail}`;
  }
  const main = result.floor
    ? `L = ${formatValue(result.floor.E)} + (${formatValue(result.floor.x0)}/${result.x})^${formatValue(result.floor.alpha)}`
    : `L = (${formatValue(result.pure.x0)}/${result.x})^${formatValue(result.pure.alpha)}`;
  return `${main}${tail}`;
}
