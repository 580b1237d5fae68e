// `npm run bench` (node --expose-gc dist/bench.js): how long building and rendering
// every chart of the article takes, and how much memory it needs; then the optional
// benchmarks other parts of the project provide (fit, hover). Figures only: nothing
// here asserts on time, which depends on the machine.
//
// Options: --reps N (spec-build repetitions, default 20), --no-png, --skip hover,fit,webview,
// --quick (fit on 100 starts instead of 4,500), --only webview (just that benchmark),
// --all-params (webview: every numeric parameter of every section).
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildCharts } from '../src/cli/render';
import { findCjkFont, svgToPng } from '../src/cli/png';
import { renderChartSvg } from '../src/cli/renderChart';
import { SECTIONS } from '../src/sections';
import { LIGHT_THEME } from '../src/sections/theme';
import type { Lang } from '../src/sections/types';
import { benchFit, benchFitPipeline } from './fit';
import { benchHover } from './hover';
import { benchWebview } from './webview';
import { benchHoverWithChart } from './hoverChart';
import { benchHoverTypeset } from './hoverTypeset';
import { benchActivation } from './activation';
import { benchEmergence } from './emergence';

const LANGS: Lang[] = ['en', 'zh'];
const MB = 1024 * 1024;

interface Options {
  reps: number;
  png: boolean;
  skip: Set<string>;
  quick: boolean;
  only?: string;
  allParams: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { reps: 20, png: true, skip: new Set(), quick: false, allParams: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reps') options.reps = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--no-png') options.png = false;
    else if (arg === '--skip') for (const s of (argv[++i] ?? '').split(',')) options.skip.add(s.trim());
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--only') options.only = argv[++i];
    else if (arg === '--all-params') options.allParams = true;
    else throw new Error(`unknown option ${arg} (known: --reps N, --no-png, --skip hover,fit,webview, --quick, --only NAME, --all-params)`);
  }
  return options;
}

/** Collects garbage when node runs with --expose-gc, so baselines and peaks mean something. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  return true;
}

/**
 * Peak RSS and heap: sampled on a short timer (catches the peaks inside async renders)
 * and at every explicit `sample()` (catches the synchronous stretches the timer cannot).
 */
class MemorySampler {
  peakRss = 0;
  peakHeap = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), 5);
    return this;
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
  }

  stop(): this {
    this.sample();
    clearInterval(this.timer);
    return this;
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mb = (x: number): string => `${(x / MB).toFixed(1)} MB`;

function row(label: string, value: string | number): void {
  // Printed as we go, so a long optional benchmark does not hide the early figures.
  process.stdout.write(`${label.padEnd(34)} ${value}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.only === 'webview') {
    for (const [key, value] of Object.entries(await benchWebview({ allParams: options.allParams }))) row(key, value);
    return;
  }
  const gcAvailable = collectGarbage();
  const base = process.memoryUsage();
  process.stdout.write(`Emergence Lens bench — node ${process.version}, ${process.platform}-${process.arch}, ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}\n`);
  process.stdout.write(`${'-'.repeat(72)}\n`);
  row('sections', SECTIONS.length);
  row('gc exposed (--expose-gc)', gcAvailable ? 'yes' : 'no: memory peaks include garbage');
  row('baseline RSS / heap used', `${mb(base.rss)} / ${mb(base.heapUsed)}`);
  const overall = new MemorySampler().start();

  // 1. Build every spec (all sections, both languages), repeatedly.
  const first = performance.now();
  let built = buildCharts(SECTIONS, LANGS, LIGHT_THEME);
  const coldMs = performance.now() - first;
  const chartCount = built.length;
  row('charts (all sections × en, zh)', chartCount);
  const buildMem = new MemorySampler().start();
  const buildTimes: number[] = [];
  for (let r = 0; r < options.reps; r++) {
    const t0 = performance.now();
    built = buildCharts(SECTIONS, LANGS, LIGHT_THEME);
    buildTimes.push(performance.now() - t0);
    buildMem.sample();
  }
  buildMem.stop();
  buildTimes.sort((a, b) => a - b);
  const buildMean = buildTimes.reduce((a, b) => a + b, 0) / buildTimes.length;
  row('build all specs: first (cold)', ms(coldMs));
  row(`build all specs: ${options.reps} reps`, `${ms(buildMean)} per full build (min ${ms(buildTimes[0])}, max ${ms(buildTimes[buildTimes.length - 1])})`);
  row('build: per chart (mean)', chartCount ? ms(buildMean / chartCount) : 'n/a');
  row('build: peak RSS / heap used', `${mb(buildMem.peakRss)} / ${mb(buildMem.peakHeap)}`);

  // 2. Render every chart to SVG: vega-lite compile + vega View (renderer none) + toSVG.
  collectGarbage();
  const renderMem = new MemorySampler().start();
  const svgTimes: { ms: number; name: string }[] = [];
  const svgs: string[] = [];
  let warnings = 0;
  const renderStart = performance.now();
  for (const { section, lang, chart } of built) {
    const t0 = performance.now();
    const rendered = await renderChartSvg(chart.spec);
    svgTimes.push({ ms: performance.now() - t0, name: `${lang}/${section.id}/${chart.id}` });
    warnings += rendered.warnings.length;
    rendered.view.finalize();
    svgs.push(rendered.svg);
    renderMem.sample();
  }
  const renderTotal = performance.now() - renderStart;
  renderMem.stop();
  const sortedSvg = svgTimes.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = svgTimes.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, name: 'n/a' });
  row('render all to SVG: total', `${ms(renderTotal)} (${warnings} vega warnings)`);
  row('render SVG: per chart p50 / p90', `${ms(quantile(sortedSvg, 0.5))} / ${ms(quantile(sortedSvg, 0.9))}`);
  row('render SVG: per chart max', `${ms(slowest.ms)} (${slowest.name})`);
  row('render SVG: total SVG size', `${(svgs.reduce((n, s) => n + s.length, 0) / 1024).toFixed(0)} KiB`);
  row('render SVG: peak RSS / heap used', `${mb(renderMem.peakRss)} / ${mb(renderMem.peakHeap)}`);

  // 3. Rasterise every SVG to PNG with resvg (needs a CJK font; skipped otherwise).
  let pngMem: MemorySampler | undefined;
  if (options.png) {
    const font = findCjkFont();
    if (!font) {
      row('rasterise to PNG', 'skipped: no CJK font (apt-get install fonts-noto-cjk)');
    } else {
      collectGarbage();
      pngMem = new MemorySampler().start();
      const pngTimes: number[] = [];
      let bytes = 0;
      const pngStart = performance.now();
      for (const svg of svgs) {
        const t0 = performance.now();
        bytes += (await svgToPng(svg)).length;
        pngTimes.push(performance.now() - t0);
        pngMem.sample();
      }
      const pngTotal = performance.now() - pngStart;
      pngMem.stop();
      pngTimes.sort((a, b) => a - b);
      row('rasterise all to PNG (resvg, 2x)', `${ms(pngTotal)} total, ${(bytes / MB).toFixed(1)} MB of PNG`);
      row('PNG: per chart p50 / max', `${ms(quantile(pngTimes, 0.5))} / ${ms(pngTimes[pngTimes.length - 1] ?? NaN)}`);
      row('PNG: peak RSS / heap used', `${mb(pngMem.peakRss)} / ${mb(pngMem.peakHeap)}`);
    }
  }

  overall.stop();
  svgs.length = 0;
  // The timer cannot fire inside synchronous stretches; the phases' explicit samples can.
  const phases = [overall, buildMem, renderMem, ...(pngMem ? [pngMem] : [])];
  row('peak RSS (whole run)', mb(Math.max(...phases.map((p) => p.peakRss))));
  row('peak heap used (whole run)', mb(Math.max(...phases.map((p) => p.peakHeap))));

  // 4. Optional benchmarks owned by other modules: their figures, verbatim.
  type Figures = Record<string, string | number>;
  const optional: [string, () => Promise<Figures> | Figures][] = [
    ['activation', () => benchActivation()],
    ['hover', () => benchHover()],
    ['hover+chart', () => benchHoverWithChart()],
    ['hover+typeset', () => benchHoverTypeset()],
    ['fit', () => benchFit(options.quick ? { startsLimit: 100 } : {})],
    ['fit-pipeline', () => benchFitPipeline(options.quick)],
    ['emergence', () => benchEmergence()],
    ['webview', () => benchWebview({ allParams: options.allParams })],
  ];
  for (const [name, run] of optional) {
    if (options.skip.has(name)) {
      row(name, 'skipped (--skip)');
      continue;
    }
    process.stdout.write(`${'-'.repeat(72)}\n`);
    try {
      const figures = await run();
      for (const [key, value] of Object.entries(figures)) row(key, value);
    } catch (error) {
      row(name, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
