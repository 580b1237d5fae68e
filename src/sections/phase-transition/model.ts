// Seed §3.2.3, class EmergencePhaseTransition: five capabilities unlocked at coded
// model sizes (analyze_phase_transition), counted and mapped over seven sizes, and
// drawn as step "phase boundaries" over 100 log-spaced sizes.
import { formatCount, pythonExp } from '../../engine/format';
import { logspace } from '../../engine/laws/powerLaws';
import { capability, unlocked, type TransitionModel } from '../../engine/thresholds';
import type { Bilingual, Lang } from '../types';

export type CapabilityKey = 'memorization' | 'pattern_matching' | 'simple_reasoning' | 'complex_reasoning' | 'creativity';

export interface CapabilitySpec {
  key: CapabilityKey;
  /** `self.capabilities[key]`: the heatmap's row labels. */
  name: Bilingual;
  /** The phase-boundaries legend label (the seed writes '创造性' there, not '创造性思维'). */
  boundaryName: Bilingual;
  /** The seed's coded threshold (size ≥ threshold ⇒ present). */
  threshold: number;
  /** Parameter name of its threshold control. */
  param: string;
}

/**
 * The seed's memorization is always present (`np.ones_like(x)`, and every branch of
 * analyze_phase_transition includes it): its threshold sits below the smallest size.
 */
const MEMORIZATION_THRESHOLD = 1e5;

/** In the seed's dictionary order (simplest first). */
export const CAPABILITIES: readonly CapabilitySpec[] = [
  {
    key: 'memorization',
    name: { zh: '记忆能力', en: 'Memorization' },
    boundaryName: { zh: '记忆能力', en: 'Memorization' },
    threshold: MEMORIZATION_THRESHOLD,
    param: 'thresholdMemorization',
  },
  {
    key: 'pattern_matching',
    name: { zh: '模式匹配', en: 'Pattern matching' },
    boundaryName: { zh: '模式匹配', en: 'Pattern matching' },
    threshold: 1e7,
    param: 'thresholdPatternMatching',
  },
  {
    key: 'simple_reasoning',
    name: { zh: '简单推理', en: 'Simple reasoning' },
    boundaryName: { zh: '简单推理', en: 'Simple reasoning' },
    threshold: 1e9,
    param: 'thresholdSimpleReasoning',
  },
  {
    key: 'complex_reasoning',
    name: { zh: '复杂推理', en: 'Complex reasoning' },
    boundaryName: { zh: '复杂推理', en: 'Complex reasoning' },
    threshold: 1e10,
    param: 'thresholdComplexReasoning',
  },
  {
    key: 'creativity',
    name: { zh: '创造性思维', en: 'Creative thinking' },
    boundaryName: { zh: '创造性', en: 'Creativity' },
    threshold: 1e11,
    param: 'thresholdCreativity',
  },
];

/** `sizes` in plot_capability_emergence. */
export const SIZES: readonly number[] = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** `np.logspace(6, 12, 100)`: the phase-boundaries x. */
export const BOUNDARY_SIZES: readonly number[] = logspace(6, 12, 100);

export type Thresholds = Record<CapabilityKey, number>;

export const SEED_THRESHOLDS: Thresholds = Object.fromEntries(CAPABILITIES.map((c) => [c.key, c.threshold])) as Thresholds;

export interface TransitionSettings {
  model: TransitionModel;
  /** Logistic slope per decade of size. */
  sharpness: number;
}

export const SEED_TRANSITION: TransitionSettings = { model: 'step', sharpness: 2 };

/** analyze_phase_transition(model_size): the capabilities present at `size`, in order. */
export function analyzePhaseTransition(size: number, thresholds: Thresholds = SEED_THRESHOLDS): CapabilityKey[] {
  return unlocked(
    CAPABILITIES.map((c) => ({ key: c.key, threshold: thresholds[c.key] })),
    size,
  ).map((c) => c.key);
}

/** How present capability `key` is at `size`: 0/1 under the step rule, 0–1 under the logistic one. */
function presence(key: CapabilityKey, size: number, thresholds: Thresholds, t: TransitionSettings): number {
  return capability(t.model, size, thresholds[key], t.sharpness);
}

/** `capabilities_count` (fractional under the logistic model: the sum of presences). */
export function capabilityCounts(thresholds: Thresholds, t: TransitionSettings): number[] {
  return SIZES.map((size) => CAPABILITIES.reduce((sum, c) => sum + presence(c.key, size, thresholds, t), 0));
}

/** `capability_matrix`: one row per size, one column per capability (seed order). */
export function capabilityMatrix(thresholds: Thresholds, t: TransitionSettings): number[][] {
  return SIZES.map((size) => CAPABILITIES.map((c) => presence(c.key, size, thresholds, t)));
}

export interface CountPoint {
  size: number;
  count: number;
  sizeHuman: string;
  sizeExp: string;
  /** Names of the capabilities present (step rule), joined for the tooltip. */
  present: string;
  /** Names that the step rule adds at this size relative to the previous size. */
  added: string[];
}

export function countPoints(thresholds: Thresholds, t: TransitionSettings, lang: Lang): CountPoint[] {
  const counts = capabilityCounts(thresholds, t);
  const name = (k: CapabilityKey): string => CAPABILITIES.find((c) => c.key === k)?.name[lang] ?? k;
  return SIZES.map((size, i) => {
    const now = analyzePhaseTransition(size, thresholds);
    const before = i === 0 ? [] : analyzePhaseTransition(SIZES[i - 1], thresholds);
    return {
      size,
      count: counts[i],
      sizeHuman: formatCount(size, lang),
      sizeExp: pythonExp(size),
      present: now.map(name).join(lang === 'zh' ? '、' : ', '),
      added: i === 0 ? [] : now.filter((k) => !before.includes(k)).map(name),
    };
  });
}

export interface HeatCell {
  size: number;
  sizeExp: string;
  sizeHuman: string;
  capability: string;
  /** Row order (0 = memorization). */
  order: number;
  value: number;
}

export function heatCells(thresholds: Thresholds, t: TransitionSettings, lang: Lang): HeatCell[] {
  const matrix = capabilityMatrix(thresholds, t);
  return SIZES.flatMap((size, i) =>
    CAPABILITIES.map((c, j) => ({
      size,
      sizeExp: pythonExp(size),
      sizeHuman: formatCount(size, lang),
      capability: c.name[lang],
      order: j,
      value: matrix[i][j],
    })),
  );
}

export interface BoundaryPoint {
  size: number;
  capability: string;
  order: number;
  active: number;
}

/** The five y_* arrays of the seed's third panel, as long-form rows. */
export function boundaryPoints(thresholds: Thresholds, t: TransitionSettings, lang: Lang): BoundaryPoint[] {
  return CAPABILITIES.flatMap((c, j) =>
    BOUNDARY_SIZES.map((size) => ({ size, capability: c.boundaryName[lang], order: j, active: presence(c.key, size, thresholds, t) })),
  );
}
