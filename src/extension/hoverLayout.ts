// The hover's layout: what fits one screen comes first (the name, the typeset formula,
// the one-line meaning, the worked example's result, the curve and the links), then
// the full explanation, the terms table and the sources. A symbol's hover stays short.
// VS Code caps a hover at max(editor height / 4, 250 px) high but max(2/3 width, 750 px)
// wide, so the first screen is short lines and a wide, low curve. No vscode import,
// so unit tests run it without a host.
import { codeSpan, explanationToMarkdown, type Explanation } from '../engine/formulas/explain';
import { translate } from '../engine/l10n';
import { displayWidth } from '../engine/text';
import type { Lang } from '../sections/types';

export interface HoverParts {
  /** The typeset formula as an image URI (undefined: the formula is shown as code). */
  formulaImage?: string;
  /** The curve as an image URI. */
  curveImage?: string;
  /** The command links, one Markdown line (built by the caller, which owns their safety). */
  links: string;
}

/** About one line of the hover (it grows to 750 px for the curve), in columns: CJK counts two. */
const LINE_COLUMNS = 96;
/** The example's line starts with "Example:" in bold. */
const EXAMPLE_COLUMNS = 84;

/** The index in `text` where `columns` columns are used up (text.length if they never are). */
function indexAtColumns(text: string, columns: number): number {
  let used = 0;
  let i = 0;
  for (const ch of text) {
    used += displayWidth(ch);
    if (used > columns) return i;
    i += ch.length;
  }
  return text.length;
}

/**
 * The first sentence of `text`, cut back to its last clause that fits `max` columns
 * ("…" marks a cut). Sentences end at ". " before a capital or at "。"; clauses at ", ; : ，；：".
 */
export function firstClause(text: string, max: number): string {
  const end = text.search(/(?:\.(?=\s+[A-Z(])|。|\.$)/);
  const sentence = (end >= 0 ? text.slice(0, end + 1) : text).trim();
  const fits = indexAtColumns(sentence, max);
  if (fits >= sentence.length) return sentence;
  const head = sentence.slice(0, fits);
  max = head.length;
  let cut = -1;
  for (const m of head.matchAll(/[,;:，；：](?=\s|[^\d])/g)) if (m.index > max / 3) cut = m.index;
  if (cut > 0) return `${head.slice(0, cut)}…`;
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > max / 2 ? space : max - 1)}…`;
}

/** "≈ 1.94", "= 5.88e23 FLOPs": a value, possibly the result of a computation. */
const VALUE = /([≈=])\s*[−-]?[\d.]+(?:e[−-]?\d+)?(?:\s*(?:FLOPs|%))?/g;
/** What may follow a value that is only a step of the computation ("= 1.69 + …", "≈ 6 × …"). */
const OPERATOR_NEXT = /^\s*[×+*/^·−-]/;
/** A plain symbol before "=": "α = 0.05" gives a value, it does not compute one. */
const PLAIN_SYMBOL = /(?:^|[\s(（,，:：、])[A-Za-zα-ωΑ-Ω][\w₀-₉∞]*$/;

/** A computation that ends the text: "L = 1.69 + 0.0835 + 0.163 ≈ 1.94", "C ≈ 6 × 7e10 = 5.88e23 FLOPs". */
const CHAIN = /(?<![\w^])([A-Za-z][\w₀-₉]*)\s*([=≈][^=≈:;:；,，]*?)([=≈])\s*([−-]?[\d.]+(?:e[−-]?\d+)?(?:\s*(?:FLOPs|%))?)$/;

/**
 * The worked example up to its first computed result ("… ≈ 1.94", "… = 5.88e23 FLOPs")
 * when that comes early (the computed value is the point), else its first clause.
 */
export function exampleResult(example: string, max: number): string {
  const limit = indexAtColumns(example, max * 1.25);
  for (const m of example.matchAll(VALUE)) {
    const end = m.index + m[0].length;
    if (end > limit) break;
    if (OPERATOR_NEXT.test(example.slice(end))) continue;
    if (m[1] === '=' && PLAIN_SYMBOL.test(example.slice(0, m.index).trimEnd())) continue;
    let head = example.slice(0, end).trim();
    // Too long for one line: keep the quantity and its value, drop the arithmetic
    // ("L = 1.69 + 0.0835 + 0.163 ≈ 1.94" → "L ≈ 1.94").
    if (displayWidth(head) > max)
      head = head.replace(
        CHAIN,
        (_, symbol: string, steps: string, rel: string, value: string) => `${symbol} ${steps.includes('≈') || rel === '≈' ? '≈' : '='} ${value}`,
      );
    return head.length < example.trim().length ? `${head}…` : head;
  }
  return firstClause(example, max);
}

function image(uri: string, alt: string): string {
  return `![${alt}](${uri})`;
}

/** The Markdown of a formula's hover (no symbol under the cursor). */
export function formulaHoverMarkdown(explanation: Explanation, lang: Lang, parts: HoverParts): string {
  const t = (message: string): string => translate(lang, message);
  // Two trailing spaces make a line break: blocks that share a paragraph save its margins.
  const name = `**${explanation.name.replace(/[|\\`*_[\]<>#]/g, (c) => `\\${c}`)}**`;
  const formula = parts.formulaImage ? image(parts.formulaImage, t('formula')) : codeSpan(explanation.formula);
  const meaning = firstClause(explanation.says, LINE_COLUMNS);
  const result = explanation.example ? exampleResult(explanation.example, EXAMPLE_COLUMNS) : '';
  const first = [
    `${name}  \n${formula}`,
    result ? `${meaning}  \n**${t('Example:')}** ${result}` : meaning,
    parts.curveImage ? `${image(parts.curveImage, t('curve'))}  \n${parts.links}` : parts.links,
  ];
  const rest = explanationToMarkdown(explanation, lang, { omitHeading: true });
  return [...first, '---', rest].join('\n\n');
}

/** The Markdown of a symbol's hover: the symbol's facts, its formula, the links. */
export function symbolHoverMarkdown(explanation: Explanation, lang: Lang, links: string): string {
  return explanationToMarkdown(explanation, lang, { omitTable: true, omitExplanation: true, append: [links] });
}
