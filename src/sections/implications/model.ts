// Seed 5.2, EmergenceImplications.analyze_future_trends: four development trends with
// their descriptions, potentials and challenges; the importance/feasibility matrix,
// the milestone timeline, the challenge counts, the impact radar and the printed report.
import type { Bilingual, Lang } from '../types';

export interface Trend {
  /** The seed's dictionary key. */
  key: string;
  name: Bilingual;
  description: Bilingual;
  potential: Bilingual;
  challenges: readonly Bilingual[];
}

/** The seed's `trends`, in its order. */
export const TRENDS: readonly Trend[] = [
  {
    key: 'scaling_continuation',
    name: { zh: '规模继续扩大', en: 'Continued scaling' },
    description: { zh: '模型参数向万亿、十万亿级别发展', en: 'Models grow toward trillions and tens of trillions of parameters' },
    potential: { zh: '可能出现更强的推理和创造能力', en: 'Stronger reasoning and creative abilities may appear' },
    challenges: [
      { zh: '计算成本', en: 'Compute cost' },
      { zh: '能源消耗', en: 'Energy consumption' },
      { zh: '数据需求', en: 'Data requirements' },
    ],
  },
  {
    key: 'emergence_prediction',
    name: { zh: '涌现能力预测', en: 'Predicting emergence' },
    description: { zh: '提前预测新能力的出现', en: 'Predict new abilities before they appear' },
    potential: { zh: '针对性优化和安全性准备', en: 'Targeted optimisation and safety preparation' },
    challenges: [
      { zh: '理论不完善', en: 'Incomplete theory' },
      { zh: '难以精确预测', en: 'Hard to predict precisely' },
    ],
  },
  {
    key: 'efficient_emergence',
    name: { zh: '高效涌现', en: 'Efficient emergence' },
    description: { zh: '用更小规模实现涌现能力', en: 'Reach emergent abilities with smaller models' },
    potential: { zh: '降低部署成本,扩大应用范围', en: 'Lower deployment cost, wider range of applications' },
    challenges: [
      { zh: '算法创新', en: 'Algorithmic innovation' },
      { zh: '架构优化', en: 'Architecture optimisation' },
    ],
  },
  {
    key: 'safety_considerations',
    name: { zh: '安全性考虑', en: 'Safety considerations' },
    description: { zh: '应对不可预测的涌现行为', en: 'Prepare for unpredictable emergent behaviour' },
    potential: { zh: '确保AI系统安全可靠', en: 'Keep AI systems safe and reliable' },
    challenges: [
      { zh: '对齐问题', en: 'Alignment' },
      { zh: '价值学习', en: 'Value learning' },
    ],
  },
];

/** importance = [8, 9, 7, 10] (重要性评分), in the trends' order. */
export const IMPORTANCE: readonly number[] = [8, 9, 7, 10];
/** feasibility = [6, 4, 5, 3] (可行性评分), in the trends' order. */
export const FEASIBILITY: readonly number[] = [6, 4, 5, 3];
/** The matrix's axes: plt.xlim(0, 11), plt.ylim(0, 11). */
export const MATRIX_LIMIT = 11;

export interface Milestone {
  time: Bilingual;
  achievement: Bilingual;
  description: Bilingual;
}

/** The seed's `milestones` (time, achievement, description). */
export const MILESTONES: readonly Milestone[] = [
  {
    time: { zh: '当前', en: 'Now' },
    achievement: { zh: '千亿级参数', en: '100B-scale models' },
    description: { zh: '基础涌现能力', en: 'Basic emergent abilities' },
  },
  {
    time: { zh: '2-3年', en: 'In 2–3 years' },
    achievement: { zh: '万亿级参数', en: 'Trillion-scale models' },
    description: { zh: '更强的推理创造', en: 'Stronger reasoning and creativity' },
  },
  {
    time: { zh: '5年', en: 'In 5 years' },
    achievement: { zh: '新架构突破', en: 'New architectures' },
    description: { zh: '高效涌现实现', en: 'Emergence achieved efficiently' },
  },
  {
    time: { zh: '10年', en: 'In 10 years' },
    achievement: { zh: '理论完善', en: 'Mature theory' },
    description: { zh: '可预测涌现', en: 'Predictable emergence' },
  },
];

export interface ImpactArea {
  key: string;
  name: Bilingual;
}

/** impact_areas = ['科学研究', '教育', '医疗', '创作', '工程', '决策'] */
export const IMPACT_AREAS: readonly ImpactArea[] = [
  { key: 'science', name: { zh: '科学研究', en: 'Science' } },
  { key: 'education', name: { zh: '教育', en: 'Education' } },
  { key: 'healthcare', name: { zh: '医疗', en: 'Healthcare' } },
  { key: 'creative', name: { zh: '创作', en: 'Creative work' } },
  { key: 'engineering', name: { zh: '工程', en: 'Engineering' } },
  { key: 'decisions', name: { zh: '决策', en: 'Decision-making' } },
];

/** impact_scores = [9, 8, 9, 8, 9, 8] */
export const IMPACT_SCORES: readonly number[] = [9, 8, 9, 8, 9, 8];
/** ax.set_ylim(0, 10) */
export const IMPACT_MAX = 10;

export interface ChallengeCount {
  challenge: Bilingual;
  count: number;
  /** Indexes of the trends that list it, in order. */
  trends: number[];
}

/**
 * challenge_counts: every challenge of every trend, counted, keys in first-seen order
 * (a Python dict keeps insertion order). Challenges are matched by their Chinese text.
 */
export function challengeCounts(trends: readonly Trend[] = TRENDS): ChallengeCount[] {
  const counts = new Map<string, ChallengeCount>();
  trends.forEach((trend, ti) => {
    for (const challenge of trend.challenges) {
      const entry = counts.get(challenge.zh);
      if (entry) {
        entry.count += 1;
        if (!entry.trends.includes(ti)) entry.trends.push(ti);
      } else {
        counts.set(challenge.zh, { challenge, count: 1, trends: [ti] });
      }
    }
  });
  return [...counts.values()];
}

export interface MatrixPoint {
  trend: Trend;
  index: number;
  importance: number;
  feasibility: number;
}

export function matrixPoints(importance: readonly number[] = IMPORTANCE, feasibility: readonly number[] = FEASIBILITY): MatrixPoint[] {
  return TRENDS.map((trend, index) => ({ trend, index, importance: importance[index], feasibility: feasibility[index] }));
}

const REPORT_TEXT = {
  zh: { header: '涌现能力对AI发展的核心启示:', description: '描述', potential: '潜力', challenges: '挑战' },
  en: { header: 'Core implications of emergent abilities for AI development:', description: 'Description', potential: 'Potential', challenges: 'Challenges' },
} as const;

/**
 * Exactly what the seed's script prints (every print() ends with "\n"):
 *   print("\n涌现能力对AI发展的核心启示:"); print("="*80)
 *   per trend: print(f"\n {name}"); print(f" 描述: {description}");
 *   print(f" 潜力: {potential}"); print(f" 挑战: {', '.join(challenges)}")
 * with the single leading spaces of the seed's code as published.
 */
export function implicationsReport(lang: Lang, trends: readonly Trend[] = TRENDS): string {
  const t = REPORT_TEXT[lang];
  const lines: string[] = [`\n${t.header}`, '='.repeat(80)];
  for (const trend of trends) {
    lines.push(`\n ${trend.name[lang]}`);
    lines.push(` ${t.description}: ${trend.description[lang]}`);
    lines.push(` ${t.potential}: ${trend.potential[lang]}`);
    lines.push(` ${t.challenges}: ${trend.challenges.map((c) => c[lang]).join(', ')}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}
