// Vega-Lite specs of the mirage lens: one per-token law scored four ways (with the
// test set's resolution floor as a band whose height is a Vega-Lite param), and the
// real-data twin: IPA transliteration by exact match and by BLEU on the FLOPs axis.
// Every numeric control reaches the metrics chart as data or as a signal (the floor,
// the panel title that quotes L), so a change updates a live view in place.
import { emergenceCurve } from '../../engine/emergence/fit';
import type { MirageLaw, MirageRow } from '../../engine/emergence/mirage';
import { decadeAxis, makeChart, tr } from '../chartKit';
import { formatAxisValue } from '../../engine/emergence/describe';
import { setTitle } from '../emergence-real/charts';
import { DATA_CITATION } from '../emergence-real/model';
import type { ChartContext, ChartSpec, Lang } from '../types';
import type { MirageTwin } from './model';

type Json = Record<string, unknown>;

export interface MirageSettings {
  law: MirageLaw;
  lawName: string;
  length: number;
  testSetSize: number;
}

const PANEL_W = 250;
const PANEL_H = 150;

function paramsAxis(lang: Lang): Json {
  return {
    field: 'params',
    type: 'quantitative',
    scale: { type: 'log' },
    axis: decadeAxis({ title: tr({ en: 'Parameters N', zh: '参数量 N' }, lang) }),
  };
}

interface Panel {
  field: keyof DrawnRow;
  /** The panel's title, or the name of the signal that holds it (a title that quotes a parameter). */
  title: { en: string; zh: string } | { signal: string };
  smooth: boolean;
  /** Accuracy-like (0–1, higher is better): gets the resolution band. */
  floor: boolean;
  domain?: [number, number];
  log?: boolean;
}

/** Lowest value the log-scale exact-match panel shows. */
const LOG_FLOOR = 1e-6;

/** The rows' fields the panels draw (the loss itself is not drawn). */
type DrawnRow = Omit<MirageRow, 'perTokenLoss'>;

function drawnRow(r: MirageRow): DrawnRow {
  return {
    params: r.params,
    perTokenAccuracy: r.perTokenAccuracy,
    exactMatch: r.exactMatch,
    tokenEditDistance: r.tokenEditDistance,
    multipleChoiceGrade: r.multipleChoiceGrade,
    brierScore: r.brierScore,
  };
}

/** One panel; its line draws the chart's shared rows (one dataset for all six panels). */
function panel(p: Panel, ctx: ChartContext): Json {
  const { lang, theme } = ctx;
  const x = paramsAxis(lang);
  const scale = p.log ? { type: 'log', domain: [LOG_FLOOR, 1], clamp: true } : p.domain ? { domain: p.domain } : { zero: true };
  const y = { field: p.field, type: 'quantitative', scale, axis: p.log ? decadeAxis({ title: null }, [LOG_FLOOR, 1]) : { title: null } };
  const colour = p.smooth ? theme.palette[2] : theme.accent;
  const layers: Json[] = [];
  if (p.floor) {
    layers.push({
      data: { values: [{}] },
      transform: [
        { calculate: '1 / testSetSize', as: 'floor' },
        { calculate: `${p.log ? LOG_FLOOR : 0}`, as: 'zero' },
      ],
      mark: { type: 'rect', color: theme.muted, opacity: 0.18 },
      encoding: {
        y: { field: 'zero', type: 'quantitative', scale },
        y2: { field: 'floor' },
        tooltip: { value: tr({ en: 'Below 1/test-set size: reads as 0', zh: '低于 1/测试集大小：读作 0' }, lang) },
      },
    });
  }
  layers.push({
    mark: { type: 'line', strokeWidth: 2.5, color: colour },
    encoding: {
      x,
      y,
      tooltip: [
        { field: 'params', type: 'quantitative', format: '.3s' },
        { field: p.field, type: 'quantitative', format: '.4f' },
      ],
    },
  });
  const text = 'signal' in p.title ? { expr: p.title.signal } : tr(p.title, lang);
  return { title: { text, fontSize: 12 }, width: PANEL_W, height: PANEL_H, layer: layers };
}

export function mirageMetricsChart(rows: MirageRow[], s: MirageSettings, ctx: ChartContext): ChartSpec {
  const { lang } = ctx;
  const panels: Panel[] = [
    {
      field: 'exactMatch',
      title: { signal: 'exactMatchTitle' },
      smooth: false,
      floor: true,
      domain: [0, 1],
    },
    { field: 'tokenEditDistance', title: { en: 'Token edit distance L·(1 − p)', zh: '词元编辑距离 L·(1 − p)' }, smooth: true, floor: false },
    {
      field: 'multipleChoiceGrade',
      title: { en: 'Multiple-choice grade (4 options)', zh: '多项选择评分（4 个选项）' },
      smooth: false,
      floor: true,
      domain: [0, 1],
    },
    { field: 'brierScore', title: { en: 'Brier score (4 options, lower is better)', zh: 'Brier 分数（4 个选项，越低越好）' }, smooth: true, floor: false },
    {
      field: 'perTokenAccuracy',
      title: { en: 'Per-token accuracy p = e^(−L_CE)', zh: '单词元准确率 p = e^(−L_CE)' },
      smooth: true,
      floor: true,
      domain: [0, 1],
    },
    {
      field: 'exactMatch',
      title: { en: 'Exact match, log scale (grey: unseen)', zh: '完全匹配，对数坐标（灰：测不出）' },
      smooth: false,
      floor: true,
      log: true,
    },
  ];
  const lawText = `L_CE(N) = (${s.law.c.toExponential(2)}/N)^${s.law.alpha}`;
  const chart = makeChart(
    {
      id: 'mirage-metrics',
      title: { en: 'The mirage lens: one model, four metrics', zh: '幻象透镜：同一个模型，四种指标' },
      description: {
        en: 'A per-token loss that falls as a power law in parameters, scored by exact match, token edit distance, multiple-choice grade and Brier score; the grey band is the resolution floor of the test set.',
        zh: '按参数幂律下降的单词元损失，分别以完全匹配、词元编辑距离、多项选择评分与 Brier 分数计分；灰色带为测试集的分辨率下限。',
      },
      width: PANEL_W,
      height: PANEL_H,
      signals: {
        testSetSize: s.testSetSize,
        exactMatchTitle: tr({ en: `Exact match p^L (L = ${s.length})`, zh: `完全匹配 p^L（L = ${s.length}）` }, lang),
      },
    },
    ctx,
    {
      data: { values: rows.map(drawnRow) },
      columns: 2,
      spacing: { row: 18, column: 30 },
      concat: panels.map((p) => panel(p, ctx)),
    },
  );
  setTitle(chart, {
    text: tr(chart.title, lang),
    subtitle: [
      `${s.lawName}${lawText}; ${lang === 'zh' ? `测试集 ${s.testSetSize} 题，分辨率下限 1/${s.testSetSize}（灰带）` : `test set of ${s.testSetSize}, resolution floor 1/${s.testSetSize} (grey band)`}`,
      tr(
        { en: 'Red: discontinuous metrics (sharp, "emergent"); green: continuous ones (smooth)', zh: '红：不连续指标（陡峭，“涌现”）；绿：连续指标（平滑）' },
        lang,
      ),
      tr(
        {
          en: 'After Schaeffer, Miranda, Koyejo 2023, "Are Emergent Abilities of LLMs a Mirage?"',
          zh: '依据 Schaeffer、Miranda、Koyejo 2023《Are Emergent Abilities of LLMs a Mirage?》',
        },
        lang,
      ),
    ],
  });
  return chart;
}

function twinPanel(t: MirageTwin['exact'], title: { en: string; zh: string }, colour: string, ctx: ChartContext): Json {
  const { lang, theme } = ctx;
  const x = {
    field: 'flops',
    type: 'quantitative',
    scale: { type: 'log', domain: [1e19, 1e26] },
    axis: decadeAxis({ title: tr({ en: 'Training compute (FLOPs)', zh: '训练计算量 (FLOPs)' }, lang) }),
  };
  const y = { field: 'score', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: tr(title, lang), format: '.0%' } };
  const layers: Json[] = [
    {
      data: { values: t.points },
      mark: { type: 'point', filled: true, size: 40, color: colour, opacity: 0.8 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'model', type: 'nominal' },
          { field: 'score', type: 'quantitative', format: '.3f' },
        ],
      },
    },
  ];
  if (t.fit) {
    const fit = t.fit;
    const xs = t.points.map((p) => Math.log10(p.flops));
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const curve = Array.from({ length: 100 }, (_, i) => {
      const xv = lo + ((hi - lo) * i) / 99;
      return { flops: Math.pow(10, xv), score: emergenceCurve(fit.fit, xv) };
    });
    layers.push(
      { data: { values: curve }, mark: { type: 'line', strokeWidth: 2.5, color: theme.foreground }, encoding: { x, y } },
      { data: { values: [{ flops: fit.emergenceAt }] }, mark: { type: 'rule', strokeDash: [6, 4], color: theme.accent }, encoding: { x } },
    );
  }
  const unit = lang === 'zh' ? '数量级' : 'decade';
  const ci = t.fit?.interval ? `${lang === 'zh' ? '95% 区间' : '95% CI'} ${t.fit.interval.map((v) => v.toExponential(1)).join('–')}` : '';
  const sub = t.fit ? [`x₀ = ${formatAxisValue(t.fit.emergenceAt, 'flops', lang)}, k = ${t.fit.fit.k.toFixed(2)}/${unit}`, ci] : [];
  return { title: { text: tr(title, lang), subtitle: sub, fontSize: 12 }, width: PANEL_W, height: PANEL_H + 20, layer: layers };
}

export function mirageTwinChart(twin: MirageTwin, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const chart = makeChart(
    {
      id: 'mirage-twin',
      title: { en: 'The real-data twin: IPA transliteration, same outputs, two metrics', zh: '真实数据对照：IPA 音标转写，同一批输出，两种指标' },
      description: {
        en: 'The same model outputs on IPA transliteration scored by exact match (discontinuous) and BLEU (continuous), against training FLOPs, each with its fitted sigmoid.',
        zh: 'IPA 音标转写的同一批模型输出，分别以完全匹配（不连续）与 BLEU（连续）计分，对训练 FLOPs 作图，各附拟合 S 形曲线。',
      },
      width: PANEL_W,
      height: PANEL_H,
    },
    ctx,
    {
      hconcat: [
        twinPanel(twin.exact, { en: 'Exact match', zh: '完全匹配' }, theme.accent, ctx),
        twinPanel(twin.bleu, { en: 'BLEU ÷ 100', zh: 'BLEU ÷ 100' }, theme.palette[2], ctx),
      ],
    },
  );
  setTitle(chart, {
    text: tr(chart.title, lang),
    subtitle: [
      lang === 'zh'
        ? `${twin.exact.points.length} 个有 FLOPs 的模型（完全匹配），${twin.bleu.points.length} 个（BLEU）；k 越大，上升越陡`
        : `${twin.exact.points.length} models with FLOPs (exact match), ${twin.bleu.points.length} (BLEU); a larger k is a sharper rise`,
      tr(DATA_CITATION, lang),
    ],
  });
  return chart;
}
