// Vega-Lite specs for §3.1.3: L(C) on log-log axes, L(N,D) against N and against D
// with the L∞ floor, and the compute-optimal frontier of the chosen Chinchilla fit.
import { formatCount, formatFlops, formatNumber, formatPfDays, pythonExp } from '../../engine/format';
import { FITS, FLOPS_PER_PF_DAY, fitValue, kaplanOptimalText } from '../../engine/laws/fits';
import { logspace, lossRatioForComputeFactor } from '../../engine/laws/powerLaws';
import { decadesWithin, makeChart, POWER_OF_TEN_LABEL_EXPR, tr, wrapLabel } from '../chartKit';
import type { Bilingual, ChartContext, ChartSpec, Lang } from '../types';
import {
  PARAMS_RANGE,
  TOKENS_RANGE,
  TYPICAL_ALPHA_RANGE,
  lawFrontier,
  lossComputeCurve,
  lossVsParams,
  lossVsTokens,
  seriesLabels,
  type ResolvedLaw,
} from './model';

type Json = Record<string, unknown>;

const KAPLAN_COMPUTE = FITS['kaplan2020-compute'];

const WIDTH = 520;
const HEIGHT = 300;

/** A title with a subtitle of one or more lines (makeChart's subtitle is one line). */
function titleWithLines(title: Bilingual, lines: string[], lang: Lang): Json {
  return { text: tr(title, lang), subtitle: lines };
}

function logAxis(title: string, lo: number, hi: number): Json {
  return { title, values: decadesWithin(lo, hi), labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: true };
}

/** A log axis whose ticks are the signal `ticks` (they follow a parameter without a rebuild). */
function signalLogAxis(title: string, ticks: string): Json {
  return { title, values: { expr: ticks }, labelExpr: POWER_OF_TEN_LABEL_EXPR, grid: true };
}

/** Tick values for a log loss axis: a 1-2-3-5 ladder within the domain. */
function lossTicks(lo: number, hi: number): number[] {
  const ladder = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of ladder) {
      const v = m * Math.pow(10, e);
      if (v >= lo && v <= hi) out.push(Number(v.toPrecision(3)));
    }
  }
  // Keep at most ~7 labels so the axis never crowds.
  const stride = Math.ceil(out.length / 7);
  return out.filter((_, i) => i % stride === 0);
}

function fmtAlpha(a: number): string {
  return a.toFixed(3).replace(/0$/, '');
}

export interface ComputeChartOptions {
  alpha: number;
  c0: number;
  from: number;
  to: number;
  showBand: boolean;
}

export function lossVsComputeChart(o: ComputeChartOptions, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const curve = lossComputeCurve(o.alpha, o.c0, o.from, o.to);
  const lowEdge = lossComputeCurve(TYPICAL_ALPHA_RANGE[0], o.c0, o.from, o.to);
  const highEdge = lossComputeCurve(TYPICAL_ALPHA_RANGE[1], o.c0, o.from, o.to);
  const band = lowEdge.map((p, i) => ({ compute: p.compute, a: p.loss, b: highEdge[i].loss }));
  const markers = decadesWithin(o.from, o.to).map((c) => {
    const [p] = lossComputeCurve(o.alpha, o.c0, c, c, 1);
    return { ...p, computeExp: pythonExp(c), pfDaysText: formatPfDays(c) };
  });
  const all = [...curve.map((p) => p.loss), ...(o.showBand ? band.flatMap((b) => [b.a, b.b]) : [])];
  const yLo = Math.min(...all) / 1.06;
  const yHi = Math.max(...all) * 1.06;
  // Domains, ticks and the texts that quote parameters are signals: a change moves them in place.
  const x = {
    field: 'compute',
    type: 'quantitative',
    scale: { type: 'log', domain: { expr: 'computeDomain' }, nice: false },
    axis: signalLogAxis(tr({ zh: '训练计算量 C (FLOPs)', en: 'Training compute C (FLOPs)' }, lang), 'computeTicks'),
  };
  const y = {
    type: 'quantitative',
    scale: { type: 'log', domain: { expr: 'lossDomain' }, nice: false },
    axis: { title: tr({ zh: '损失 L(C)', en: 'Loss L(C)' }, lang), values: { expr: 'lossTicks' }, format: '~g' },
  };
  const perDecade = lossRatioForComputeFactor(10, o.alpha);
  // The band's label sits in its widest part, a tenth of the way in from the left.
  const labelAt = Math.pow(10, Math.log10(o.from) + 0.06 * (Math.log10(o.to) - Math.log10(o.from)));
  const [bandLow] = lossComputeCurve(TYPICAL_ALPHA_RANGE[0], o.c0, labelAt, labelAt, 1);
  const [bandHigh] = lossComputeCurve(TYPICAL_ALPHA_RANGE[1], o.c0, labelAt, labelAt, 1);
  // The α label rides above the curve, an eighth of the way in from the right end.
  const alphaAt = Math.pow(10, Math.log10(o.to) - 0.12 * (Math.log10(o.to) - Math.log10(o.from)));
  const [alphaPoint] = lossComputeCurve(o.alpha, o.c0, alphaAt, alphaAt, 1);

  const layers: Json[] = [
    ...(o.showBand
      ? [
          {
            data: { values: band },
            mark: { type: 'area', opacity: 0.14, color: theme.palette[0] },
            encoding: { x, y: { field: 'b', ...y }, y2: { field: 'a' } },
          },
          {
            data: { values: [{ compute: labelAt, loss: Math.sqrt(bandLow.loss * bandHigh.loss) }] },
            mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: theme.muted, limit: { expr: 'width * 0.92' } },
            encoding: {
              x,
              y: { field: 'loss', ...y },
              text: {
                value: tr(
                  {
                    zh: `文中典型范围 α = ${TYPICAL_ALPHA_RANGE[0]}–${TYPICAL_ALPHA_RANGE[1]}`,
                    en: `Typical range in the text: α = ${TYPICAL_ALPHA_RANGE[0]}–${TYPICAL_ALPHA_RANGE[1]}`,
                  },
                  lang,
                ),
              },
            },
          },
        ]
      : []),
    {
      data: { values: curve },
      mark: { type: 'line', strokeWidth: 3, color: theme.palette[0] },
      encoding: { x, y: { field: 'loss', ...y } },
    },
    {
      data: { values: markers },
      mark: { type: 'point', filled: true, size: 50, opacity: 1, color: theme.palette[0], stroke: theme.background, strokeWidth: 1 },
      encoding: {
        x,
        y: { field: 'loss', ...y },
        tooltip: [
          { field: 'computeExp', type: 'nominal', title: tr({ zh: '计算量 (FLOPs)', en: 'Compute (FLOPs)' }, lang) },
          { field: 'pfDaysText', type: 'nominal', title: 'PF-days' },
          { field: 'loss', type: 'quantitative', title: 'L(C)', format: '.3f' },
        ],
      },
    },
    {
      data: { values: [{ compute: alphaPoint.compute, loss: alphaPoint.loss }] },
      mark: { type: 'text', align: 'center', baseline: 'top', dy: 10, fontSize: 12, fontWeight: 'bold', color: theme.palette[0], text: { expr: 'alphaLabel' } },
      encoding: { x, y: { field: 'loss', ...y } },
    },
    {
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'right',
        baseline: 'top',
        x: { expr: 'width - 8' },
        y: 8,
        fontSize: 11,
        lineHeight: 15,
        color: theme.foreground,
        text: { expr: 'decadeLines' },
      },
    },
  ];
  // A narrow webview wraps the note in the corner so it stays inside the plot.
  const wrapNote = (lines: string[]): string[] => (ctx.width !== undefined && ctx.width < WIDTH ? lines.flatMap((l) => wrapLabel(l, 30)) : lines);
  const signals = {
    computeDomain: [o.from, o.to],
    computeTicks: decadesWithin(o.from, o.to),
    lossDomain: [yLo, yHi],
    lossTicks: lossTicks(yLo, yHi),
    alphaLabel: `α = ${fmtAlpha(o.alpha)}`,
    decadeLines: wrapNote(
      lang === 'zh'
        ? ['双对数坐标下为直线, 斜率 −α', `计算量每增加 10 倍, 损失 × ${perDecade.toFixed(3)}`]
        : ['A straight line on log-log axes, slope −α', `Each 10× compute multiplies the loss by ${perDecade.toFixed(3)}`],
    ),
  };

  const lines =
    lang === 'zh'
      ? [
          `L(C) = (C₀/C)^α, C₀ = ${formatFlops(o.c0)} = ${formatNumber(o.c0 / FLOPS_PER_PF_DAY)} PF-days`,
          `${KAPLAN_COMPUTE.label.zh}: C₀ = ${pythonExp(fitValue(KAPLAN_COMPUTE.id, 'ccMin'), 1)} PF-days, α = ${fitValue(KAPLAN_COMPUTE.id, 'alphaC').toFixed(3)} (1 PF-day = 8.64e19 FLOPs)`,
        ]
      : [
          `L(C) = (C₀/C)^α, C₀ = ${formatFlops(o.c0)} = ${formatNumber(o.c0 / FLOPS_PER_PF_DAY)} PF-days`,
          `${KAPLAN_COMPUTE.label.en}: C₀ = ${pythonExp(fitValue(KAPLAN_COMPUTE.id, 'ccMin'), 1)} PF-days, α = ${fitValue(KAPLAN_COMPUTE.id, 'alphaC').toFixed(3)} (1 PF-day = 8.64e19 FLOPs)`,
        ];

  return makeChart(
    {
      id: 'loss-vs-compute',
      finiteData: true,
      title: { zh: '损失随计算量的幂律下降', en: 'Loss falls as a power law of compute' },
      description: {
        zh: '双对数坐标下的 L(C) = (C₀/C)^α: 一条斜率为 −α 的直线; 阴影为文中所说 α 的典型范围 0.05–0.1。',
        en: 'L(C) = (C₀/C)^α on log-log axes: a straight line of slope −α; the shaded band is the typical α range 0.05–0.1 given in the text.',
      },
      width: WIDTH,
      height: HEIGHT,
      signals,
    },
    ctx,
    { title: titleWithLines({ zh: '损失随计算量的幂律下降', en: 'Loss falls as a power law of compute' }, lines, lang), layer: layers },
  );
}

/** The law as drawn, with its constants, and what those constants are, as subtitle lines. */
function lawLines(law: ResolvedLaw, lang: Lang): string[] {
  const a = law.additive;
  const f = (v: number): string => formatNumber(v);
  const formula = {
    additive: `L(N,D) = (${f(a.n0)}/N)^${a.alphaN} + (${f(a.d0)}/D)^${a.alphaD} + ${a.lInf}`,
    'kaplan-joint': `L(N,D) = [(${f(a.n0)}/N)^(${a.alphaN}/${a.alphaD}) + ${f(a.d0)}/D]^${a.alphaD}`,
    'kaplan-params': `L(N) = (${f(a.n0)}/N)^${a.alphaN}`,
    'kaplan-data': `L(D) = (${f(a.d0)}/D)^${a.alphaD}`,
  }[law.form];
  const who = law.label[lang];
  if (law.form === 'additive' && law.chinchilla && !law.seedReading) {
    return lang === 'zh'
      ? [formula, `${who}: E + A/N^α + B/D^β, 即 L∞ = E, N₀ = A^(1/α), D₀ = B^(1/β)`]
      : [formula, `${who}: E + A/N^α + B/D^β, so L∞ = E, N₀ = A^(1/α), D₀ = B^(1/β)`];
  }
  if (law.form === 'kaplan-params' || law.form === 'kaplan-data') {
    return lang === 'zh' ? [formula, `${who}; 单变量定律, 没有 L∞ 项`] : [formula, `${who}; a single-variable law with no L∞ term`];
  }
  return [formula, who];
}

function lossVsOneChart(kind: 'params' | 'tokens', law: ResolvedLaw, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const range = kind === 'params' ? PARAMS_RANGE : TOKENS_RANGE;
  const grid = logspace(Math.log10(range[0]), Math.log10(range[1]), 100);
  const decades = decadesWithin(range[0], range[1]);
  const rows = kind === 'params' ? lossVsParams(law, lang, grid) : lossVsTokens(law, lang, grid);
  const markers = kind === 'params' ? lossVsParams(law, lang, decades) : lossVsTokens(law, lang, decades);
  const field = kind === 'params' ? 'params' : 'tokens';
  const series = seriesLabels(kind === 'params' ? 'tokens' : 'params', lang);
  const xTitle = kind === 'params' ? { zh: '模型参数量 N', en: 'Model parameters N' } : { zh: '训练数据量 D (词元)', en: 'Training data D (tokens)' };
  const legendTitle = kind === 'params' ? { zh: '训练数据量', en: 'Training data' } : { zh: '模型参数量', en: 'Model size' };
  const x = { field, type: 'quantitative', scale: { type: 'log', domain: [...range], nice: false }, axis: logAxis(tr(xTitle, lang), range[0], range[1]) };
  const y = { type: 'quantitative', scale: { zero: false }, axis: { title: tr({ zh: '损失 L(N, D)', en: 'Loss L(N, D)' }, lang) } };
  const colour = {
    field: 'series',
    type: 'nominal',
    sort: series,
    scale: { domain: series, range: theme.palette.slice(0, series.length) },
    legend: { title: tr(legendTitle, lang), orient: 'right', labelLimit: 260 },
  };
  const floorLabel = lang === 'zh' ? `L∞ = ${law.additive.lInf} (不可约损失)` : `L∞ = ${law.additive.lInf} (irreducible loss)`;
  // The floor is drawn only for a law that has one: Kaplan's laws have none.
  const floor: Json[] =
    law.form === 'additive'
      ? [
          {
            data: { values: [{ loss: law.additive.lInf, label: floorLabel }] },
            mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: theme.muted },
            encoding: { y: { field: 'loss', ...y }, tooltip: { field: 'label', type: 'nominal' } },
          },
          {
            data: { values: [{ loss: law.additive.lInf, label: floorLabel }] },
            mark: { type: 'text', align: 'left', baseline: 'bottom', x: 6, dy: -4, fontSize: 11, color: theme.muted },
            encoding: { y: { field: 'loss', ...y }, text: { field: 'label' } },
          },
        ]
      : [];
  const layers: Json[] = [
    ...floor,
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 2.5 },
      encoding: { x, y: { field: 'loss', ...y }, color: colour },
    },
    {
      data: { values: markers },
      mark: { type: 'point', filled: true, size: 36, opacity: 1 },
      encoding: {
        x,
        y: { field: 'loss', ...y },
        color: colour,
        tooltip: [
          { field: 'paramsHuman', type: 'nominal', title: tr({ zh: '参数量 N', en: 'Parameters N' }, lang) },
          { field: 'tokensHuman', type: 'nominal', title: tr({ zh: '词元数 D', en: 'Tokens D' }, lang) },
          { field: 'loss', type: 'quantitative', title: 'L(N, D)', format: '.3f' },
        ],
      },
    },
  ];
  const title =
    kind === 'params'
      ? { zh: '损失随参数量的变化 (不同数据量)', en: 'Loss against model size, for several data sizes' }
      : { zh: '损失随数据量的变化 (不同参数量)', en: 'Loss against data size, for several model sizes' };
  return makeChart(
    {
      id: kind === 'params' ? 'loss-vs-params' : 'loss-vs-data',
      finiteData: true,
      title,
      description:
        kind === 'params'
          ? {
              zh: 'L(N,D) 随参数量 N 的变化, 每条线固定一个数据量 D; 所画定律与常数见副标题, 加性形式的虚线为不可约损失 L∞。',
              en: 'L(N,D) against parameters N, one line per fixed data size D; the subtitle names the law and constants drawn; for the additive form the dashed rule is the irreducible loss L∞.',
            }
          : {
              zh: 'L(N,D) 随训练数据量 D 的变化, 每条线固定一个参数量 N; 所画定律与常数见副标题, 加性形式的虚线为不可约损失 L∞。',
              en: 'L(N,D) against training tokens D, one line per fixed model size N; the subtitle names the law and constants drawn; for the additive form the dashed rule is the irreducible loss L∞.',
            },
      width: WIDTH,
      height: HEIGHT,
    },
    ctx,
    { title: titleWithLines(title, lawLines(law, lang), lang), layer: layers },
  );
}

export function lossVsParamsChart(law: ResolvedLaw, ctx: ChartContext): ChartSpec {
  return lossVsOneChart('params', law, ctx);
}

export function lossVsDataChart(law: ResolvedLaw, ctx: ChartContext): ChartSpec {
  return lossVsOneChart('tokens', law, ctx);
}

export interface FrontierChartOptions {
  from: number;
  to: number;
  budget: number;
}

export function computeOptimalChart(law: ResolvedLaw, o: FrontierChartOptions, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const p = law.chinchilla;
  const who = law.label[lang];
  const nLabel = tr({ zh: 'N_opt (参数)', en: 'N_opt (parameters)' }, lang);
  const dLabel = tr({ zh: 'D_opt (词元)', en: 'D_opt (tokens)' }, lang);
  const computes = logspace(Math.log10(o.from), Math.log10(o.to), 100);
  const toRows = (points: ReturnType<typeof lawFrontier>): Json[] =>
    points.flatMap((f) => {
      const common = {
        compute: f.compute,
        computeExp: pythonExp(f.compute, 2),
        pfDaysText: formatPfDays(f.compute),
        paramsHuman: formatCount(f.params, lang),
        tokensHuman: formatCount(f.tokens, lang),
        ratio: f.tokensPerParam,
        loss: f.loss,
      };
      return [
        { ...common, series: nLabel, count: f.params },
        { ...common, series: dLabel, count: f.tokens },
      ];
    });
  const curve = toRows(lawFrontier(law, computes));
  const markers = toRows(lawFrontier(law, decadesWithin(o.from, o.to)));
  const budgetInRange = o.budget >= o.from && o.budget <= o.to;
  const budgetRows = budgetInRange ? toRows(lawFrontier(law, [o.budget])) : [];
  const counts = curve.map((r) => r.count as number);
  const yLo = Math.pow(10, Math.floor(Math.log10(Math.min(...counts))));
  const yHi = Math.pow(10, Math.ceil(Math.log10(Math.max(...counts))));
  const x = {
    field: 'compute',
    type: 'quantitative',
    scale: { type: 'log', domain: { expr: 'computeDomain' }, nice: false },
    axis: signalLogAxis(tr({ zh: '训练计算量 C (FLOPs)', en: 'Training compute C (FLOPs)' }, lang), 'computeTicks'),
  };
  const y = {
    field: 'count',
    type: 'quantitative',
    scale: { type: 'log', domain: { expr: 'countDomain' }, nice: false },
    axis: signalLogAxis(tr({ zh: '参数量 / 词元数', en: 'Parameters / tokens' }, lang), 'countTicks'),
  };
  const colour = {
    field: 'series',
    type: 'nominal',
    scale: { domain: [nLabel, dLabel], range: [theme.palette[0], theme.palette[1]] },
    legend: { title: null, orient: 'top-left', fillColor: theme.background, strokeColor: theme.grid, padding: 6, offset: 6 },
  };
  const tooltip = [
    { field: 'computeExp', type: 'nominal', title: tr({ zh: '计算量 (FLOPs)', en: 'Compute (FLOPs)' }, lang) },
    { field: 'pfDaysText', type: 'nominal', title: 'PF-days' },
    { field: 'paramsHuman', type: 'nominal', title: 'N_opt' },
    { field: 'tokensHuman', type: 'nominal', title: 'D_opt' },
    { field: 'ratio', type: 'quantitative', title: tr({ zh: '词元/参数', en: 'Tokens per parameter' }, lang), format: '.1f' },
    { field: 'loss', type: 'quantitative', title: tr({ zh: '预测损失', en: 'Predicted loss' }, lang), format: '.3f' },
  ];
  const layers: Json[] = [
    { data: { values: curve }, mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y, color: colour } },
    { data: { values: markers }, mark: { type: 'point', filled: true, size: 36, opacity: 1 }, encoding: { x, y, color: colour, tooltip } },
  ];
  // The budget's layers are always there (empty out of range), so moving it changes data only.
  {
    const budgetAt = budgetInRange ? [{ compute: o.budget }] : [];
    layers.push(
      {
        data: { values: budgetAt },
        mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: theme.accent },
        encoding: { x },
      },
      {
        data: { values: budgetRows },
        mark: { type: 'point', filled: true, size: 90, opacity: 1, color: theme.accent, stroke: theme.background, strokeWidth: 1.5 },
        encoding: { x, y, tooltip },
      },
      {
        data: { values: budgetRows.map((r) => ({ ...r, label: r.series === nLabel ? `N_opt ≈ ${r.paramsHuman}` : `D_opt ≈ ${r.tokensHuman}` })) },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -6, fontSize: 11, color: theme.foreground },
        encoding: { x, y, text: { field: 'label' } },
      },
      {
        data: { values: budgetAt },
        // Right of the rule, or left of it in the right half of the plot (so it never runs off a narrow one).
        mark: {
          type: 'text',
          align: { expr: "scale('x', datum.compute) > width / 2 ? 'right' : 'left'" },
          dx: { expr: "scale('x', datum.compute) > width / 2 ? -4 : 4" },
          baseline: 'bottom',
          y: HEIGHT - 4,
          fontSize: 11,
          color: theme.accent,
          text: { expr: 'budgetLabel' },
        },
        encoding: { x },
      },
    );
  }
  let lines: string[];
  if (p) {
    const sum = p.alpha + p.beta;
    const f = (v: number): string => Number(v.toPrecision(5)).toString();
    lines = [
      lang === 'zh'
        ? `C = 6ND 下 L = E + A/N^α + B/D^β 的最优分配: N_opt ∝ C^${(p.beta / sum).toFixed(3)}, D_opt ∝ C^${(p.alpha / sum).toFixed(3)}`
        : `Optimal split of C = 6ND for L = E + A/N^α + B/D^β: N_opt ∝ C^${(p.beta / sum).toFixed(3)}, D_opt ∝ C^${(p.alpha / sum).toFixed(3)}`,
      lang === 'zh'
        ? `常数: ${who} (E = ${f(p.E)}, A = ${f(p.A)}, B = ${f(p.B)}, α = ${f(p.alpha)}, β = ${f(p.beta)})`
        : `Constants: ${who} (E = ${f(p.E)}, A = ${f(p.A)}, B = ${f(p.B)}, α = ${f(p.alpha)}, β = ${f(p.beta)})`,
    ];
  } else {
    const k = FITS['kaplan2020-optimal'];
    lines = [
      lang === 'zh' ? `${k.label.zh}: ${kaplanOptimalText()} (C_min 以 PF-天计)` : `${k.label.en}: ${kaplanOptimalText()} (C_min in PF-days)`,
      lang === 'zh'
        ? `${who} 本身不决定此分配: Kaplan 由 L(N, S_min) 与临界批量推出该规则`
        : `${who} does not set this split: Kaplan derive it from L(N, S_min) at the critical batch size`,
    ];
  }
  const title = { zh: '计算最优的参数量与数据量', en: 'Compute-optimal model and data size' };
  return makeChart(
    {
      id: 'compute-optimal',
      finiteData: true,
      title,
      description: {
        zh: '给定计算量时的最优参数量 N_opt 与词元数 D_opt, 双对数坐标: Chinchilla 形式在 C = 6ND 下最小化损失; Kaplan 的定律用其发表的分配规则 (式 6.1)。',
        en: "For each compute budget, the compute-optimal parameter count N_opt and token count D_opt on log-log axes: the Chinchilla form minimised under C = 6ND; Kaplan's laws use Kaplan's published rule (eq. 6.1).",
      },
      width: WIDTH,
      height: HEIGHT,
      signals: {
        computeDomain: [o.from, o.to],
        computeTicks: decadesWithin(o.from, o.to),
        countDomain: [yLo, yHi],
        countTicks: decadesWithin(yLo, yHi),
        budgetLabel: lang === 'zh' ? `预算 ${pythonExp(o.budget, 2)} FLOPs` : `Budget ${pythonExp(o.budget, 2)} FLOPs`,
      },
    },
    ctx,
    { title: titleWithLines(title, lines, lang), layer: layers },
  );
}
