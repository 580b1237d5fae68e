// The one chart runtime of every webview page: prepares a section's Vega-Lite spec for
// its container (layout, datasets and parameter signals hoisted out), gets the shape's
// compiled Vega spec (built at build time, or compiled on first need: vegaSpecs.ts),
// puts the theme's colours in, parses it once per shape and theme, and keeps a live
// Vega view that a parameter change updates in place: new signal values and the changed
// rows of its datasets (viewData.ts), then runAsync(). Only a new shape (a preset that
// adds series, a language switch, a layout that wraps differently) or a new colour
// theme rebuilds the view. Expressions run through vega-interpreter: the pages' CSP
// allows no eval of any kind.
import type * as vega from 'vega';
import { parse as parseVega, View } from './vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { ChartSpec } from '../../src/sections/types';
import type { HoistedSpec } from './specData';
import { carryDigests, type PreparedChart } from './prepare';
import { countMarks } from './marks';
import { fillTokens, fillTokensIn, type ThemeValues } from './themeTokens';
import { changeChart, loadChart, plainDatasets } from './viewData';
import { compileFullSpec, vegaSpecText } from './vegaSpecs';

export type ExportKind = 'svg' | 'png';

/** A parsed shape and the datasets a change may hand over row by row (viewData.ts). */
interface ParsedShape {
  runtime: vega.Runtime;
  plain: ReadonlySet<string>;
}

const runtimes = new Map<string, ParsedShape>();
const MAX_CACHED = 64;

/** Vega's parsed runtime for a shape in a theme: parsed once per shape and colour theme. */
async function runtimeFor(hoisted: HoistedSpec, theme: ThemeValues): Promise<ParsedShape> {
  const key = `${theme.key}\n${hoisted.shape}`;
  const cached = runtimes.get(key);
  if (cached) return cached;
  const spec = JSON.parse(fillTokens(await vegaSpecText(hoisted), theme)) as vega.Spec;
  const parsed = { runtime: parseVega(spec, undefined, { ast: true }), plain: plainDatasets(spec) };
  if (runtimes.size >= MAX_CACHED) runtimes.delete(runtimes.keys().next().value as string);
  runtimes.set(key, parsed);
  return parsed;
}

export class ChartView {
  /** Bumped on every rebuild: the browser tests and the bench tell in-place from rebuilt by it. */
  generation = 0;

  private constructor(
    private readonly container: HTMLElement,
    private view: vega.View,
    private shape: ParsedShape,
    private current: PreparedChart,
    private theme: ThemeValues,
  ) {}

  private static createView(shape: ParsedShape, container: HTMLElement, prepared: PreparedChart, theme: ThemeValues): vega.View {
    // No hover processing: no spec has a hover encoding set, and it re-encoded an item and ran the dataflow on every pointer crossing.
    const view = new View(shape.runtime, { renderer: 'svg', container, expr: expressionInterpreter });
    loadChart(view, prepared, theme);
    return view;
  }

  /** A view of the chart in the container (not yet run). */
  static async open(container: HTMLElement, prepared: PreparedChart, theme: ThemeValues): Promise<ChartView> {
    const shape = await runtimeFor(prepared.hoisted, theme);
    return new ChartView(container, ChartView.createView(shape, container, prepared, theme), shape, prepared, theme);
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

  /** Applies a new preparation of the same chart: in place when the shape and the theme are the same. */
  async update(next: PreparedChart, theme: ThemeValues = this.theme): Promise<'in-place' | 'rebuilt'> {
    const before = this.current;
    this.current = next;
    if (next.hoisted.shape !== before.hoisted.shape || theme.key !== this.theme.key) {
      this.theme = theme;
      this.shape = await runtimeFor(next.hoisted, theme);
      this.view.finalize();
      this.container.replaceChildren();
      this.view = ChartView.createView(this.shape, this.container, next, theme);
      this.generation++;
      await this.view.runAsync();
      return 'rebuilt';
    }
    const change = changeChart(this.view, before, next, theme, this.shape.plain);
    carryDigests(before, next, change.unchanged);
    if (change.changed) await this.view.runAsync();
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

  /** The chart's Vega-Lite spec as the section wrote it, in the page's colours (Copy spec). */
  themedSpec(): ChartSpec['spec'] {
    return fillTokensIn(this.current.chart.spec, this.theme);
  }

  /**
   * The chart as a file, drawn off-screen from the spec as the section wrote it: with
   * its title and at its own fixed width (the same file the CLI writes), current values.
   */
  async export(kind: ExportKind): Promise<string> {
    // A copy: the export's view writes onto the rows it is given, and the live view's next change is told from them (viewData.ts).
    const full = new View(parseVega(await compileFullSpec(structuredClone(this.themedSpec())), undefined, { ast: true }), {
      renderer: 'none',
      expr: expressionInterpreter,
    });
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
