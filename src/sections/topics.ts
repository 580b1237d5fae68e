// Which section a note is talking about, from the nearest heading: the article's
// topics in Chinese and English. Order matters: the more specific topic first
// ("尺度定律的数学表达" is about formulas, "代码能力的相变" about code generation).
interface TopicRule {
  sectionId: string;
  /** Lower-case fragments; a heading matching any of them selects the section. */
  keywords: string[];
}

const TOPIC_RULES: readonly TopicRule[] = [
  {
    sectionId: 'scaling-formulas',
    keywords: ['数学表达', '公式', '基本数学形式', '多维度扩展', 'formula', 'mathematical form', 'chinchilla', 'compute-optimal', 'l(c)', 'l(n,d)'],
  },
  { sectionId: 'math-reasoning', keywords: ['数学推理', 'math reasoning', 'mathematical reasoning', 'maths reasoning'] },
  { sectionId: 'code-generation', keywords: ['代码', '编程', 'code generation', 'coding', 'code abilit', 'programming'] },
  { sectionId: 'representations', keywords: ['分布式表示', '表示的形成', 'distributed representation', 'representation'] },
  { sectionId: 'implications', keywords: ['实际意义', '启示', 'implication', 'future trends', 'outlook'] },
  { sectionId: 'phase-transition', keywords: ['相变', 'phase transition', 'phase-transition'] },
  { sectionId: 'scaling-laws', keywords: ['尺度定律', '缩放定律', '规模定律', 'scaling law', 'scaling-law'] },
];

/** The section a heading's text is about, or undefined. */
export function sectionForHeading(heading: string): string | undefined {
  const text = heading.toLowerCase();
  for (const rule of TOPIC_RULES) {
    if (rule.keywords.some((k) => text.includes(k))) return rule.sectionId;
  }
  return undefined;
}

/** A Markdown ATX heading's text ("## 2. 相变理论" → "2. 相变理论"), or undefined. */
export function headingText(line: string): string | undefined {
  const match = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(line);
  return match ? match[1] : undefined;
}

/**
 * Scans upward from `line` (at most `maxLines`) for the nearest heading that names a
 * topic; headings that name none are passed over, so a "### Example" under
 * "## Phase transitions" still belongs to phase transitions.
 */
export function sectionAt(getLine: (n: number) => string, line: number, maxLines = 2000): { sectionId: string; headingLine: number } | undefined {
  const stop = Math.max(0, line - maxLines);
  for (let n = line; n >= stop; n--) {
    const heading = headingText(getLine(n));
    if (heading === undefined) continue;
    const sectionId = sectionForHeading(heading);
    if (sectionId) return { sectionId, headingLine: n };
  }
  return undefined;
}
