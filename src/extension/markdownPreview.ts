// The markdown-it plugin VS Code's built-in Markdown preview loads (extendMarkdownIt):
// an ```emergence fenced block becomes an empty chart container that the preview
// script (webview/preview.ts) fills, or a visible error box when the block is wrong.
// Only HTML here: the block is checked by src/sections/chartBlock and the chart is
// built in the preview. No vscode import, so unit tests run it without a host.
import type { MarkdownIt, RendererRule, Token } from 'markdown-it';
import { parseChartBlock } from '../sections/chartBlock';
import { SECTIONS } from '../sections/index';
import type { Bilingual, Lang, Section } from '../sections/types';
import { escapeHtml } from '../engine/text';

/** The fence info word that marks a chart block. */
const FENCE_INFO = 'emergence';

export interface EmergencePluginOptions {
  /** Sections to check blocks against; the registry unless a test passes its own. */
  registry?: readonly Section[];
  /** Language for blocks that set none (e.g. the emergenceLens.language setting). */
  defaultLang?: () => Lang | undefined;
}

const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** Both languages, the preferred one first, each tagged so screen readers switch voice. */
function bilingualHtml(text: Bilingual, preferred: Lang | undefined, tag: 'p' | 'span'): string {
  const order: Lang[] = preferred === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  return order.map((l) => `<${tag} lang="${HTML_LANG[l]}">${escapeHtml(text[l])}</${tag}>`).join('');
}

/** VS Code's scroll-sync marker class, the one class another rule may add that we keep. */
const SCROLL_SYNC_CLASS = 'code-line';

/**
 * Our attributes, plus the two VS Code's preview puts on every block for scroll sync:
 * data-line (a line number) and the "code-line" class. Whatever else other plugins
 * added to the fence token (on* handlers, style, id, href, their own data-*) is
 * dropped: the container is ours, and the preview script reads its data attributes.
 * VS Code's preview CSP (scripts by nonce only) already blocks inline handlers; this
 * is the second wall, for exports and previews with a looser policy.
 */
function renderAttrs(token: Token, className: string, extra: [string, string][]): string {
  const classes = [className];
  let line: string | undefined;
  for (const [name, value] of token.attrs ?? []) {
    if (name === 'class' && String(value).split(/\s+/).includes(SCROLL_SYNC_CLASS) && !classes.includes(SCROLL_SYNC_CLASS)) classes.unshift(SCROLL_SYNC_CLASS);
    else if (name === 'data-line' && /^\d{1,9}$/.test(String(value))) line = String(value);
  }
  const attrs: [string, string][] = [['class', classes.join(' ')], ...(line !== undefined ? [['data-line', line] as [string, string]] : []), ...extra];
  return attrs.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('');
}

function isChartFence(token: Token): boolean {
  return token.info.trim().split(/\s+/, 1)[0].toLowerCase() === FENCE_INFO;
}

/** The HTML of one ```emergence block: a chart container or an inline error box. */
function renderChartBlock(token: Token, options: EmergencePluginOptions = {}): string {
  const registry = options.registry ?? SECTIONS;
  const fallbackLang = options.defaultLang?.();
  const result = parseChartBlock(token.content, registry);
  if (!result.ok) {
    const title: Bilingual = { en: 'Emergence chart block:', zh: 'Emergence 图表代码块:' };
    return (
      `<div${renderAttrs(token, 'emergence-chart-error', [['role', 'alert']])}>` +
      `<strong class="emergence-chart-error-title">${bilingualHtml(title, fallbackLang, 'span')}</strong>` +
      bilingualHtml(result.error, fallbackLang, 'p') +
      '</div>\n'
    );
  }
  const lang = result.lang ?? fallbackLang;
  const data: [string, string][] = [
    ['data-section', result.sectionId],
    ...(result.chartId !== undefined ? [['data-chart', result.chartId] as [string, string]] : []),
    ['data-params', JSON.stringify(result.params)],
    ...(lang !== undefined ? [['data-lang', lang] as [string, string]] : []),
  ];
  const section = registry.find((s) => s.id === result.sectionId);
  const name = section ? `${section.seedRef} ${section.title.en}` : result.sectionId;
  const nameZh = section ? `${section.seedRef} ${section.title.zh}` : result.sectionId;
  const chart = result.chartId !== undefined ? ` (${result.chartId})` : '';
  // What an export without scripts (or a preview with them blocked) shows instead.
  const fallback: Bilingual = {
    en: `Emergence Lens chart: ${name}${chart}. The chart is drawn by the Emergence Lens preview script.`,
    zh: `Emergence Lens 图表:${nameZh}${chart}。图表由 Emergence Lens 预览脚本绘制。`,
  };
  const notes = result.notes.map((n) => `<p class="emergence-chart-note">${bilingualHtml(n, lang, 'span')}</p>`).join('');
  return `<div${renderAttrs(token, 'emergence-chart', data)}>${notes}<noscript>${bilingualHtml(fallback, lang, 'p')}</noscript></div>\n`;
}

/** Renders ```emergence fences as charts; every other fence goes to the previous rule. */
export function emergenceMarkdownItPlugin(md: MarkdownIt, options: EmergencePluginOptions = {}): MarkdownIt {
  const previous = md.renderer.rules.fence;
  const fence: RendererRule = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    if (isChartFence(token)) {
      try {
        return renderChartBlock(token, options);
      } catch (err) {
        // A bug in a section must not blank the whole preview: show it in place.
        const message = err instanceof Error ? err.message : String(err);
        return `<div class="emergence-chart-error" role="alert"><p>${escapeHtml(`Emergence Lens: ${message}`)}</p></div>\n`;
      }
    }
    return previous ? previous(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  md.renderer.rules.fence = fence;
  return md;
}
