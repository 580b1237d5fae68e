// The hover's layout: what fits one screen comes first (the name, the typeset formula,
// the one-line meaning, the worked example's result, the curve and the links), then
// the full explanation, the terms table and the sources. A symbol's hover stays short.
// VS Code caps a hover at max(editor height / 4, 250 px) high but max(2/3 width, 750 px)
// wide, so the first screen is short lines and a wide, low curve. No vscode import,
// so unit tests run it without a host.
import { codeSpan, explanationToMarkdown, type Explanation } from '../engine/formulas/explain';
import { translate } from '../engine/l10n';
import type { Lang } from '../sections/types';

export interface HoverParts {
  /** The typeset formula as an image URI (undefined: the formula is shown as code). */
  formulaImage?: string;
  /** The curve as an image URI. */
  curveImage?: string;
  /** The command links, one Markdown line (built by the caller, which owns their safety). */
  links: string;
}

/** About one line of a 750 px hover: CJK characters are twice as wide. */
const LINE_CHARS: Record<Lang, number> = { en: 110, zh: 52 };

/**
 * The first sentence of `text`, cut back to its last clause that fits `max` characters
 * ("…" marks a cut). Sentences end at ". " before a capital or at "。"; clauses at ", ; : ，；：".
 */
export function firstClause(text: string, max: number): string {
  const end = text.search(/(?:\.(?=\s+[A-Z(])|。|\.$)/);
  const sentence = (end >= 0 ? text.slice(0, end + 1) : text).trim();
  if (sentence.length <= max) return sentence;
  const head = sentence.slice(0, max);
  let cut = -1;
  for (const m of head.matchAll(/[,;:，；：](?=\s|[^\d])/g)) if (m.index > max / 3) cut = m.index;
  if (cut > 0) return `${head.slice(0, cut)}…`;
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > max / 2 ? space : max - 1)}…`;
}

function image(uri: string, alt: string): string {
  return `![${alt}](${uri})`;
}

/** The Markdown of a formula's hover (no symbol under the cursor). */
export function formulaHoverMarkdown(explanation: Explanation, lang: Lang, parts: HoverParts): string {
  const t = (message: string): string => translate(lang, message);
  const first: string[] = [`#### ${explanation.name.replace(/[|\\`*_[\]<>#]/g, (c) => `\\${c}`)}`];
  first.push(parts.formulaImage ? image(parts.formulaImage, t('formula')) : codeSpan(explanation.formula));
  const meaning = firstClause(explanation.says, LINE_CHARS[lang]);
  const result = explanation.example ? firstClause(explanation.example, LINE_CHARS[lang]) : '';
  // Two trailing spaces: a line break, so the meaning and the example share one paragraph.
  first.push(result ? `${meaning}  \n**${t('Example:')}** ${result}` : meaning);
  if (parts.curveImage) first.push(image(parts.curveImage, t('curve')));
  first.push(parts.links);
  const rest = explanationToMarkdown(explanation, lang, { omitHeading: true });
  return [...first, '---', rest].join('\n\n');
}

/** The Markdown of a symbol's hover: the symbol's facts, its formula, the links. */
export function symbolHoverMarkdown(explanation: Explanation, lang: Lang, links: string): string {
  return explanationToMarkdown(explanation, lang, { omitTable: true, omitExplanation: true, append: [links] });
}
