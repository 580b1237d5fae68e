// Seed 5.1, DistributedRepresentationAnalysis.analyze_representation_emergence: four
// concepts in a 2-D representation space for a small (localized), medium
// (semi-distributed) and large (fully distributed) model. The random points are numpy's:
// the same np.random.seed and np.random.normal calls, in the same order, through
// NumpyLegacyRandom, so the panels show the very points of the article's figure.
import { NumpyLegacyRandom } from '../../engine/random';
import type { Bilingual } from '../types';

/** concepts = ['数学', '语言', '逻辑', '创意'] */
export const CONCEPTS: readonly Bilingual[] = [
  { zh: '数学', en: 'Math' },
  { zh: '语言', en: 'Language' },
  { zh: '逻辑', en: 'Logic' },
  { zh: '创意', en: 'Creativity' },
];

type RepresentationKind = 'localized' | 'semi_distributed' | 'fully_distributed';

export interface ModelScale {
  key: 'small' | 'medium' | 'large';
  params: number;
  representation: RepresentationKind;
  model: Bilingual;
  kind: Bilingual;
  /** The article's takeaway for this kind ("分布式表示与涌现能力的关系"). */
  takeaway: Bilingual;
  /** The seed's marker size s (points²). */
  markerSize: number;
  /** The seed's alpha. */
  opacity: number;
}

/** model_scales, in the seed's order, with the article's takeaways. */
export const MODEL_SCALES: readonly ModelScale[] = [
  {
    key: 'small',
    params: 1e7,
    representation: 'localized',
    model: { zh: '小模型', en: 'Small model' },
    kind: { zh: '局部化表示', en: 'Localized representation' },
    takeaway: { zh: '概念独立,只能完成简单任务', en: 'Concepts stay separate: only simple tasks' },
    markerSize: 200,
    opacity: 0.7,
  },
  {
    key: 'medium',
    params: 1e9,
    representation: 'semi_distributed',
    model: { zh: '中模型', en: 'Medium model' },
    kind: { zh: '半分布式表示', en: 'Semi-distributed representation' },
    takeaway: { zh: '概念开始关联,出现基础推理', en: 'Concepts start to connect: basic reasoning' },
    markerSize: 50,
    opacity: 0.6,
  },
  {
    key: 'large',
    params: 1e11,
    representation: 'fully_distributed',
    model: { zh: '大模型', en: 'Large model' },
    kind: { zh: '完全分布式表示', en: 'Fully distributed representation' },
    takeaway: { zh: '概念高度交织,涌现复杂推理', en: 'Concepts interweave: complex reasoning emerges' },
    markerSize: 30,
    opacity: 0.6,
  },
];

/** The seed's defaults. */
const SEED = 42;
const SEMI_SPREAD = 0.3;
const SEMI_COUNT = 20;
const FULL_SPREAD = 0.5;
const FULL_COUNT = 15;
/** `for k in range(3)`: regions per concept in the large model. */
const FULL_REGIONS = 3;

export interface RepresentationPoint {
  /** Index into CONCEPTS. */
  concept: number;
  /** Region k of the fully distributed panel (0 elsewhere). */
  region: number;
  /** Position in the seed's draw order within its panel. */
  order: number;
  x: number;
  y: number;
}

/** Localized: plt.scatter([j], [0]) per concept. */
export function localizedPoints(conceptCount = CONCEPTS.length): RepresentationPoint[] {
  return Array.from({ length: conceptCount }, (_, j) => ({ concept: j, region: 0, order: j, x: j, y: 0 }));
}

/** Standard-normal runs per RNG sequence, kept for the last few (seed, count, runs). */
const draws = new Map<string, number[][]>();
const KEPT_DRAWS = 8;

/**
 * np.random.seed(seed), then `runs` calls of np.random.normal(0, 1, count), in order. Kept
 * per (seed, count): numpy's normal(loc, scale) is loc + scale·gauss with a gauss sequence
 * that does not depend on loc or scale, so a change of spread alone rescales these draws
 * (the very numbers numpy draws, by the same expression) instead of running the RNG again.
 */
function standardRuns(seed: number, count: number, runs: number): number[][] {
  const key = `${seed}|${count}|${runs}`;
  const kept = draws.get(key);
  if (kept) return kept;
  const rng = new NumpyLegacyRandom(seed);
  const out = Array.from({ length: runs }, () => rng.normalArray(0, 1, count));
  if (draws.size >= KEPT_DRAWS) draws.delete(draws.keys().next().value as string);
  draws.set(key, out);
  return out;
}

/** normal(0, spread) from its standard draw: loc + scale·gauss, as numpy's legacy_normal computes it. */
function normalOf(gauss: number, spread: number): number {
  return 0 + spread * gauss;
}

/**
 * Semi-distributed: np.random.seed(seed); for j: x = j + normal(0, spread, count);
 * y = normal(0, spread, count).
 */
export function semiDistributedPoints(seed = SEED, spread = SEMI_SPREAD, count = SEMI_COUNT, conceptCount = CONCEPTS.length): RepresentationPoint[] {
  if (!(spread >= 0)) throw new RangeError(`scale must be non-negative, got ${spread}`);
  const runs = standardRuns(seed, count, 2 * conceptCount);
  const points: RepresentationPoint[] = [];
  for (let j = 0; j < conceptCount; j++) {
    const gx = runs[2 * j];
    const gy = runs[2 * j + 1];
    for (let i = 0; i < count; i++) points.push({ concept: j, region: 0, order: points.length, x: j + normalOf(gx[i], spread), y: normalOf(gy[i], spread) });
  }
  return points;
}

/**
 * Fully distributed: np.random.seed(seed); for j: for k in range(3):
 * x = k + normal(0, spread, count); y = normal(0, spread, count).
 */
export function fullyDistributedPoints(
  seed = SEED,
  spread = FULL_SPREAD,
  count = FULL_COUNT,
  regions = FULL_REGIONS,
  conceptCount = CONCEPTS.length,
): RepresentationPoint[] {
  if (!(spread >= 0)) throw new RangeError(`scale must be non-negative, got ${spread}`);
  const runs = standardRuns(seed, count, 2 * conceptCount * regions);
  const points: RepresentationPoint[] = [];
  for (let j = 0; j < conceptCount; j++) {
    for (let k = 0; k < regions; k++) {
      const gx = runs[2 * (j * regions + k)];
      const gy = runs[2 * (j * regions + k) + 1];
      for (let i = 0; i < count; i++) points.push({ concept: j, region: k, order: points.length, x: k + normalOf(gx[i], spread), y: normalOf(gy[i], spread) });
    }
  }
  return points;
}

export interface RepresentationSettings {
  seed: number;
  semiSpread: number;
  semiCount: number;
  fullSpread: number;
  fullCount: number;
}

export const DEFAULT_SETTINGS: RepresentationSettings = {
  seed: SEED,
  semiSpread: SEMI_SPREAD,
  semiCount: SEMI_COUNT,
  fullSpread: FULL_SPREAD,
  fullCount: FULL_COUNT,
};

export interface RepresentationPanel {
  scale: ModelScale;
  points: RepresentationPoint[];
}

/** The three panels, in the seed's order. */
export function representationPanels(settings: RepresentationSettings = DEFAULT_SETTINGS): RepresentationPanel[] {
  return MODEL_SCALES.map((scale) => {
    switch (scale.representation) {
      case 'localized':
        return { scale, points: localizedPoints() };
      case 'semi_distributed':
        return { scale, points: semiDistributedPoints(settings.seed, settings.semiSpread, settings.semiCount) };
      case 'fully_distributed':
        return { scale, points: fullyDistributedPoints(settings.seed, settings.fullSpread, settings.fullCount) };
    }
  });
}
