// E.2 (beyond the article: measured evidence). The mirage lens (Schaeffer, Miranda, Koyejo 2023): how much of an "emergent" jump is
// the metric. One per-token loss law, four scorings, the test set's resolution floor,
// and beside it the same effect in measured data (IPA transliteration, Ruan et al. 2024).
import { MIRAGE_DEFAULT_LAW, MIRAGE_KAPLAN_LAW, mirageTable, type MirageLaw } from '../../engine/emergence/mirage';
import { num, str, type ChartContext, type ChartSpec, type Lang, type ParamSpec, type ParamValues, type Section } from '../types';
import { mirageMetricsChart, mirageTwinChart, type MirageSettings } from './charts';
import { mirageTwin } from './model';

const params: ParamSpec[] = [
  {
    kind: 'choice',
    name: 'law',
    label: { en: 'Per-token loss law', zh: '单词元损失定律' },
    help: { en: 'Editable (c, α), or Kaplan et al. 2020’s L(N) = (8.8e13/N)^0.076', zh: '可调的 (c, α)，或 Kaplan 等 2020 的 L(N) = (8.8e13/N)^0.076' },
    options: [
      { value: 'custom', label: { en: 'Editable c, α', zh: '可调 c、α' } },
      { value: 'kaplan', label: { en: 'Kaplan et al. 2020 L(N)', zh: 'Kaplan 等 2020 L(N)' } },
    ],
    default: 'custom',
  },
  {
    kind: 'number',
    name: 'c',
    label: { en: 'c (parameters)', zh: 'c（参数）' },
    help: { en: 'L_CE(N) = (c/N)^α', zh: 'L_CE(N) = (c/N)^α' },
    min: 1e5,
    max: 1e15,
    step: 0.1,
    scale: 'log',
    default: MIRAGE_DEFAULT_LAW.c,
    unit: { en: 'parameters', zh: '参数' },
  },
  {
    kind: 'number',
    name: 'alpha',
    label: { en: 'α', zh: 'α' },
    help: { en: 'Exponent of the per-token loss law', zh: '单词元损失定律的指数' },
    min: 0.02,
    max: 2,
    step: 0.01,
    default: MIRAGE_DEFAULT_LAW.alpha,
  },
  {
    kind: 'number',
    name: 'length',
    label: { en: 'Target length L (tokens)', zh: '目标长度 L（词元）' },
    help: { en: 'Exact match needs all L tokens right: p^L', zh: '完全匹配要求 L 个词元全对：p^L' },
    min: 1,
    max: 100,
    step: 1,
    default: 5,
  },
  {
    kind: 'number',
    name: 'testSetSize',
    label: { en: 'Test-set size', zh: '测试集大小' },
    help: { en: 'Accuracies below 1/size read as zero', zh: '低于 1/大小 的准确率读作零' },
    min: 10,
    max: 1e6,
    step: 0.1,
    scale: 'log',
    default: 1000,
  },
];

/** The law and how the chart names it ('' for the editable one: its formula says it all). */
function lawFromParams(p: ParamValues, lang: Lang): { law: MirageLaw; name: string } {
  if (str(p, 'law') === 'kaplan') return { law: MIRAGE_KAPLAN_LAW, name: lang === 'zh' ? 'Kaplan 等 2020：' : 'Kaplan et al. 2020: ' };
  return { law: { c: num(p, 'c'), alpha: num(p, 'alpha') }, name: '' };
}

export const mirageSection: Section = {
  id: 'mirage',
  seedRef: 'E.2',
  title: { en: 'Mirage lens: is emergence in the metric?', zh: '幻象透镜：涌现是否来自指标？' },
  description: {
    en: 'One smooth per-token law scored by exact match, edit distance, multiple choice and Brier score, beside IPA exact match vs BLEU on real models',
    zh: '同一条平滑的单词元定律以完全匹配、编辑距离、多项选择与 Brier 分数计分，并对照真实模型上 IPA 的完全匹配与 BLEU',
  },
  params,
  charts(p: ParamValues, ctx: ChartContext): ChartSpec[] {
    const { law, name } = lawFromParams(p, ctx.lang);
    const length = Math.round(num(p, 'length'));
    const s: MirageSettings = { law, lawName: name, length, testSetSize: Math.round(num(p, 'testSetSize')) };
    return [mirageMetricsChart(mirageTable(law, { length }), s, ctx), mirageTwinChart(mirageTwin(), ctx)];
  },
};
