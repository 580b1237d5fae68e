// TeX → SVG with MathJax 3 in the extension host: offline (the fonts are paths in
// MathJax's own package), no DOM (liteAdaptor), cached by formula and colour. Built as
// its own bundle (dist/typeset.js, see scripts/build.mjs) that the hover requires on
// first use, so MathJax never loads at activation.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';

type MathDocument = ReturnType<typeof mathjax.document>;
let doc: MathDocument | undefined;
let adaptor: ReturnType<typeof liteAdaptor> | undefined;

function mathDocument(): { doc: MathDocument; adaptor: ReturnType<typeof liteAdaptor> } {
  if (!doc || !adaptor) {
    adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    // fontCache 'local': each SVG carries its own glyph paths (it is shown as an image, alone).
    doc = mathjax.document('', { InputJax: new TeX({ packages: ['base', 'ams'] }), OutputJax: new SVG({ fontCache: 'local' }) });
  }
  return { doc, adaptor };
}

/** Pixels per ex: MathJax sizes in ex; 6.5 px per ex sets the formula at about its 13 px text. */
const PX_PER_EX = 6.5;
const cache = new Map<string, string>();
const CACHE_LIMIT = 128;

/**
 * `tex` (display style) as a standalone SVG document drawn in `color`, sized in pixels
 * (an image has no surrounding font to resolve ex against). Throws on TeX errors.
 */
export function texToSvg(tex: string, color: string): string {
  const key = `${color}\n${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const { doc: document, adaptor: lite } = mathDocument();
  const node = document.convert(tex, { display: true });
  const svgNode = lite.firstChild(node) as Parameters<typeof lite.outerHTML>[0];
  let svg = lite.outerHTML(svgNode);
  if (/data-mjx-error|<g[^>]*data-mml-node="merror"/.test(svg)) throw new Error(`TeX error in ${tex}`);
  svg = svg
    .replace(/(width|height)="(-?[\d.]+)ex"/g, (_, attr: string, v: string) => `${attr}="${(Number(v) * PX_PER_EX).toFixed(1)}px"`)
    .replace(/style="vertical-align:[^"]*"/, '')
    .replace(/currentColor/g, color);
  if (!svg.includes('xmlns="http://www.w3.org/2000/svg"')) svg = svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, svg);
  return svg;
}
