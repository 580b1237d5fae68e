// The hover's typeset formula (issue 13): MathJax loads from its own bundle
// (dist/typeset.js) with the first formula hover, never at activation; each distinct
// formula is typeset once and then served from the cache. Figures: the bundle's size
// and load time, the first (cold) typeset, an uncached typeset of a new formula, and
// the whole one-screen hover text (find + explain + TeX + cached SVG + layout) on a
// 5,000-line note. The curve image is measured by hover+chart.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findFormulaAt } from '../src/engine/formulas/document';
import { explain } from '../src/engine/formulas/explain';
import { recognizeAll } from '../src/engine/formulas/recognize';
import { formulaTex } from '../src/engine/formulas/tex';
import { formulaHoverMarkdown } from '../src/extension/hoverLayout';
import type * as Typeset from '../src/extension/typeset';
import { generateNote } from './hover';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function benchHoverTypeset(root = process.cwd()): Record<string, string | number> {
  const bundle = join(root, 'dist', 'typeset.js');
  const extensionJs = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
  let t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typeset = require(bundle) as typeof Typeset;
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  typeset.texToSvg(formulaTex(recognizeAll('L(C) ≈ (C₀/C)^α')[0]), '#1f1f1f');
  const firstMs = performance.now() - t0;

  // New formulas (other numbers each time) defeat the cache: MathJax's own cost.
  const uncached: number[] = [];
  for (let i = 0; i < 40; i++) {
    const tex = formulaTex(recognizeAll(`L = ${1.5 + i / 100} + ${400 + i}/N^0.34 + 410.7/D^0.28`)[0]);
    const t = performance.now();
    typeset.texToSvg(tex, '#1f1f1f');
    uncached.push(performance.now() - t);
  }
  uncached.sort((a, b) => a - b);

  const lines = generateNote(5000);
  const formulaLines = lines
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /\^|≈/.test(l))
    .map(([, i]) => i);
  const times: number[] = [];
  for (let k = 0; k < 400; k++) {
    const line = formulaLines[(k * 7) % formulaLines.length];
    const t = performance.now();
    const found = findFormulaAt((n) => lines[n], lines.length, line, Math.max(0, lines[line].search(/[\^≈]/)));
    if (!found) continue;
    const explanation = explain(found.recognition, 'en', found.noteValues);
    const svg = typeset.texToSvg(formulaTex(found.recognition), '#1f1f1f');
    formulaHoverMarkdown(explanation, 'en', { formulaImage: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, links: '' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    'typeset bundle (dist/typeset.js)': `${(statSync(bundle).size / 1024).toFixed(0)} KiB, loaded with the first formula hover`,
    'MathJax in dist/extension.js': /mathjax/i.test(extensionJs) ? 'YES (it would load at activation)' : 'no',
    'typeset: bundle load': `${loadMs.toFixed(1)} ms`,
    'typeset: first formula (MathJax set-up)': `${firstMs.toFixed(1)} ms`,
    'typeset: a new formula, p50 / p95': `${percentile(uncached, 50).toFixed(2)} / ${percentile(uncached, 95).toFixed(2)} ms`,
    'hover text with typeset formula (cached), note5000 p50 / p95': `${percentile(times, 50).toFixed(3)} / ${percentile(times, 95).toFixed(3)} ms`,
  };
}
