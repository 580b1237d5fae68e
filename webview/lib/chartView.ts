// The one chart runtime of every webview page: prepares a section's Vega-Lite spec for
// its container (layout, datasets and parameter signals hoisted out), compiles each
// shape once (vega-lite → vega → parsed runtime, cached), and keeps a live Vega view
// that a parameter change updates in place with view.signal()/view.data() + runAsync().
// Only a new shape (a preset that adds series, a language or theme switch, a layout
// that wraps differently) rebuilds the view. Expressions run through vega-interpreter:
// the pages' CSP allows no eval of any kind.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import type { ChartSpec } from '../../src/sections/types';
import { layoutSpec, type Layout } from './layout';
import { hoistDatasets, splitTitle, type HoistedSpec } from './specData';
import { countMarks } from './marks';

export type ExportKind = 'svg' | 'png';

/** A chart ready for a view: its hoisted spec for one layout. */
export interface PreparedChart {
  chart: ChartSpec;
  hoisted: HoistedSpec;
  /** JSON of each dataset, to tell which changed. */
  datasetJson: Record<string, string>;
}

const runtimes = new Map<string, vega.Runtime>();
const MAX_CACHED = 64;

/** Vega's parsed runtime for a shape: compiled once per section, language, theme and layout. */
function runtimeFor(hoisted: HoistedSpec): vega.Runtime {
  const cached = runtimes.get(hoisted.shape);
  if (cached) return cached;
  // Datasets are set on the view before its first run: compile without their rows.
  const empty = Object.fromEntries(Object.keys(hoisted.datasets).map((k) => [k, []]));
  const spec = { ...(hoisted.spec as object), datasets: { ...((hoisted.spec as { datasets?: object }).datasets ?? {}), ...empty } } as TopLevelSpec;
  const runtime = vega.parse(compile(spec).spec, undefined, { ast: true });
  if (runtimes.size >= MAX_CACHED) runtimes.delete(runtimes.keys().next().value as string);
  runtimes.set(hoisted.shape, runtime);
  return runtime;
}

export function prepareChart(chart: ChartSpec, layout: Layout): PreparedChart {
  const body = layoutSpec(splitTitle(chart.spec).body, layout);
  const hoisted = hoistDatasets(body, chart.signals ?? []);
  const datasetJson: Record<string, string> = {};
  for (const [name, rows] of Object.entries(hoisted.datasets)) datasetJson[name] = JSON.stringify(rows);
  return { chart, hoisted, datasetJson };
}

/** FNV-1a over the datasets' and signals' JSON: a cheap fingerprint of what a chart draws. */
export function digestOf(prepared: PreparedChart): string {
  let hash = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const name of Object.keys(prepared.datasetJson)) add(prepared.datasetJson[name]);
  add(JSON.stringify(prepared.hoisted.signals));
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export class ChartView {
  private view: vega.View;
  private current: PreparedChart;
  /** Bumped on every rebuild: the browser tests and the bench tell in-place from rebuilt by it. */
  generation = 0;

  constructor(
    private readonly container: HTMLElement,
    prepared: PreparedChart,
  ) {
    this.current = prepared;
    this.view = this.create(prepared);
  }

  private create(prepared: PreparedChart): vega.View {
    const view = new vega.View(runtimeFor(prepared.hoisted), { renderer: 'svg', container: this.container, hover: true, expr: expressionInterpreter });
    for (const [name, rows] of Object.entries(prepared.hoisted.datasets)) view.data(name, rows as object[]);
    for (const [name, value] of Object.entries(prepared.hoisted.signals)) view.signal(name, value);
    return view;
  }

  get chart(): ChartSpec {
    return this.current.chart;
  }

  get prepared(): PreparedChart {
    return this.current;
  }

  /** The live Vega view (the browser tests check that it survives a parameter change). */
  get vegaView(): vega.View {
    return this.view;
  }

  run(): Promise<unknown> {
    return this.view.runAsync();
  }

  /** Applies a new preparation of the same chart: in place when the shape is the same. */
  async update(next: PreparedChart): Promise<'in-place' | 'rebuilt'> {
    const before = this.current;
    this.current = next;
    if (next.hoisted.shape !== before.hoisted.shape) {
      this.view.finalize();
      this.container.replaceChildren();
      this.view = this.create(next);
      this.generation++;
      await this.view.runAsync();
      return 'rebuilt';
    }
    let changed = false;
    for (const name of Object.keys(next.datasetJson)) {
      if (next.datasetJson[name] === before.datasetJson[name]) continue;
      this.view.data(name, next.hoisted.datasets[name] as object[]);
      changed = true;
    }
    for (const [name, value] of Object.entries(next.hoisted.signals)) {
      if (JSON.stringify(value) === JSON.stringify(before.hoisted.signals[name])) continue;
      this.view.signal(name, value);
      changed = true;
    }
    if (changed) await this.view.runAsync();
    return 'in-place';
  }

  /**
   * Follows the container's width when it changed without a window resize (a scrollbar
   * appeared, the grid reflowed): Vega's container width only listens to window resizes.
   */
  async fitContainer(): Promise<void> {
    if ((this.current.hoisted.spec as { width?: unknown }).width !== 'container') return;
    const width = this.container.clientWidth;
    if (width > 0 && width !== this.view.width()) {
      this.view.signal('width', width);
      await this.view.runAsync();
    }
  }

  marks(): number {
    return countMarks(this.view);
  }

  /**
   * The chart as a file, drawn off-screen from the spec as the section wrote it: with
   * its title and at its own fixed width (the same file the CLI writes), current values.
   */
  async export(kind: ExportKind): Promise<string> {
    const full = new vega.View(vega.parse(compile(this.current.chart.spec).spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
    try {
      return kind === 'svg' ? await full.toSVG() : await full.toImageURL('png', 2);
    } finally {
      full.finalize();
    }
  }

  finalize(): void {
    this.view.finalize();
  }
}
