// Seed §3.1.4, scaling_laws_visualization(): the performance curve over seven model
// sizes, the coded emergence line at 1e10 and the three growth-stage annotations.
import { formatCount, pythonExp } from '../../engine/format';
import type { Bilingual, Lang } from '../types';

/** `model_sizes` in the seed (parameters). */
export const MODEL_SIZES: readonly number[] = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** `performance` in the seed (the composite score, 0–1). */
export const PERFORMANCE: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 0.95];

/** `emergence_point = 1e10` in the seed's code ("约100亿参数"). */
export const CODE_EMERGENCE_POINT = 1e10;

/**
 * The figure in the article's prose ("跨过这条线(约1000亿参数)"), which disagrees with
 * the code. Charts draw the code's value and show this one as a secondary reading.
 */
export const PROSE_EMERGENCE_POINT = 1e11;

export interface StageAnnotation {
  label: Bilingual;
  /** The annotated point (matplotlib's `xy`). */
  xy: readonly [number, number];
  /** Where the text sits (matplotlib's `xytext`). */
  xytext: readonly [number, number];
  /** The seed draws this arrow in red instead of gray. */
  emphasis: boolean;
}

/** The seed's three `plt.annotate` calls, in order. */
export const STAGE_ANNOTATIONS: readonly StageAnnotation[] = [
  { label: { zh: '简单模式匹配', en: 'Simple pattern matching' }, xy: [1e7, 0.15], xytext: [1e6, 0.05], emphasis: false },
  { label: { zh: '基础推理能力', en: 'Basic reasoning' }, xy: [1e10, 0.45], xytext: [1e9, 0.3], emphasis: false },
  { label: { zh: '复杂推理涌现', en: 'Complex reasoning emerges' }, xy: [1e11, 0.75], xytext: [1e10, 0.6], emphasis: true },
];

export interface PerformancePoint {
  size: number;
  performance: number;
  /** Human units: "100亿" / "10B". */
  sizeHuman: string;
  /** The seed's own notation: "1e+10". */
  sizeExp: string;
}

export function performancePoints(lang: Lang): PerformancePoint[] {
  return MODEL_SIZES.map((size, i) => ({
    size,
    performance: PERFORMANCE[i],
    sizeHuman: formatCount(size, lang),
    sizeExp: pythonExp(size),
  }));
}

/** The seed's legend label: f'涌现临界点 ({emergence_point:.0e} 参数)'. */
export function thresholdLegendLabel(threshold: number, lang: Lang): string {
  return lang === 'zh' ? `涌现临界点 (${pythonExp(threshold)} 参数)` : `Emergence threshold (${pythonExp(threshold)} parameters)`;
}

/** The prose's reading, labelled as the article's text rather than its code. */
export function proseLegendLabel(lang: Lang): string {
  return lang === 'zh'
    ? `文中所述 约${formatCount(PROSE_EMERGENCE_POINT, 'zh')} (${pythonExp(PROSE_EMERGENCE_POINT)} 参数)`
    : `Article text: ~${formatCount(PROSE_EMERGENCE_POINT, 'en')} (${pythonExp(PROSE_EMERGENCE_POINT)} parameters)`;
}
