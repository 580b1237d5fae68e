// index.html for a rendered folder: every chart of the article grouped by section,
// bilingual headings, the seed's textual reports, and links between sections, charts
// and language variants. Static HTML and one inline stylesheet: no scripts, no
// external resources, so it opens from file:// anywhere, offline.
import type { Bilingual, ChartTheme, Lang, Section } from '../sections/types';
import { escapeHtml } from '../engine/text';

interface IndexChartFile {
  /** Relative to the folder holding index.html, forward slashes. */
  path: string;
  /** CSS pixel size of the chart (the SVG's own size), when known. */
  width?: number;
  height?: number;
}

export interface IndexChart {
  sectionId: string;
  id: string;
  title: Bilingual;
  description: Bilingual;
  files: Partial<Record<Lang, IndexChartFile>>;
}

export interface IndexSection {
  section: Section;
  charts: IndexChart[];
  reports: Partial<Record<Lang, string>>;
}

export interface IndexPageInput {
  sections: readonly IndexSection[];
  langs: readonly Lang[];
  theme: ChartTheme;
  /** svg and png are shown as images; vl files are linked. */
  format: 'svg' | 'png' | 'vl';
}

const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };
const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };
/** Charts wider than this get the full row per language instead of sharing it. */
const WIDE_CHART_PX = 620;

/** Both languages side by side, each tagged with its lang (screen readers, CJK line breaking). */
function bilingual(text: Bilingual): string {
  if (text.en === text.zh) return escapeHtml(text.en);
  return `<span lang="en">${escapeHtml(text.en)}</span> <span class="sep" aria-hidden="true">·</span> <span lang="zh-CN">${escapeHtml(text.zh)}</span>`;
}

function anchorId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]+/g, '_')).join('--');
}

/** Relative URL of a written file; each path segment percent-encoded. */
function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function stylesheet(theme: ChartTheme): string {
  return `
:root { color-scheme: ${theme.kind === 'light' ? 'light' : 'dark'}; --fg: ${theme.foreground}; --bg: ${theme.background}; --muted: ${theme.muted}; --rule: ${theme.grid}; --accent: ${theme.accent}; --link: ${theme.palette[0]}; }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font: 15px/1.55 ${theme.fontFamily}; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 64px; }
a { color: var(--link); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 0 0 6px; padding-top: 8px; }
h3 { font-size: 1.05rem; margin: 0 0 4px; }
h4 { font-size: 0.9rem; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.sep, .meta, .desc, .ref, .count, .links { color: var(--muted); }
.ref { font-variant-numeric: tabular-nums; margin-right: 0.4em; }
.meta { margin: 0 0 20px; }
nav.toc { border: 1px solid var(--rule); border-radius: 8px; padding: 12px 20px; margin-bottom: 32px; }
nav.toc h2 { font-size: 1rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.2em; }
nav.toc ul { margin: 2px 0 8px; padding-left: 1.2em; font-size: 0.9rem; }
section.section { border-top: 2px solid var(--rule); padding-top: 12px; margin-top: 40px; }
figure.chart { margin: 24px 0; }
figcaption p { margin: 0 0 2px; font-size: 0.92rem; }
.variants { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); gap: 16px; margin-top: 10px; }
figure.wide .variants { grid-template-columns: 1fr; }
.variant { border: 1px solid var(--rule); border-radius: 6px; padding: 8px; overflow-x: auto; }
.variant:target { outline: 2px solid var(--accent); }
.variant img { display: block; max-width: 100%; height: auto; }
.links { margin: 6px 0 0; font-size: 0.85rem; }
.reports { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 16px; margin-top: 16px; }
.report pre { margin: 0; padding: 12px 14px; border: 1px solid var(--rule); border-radius: 6px; overflow-x: auto; font: 13px/1.5 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, ${theme.fontFamily}; white-space: pre; }
nav.pager { display: flex; justify-content: space-between; gap: 12px; margin-top: 20px; font-size: 0.9rem; }
footer { margin-top: 48px; color: var(--muted); font-size: 0.85rem; }
`.trim();
}

function chartFigure(section: Section, chart: IndexChart, langs: readonly Lang[], format: IndexPageInput['format']): string {
  const figId = anchorId(section.id, chart.id);
  const present = langs.filter((l) => chart.files[l]);
  const wide = present.some((l) => (chart.files[l]?.width ?? 0) > WIDE_CHART_PX);
  const variants = present.map((lang) => {
    const file = chart.files[lang] as IndexChartFile;
    const others = present.filter((l) => l !== lang).map((l) => `<a href="#${anchorId(section.id, chart.id, l)}" lang="${HTML_LANG[l]}">${LANG_NAME[l]}</a>`);
    const size = file.width && file.height ? ` width="${Math.round(file.width)}" height="${Math.round(file.height)}"` : '';
    const body =
      format === 'vl'
        ? `<p><a href="${href(file.path)}">${escapeHtml(file.path)}</a></p>`
        : `<a href="${href(file.path)}"><img src="${href(file.path)}" alt="${escapeHtml(chart.description[lang])}"${size} loading="lazy"></a>`;
    return [
      `<div class="variant" id="${anchorId(section.id, chart.id, lang)}" lang="${HTML_LANG[lang]}">`,
      body,
      `<p class="links">${LANG_NAME[lang]}${others.length ? ` · ${others.join(' · ')}` : ''} · <a href="${href(file.path)}">${escapeHtml(file.path.slice(file.path.lastIndexOf('/') + 1))}</a> · <a href="#${figId}">#</a></p>`,
      `</div>`,
    ].join('');
  });
  const descriptions = langs.map((l) => `<p class="desc" lang="${HTML_LANG[l]}">${escapeHtml(chart.description[l])}</p>`).join('');
  return [
    `<figure class="chart${wide ? ' wide' : ''}" id="${figId}">`,
    `<figcaption><h3>${bilingual(chart.title)}</h3>${descriptions}</figcaption>`,
    `<div class="variants">${variants.join('')}</div>`,
    `</figure>`,
  ].join('\n');
}

function reportsBlock(section: Section, reports: Partial<Record<Lang, string>>, langs: readonly Lang[]): string {
  const present = langs.filter((l) => reports[l] !== undefined);
  if (present.length === 0) return '';
  const blocks = present.map(
    (l) =>
      `<div class="report" id="${anchorId(section.id, 'report', l)}" lang="${HTML_LANG[l]}"><h4>${LANG_NAME[l]}</h4><pre>${escapeHtml(reports[l] as string)}</pre></div>`,
  );
  return `<h3 id="${anchorId(section.id, 'report')}">${bilingual({ en: "The seed's printed report", zh: '原文脚本打印的报告' })}</h3>\n<div class="reports">${blocks.join('\n')}</div>`;
}

function pager(prev: Section | undefined, next: Section | undefined): string {
  const link = (s: Section | undefined, arrowBefore: string, arrowAfter: string): string =>
    s
      ? `<a href="#${anchorId(s.id)}">${arrowBefore}${escapeHtml(s.seedRef)} ${escapeHtml(s.title.en)} · <span lang="zh-CN">${escapeHtml(s.title.zh)}</span>${arrowAfter}</a>`
      : '<span></span>';
  return `<nav class="pager" aria-label="sections">${link(prev, '← ', '')}<a href="#contents">↑ Contents · 目录</a>${link(next, '', ' →')}</nav>`;
}

export function buildIndexPage(input: IndexPageInput): string {
  const { sections, langs, theme, format } = input;
  const chartCount = sections.reduce((n, s) => n + s.charts.reduce((m, c) => m + langs.filter((l) => c.files[l]).length, 0), 0);
  const toc = sections
    .map(({ section, charts, reports }) => {
      const items = charts.map((c) => `<li><a href="#${anchorId(section.id, c.id)}">${bilingual(c.title)}</a></li>`);
      if (Object.keys(reports).length > 0) items.push(`<li><a href="#${anchorId(section.id, 'report')}">${bilingual({ en: 'Report', zh: '报告' })}</a></li>`);
      return `<li><a href="#${anchorId(section.id)}"><span class="ref">${escapeHtml(section.seedRef)}</span>${bilingual(section.title)}</a> <span class="count">(${charts.length})</span><ul>${items.join('')}</ul></li>`;
    })
    .join('\n');
  const body = sections
    .map(({ section, charts, reports }, i) =>
      [
        `<section class="section" id="${anchorId(section.id)}">`,
        `<h2><span class="ref">${escapeHtml(section.seedRef)}</span>${bilingual(section.title)}</h2>`,
        `<p class="desc">${bilingual(section.description)}</p>`,
        ...charts.map((c) => chartFigure(section, c, langs, format)),
        reportsBlock(section, reports, langs),
        pager(sections[i - 1]?.section, sections[i + 1]?.section),
        `</section>`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  const langNames = langs.map((l) => LANG_NAME[l]).join(', ');
  return `<!doctype html>
<html lang="${langs.length === 1 ? HTML_LANG[langs[0]] : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${theme.kind === 'light' ? 'light' : 'dark'}">
<title>Emergence Lens — charts of the article · 文章图表</title>
<style>
${stylesheet(theme)}
</style>
</head>
<body>
<header>
<h1>${bilingual({ en: 'Emergence Lens: every chart of the article', zh: 'Emergence Lens：文章的全部图表' })}</h1>
<p class="meta">${sections.length} sections · ${chartCount} chart files · ${escapeHtml(langNames)} · ${escapeHtml(theme.kind)} theme · ${format.toUpperCase()}</p>
<nav class="toc" id="contents"><h2>${bilingual({ en: 'Contents', zh: '目录' })}</h2><ol>
${toc}
</ol></nav>
</header>
<main>
${body}
</main>
<footer>${bilingual({ en: 'Generated by emergence-lens render. Charts: Vega-Lite, rendered headless by vega.', zh: '由 emergence-lens render 生成；图表由 Vega-Lite 描述、vega 无头渲染。' })}</footer>
</body>
</html>
`;
}
