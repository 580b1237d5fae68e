// The charts of one page region: figures plus live ChartViews, built from a list of
// ChartSpecs and updated from the next list. Same chart ids → each view updates in
// place (or rebuilds alone when its shape changed); other ids → the set is rebuilt.
// Widths follow the container: a resize re-lays out the charts, and only the views
// whose layout changed (columns, narrow legends) rebuild.
import type { ChartSpec, Lang } from '../../src/sections/types';
import { ChartView } from './chartView';
import { digestOf, prepareChart } from './prepare';
import { widthStep } from './layout';
import { createFigure, setCaption, setHeading, type Figure } from './figure';
import type { ThemeValues } from './themeTokens';

export interface LiveChart {
  view: ChartView;
  fig: Figure;
}

export interface ChartSetStats {
  inPlaceUpdates: number;
  rebuilds: number;
}

export interface ChartSetOptions {
  figureClass: string;
  heading: boolean;
  toolbar?(chart: ChartSpec): HTMLElement;
  /** Called after a resize re-laid out the charts. */
  onRelayout?(): void;
}

export class ChartSet {
  live: LiveChart[] = [];
  readonly stats: ChartSetStats = { inPlaceUpdates: 0, rebuilds: 0 };
  private lang: Lang = 'en';
  private observedWidth = 0;
  /**
   * Canvas widths as last measured: a parameter change lays charts out for these rather
   * than reading clientWidth after the page's own DOM writes (a forced layout per change).
   * Forgotten when the container resizes or the charts are rebuilt.
   */
  private canvasWidths = new WeakMap<Figure, number>();
  private readonly resize: ResizeObserver;

  constructor(
    readonly container: HTMLElement,
    private readonly opts: ChartSetOptions,
  ) {
    let frame = 0;
    this.resize = new ResizeObserver(() => {
      const width = container.clientWidth;
      if (width === this.observedWidth || this.live.length === 0) return;
      this.observedWidth = width;
      this.canvasWidths = new WeakMap();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => opts.onRelayout?.());
    });
    this.resize.observe(container);
  }

  /** The width charts are laid out for (ChartContext.width). */
  width(): number {
    return widthStep(this.observedWidth || this.container.clientWidth || 520);
  }

  private canvasWidth(fig: Figure): number {
    let width = this.canvasWidths.get(fig);
    if (width === undefined) {
      width = fig.canvas.clientWidth || this.container.clientWidth || 520;
      this.canvasWidths.set(fig, width);
    }
    return width;
  }

  /** Charts are built with the theme tokens; `theme` holds the colours the views draw in. */
  async build(charts: ChartSpec[], lang: Lang, theme: ThemeValues): Promise<void> {
    this.finalize();
    this.lang = lang;
    this.container.replaceChildren();
    this.observedWidth = this.container.clientWidth;
    this.canvasWidths = new WeakMap();
    const figs = charts.map((chart) => {
      const fig = createFigure(chart, lang, { className: this.opts.figureClass, heading: this.opts.heading, toolbar: this.opts.toolbar?.(chart) });
      this.container.append(fig.figure);
      return fig;
    });
    // Widths read once all figures are in (one layout, not one per figure).
    const prepared = charts.map((chart, i) => prepareChart(chart, { width: this.canvasWidth(figs[i]) }));
    const views = await Promise.all(prepared.map((p, i) => ChartView.open(figs[i].canvas, p, theme)));
    this.live = views.map((view, i) => ({ fig: figs[i], view }));
    this.stats.rebuilds += this.live.length;
    await Promise.all(this.live.map((c) => c.view.run()));
  }

  /** Applies the next charts; a different list of ids rebuilds everything. */
  async update(charts: ChartSpec[], lang: Lang, theme: ThemeValues): Promise<void> {
    const same = lang === this.lang && charts.length === this.live.length && charts.every((c, i) => c.id === this.live[i].view.chart.id);
    if (!same) return this.build(charts, lang, theme);
    // Widths first, then the DOM writes: reading a width after a write forces a layout per chart.
    const prepared = charts.map((chart, i) => prepareChart(chart, { width: this.canvasWidth(this.live[i].fig) }));
    const results = await Promise.all(
      charts.map((chart, i) => {
        const { fig, view } = this.live[i];
        if (this.opts.heading) setHeading(fig.heading, chart, lang);
        setCaption(fig, chart, lang);
        return view.update(prepared[i], theme);
      }),
    );
    for (const r of results) {
      if (r === 'rebuilt') this.stats.rebuilds++;
      else this.stats.inPlaceUpdates++;
    }
  }

  /** After a resize: the views whose layout did not change take the new width in place. */
  async fitWidths(): Promise<void> {
    await Promise.all(this.live.map((c) => c.view.fitContainer()));
  }

  /** What each chart drew, for the 'rendered' reports. */
  report(): { id: string; marks: number; digest: string }[] {
    return this.live.map((c) => ({ id: c.view.chart.id, marks: c.view.marks(), digest: digestOf(c.view.prepared) }));
  }

  find(chartId: string | undefined): LiveChart | undefined {
    return this.live.find((c) => c.view.chart.id === chartId) ?? this.live[0];
  }

  finalize(): void {
    for (const c of this.live) c.view.finalize();
    this.live = [];
  }

  dispose(): void {
    this.finalize();
    this.resize.disconnect();
  }
}
