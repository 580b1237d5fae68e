// The markup around one chart, shared by every page: a <figure> with the chart's title
// and subtitle as HTML (titles quote parameters, so they live outside Vega and change
// without touching the view), the canvas Vega draws into, and a caption.
import type { ChartSpec, Lang } from '../../src/sections/types';
import { splitTitle } from './specData';

export interface Figure {
  figure: HTMLElement;
  canvas: HTMLElement;
  heading: HTMLElement;
  caption: HTMLElement;
}

export interface FigureOptions {
  /** Class of the <figure> ("chart" in the webviews, "emergence-figure" in the Markdown preview). */
  className: string;
  /** Show the title above the chart (the preview shows the caption only). */
  heading: boolean;
  /** Extra caption content: export buttons. */
  toolbar?: HTMLElement;
}

// A parameter change sets every chart's heading and caption again, mostly to the same
// text: only what differs is written (each write is a mutation the page lays out again).
function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function setHeading(heading: HTMLElement, chart: ChartSpec, lang: Lang): void {
  const { title, subtitle } = splitTitle(chart.spec);
  const h = heading.querySelector('h3') ?? document.createElement('h3');
  setAttr(h, 'class', 'chart-title');
  setText(h, title ?? chart.title[lang]);
  let p = heading.querySelector('p');
  if (subtitle) {
    p ??= document.createElement('p');
    setAttr(p, 'class', 'chart-subtitle');
    setText(p, subtitle);
  }
  const children = subtitle && p ? [h, p] : [h];
  if (heading.childNodes.length !== children.length || children.some((c, i) => heading.childNodes[i] !== c)) heading.replaceChildren(...children);
}

export function setCaption(fig: Figure, chart: ChartSpec, lang: Lang): void {
  setAttr(fig.figure, 'aria-label', chart.title[lang]);
  setAttr(fig.canvas, 'aria-label', `${chart.title[lang]}. ${chart.description[lang]}`);
  const description = fig.caption.querySelector('.chart-description');
  if (description) setText(description, chart.description[lang]);
}

export function createFigure(chart: ChartSpec, lang: Lang, opts: FigureOptions): Figure {
  const figure = document.createElement('figure');
  figure.className = opts.className;
  figure.dataset.chartId = chart.id;
  figure.setAttribute('role', 'group');
  const heading = document.createElement('div');
  heading.className = 'chart-heading';
  const canvas = document.createElement('div');
  canvas.className = 'chart-canvas';
  canvas.setAttribute('role', 'img');
  const caption = document.createElement('figcaption');
  const description = document.createElement('span');
  description.className = 'chart-description';
  caption.append(description);
  if (opts.toolbar) caption.append(opts.toolbar);
  const fig: Figure = { figure, canvas, heading, caption };
  if (opts.heading) {
    setHeading(heading, chart, lang);
    figure.append(heading);
  }
  figure.append(canvas, caption);
  setCaption(fig, chart, lang);
  return fig;
}
