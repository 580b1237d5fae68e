// Draws a section's controls from its parameter specs with @vscode-elements
// (the maintained successor of the deprecated @vscode/webview-ui-toolkit) plus a
// native range input for sliders, which the elements library does not provide.
// Drawn once per section and language; a parameter change only moves the values.
import type { Lang, NumberParam, ParamSpec, ParamValue, ParamValues, Section } from '../src/sections/types';
import { formatNumber } from '../src/engine/format';
import { ui } from './strings';

export interface ControlHandlers {
  onChange(name: string, value: ParamValue): void;
  onReset(): void;
}

/** Slider position ↔ value; log parameters move in log10 steps. */
function toSlider(p: NumberParam, value: number): number {
  return p.scale === 'log' ? Math.log10(value) : value;
}

function fromSlider(p: NumberParam, position: number): number {
  return p.scale === 'log' ? Math.pow(10, position) : position;
}

/** As a person writes it (2.68e28, 1e18, 0.076): the engine's one number format. */
function formatValue(p: NumberParam, value: number): string {
  if (p.scale === 'log' || Math.abs(value) >= 1e5) return formatNumber(value);
  return String(Number(value.toPrecision(6)));
}

function controlId(p: ParamSpec): string {
  return `param-${p.name}`;
}

type Setter = (value: ParamValue) => void;

function numberControl(p: NumberParam, value: number, lang: Lang, handlers: ControlHandlers): { nodes: HTMLElement[]; set: Setter } {
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = controlId(p);
  slider.min = String(toSlider(p, p.min));
  slider.max = String(toSlider(p, p.max));
  slider.step = p.scale === 'log' ? String(p.step > 0 && p.step < 1 ? p.step : 0.01) : String(p.step);
  const field = document.createElement('vscode-textfield');
  field.className = 'param-number';
  field.setAttribute('aria-label', p.label[lang]);
  field.setAttribute('title', p.help?.[lang] ?? p.label[lang]);
  const input = field as unknown as { value: string };
  let current = value;
  /** The text last written into the field: every change sets every control, and most show the same value again. */
  let written: string | undefined;
  const set = (v: ParamValue): void => {
    if (typeof v !== 'number') return;
    current = v;
    // The control being dragged keeps its own position: rewriting it would fight the pointer.
    if (document.activeElement !== slider) slider.value = String(toSlider(p, v));
    const text = formatValue(p, v);
    // Rewritten when the value or what the field shows differs (an entry that was refused or clamped).
    if (text === written && input.value === text) return;
    written = text;
    slider.setAttribute('aria-valuetext', `${text}${p.unit ? ` ${p.unit[lang]}` : ''}`);
    field.setAttribute('value', text);
    input.value = text;
  };
  set(value);
  slider.addEventListener('input', () => {
    const v = fromSlider(p, Number(slider.value));
    field.setAttribute('value', formatValue(p, v));
    handlers.onChange(p.name, v);
  });
  field.addEventListener('change', () => {
    const v = Number(input.value);
    // An unparsable entry is refused by restoring the current value.
    if (Number.isFinite(v)) handlers.onChange(p.name, v);
    else set(current);
  });
  const unit = document.createElement('span');
  unit.className = 'param-unit';
  unit.textContent = p.unit?.[lang] ?? '';
  return { nodes: [slider, field, unit], set };
}

function choiceControl(p: Extract<ParamSpec, { kind: 'choice' }>, value: string, lang: Lang, handlers: ControlHandlers): { nodes: HTMLElement[]; set: Setter } {
  const select = document.createElement('vscode-single-select');
  select.id = controlId(p);
  select.setAttribute('aria-label', p.label[lang]);
  for (const o of p.options) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', o.value);
    option.textContent = o.label[lang];
    if (o.value === value) option.setAttribute('selected', '');
    select.append(option);
  }
  select.addEventListener('change', () => handlers.onChange(p.name, (select as unknown as { value: string }).value));
  const set = (v: ParamValue): void => {
    if (typeof v === 'string' && (select as unknown as { value: string }).value !== v) (select as unknown as { value: string }).value = v;
  };
  return { nodes: [select], set };
}

function toggleControl(
  p: Extract<ParamSpec, { kind: 'toggle' }>,
  value: boolean,
  lang: Lang,
  handlers: ControlHandlers,
): { nodes: HTMLElement[]; set: Setter } {
  const box = document.createElement('vscode-checkbox');
  box.id = controlId(p);
  box.setAttribute('aria-label', p.label[lang]);
  if (value) box.setAttribute('checked', '');
  box.addEventListener('change', () => handlers.onChange(p.name, (box as unknown as { checked: boolean }).checked));
  const set = (v: ParamValue): void => {
    if (typeof v === 'boolean') (box as unknown as { checked: boolean }).checked = v;
  };
  return { nodes: [box], set };
}

export interface Controls {
  /** Moves every control to `params` (without redrawing them). */
  set(params: ParamValues): void;
}

export function renderControls(container: HTMLElement, section: Section, params: ParamValues, lang: Lang, handlers: ControlHandlers): Controls {
  container.replaceChildren();
  const setters = new Map<string, Setter>();
  const controls: Controls = { set: (values) => section.params.forEach((p) => setters.get(p.name)?.(values[p.name])) };
  if (section.params.length === 0) {
    container.hidden = true;
    return controls;
  }
  container.hidden = false;
  const heading = document.createElement('h2');
  heading.id = 'controls-heading';
  heading.textContent = ui('controls', lang);
  container.append(heading);
  const grid = document.createElement('div');
  grid.className = 'controls-grid';
  for (const p of section.params) {
    const row = document.createElement('div');
    row.className = `control control-${p.kind}`;
    const label = document.createElement('label');
    label.htmlFor = controlId(p);
    label.textContent = p.label[lang];
    if (p.help) label.title = p.help[lang];
    row.append(label);
    const value = params[p.name];
    const made =
      p.kind === 'number'
        ? numberControl(p, value as number, lang, handlers)
        : p.kind === 'choice'
          ? choiceControl(p, value as string, lang, handlers)
          : toggleControl(p, value === true, lang, handlers);
    row.append(...made.nodes);
    setters.set(p.name, made.set);
    grid.append(row);
  }
  container.append(grid);
  const reset = document.createElement('vscode-button');
  reset.setAttribute('secondary', '');
  reset.textContent = ui('reset', lang);
  reset.addEventListener('click', () => handlers.onReset());
  container.append(reset);
  return controls;
}
