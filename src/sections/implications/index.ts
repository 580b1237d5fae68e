// Seed 5.2 "涌现能力的实际意义" (EmergenceImplications): future trends, their
// importance and feasibility, a milestone timeline, challenges, potential impact, report.
import { num, type NumberParam, type ParamValues, type Section } from '../types';
import { challengeChart, impactChart, matrixChart, milestoneChart } from './charts';
import { FEASIBILITY, IMPACT_AREAS, IMPACT_SCORES, implicationsReport, IMPORTANCE, matrixPoints, TRENDS } from './model';
import { illustrative } from '../chartKit';

const SCORE = { min: 0, max: 10, step: 0.5 } as const;

const importanceParams: NumberParam[] = TRENDS.map((t, i) => ({
  kind: 'number',
  name: `importance_${t.key}`,
  label: { zh: `${t.name.zh}:重要性`, en: `${t.name.en}: importance` },
  help: { zh: `重要性评分 0–10 (原文 ${IMPORTANCE[i]})`, en: `Importance score 0–10 (seed: ${IMPORTANCE[i]})` },
  ...SCORE,
  default: IMPORTANCE[i],
}));

const feasibilityParams: NumberParam[] = TRENDS.map((t, i) => ({
  kind: 'number',
  name: `feasibility_${t.key}`,
  label: { zh: `${t.name.zh}:可行性`, en: `${t.name.en}: feasibility` },
  help: { zh: `可行性评分 0–10 (原文 ${FEASIBILITY[i]})`, en: `Feasibility score 0–10 (seed: ${FEASIBILITY[i]})` },
  ...SCORE,
  default: FEASIBILITY[i],
}));

const impactParams: NumberParam[] = IMPACT_AREAS.map((a, i) => ({
  kind: 'number',
  name: `impact_${a.key}`,
  label: { zh: `影响:${a.name.zh}`, en: `Impact: ${a.name.en}` },
  help: { zh: `潜在影响评分 0–10 (原文 ${IMPACT_SCORES[i]})`, en: `Potential impact score 0–10 (seed: ${IMPACT_SCORES[i]})` },
  ...SCORE,
  default: IMPACT_SCORES[i],
}));

function scoresOf(params: ParamValues, prefix: string, keys: readonly { key: string }[]): number[] {
  return keys.map((k) => num(params, `${prefix}_${k.key}`));
}

export const implicationsSection: Section = illustrative({
  id: 'implications',
  seedRef: '5.2',
  title: { zh: '涌现能力的实际意义', en: 'What emergence means for AI' },
  description: {
    zh: '未来趋势的重要性与可行性、发展时间线、主要挑战与潜在影响',
    en: 'Future trends by importance and feasibility, roadmap, main challenges and potential impact',
  },
  params: [...importanceParams, ...feasibilityParams, ...impactParams],
  charts(params, ctx) {
    const points = matrixPoints(scoresOf(params, 'importance', TRENDS), scoresOf(params, 'feasibility', TRENDS));
    return [matrixChart(points, ctx), milestoneChart(ctx), challengeChart(ctx), impactChart(scoresOf(params, 'impact', IMPACT_AREAS), ctx)];
  },
  report(_params, lang) {
    return implicationsReport(lang);
  },
});
