// Seed 5.1 "分布式表示的形成" (DistributedRepresentationAnalysis): how concept
// representations go from localized to fully distributed as models grow.
import { num, type ParamValues, type Section } from '../types';
import { scatterChart } from './charts';
import { DEFAULT_SETTINGS, representationPanels, type RepresentationSettings } from './model';
import { illustrative } from '../chartKit';

function settingsOf(params: ParamValues): RepresentationSettings {
  return {
    seed: Math.round(num(params, 'seed')),
    semiSpread: num(params, 'semiSpread'),
    semiCount: Math.max(1, Math.round(num(params, 'semiCount'))),
    fullSpread: num(params, 'fullSpread'),
    fullCount: Math.max(1, Math.round(num(params, 'fullCount'))),
  };
}

export const representationsSection: Section = illustrative({
  id: 'representations',
  seedRef: '5.1',
  title: { zh: '分布式表示的形成', en: 'How distributed representations form' },
  description: {
    zh: '小、中、大模型中概念的表示:局部化、半分布式、完全分布式 (与原文相同的随机点)',
    en: 'Concept representations in small, medium and large models: localized, semi- and fully distributed',
  },
  params: [
    {
      kind: 'number',
      name: 'seed',
      label: { zh: '随机种子', en: 'Random seed' },
      help: { zh: 'np.random.seed 的参数 (原文 42)', en: 'The np.random.seed value (seed: 42)' },
      min: 0,
      max: 9999,
      step: 1,
      default: DEFAULT_SETTINGS.seed,
    },
    {
      kind: 'number',
      name: 'semiSpread',
      label: { zh: '中模型:分散程度 (标准差)', en: 'Medium model: spread (std. dev.)' },
      help: { zh: 'np.random.normal(0, 0.3, 20) 的标准差', en: 'Standard deviation of np.random.normal(0, 0.3, 20)' },
      min: 0.05,
      max: 1,
      step: 0.05,
      default: DEFAULT_SETTINGS.semiSpread,
    },
    {
      kind: 'number',
      name: 'semiCount',
      label: { zh: '中模型:每个概念的点数', en: 'Medium model: points per concept' },
      min: 1,
      max: 100,
      step: 1,
      default: DEFAULT_SETTINGS.semiCount,
      unit: { zh: '个', en: 'points' },
    },
    {
      kind: 'number',
      name: 'fullSpread',
      label: { zh: '大模型:分散程度 (标准差)', en: 'Large model: spread (std. dev.)' },
      help: { zh: 'np.random.normal(0, 0.5, 15) 的标准差', en: 'Standard deviation of np.random.normal(0, 0.5, 15)' },
      min: 0.05,
      max: 1.5,
      step: 0.05,
      default: DEFAULT_SETTINGS.fullSpread,
    },
    {
      kind: 'number',
      name: 'fullCount',
      label: { zh: '大模型:每个区域的点数', en: 'Large model: points per region' },
      help: { zh: '每个概念分布在 3 个区域,每个区域的点数', en: 'Each concept spreads over 3 regions; points in each' },
      min: 1,
      max: 100,
      step: 1,
      default: DEFAULT_SETTINGS.fullCount,
      unit: { zh: '个', en: 'points' },
    },
  ],
  charts(params, ctx) {
    const settings = settingsOf(params);
    return [scatterChart(representationPanels(settings), settings, ctx)];
  },
});
