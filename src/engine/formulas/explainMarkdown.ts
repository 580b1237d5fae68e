// An explanation as hover Markdown: the symbol first when there is one, then the
// formula's name, what it says, warnings, the worked example, the terms table and the
// sources. Text that came from the note only appears inside code spans or escaped.
import type { Lang } from '../text';
import type { Explanation } from './explain';
import { formatConstant } from './numbers';

export interface MarkdownOptions {
  /**
   * Markdown blocks appended after the explanation, verbatim: the hover provider's
   * chart image and command links. The caller is responsible for their safety.
   */
  append?: readonly string[];
  /** Blocks placed after the worked example and before the terms table, verbatim (same safety rule). */
  beforeTable?: readonly string[];
  /** Leave out the terms table (a compact hover for a symbol). */
  omitTable?: boolean;
  /** Leave out the name and the formula (the caller showed them, e.g. typeset). */
  omitHeading?: boolean;
  /** Leave out what the formula says and the worked example (a short symbol hover). */
  omitExplanation?: boolean;
}

const CHROME = {
  symbol: { en: 'Symbol', zh: '符号' },
  meaning: { en: 'Meaning', zh: '含义' },
  unit: { en: 'Unit', zh: '单位' },
  typical: { en: 'Typical published values', zh: '文献中的典型取值' },
  example: { en: 'Worked example', zh: '算例' },
  sources: { en: 'Sources', zh: '文献' },
  here: { en: 'here', zh: '此处' },
  formula: { en: 'written in the formula', zh: '公式中给出' },
  note: { en: 'from the note', zh: '取自笔记' },
  inFormula: { en: 'Part of the', zh: '所在公式:' },
  warning: { en: 'Warning', zh: '警告' },
  caution: { en: 'Caution', zh: '注意' },
} satisfies Record<string, { en: string; zh: string }>;

/** An inline code span that survives backticks in the text and never spans lines. */
export function codeSpan(text: string, maxLength = 300): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t.length > maxLength) t = `${t.slice(0, maxLength - 1)}…`;
  let longest = 0;
  let run = 0;
  for (const ch of t) {
    run = ch === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function valueNote(value: number | undefined, source: 'formula' | 'note' | undefined, lang: Lang): string {
  if (value === undefined || source === undefined) return '';
  const where = source === 'formula' ? CHROME.formula[lang] : CHROME.note[lang];
  return lang === 'zh' ? `**${formatConstant(value)}**(${where})` : `**${formatConstant(value)}** (${where})`;
}

/**
 * The hover's Markdown: the symbol first when there is one, then the formula's name,
 * what it says, the terms table, the worked example and the sources. Text that came
 * from the note only appears inside code spans or escaped.
 */
export function explanationToMarkdown(explanation: Explanation, lang: Lang = explanation.lang, options?: MarkdownOptions): string {
  const blocks: string[] = [];
  const sym = explanation.symbol;
  if (sym) {
    const value = valueNote(sym.value, sym.valueSource, lang);
    const lines = [`### ${codeSpan(sym.symbol)} — ${cell(sym.meaning)}`];
    const colon = lang === 'zh' ? ':' : ': ';
    const facts = [`${CHROME.unit[lang]}${colon}${cell(sym.unit)}`];
    if (value) facts.push(`${CHROME.here[lang]}${colon}${value}`);
    if (sym.typical !== '—') facts.push(`${CHROME.typical[lang]}${colon}${cell(sym.typical)}`);
    // Two trailing spaces: a Markdown line break, one fact per line.
    lines.push('', facts.join('  \n'));
    blocks.push(lines.join('\n'));
    blocks.push(`${CHROME.inFormula[lang]}${lang === 'zh' ? '' : ' '}**${cell(explanation.name)}** ${codeSpan(explanation.formula)}`);
  } else if (!options?.omitHeading) {
    blocks.push(`### ${cell(explanation.name)}`);
    blocks.push(codeSpan(explanation.formula));
  }
  if (!options?.omitExplanation) blocks.push(explanation.says);
  // The example and the caller's chart come before the long table, so a hover shows them without scrolling.
  // Warnings sit right above the example whose numbers they qualify.
  for (const w of explanation.warnings) {
    // Without the example, its extrapolation cautions qualify nothing shown; mixing warnings stay.
    if (options?.omitExplanation && w.code.includes('extrapolation')) continue;
    const head = w.code.includes('extrapolation') ? CHROME.caution[lang] : CHROME.warning[lang];
    blocks.push(`> ⚠ **${head}:** ${cell(w.message)}`);
  }
  if (explanation.example && !options?.omitExplanation) blocks.push(`**${CHROME.example[lang]}${lang === 'zh' ? ':' : '.'}** ${explanation.example}`);
  for (const extra of options?.beforeTable ?? []) blocks.push(extra);
  if (!options?.omitTable) {
    const head = `| ${CHROME.symbol[lang]} | ${CHROME.meaning[lang]} | ${CHROME.unit[lang]} | ${CHROME.typical[lang]} |`;
    const rows = explanation.terms.map((t) => {
      const value = valueNote(t.value, t.valueSource, lang);
      const typical = value ? `${value}${lang === 'zh' ? ';' : '; '}${cell(t.typical)}` : cell(t.typical);
      return `| ${codeSpan(t.symbol)} | ${cell(t.meaning)} | ${cell(t.unit)} | ${typical} |`;
    });
    blocks.push([head, '|---|---|---|---|', ...rows].join('\n'));
  }
  const sources = explanation.sources.map((s) => (s.url ? `[${s.label}](${s.url} "${s.title}")` : s.label));
  blocks.push(`*${CHROME.sources[lang]}:* ${sources.join(' · ')}`);
  for (const extra of options?.append ?? []) blocks.push(extra);
  return blocks.join('\n\n');
}
