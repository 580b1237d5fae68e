// Seed §4.1, class MathematicalReasoningEmergence: five problem types with coded
// thresholds, evaluated on the grid 1e6…1e12; the emergence point is the first grid
// size at or above the threshold, which is what the seed's printed table reports.
import { formatCount, pythonExp } from '../../engine/format';
import { logspace } from '../../engine/laws/powerLaws';
import { capability, firstEmergence, stepCapability, type TransitionModel } from '../../engine/thresholds';
import type { Bilingual, Lang } from '../types';

type ProblemKey = 'arithmetic' | 'algebra' | 'geometry' | 'probability' | 'calculus';

export interface ProblemType {
  key: ProblemKey;
  name: Bilingual;
  /** The seed's example problem for this type (`problems` in test_reasoning_capability). */
  example: Bilingual;
  /** `performance_thresholds[key]` (parameters). */
  threshold: number;
  /** Parameter name of its threshold control. */
  param: string;
}

/** In the seed's dictionary order. */
export const PROBLEM_TYPES: readonly ProblemType[] = [
  {
    key: 'arithmetic',
    name: { zh: '算术运算', en: 'Arithmetic' },
    example: { zh: '计算: (15 × 24) ÷ 6 + 18', en: 'Compute: (15 × 24) ÷ 6 + 18' },
    threshold: 1e7,
    param: 'thresholdArithmetic',
  },
  {
    key: 'algebra',
    name: { zh: '代数求解', en: 'Algebra' },
    example: { zh: '解方程: 2x² - 5x + 3 = 0', en: 'Solve: 2x² - 5x + 3 = 0' },
    threshold: 1e9,
    param: 'thresholdAlgebra',
  },
  {
    key: 'geometry',
    name: { zh: '几何证明', en: 'Geometry' },
    example: {
      zh: '证明: 直角三角形斜边上的高是两条直角边在斜边上的投影的比例中项',
      en: "Prove: the altitude to a right triangle's hypotenuse is the mean proportional of the legs' projections on it",
    },
    threshold: 5e10,
    param: 'thresholdGeometry',
  },
  {
    key: 'probability',
    name: { zh: '概率计算', en: 'Probability' },
    example: { zh: '从52张扑克牌中随机抽取5张,得到同花顺的概率是多少?', en: 'Drawing 5 cards at random from 52, what is the probability of a straight flush?' },
    threshold: 1e11,
    param: 'thresholdProbability',
  },
  {
    key: 'calculus',
    name: { zh: '微积分', en: 'Calculus' },
    example: { zh: '求函数 f(x) = x³ - 3x² + 2x 在区间 [0, 3] 上的最大值和最小值', en: 'Find the maximum and minimum of f(x) = x³ - 3x² + 2x on [0, 3]' },
    threshold: 5e11,
    param: 'thresholdCalculus',
  },
];

/** `model_sizes` in analyze_math_emergence. */
export const MODEL_SIZES: readonly number[] = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** A dense grid for the underlying curve when the transition is gradual. */
export const DENSE_SIZES: readonly number[] = logspace(6, 12, 100);

export type MathThresholds = Record<ProblemKey, number>;

export const SEED_THRESHOLDS: MathThresholds = Object.fromEntries(PROBLEM_TYPES.map((p) => [p.key, p.threshold])) as MathThresholds;

export interface Transition {
  model: TransitionModel;
  sharpness: number;
}

/** test_reasoning_capability(model_size, problem_type): size ≥ threshold. */
function testReasoningCapability(size: number, threshold: number): boolean {
  return stepCapability(size, threshold) === 1;
}

export interface ProblemAnalysis {
  problem: ProblemType;
  threshold: number;
  /** `capabilities` on the grid: 0/1 (step) or 0–1 (logistic). */
  capabilities: number[];
  /** The seed's emergence_point (first capable grid size after an incapable one); undefined if none. */
  emergencePoint: number | undefined;
  /** `min_size` of the printed table: the smallest capable grid size, Infinity if none. */
  minSize: number;
  /** The threshold is not itself a grid size, so the grid reports a later size. */
  offGrid: boolean;
}

function analyzeProblem(problem: ProblemType, threshold: number, t: Transition): ProblemAnalysis {
  const capabilities = MODEL_SIZES.map((size) => capability(t.model, size, threshold, t.sharpness));
  const emergencePoint = firstEmergence(MODEL_SIZES, threshold);
  const capable = MODEL_SIZES.filter((size) => testReasoningCapability(size, threshold));
  const minSize = capable.length > 0 ? Math.min(...capable) : Infinity;
  return { problem, threshold, capabilities, emergencePoint, minSize, offGrid: emergencePoint !== undefined && emergencePoint !== threshold };
}

export function analyzeMathEmergence(thresholds: MathThresholds, t: Transition): ProblemAnalysis[] {
  return PROBLEM_TYPES.map((p) => analyzeProblem(p, thresholds[p.key], t));
}

/** Python's f"{s:12}" for a str: left-aligned, padded with spaces to 12 characters (code points). */
function pyPad(s: string, width: number): string {
  const length = [...s].length;
  return length >= width ? s : s + ' '.repeat(width - length);
}

/** Python's f"{x:>8.0e}". */
function pyExpRight(x: number, width: number): string {
  return pythonExp(x).padStart(width, ' ');
}

/**
 * The table analyze_math_emergence prints, exactly as python prints it (zh, each line
 * ending in a newline, as on stdout), or the same layout in English. Python pads by
 * characters, not display width, so the CJK rows do not line up with the border in a
 * terminal, just as in the seed.
 */
export function mathReport(thresholds: MathThresholds, lang: Lang): string {
  const rows = analyzeMathEmergence(thresholds, { model: 'step', sharpness: 1 });
  const border = `+${'-'.repeat(50)}+`;
  const lines = [lang === 'zh' ? '数学推理能力涌现分析:' : 'Mathematical reasoning emergence analysis:', border];
  for (const r of rows) {
    const name = pyPad(r.problem.name[lang], 12);
    const size = pyExpRight(r.minSize, 8);
    lines.push(lang === 'zh' ? `| ${name} | 涌现规模: ${size} 参数 |` : `| ${name} | Emerges at: ${size} params |`);
  }
  lines.push(border);
  // Exactly the script's stdout: every print() ends its line.
  return lines.map((line) => `${line}\n`).join('');
}

/** "1e+11 (1000亿)" / "1e+11 (100B)"; "—" when the grid never reaches it. */
export function sizeWithUnits(x: number | undefined, lang: Lang): string {
  if (x === undefined || !Number.isFinite(x)) return lang === 'zh' ? '网格内未涌现' : 'not on the grid';
  return `${pythonExp(x)} (${formatCount(x, lang)})`;
}
