// The `render` command's work, independent of argv: build every requested chart from
// the registry, render it (SVG, PNG or the Vega-Lite JSON itself), write the files in
// a fixed layout and the index page. Sections come in as an argument so the bench
// and tests can drive it with any set.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChartContext, ChartSpec, ChartTheme, Lang, ParamValues, Section } from '../sections/types';
import { defaultParams } from '../sections/types';
import { buildIndexPage, type IndexChart, type IndexSection } from './indexPage';
import { cliLang, tl } from './messages';
import { makeDirectory } from './outputDir';
import { requireCjkFont, svgToPng } from './png';
import { renderChartSvg } from './renderChart';

export type OutputFormat = 'svg' | 'png' | 'vl';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['svg', 'png', 'vl'];

/** File extension per format; `.vl.json` says what the JSON is. */
const FORMAT_EXTENSION: Record<OutputFormat, string> = { svg: 'svg', png: 'png', vl: 'vl.json' };

/** One chart of one section in one language, built but not rendered. */
export interface BuiltChart {
  section: Section;
  lang: Lang;
  chart: ChartSpec;
}

export type ParamsFor = (section: Section) => ParamValues;

/** Every chart of `sections` in every language of `langs`, section by section. */
export function buildCharts(sections: readonly Section[], langs: readonly Lang[], theme: ChartTheme, paramsFor: ParamsFor = defaultParams): BuiltChart[] {
  const out: BuiltChart[] = [];
  for (const section of sections) {
    const params = paramsFor(section);
    for (const lang of langs) {
      const ctx: ChartContext = { lang, theme };
      for (const chart of section.charts(params, ctx)) out.push({ section, lang, chart });
    }
  }
  return out;
}

/** A file-name-safe form of an id (ids are kebab-case already; this only guards). */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || '_';
}

/** The chart's path relative to the output directory, with forward slashes (it is also the index page's link). */
function chartPath(sectionId: string, chartId: string, lang: Lang, format: OutputFormat): string {
  return `${lang}/${safeName(sectionId)}/${safeName(chartId)}.${FORMAT_EXTENSION[format]}`;
}

/** Width and height attributes of vega's root <svg>, for the index page's layout. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const head = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(head)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(head)?.[1]);
  return Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined;
}

/** True if any `data` in the spec (top level, layers, lookups) loads from a URL, i.e. the JSON would not stand alone. */
function hasExternalData(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExternalData);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => {
    if (key === 'data' && inner && typeof inner === 'object' && typeof (inner as { url?: unknown }).url === 'string') return true;
    return hasExternalData(inner);
  });
}

export interface RenderOptions {
  outDir: string;
  sections: readonly Section[];
  langs: readonly Lang[];
  theme: ChartTheme;
  format: OutputFormat;
  paramsFor?: ParamsFor;
  /** PNG pixel density. */
  pngScale?: number;
  /** Whether to write index.html (on by default). */
  index?: boolean;
  /** Language of warnings and errors (default: from the locale environment). Files do not depend on it. */
  messageLang?: Lang;
}

interface ChartWarning {
  file: string;
  message: string;
}

export interface RenderSummary {
  charts: number;
  /** Every file written, relative to outDir, index.html last. */
  files: string[];
  warnings: ChartWarning[];
  ms: number;
  /** Per-chart render time (build excluded), ms, in output order. */
  chartMs: number[];
}

/** PNG rasterisation runs on resvg's threads; this many may be in flight while vega renders the next SVG. */
const PNG_IN_FLIGHT = 4;

export async function renderToDirectory(options: RenderOptions): Promise<RenderSummary> {
  const started = performance.now();
  // Fail before rendering anything rather than after a folder of half-written PNGs.
  const lang = options.messageLang ?? cliLang();
  if (options.format === 'png') requireCjkFont(lang);
  const paramsFor = options.paramsFor ?? defaultParams;
  const built = buildCharts(options.sections, options.langs, options.theme, paramsFor);
  const files: string[] = [];
  const warnings: ChartWarning[] = [];
  const chartMs: number[] = [];
  const indexCharts = new Map<string, IndexChart>();
  const pending: Promise<void>[] = [];
  // Rasterising runs in the background; its first failure is kept (not left unhandled,
  // which would crash node) and rethrown once everything in flight has settled.
  let rasterFailure: unknown;

  for (const { section, lang, chart } of built) {
    const rel = chartPath(section.id, chart.id, lang, options.format);
    if (files.includes(rel)) {
      warnings.push({
        file: rel,
        message: tl(lang, 'chart id "{0}" is not unique in section {1}; the later chart overwrites the earlier', chart.id, section.id),
      });
    }
    const abs = join(options.outDir, ...rel.split('/'));
    makeDirectory(join(abs, '..'));
    const t0 = performance.now();
    let size: { width: number; height: number } | undefined;
    if (options.format === 'vl') {
      if (hasExternalData(chart.spec)) warnings.push({ file: rel, message: tl(lang, 'spec loads data from a URL; the JSON is not self-contained') });
      await writeFile(abs, `${JSON.stringify(chart.spec, null, 2)}\n`);
    } else {
      const rendered = await renderChartSvg(chart.spec);
      rendered.view.finalize();
      for (const message of rendered.warnings) warnings.push({ file: rel, message });
      size = svgSize(rendered.svg);
      if (options.format === 'svg') {
        await writeFile(abs, rendered.svg);
      } else {
        pending.push(
          svgToPng(rendered.svg, { scale: options.pngScale })
            .then((png) => writeFile(abs, png))
            .catch((error: unknown) => {
              rasterFailure ??= error;
            }),
        );
        if (pending.length >= PNG_IN_FLIGHT) await Promise.all(pending.splice(0));
        if (rasterFailure !== undefined) break;
      }
    }
    chartMs.push(performance.now() - t0);
    files.push(rel);

    const key = `${section.id}\u0000${chart.id}`;
    const entry = indexCharts.get(key) ?? { sectionId: section.id, id: chart.id, title: chart.title, description: chart.description, files: {} };
    entry.files[lang] = { path: rel, ...size };
    indexCharts.set(key, entry);
  }
  await Promise.all(pending);
  if (rasterFailure !== undefined) throw rasterFailure;

  if (options.index ?? true) {
    const sections: IndexSection[] = options.sections.map((section) => {
      const params = paramsFor(section);
      const reports: Partial<Record<Lang, string>> = {};
      if (section.report) for (const lang of options.langs) reports[lang] = section.report(params, lang);
      return { section, charts: [...indexCharts.values()].filter((c) => c.sectionId === section.id), reports };
    });
    const html = buildIndexPage({ sections, langs: options.langs, theme: options.theme, format: options.format });
    makeDirectory(options.outDir);
    await writeFile(join(options.outDir, 'index.html'), html);
    files.push('index.html');
  }

  return { charts: built.length, files, warnings, ms: performance.now() - started, chartMs };
}
