// Vega-Lite specs for seed 5.2: the importance/feasibility matrix with quadrant guides,
// the milestone timeline, the challenge counts and the impact radar.
import { makeChart, wrapLabel } from '../chartKit';
import { radarBody } from '../radar';
import type { ChartContext, ChartSpec } from '../types';
import { challengeCounts, IMPACT_AREAS, IMPACT_MAX, type MatrixPoint, MATRIX_LIMIT, MILESTONES, TRENDS } from './model';

// The one line-wrapping helper lives in chartKit (the representations' panel subtitles use it too).
export { wrapLabel };

/** A trend's colour: the same in the matrix and the challenge bars. */
function trendColors(ctx: ChartContext): { domain: string[]; range: string[] } {
  const domain = TRENDS.map((t) => t.name[ctx.lang]);
  return { domain, range: domain.map((_, i) => ctx.theme.palette[i % ctx.theme.palette.length]) };
}

export function matrixChart(points: readonly MatrixPoint[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const mid = MATRIX_LIMIT / 2;
  const lo = 0.25;
  const hi = MATRIX_LIMIT - 0.25;
  const x = { field: 'importance', type: 'quantitative', scale: { domain: [0, MATRIX_LIMIT], nice: false }, title: zh ? '重要性' : 'Importance' };
  const y = { field: 'feasibility', type: 'quantitative', scale: { domain: [0, MATRIX_LIMIT], nice: false }, title: zh ? '可行性' : 'Feasibility' };
  // The article's reading of the matrix: top right = important and feasible (develop first),
  // bottom right = important but hard (needs breakthroughs).
  const quadrantLine = 14;
  const quadrants = [
    { importance: hi, feasibility: hi, align: 'right', baseline: 'top', text: zh ? ['重要且可行 (优先发展)'] : ['Important & feasible', '(develop first)'] },
    {
      importance: hi,
      feasibility: lo,
      align: 'right',
      baseline: 'bottom',
      text: zh ? ['重要但困难 (需要突破)'] : ['Important but hard', '(needs breakthroughs)'],
    },
    { importance: lo, feasibility: hi, align: 'left', baseline: 'top', text: zh ? ['可行但次要'] : ['Feasible,', 'less important'] },
    { importance: lo, feasibility: lo, align: 'left', baseline: 'bottom', text: zh ? ['次要且困难'] : ['Less important', '& hard'] },
  ].map((q) => ({ ...q, dy: q.baseline === 'bottom' ? -(q.text.length - 1) * quadrantLine : 0 }));
  const values = points.map((p) => ({
    name: p.trend.name[lang],
    importance: p.importance,
    feasibility: p.feasibility,
    description: p.trend.description[lang],
    potential: p.trend.potential[lang],
    challenges: p.trend.challenges.map((c) => c[lang]).join(zh ? '、' : ', '),
    // Labels of points near the right edge go to the left of the point.
    labelLeft: p.importance > MATRIX_LIMIT * 0.75,
  }));
  const body = {
    width: 440,
    height: 440,
    layer: [
      {
        data: { values: [{ importance: mid }] },
        mark: { type: 'rule', color: theme.muted, strokeDash: [5, 4], strokeWidth: 1, opacity: 0.6 },
        encoding: { x },
      },
      {
        data: { values: [{ feasibility: mid }] },
        mark: { type: 'rule', color: theme.muted, strokeDash: [5, 4], strokeWidth: 1, opacity: 0.6 },
        encoding: { y },
      },
      {
        data: { values: quadrants },
        mark: {
          type: 'text',
          color: theme.muted,
          fontSize: 11,
          lineHeight: quadrantLine,
          align: { expr: 'datum.align' },
          baseline: { expr: 'datum.baseline' },
          dy: { expr: 'datum.dy' },
        },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 300, opacity: 0.8, stroke: theme.background, strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: { field: 'name', type: 'nominal', scale: trendColors(ctx), legend: null },
          tooltip: [
            { field: 'name', type: 'nominal', title: zh ? '趋势' : 'Trend' },
            { field: 'importance', type: 'quantitative', title: zh ? '重要性' : 'Importance' },
            { field: 'feasibility', type: 'quantitative', title: zh ? '可行性' : 'Feasibility' },
            { field: 'description', type: 'nominal', title: zh ? '描述' : 'Description' },
            { field: 'potential', type: 'nominal', title: zh ? '潜力' : 'Potential' },
            { field: 'challenges', type: 'nominal', title: zh ? '挑战' : 'Challenges' },
          ],
        },
      },
      {
        data: { values },
        mark: {
          type: 'text',
          color: theme.foreground,
          fontSize: 12,
          fontWeight: 'bold',
          baseline: 'bottom',
          // Left of the point where the model says so, or where the name would run past the plot (a narrow view).
          align: { expr: "datum.labelLeft || scale('x', datum.importance) + 7 + 7.5 * length(datum.name) > width ? 'right' : 'left'" },
          dx: { expr: "datum.labelLeft || scale('x', datum.importance) + 7 + 7.5 * length(datum.name) > width ? -7 : 7" },
          dy: -7,
        },
        encoding: { x, y, text: { field: 'name', type: 'nominal' } },
      },
    ],
  };
  return makeChart(
    {
      id: 'trend-matrix',
      finiteData: true,
      title: { zh: 'AI涌现趋势分析矩阵', en: 'AI emergence trends: importance vs feasibility' },
      subtitle: { zh: '评分 0–10;虚线把矩阵分成四个象限', en: 'Scores 0–10; dashed lines split the matrix into quadrants' },
      description: {
        zh: `四个发展趋势的重要性与可行性评分:${values.map((v) => `${v.name} (${v.importance}, ${v.feasibility})`).join(',')}。`,
        en: `Importance and feasibility scores of four trends: ${values.map((v) => `${v.name} (${v.importance}, ${v.feasibility})`).join(', ')}.`,
      },
    },
    ctx,
    body,
  );
}

export function milestoneChart(ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const n = MILESTONES.length;
  const x = { field: 'i', type: 'quantitative', scale: { domain: [-0.5, n - 0.5], nice: false, zero: false }, axis: null };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [-0.3, 0.5], nice: false, zero: false }, axis: null };
  const names = MILESTONES.map((m) => m.time[lang]);
  // The seed's layout: time under the dot, the achievement in bold above it and the
  // description above that. English lines wrap; each block is lifted by its own line count
  // (vega stacks the extra lines of bottom-aligned text downwards).
  const achievementLine = 16;
  const descriptionLine = 14;
  const values = MILESTONES.map((m, i) => {
    const achievement = wrapLabel(m.achievement[lang], 16);
    const description = wrapLabel(m.description[lang], 20);
    const achievementBottom = 20;
    const descriptionBottom = achievementBottom + achievement.length * achievementLine + 4;
    return {
      i,
      y: 0,
      time: m.time[lang],
      achievement,
      description,
      achievementText: m.achievement[lang],
      descriptionText: m.description[lang],
      achievementDy: -(achievementBottom + (achievement.length - 1) * achievementLine),
      descriptionDy: -(descriptionBottom + (description.length - 1) * descriptionLine),
    };
  });
  const text = (field: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    data: { values },
    mark: { type: 'text', align: 'center', color: theme.foreground, ...extra },
    encoding: { x, y, text: { field, type: 'nominal' } },
  });
  const body = {
    width: 600,
    height: 180,
    view: { stroke: null },
    layer: [
      {
        data: { values: [{ i: -0.35, y: 0, i2: n - 0.65 }] },
        mark: { type: 'rule', color: theme.muted, strokeWidth: 2, opacity: 0.6 },
        encoding: { x, y, x2: { field: 'i2' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 420, opacity: 1, stroke: theme.background, strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: {
            field: 'time',
            type: 'nominal',
            scale: { domain: names, range: names.map((_, i) => theme.palette[i % theme.palette.length]) },
            legend: null,
          },
          tooltip: [
            { field: 'time', type: 'nominal', title: zh ? '时间' : 'When' },
            { field: 'achievementText', type: 'nominal', title: zh ? '里程碑' : 'Milestone' },
            { field: 'descriptionText', type: 'nominal', title: zh ? '预期能力' : 'Expected abilities' },
          ],
        },
      },
      text('time', { baseline: 'top', dy: 22, fontSize: 13, color: theme.muted }),
      text('achievement', { baseline: 'bottom', dy: { expr: 'datum.achievementDy' }, fontSize: 13, lineHeight: achievementLine, fontWeight: 'bold' }),
      text('description', { baseline: 'bottom', dy: { expr: 'datum.descriptionDy' }, fontSize: 11, lineHeight: descriptionLine, color: theme.muted }),
    ],
  };
  return makeChart(
    {
      id: 'milestone-timeline',
      finiteData: true,
      title: { zh: '涌现能力发展时间线', en: 'Roadmap of emergent abilities' },
      description: {
        zh: `四个里程碑:${MILESTONES.map((m) => `${m.time.zh} ${m.achievement.zh} (${m.description.zh})`).join(',')}。`,
        en: `Four milestones: ${MILESTONES.map((m) => `${m.time.en}: ${m.achievement.en} (${m.description.en})`).join('; ')}.`,
      },
      width: 600,
      height: 180,
    },
    ctx,
    body,
  );
}

export function challengeChart(ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const counts = challengeCounts();
  const values = counts.map((c) => ({
    challenge: c.challenge[lang],
    count: c.count,
    trend: TRENDS[c.trends[0]].name[lang],
    trends: c.trends.map((t) => TRENDS[t].name[lang]).join(zh ? '、' : ', '),
  }));
  const maxCount = Math.max(1, ...counts.map((c) => c.count));
  const y = {
    field: 'challenge',
    type: 'nominal',
    sort: values.map((v) => v.challenge),
    title: null,
    axis: { labelFontSize: 12, labelColor: theme.foreground, labelLimit: 240, ticks: false },
  };
  const x = {
    field: 'count',
    type: 'quantitative',
    scale: { domain: [0, maxCount + 0.25], nice: false },
    title: zh ? '出现频次' : 'Occurrences (number of trends)',
    axis: { tickMinStep: 1, format: 'd', values: Array.from({ length: maxCount + 1 }, (_, i) => i) },
  };
  const body = {
    width: 440,
    height: values.length * 28,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, opacity: 0.75, cornerRadiusEnd: 2 },
        encoding: {
          y,
          x,
          color: {
            field: 'trend',
            type: 'nominal',
            scale: trendColors(ctx),
            title: zh ? '来自趋势' : 'From trend',
            legend: { orient: 'bottom', direction: 'horizontal', columns: 2 },
          },
          tooltip: [
            { field: 'challenge', type: 'nominal', title: zh ? '挑战' : 'Challenge' },
            { field: 'count', type: 'quantitative', title: zh ? '出现频次' : 'Occurrences' },
            { field: 'trends', type: 'nominal', title: zh ? '来自趋势' : 'From trend' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: theme.foreground, fontSize: 11 },
        encoding: { y, x, text: { field: 'count', type: 'quantitative', format: 'd' } },
      },
    ],
  };
  return makeChart(
    {
      id: 'challenges',
      finiteData: true,
      title: { zh: '主要挑战分析', en: 'Main challenges' },
      subtitle: { zh: '每个挑战在四个趋势中出现的次数', en: 'How many of the four trends list each challenge' },
      description: {
        zh: `各挑战的出现频次:${values.map((v) => `${v.challenge} ${v.count}`).join(',')}。`,
        en: `Occurrences of each challenge: ${values.map((v) => `${v.challenge} ${v.count}`).join(', ')}.`,
      },
      width: 440,
      height: values.length * 28,
    },
    ctx,
    body,
  );
}

export function impactChart(scores: readonly number[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const seriesName = zh ? '影响程度' : 'Impact';
  const body = radarBody({
    ctx,
    axes: IMPACT_AREAS.map((a) => a.name[lang]),
    series: [{ name: seriesName, values: scores }],
    max: IMPACT_MAX,
    ringStep: 2,
    colors: [theme.palette[0]],
    fillOpacity: 0.25,
    valueLabels: true,
    tooltip: [
      { field: 'axis', title: zh ? '领域' : 'Area' },
      { field: 'value', title: zh ? '影响评分 (0–10)' : 'Impact score (0–10)', type: 'quantitative' },
    ],
  });
  return makeChart(
    {
      id: 'impact-radar',
      title: { zh: '涌现能力的潜在影响', en: 'Potential impact of emergent abilities' },
      subtitle: { zh: '各领域的影响评分 (0–10)', en: 'Impact score per area (0–10)' },
      description: {
        zh: `六个领域的影响评分:${IMPACT_AREAS.map((a, i) => `${a.name.zh} ${scores[i]}`).join(',')}。`,
        en: `Impact scores in six areas: ${IMPACT_AREAS.map((a, i) => `${a.name.en} ${scores[i]}`).join(', ')}.`,
      },
    },
    ctx,
    body,
  );
}
