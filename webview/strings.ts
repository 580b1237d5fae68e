// The webview's own user-visible strings (chart texts come from the sections): the
// English keys of l10n/bundle.l10n.json, translated by the one route (src/engine/l10n)
// into the language the extension passes in (emergenceLens.language).
import { translate } from '../src/engine/l10n';
import type { Lang } from '../src/sections/types';

export const UI = {
  controls: 'Parameters',
  reset: 'Reset to the article’s values',
  saveSvg: 'Save SVG',
  savePng: 'Save PNG',
  copySpec: 'Copy Vega-Lite spec',
  report: 'The article’s printed report',
  unknownSection: 'Unknown section: ',
  renderFailed: 'The chart could not be drawn: ',
  on: 'on',
  noteValues: 'Values taken from the note: ',
  followsFormula: 'Following the formula ',
  followsHeading: 'Following the section ',
  noNote: 'Move the cursor in a Markdown note onto a formula or into a section of the article.',
  writeBack: 'Write values to note',
  insertChart: 'Insert chart',
  line: 'line {0}',
} as const;

export function ui(key: keyof typeof UI, lang: Lang, ...args: (string | number)[]): string {
  return translate(lang, UI[key], ...args);
}
