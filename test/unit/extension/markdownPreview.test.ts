import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown, StateCore } from 'markdown-it';
import { emergenceMarkdownItPlugin, type EmergencePluginOptions } from '../../../src/extension/markdownPreview';
import { escapeHtml } from '../../../src/engine/text';
import type { ChartSpec, Section } from '../../../src/sections/types';

function chart(id: string): ChartSpec {
  return { id, title: { en: id, zh: id }, description: { en: id, zh: id }, spec: { mark: 'point', data: { values: [] } } };
}

// A stand-in section; its choice values carry markup to prove data-params is escaped.
const demo: Section = {
  id: 'demo',
  seedRef: '9.9',
  title: { en: 'Demo <b>', zh: '演示' },
  description: { en: '', zh: '' },
  params: [
    { kind: 'number', name: 'threshold', label: { en: 'T', zh: 'T' }, min: 1e6, max: 1e13, step: 0.1, default: 1e10 },
    {
      kind: 'choice',
      name: 'label',
      label: { en: 'L', zh: 'L' },
      options: [
        { value: 'plain', label: { en: 'plain', zh: 'plain' } },
        { value: `"><img src=x onerror=alert(1)>'`, label: { en: 'evil', zh: 'evil' } },
      ],
      default: 'plain',
    },
  ],
  charts: () => [chart('curve'), chart('table')],
};

function renderer(options: EmergencePluginOptions = {}): Markdown {
  return emergenceMarkdownItPlugin(new MarkdownIt(), { registry: [demo], ...options });
}

const fence = (info: string, body: string, marker = '```'): string => `${marker}${info}\n${body}\n${marker}\n`;

/** Decodes the five entities escapeHtml writes. */
function unescape(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  html: string;
}

/** The opening tags in the HTML whose class list contains `className`, with decoded attributes. */
function elementsWithClass(html: string, className: string): Element[] {
  const found: Element[] = [];
  for (const m of html.matchAll(/<([a-z]+)((?:\s+[-a-z:]+="[^"]*")*)\s*>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([-a-z:]+)="([^"]*)"/g)) attrs[a[1]] = unescape(a[2]);
    if ((attrs.class ?? '').split(' ').includes(className)) found.push({ tag: m[1], attrs, html: m[0] });
  }
  return found;
}

function single(html: string, className: string): Element {
  const els = elementsWithClass(html, className);
  assert.equal(els.length, 1, `one .${className} in ${html}`);
  return els[0];
}

describe('Markdown preview plugin', () => {
  it('turns a valid YAML block into a chart container with the block’s data', () => {
    const html = renderer().render(fence('emergence', 'section: demo\nchart: curve\nparams:\n  threshold: 1e11\nlang: zh'));
    const el = single(html, 'emergence-chart');
    assert.equal(el.tag, 'div');
    assert.equal(el.attrs['data-section'], 'demo');
    assert.equal(el.attrs['data-chart'], 'curve');
    assert.equal(el.attrs['data-lang'], 'zh');
    assert.deepEqual(JSON.parse(el.attrs['data-params']), { threshold: 1e11, label: 'plain' });
    assert.match(html, /<noscript>.*演示.*<\/noscript><\/div>/s);
    assert.doesNotMatch(html, /<pre|<code/, 'the block’s source is not shown as code');
    assert.equal(elementsWithClass(html, 'emergence-chart-error').length, 0);
  });

  it('turns a JSON block, and a bare section, into containers; no chart or lang means no attribute', () => {
    const html = renderer().render(fence('emergence', '{"section": "demo"}') + '\n' + fence('emergence', 'demo'));
    const els = elementsWithClass(html, 'emergence-chart');
    assert.equal(els.length, 2);
    for (const el of els) {
      assert.equal(el.attrs['data-section'], 'demo');
      assert.equal('data-chart' in el.attrs, false);
      assert.equal('data-lang' in el.attrs, false);
      assert.deepEqual(JSON.parse(el.attrs['data-params']), { threshold: 1e10, label: 'plain' });
    }
  });

  it('escapes the JSON in data-params: quotes and markup never leave the attribute', () => {
    const evil = `"><img src=x onerror=alert(1)>'`;
    const html = renderer().render(fence('emergence', JSON.stringify({ section: 'demo', params: { label: evil } })));
    const el = single(html, 'emergence-chart');
    assert.deepEqual(JSON.parse(el.attrs['data-params']), { threshold: 1e10, label: evil });
    assert.doesNotMatch(html, /<img/);
    assert.match(
      el.html,
      /data-params="\{&quot;threshold&quot;:10000000000,&quot;label&quot;:&quot;\\&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;&#39;&quot;\}"/,
    );
    assert.doesNotMatch(html, /Demo <b>/, 'section titles are escaped in the noscript text too');
  });

  it('shows a malformed block as a visible bilingual error box, not a blank', () => {
    const html = renderer().render(fence('emergence', 'section: demo\nparams: [1\nlang: en'));
    const el = single(html, 'emergence-chart-error');
    assert.equal(el.attrs.role, 'alert');
    assert.match(html, /<p lang="en">The block is not valid YAML or JSON \(line \d+ of the block\): [^<]+<\/p>/);
    assert.match(html, /<p lang="zh-CN">代码块不是有效的 YAML 或 JSON/);
    assert.equal(elementsWithClass(html, 'emergence-chart').length, 0);
  });

  it('names an unknown section or chart in the error box', () => {
    const unknown = renderer().render(fence('emergence', 'section: scaling-lawz'));
    assert.match(unknown, /Unknown section &quot;scaling-lawz&quot;\. Known sections: demo\./);
    assert.match(unknown, /未知章节/);
    const chartHtml = renderer().render(fence('emergence', 'demo/heatmap'));
    assert.match(chartHtml, /Section &quot;demo&quot; has no chart &quot;heatmap&quot;\. Its charts: curve, table\./);
  });

  it('escapes injection attempts in section ids, chart ids and parameter names', () => {
    const attempts = [
      'section: "\\"><script>alert(1)</script>"',
      'section: demo\nchart: "<img src=x onerror=alert(1)>"',
      'section: demo\nparams:\n  "<svg onload=alert(1)>": 1',
      '{"section": "demo\\" onmouseover=\\"alert(1)"}',
      'section: demo\nlang: "zh\\" autofocus onfocus=\\"alert(1)"',
    ];
    for (const body of attempts) {
      const html = renderer().render(fence('emergence', body));
      assert.doesNotMatch(html, /<script|<img|<svg|\son[a-z]+="/i, html);
      single(html, 'emergence-chart-error');
    }
  });

  it('leaves other fences (```js, ```yaml, unlabelled) exactly as markdown-it renders them', () => {
    const markdown = [fence('js', 'const x = "<emergence>";'), fence('yaml', 'section: demo'), fence('', 'section: demo'), fence('emergenceX', 'demo')].join(
      '\n',
    );
    assert.equal(renderer().render(markdown), new MarkdownIt().render(markdown));
  });

  it('keeps a previously installed fence rule for other fences', () => {
    const md = new MarkdownIt();
    md.renderer.rules.fence = (tokens, idx) => `<pre class="custom">${escapeHtml(tokens[idx].content)}</pre>`;
    emergenceMarkdownItPlugin(md, { registry: [demo] });
    assert.equal(md.render(fence('js', 'a < b')), '<pre class="custom">a &lt; b\n</pre>');
    assert.match(md.render(fence('emergence', 'demo')), /class="emergence-chart"/);
  });

  it('recognises ~~~ fences, upper case and extra words in the info string', () => {
    const html = renderer().render(fence('EMERGENCE', 'demo', '~~~') + '\n' + fence(' emergence title="x"', 'demo'));
    assert.equal(elementsWithClass(html, 'emergence-chart').length, 2);
    assert.doesNotMatch(html, /title=/);
  });

  it('keeps the fence token’s attributes (VS Code’s data-line and code-line class for scroll sync)', () => {
    const md = renderer();
    // What VS Code's preview does before rendering: tag block tokens with their source line.
    md.core.ruler.push('line_numbers', (state: StateCore) => {
      for (const token of state.tokens) {
        if (token.map && token.block) {
          token.attrSet('data-line', String(token.map[0]));
          token.attrJoin('class', 'code-line');
        }
      }
    });
    const html = md.render('# Title\n\n' + fence('emergence', 'demo') + '\n' + fence('emergence', 'nope'));
    const el = single(html, 'emergence-chart');
    assert.equal(el.attrs['data-line'], '2');
    assert.equal(el.attrs.class, 'code-line emergence-chart');
    assert.equal(single(html, 'emergence-chart-error').attrs['data-line'], '6');
  });

  describe('attributes other markdown-it plugins add are dropped (issue 14, item 9)', () => {
    /** Every attribute of every opening tag in the HTML, as [name, value]. */
    function allAttributes(html: string): [string, string][] {
      return [...html.matchAll(/\s([^\s=<>"']+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]);
    }

    /** A plugin that tags every block token with handlers and styles, as a hostile or careless plugin could. */
    function attributeSprayer(md: Markdown): void {
      md.core.ruler.push('spray_attributes', (state: StateCore) => {
        for (const token of state.tokens) {
          if (!token.block) continue;
          token.attrSet('onclick', 'alert(1)');
          token.attrSet('onmouseover', 'alert(2)');
          token.attrSet('style', 'background:url(javascript:alert(3))');
          token.attrSet('id', 'x');
          token.attrSet('href', 'javascript:alert(4)');
          token.attrSet('data-section', 'forged');
          token.attrSet('data-params', '{"forged":true}');
          token.attrJoin('class', 'injected code-line');
          if (token.map) token.attrSet('data-line', String(token.map[0]));
        }
      });
    }

    /**
     * A stand-in for markdown-it-attrs (not installed here): "{…}" at the end of a
     * fence's info string becomes attributes on the fence token.
     */
    function curlyAttributes(md: Markdown): void {
      md.core.ruler.push('curly_attributes', (state: StateCore) => {
        for (const token of state.tokens) {
          const m = token.type === 'fence' ? /\{([^}]*)\}\s*$/.exec(token.info) : null;
          if (!m) continue;
          for (const part of m[1].trim().split(/\s+/)) {
            const eq = part.indexOf('=');
            if (part.startsWith('.')) token.attrJoin('class', part.slice(1));
            else if (part.startsWith('#')) token.attrSet('id', part.slice(1));
            else if (eq > 0) token.attrSet(part.slice(0, eq), part.slice(eq + 1));
          }
        }
      });
    }

    it('a chart container keeps only its own attributes, data-line and the code-line class', () => {
      const md = renderer().use(attributeSprayer);
      const html = md.render('# T\n\n' + fence('emergence', 'demo/curve') + '\n' + fence('emergence', 'nope'));
      const el = single(html, 'emergence-chart');
      assert.deepEqual(Object.keys(el.attrs).sort(), ['class', 'data-chart', 'data-line', 'data-params', 'data-section']);
      assert.equal(el.attrs.class, 'code-line emergence-chart');
      assert.equal(el.attrs['data-section'], 'demo', 'ours win over a forged one');
      assert.equal(el.attrs['data-line'], '2');
      const error = single(html, 'emergence-chart-error');
      assert.deepEqual(Object.keys(error.attrs).sort(), ['class', 'data-line', 'role']);
      const chartHtml = html.slice(html.indexOf('<div class="code-line emergence-chart"'));
      for (const [name] of allAttributes(chartHtml)) assert.doesNotMatch(name, /^on|^style$|^href$|^id$/i, `${name} in ${chartHtml}`);
    });

    it('markdown-it-attrs-style {…} on the fence (onclick, style, #id, .class) does not reach the container', () => {
      const md = renderer().use(curlyAttributes);
      const html = md.render(fence('emergence {.evil #x onclick=alert(1) onerror=alert(2) style=color:red data-line=javascript:1}', 'demo'));
      const el = single(html, 'emergence-chart');
      assert.deepEqual(Object.keys(el.attrs).sort(), ['class', 'data-params', 'data-section']);
      assert.equal(el.attrs.class, 'emergence-chart');
      assert.doesNotMatch(html, /onclick|onerror|style=|id="x"|evil/);
      // The plugin still does its work on other fences.
      assert.match(md.render(fence('js {.evil}', 'x')), /class="evil/);
    });
  });

  it('uses the default language for blocks without one; the block’s own lang wins', () => {
    const md = renderer({ defaultLang: () => 'zh' });
    assert.equal(single(md.render(fence('emergence', 'demo')), 'emergence-chart').attrs['data-lang'], 'zh');
    assert.equal(single(md.render(fence('emergence', 'section: demo\nlang: en')), 'emergence-chart').attrs['data-lang'], 'en');
    // Errors put the preferred language first.
    assert.match(md.render(fence('emergence', 'nope')), /<p lang="zh-CN">[^<]+<\/p><p lang="en">/);
  });

  it('notes clamped values inside the container', () => {
    const html = renderer().render(fence('emergence', 'section: demo\nparams:\n  threshold: 1e20'));
    assert.match(html, /<p class="emergence-chart-note"><span lang="en">&quot;threshold&quot; = 1e20 is outside 1e6–1e13; the chart uses 1e13\.<\/span>/);
    assert.deepEqual(JSON.parse(single(html, 'emergence-chart').attrs['data-params']).threshold, 1e13);
  });

  it('renders surrounding Markdown normally', () => {
    const html = renderer().render('Before *this*.\n\n' + fence('emergence', 'demo') + '\nAfter.\n');
    assert.match(html, /^<p>Before <em>this<\/em>\.<\/p>\n<div class="emergence-chart"/);
    assert.match(html, /<\/div>\n<p>After\.<\/p>\n$/);
  });

  it('turns a section that throws while checking a chart id into an error box, not an exception', () => {
    const throwing: Section = {
      ...demo,
      id: 'throws',
      charts: () => {
        throw new Error('boom');
      },
    };
    const html = emergenceMarkdownItPlugin(new MarkdownIt(), { registry: [throwing] }).render(fence('emergence', 'throws/curve'));
    assert.match(single(html, 'emergence-chart-error').html, /role="alert"/);
    assert.match(html, /boom/);
  });
});
