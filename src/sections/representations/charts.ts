// Vega-Lite spec for seed 5.1: three scatter panels side by side (localized,
// semi-distributed, fully distributed) on the same axes, with one shared concept legend
// (the seed's third panel had none) and the article's takeaway under each panel title.
import { pythonExp } from '../../engine/format';
import { makeChart, wrapLabel } from '../chartKit';
import type { ChartContext, ChartSpec, Lang } from '../types';
import { CONCEPTS, type RepresentationPanel, type RepresentationSettings } from './model';

/** matplotlib's s is in points² at 100 dpi; vega's size is in px². */
const POINTS2_TO_PX2 = 1.5;
const PANEL_SIZE = 240;

export function panelTitle(panel: RepresentationPanel, lang: Lang): string[] {
  const { scale } = panel;
  const params = pythonExp(scale.params, 0);
  const first = lang === 'zh' ? `${scale.model.zh} (${params}参数)` : `${scale.model.en} (${params} parameters)`;
  return [first, scale.kind[lang]];
}

/** Axis extent covering every panel's points, padded and rounded out to 0.5. */
function extent(values: number[], pad: number): [number, number] {
  const lo = Math.floor((Math.min(...values) - pad) * 2) / 2;
  const hi = Math.ceil((Math.max(...values) + pad) * 2) / 2;
  return [lo, hi];
}

export function scatterChart(panels: readonly RepresentationPanel[], settings: RepresentationSettings, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const zh = lang === 'zh';
  const names = CONCEPTS.map((c) => c[lang]);
  const all = panels.flatMap((p) => p.points);
  const xDomain = extent(
    all.map((p) => p.x),
    0.3,
  );
  const yMax = Math.max(1, Math.ceil((Math.max(...all.map((p) => Math.abs(p.y))) + 0.2) * 2) / 2);
  const color = {
    field: 'concept',
    type: 'nominal',
    scale: { domain: names, range: names.map((_, i) => theme.palette[i % theme.palette.length]) },
    legend: { title: zh ? '概念' : 'Concept', orient: 'bottom', direction: 'horizontal', symbolOpacity: 0.8 },
  };
  const x = {
    field: 'x',
    type: 'quantitative',
    // The extents depend on the seed and spreads: signals, so a change moves the axes in place.
    scale: { domain: { expr: 'xDomain' }, nice: false, zero: false },
    title: zh ? '表示维度1' : 'Representation dimension 1',
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    scale: { domain: { expr: 'yDomain' }, nice: false, zero: false },
    title: zh ? '表示维度2' : 'Representation dimension 2',
  };

  const narrow = ctx.width !== undefined && ctx.width < 520;
  const hconcat = panels.map((panel) => {
    const distributed = panel.scale.representation === 'fully_distributed';
    const localized = panel.scale.representation === 'localized';
    // Only the fields the panel draws: the region is in the distributed panel's tooltip,
    // the draw order places the localized panel's names.
    const values = panel.points.map((p): Record<string, string | number> => {
      if (distributed) return { concept: names[p.concept], region: p.region + 1, x: p.x, y: p.y };
      if (localized) return { concept: names[p.concept], order: p.order + 1, x: p.x, y: p.y };
      return { concept: names[p.concept], x: p.x, y: p.y };
    });
    const tooltip = [
      { field: 'concept', type: 'nominal', title: zh ? '概念' : 'Concept' },
      ...(distributed ? [{ field: 'region', type: 'quantitative', title: zh ? '区域 (k+1)' : 'Region (k+1)' }] : []),
      { field: 'x', type: 'quantitative', title: zh ? '表示维度1' : 'Dimension 1', format: '.3f' },
      { field: 'y', type: 'quantitative', title: zh ? '表示维度2' : 'Dimension 2', format: '.3f' },
    ];
    const layer: Record<string, unknown>[] = [
      {
        // Synthetic draws, hundreds per panel: the chart's description speaks for them, and
        // each point's ARIA text would be re-formatted on every change (issue 11).
        mark: { type: 'point', filled: true, size: panel.scale.markerSize * POINTS2_TO_PX2, opacity: panel.scale.opacity, aria: false },
        encoding: { x, y, color, tooltip },
      },
    ];
    if (localized) {
      // Name each isolated concept next to its point, alternately below and above so
      // long names never run into each other.
      layer.push({
        mark: {
          type: 'text',
          color: theme.foreground,
          fontSize: 12,
          baseline: { expr: "datum.order % 2 === 1 ? 'top' : 'bottom'" },
          dy: { expr: 'datum.order % 2 === 1 ? 14 : -14' },
        },
        encoding: { x, y, text: { field: 'concept', type: 'nominal' } },
      });
    }
    return {
      width: PANEL_SIZE,
      height: PANEL_SIZE,
      // A narrow webview wraps the takeaway instead of widening the panel past the view.
      title: {
        text: panelTitle(panel, lang),
        subtitle: narrow ? wrapLabel(panel.scale.takeaway[lang], 34) : panel.scale.takeaway[lang],
        anchor: 'middle',
        fontSize: 13,
      },
      data: { values },
      layer,
    };
  });

  const counts = `${settings.semiCount}×4 / ${settings.fullCount}×3×4`;
  const chart = makeChart(
    {
      id: 'representation-panels',
      finiteData: true,
      title: { zh: '分布式表示的形成:概念在表示空间中的分布', en: 'How distributed representations form: concepts in representation space' },
      subtitle: {
        zh: `与原文脚本相同的随机点 (np.random.seed(${settings.seed}),标准差 ${settings.semiSpread} / ${settings.fullSpread},点数 ${counts})`,
        en: `The same random points as the article's script (np.random.seed(${settings.seed}), spread ${settings.semiSpread} / ${settings.fullSpread}, ${counts} points)`,
      },
      description: {
        zh: '三个散点图:小模型 (1e+07参数) 的四个概念各占一点 (局部化表示);中模型 (1e+09参数) 的概念围绕各自中心散开 (半分布式);大模型 (1e+11参数) 的每个概念分布在三个区域并与其他概念交织 (完全分布式)。',
        en: 'Three scatter plots: in the small model (1e+07 parameters) each of four concepts is one point (localized); in the medium model (1e+09) concepts spread around their own centres (semi-distributed); in the large model (1e+11) each concept spreads over three regions shared with the others (fully distributed).',
      },
      signals: { xDomain, yDomain: [-yMax, yMax] },
    },
    ctx,
    {
      hconcat,
      spacing: 24,
      resolve: { scale: { color: 'shared', x: 'shared', y: 'shared' }, legend: { color: 'shared' } },
    },
  );
  // Keep the overall subtitle clear of the panel titles.
  const title = chart.spec.title;
  if (title && typeof title === 'object' && !Array.isArray(title)) chart.spec.title = { ...title, offset: 14 };
  return chart;
}
