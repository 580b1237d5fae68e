// Draws a section's controls from its parameter specs with @vscode-elements
// (the maintained successor of the deprecated @vscode/webview-ui-toolkit) plus a
// native range input for sliders, which the elements library does not provide.
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

function numberControl(p: NumberParam, value: number, lang: Lang, handlers: ControlHandlers): HTMLElement[] {
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.id = controlId(p);
  slider.min = String(toSlider(p, p.min));
  slider.max = String(toSlider(p, p.max));
  slider.step = p.scale === 'log' ? String(p.step > 0 && p.step < 1 ? p.step : 0.01) : String(p.step);
  slider.value = String(toSlider(p, value));
  slider.setAttribute('aria-valuetext', `${formatValue(p, value)}${p.unit ? ` ${p.unit[lang]}` : ''}`);
  const field = document.createElement('vscode-textfield');
  field.className = 'param-number';
  field.setAttribute('value', formatValue(p, value));
  field.setAttribute('aria-label', p.label[lang]);
  field.setAttribute('title', p.help?.[lang] ?? p.label[lang]);
  slider.addEventListener('input', () => {
    const v = fromSlider(p, Number(slider.value));
    field.setAttribute('value', formatValue(p, v));
    handlers.onChange(p.name, v);
  });
  field.addEventListener('change', () => {
    const v = Number((field as unknown as { value: string }).value);
    // An unparsable entry is refused by restoring the current value.
    if (Number.isFinite(v)) handlers.onChange(p.name, v);
    else field.setAttribute('value', formatValue(p, value));
  });
  const unit = document.createElement('span');
  unit.className = 'param-unit';
  unit.textContent = p.unit?.[lang] ?? '';
  return [slider, field, unit];
}

export function renderControls(container: HTMLElement, section: Section, params: ParamValues, lang: Lang, handlers: ControlHandlers): void {
  // Redrawing while the user drags would steal the pointer: keep the focused control.
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  if (focusedId && container.contains(document.activeElement) && container.dataset.section === section.id && container.dataset.lang === lang) return;
  container.dataset.section = section.id;
  container.dataset.lang = lang;
  container.replaceChildren();
  if (section.params.length === 0) {
    container.hidden = true;
    return;
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
    if (p.kind === 'number') {
      row.append(...numberControl(p, value as number, lang, handlers));
    } else if (p.kind === 'choice') {
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
      row.append(select);
    } else {
      const box = document.createElement('vscode-checkbox');
      box.id = controlId(p);
      box.setAttribute('aria-label', p.label[lang]);
      if (value === true) box.setAttribute('checked', '');
      box.addEventListener('change', () => handlers.onChange(p.name, (box as unknown as { checked: boolean }).checked));
      row.append(box);
    }
    grid.append(row);
  }
  container.append(grid);
  const reset = document.createElement('vscode-button');
  reset.setAttribute('secondary', '');
  reset.textContent = ui('reset', lang);
  reset.addEventListener('click', () => handlers.onReset());
  container.append(reset);
}
