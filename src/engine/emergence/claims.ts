// Claims of emergence in notes, "X emerges at 1e10 parameters" / "算术在1000亿参数时涌现",
// recognised on one line (bounded, linear regular expressions) and checked against the
// fitted emergence point of the closest shipped task (ObsScaling, Ruan et al. 2024).
import { parseNumber } from '../fit/data';
import { exactPowerOfTen } from '../fit/numbers';
import type { Lang } from '../text';
import type { GroupFit } from './analysis';
import { analyzeShippedTask } from './analysis';
import { obsscalingTable, type EmergenceTable } from './data';
import { describeGroupFit, formatAxisValue } from './describe';
import { findTask, METRIC_NAMES, OBSSCALING_TASKS, type TaskInfo } from './tasks';

/** Longest line read; a claim is a sentence, not a document. */
export const MAX_CLAIM_LINE = 2000;
/** Most characters between the emergence word and the number it is about. */
const NEAR = 80;

export interface EmergenceClaim {
  /** Offsets in the line of the whole claim (ability … number … emergence word). */
  start: number;
  end: number;
  task: TaskInfo;
  /** How the ability was named: a shipped task, or one of the article's abilities mapped to its closest task. */
  via: 'task' | 'article';
  /** The ability as written. */
  ability: string;
  value: number;
  axis: 'params' | 'flops';
}

/** Words naming an ability, most specific first; `article` marks the article's own abilities. */
const ABILITIES: { pattern: RegExp; task: string; article?: boolean }[] = [
  { pattern: /3-?digit subtraction|three-digit subtraction|三位数减法/i, task: 'arithmetic-3ds' },
  { pattern: /3-?digit addition|three-digit addition|三位数加法/i, task: 'arithmetic-3da' },
  { pattern: /2-?digit multiplication|two-digit multiplication|两位数乘法|二位数乘法/i, task: 'arithmetic-2dm' },
  { pattern: /2-?digit addition|two-digit addition|两位数加法|二位数加法/i, task: 'arithmetic-2da' },
  { pattern: /word unscrambl\w*|unscrambl\w*|单词还原|字母重排/i, task: 'word-unscrambling' },
  { pattern: /IPA|translitera\w*|音标转写|音标/i, task: 'ipa-exact-match' },
  { pattern: /Persian|波斯语/i, task: 'persian-qa' },
  // The article's abilities that have a measured counterpart: arithmetic → 3-digit arithmetic.
  { pattern: /arithmetic|算术运算|算术/i, task: 'arithmetic-3ds', article: true },
];

const EMERGE = /emerg(?:es|ed|ing|e|ence)|涌现|出现/gi;
// A number as people write it, optionally with a scale word, then a unit.
// Single optional spaces (` ?`), never stacked `\s*`: no backtracking on runs of blanks.
// The exponent of 10⁹-style powers is its own group (NFKC would read "10⁹" as "109").
const AMOUNT =
  /(?:10([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|(10 ?\^ ?\{?\d{1,2}\}?|\d{1,6}(?:\.\d{1,4})?(?:[eE][+]?\d{1,2})?(?: ?(?:万亿|亿|万|[KMBT](?![a-z])|thousand|million|billion|trillion))?)) ?(?:个)? ?(parameters?|params|参数|FLOPs?|次浮点运算)/gi;

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** The amount a match of AMOUNT names (parseNumber reads "1e10", "10^23", "100 billion", "13B", "1000亿"). */
function amountValue(m: RegExpExecArray): number | null {
  if (m[1] !== undefined) return exactPowerOfTen(Number([...m[1]].map((c) => SUPERSCRIPT[c]).join('')));
  return parseNumber(m[2]);
}

/** Every claim on the line: an emergence word with an amount within NEAR characters and an ability in the same sentence. */
export function findClaims(rawLine: string): EmergenceClaim[] {
  const line = rawLine.slice(0, MAX_CLAIM_LINE);
  // Stryker disable next-line ArrayDeclaration: an entry that is no amount has no start, so its gap below is NaN and never the nearest
  const amounts: { start: number; end: number; value: number; axis: 'params' | 'flops' }[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const value = amountValue(m) ?? 0;
    if (!(value > 0)) continue;
    amounts.push({ start: m.index, end: m.index + m[0].length, value, axis: /flop|浮点/i.test(m[3]) ? 'flops' : 'params' });
  }
  const claims: EmergenceClaim[] = [];
  for (const e of line.matchAll(EMERGE)) {
    const eStart = e.index;
    const eEnd = eStart + e[0].length;
    // The nearest amount on either side ("emerges at 1e10 parameters" / "在1000亿参数时涌现").
    let amount: (typeof amounts)[number] | undefined;
    let amountGap = NEAR + 1;
    for (const a of amounts) {
      // Amounts and emergence words never overlap: one of the two differences is the gap, the other negative.
      const gap = Math.max(a.start - eEnd, eStart - a.end);
      if (gap < amountGap) {
        amount = a;
        amountGap = gap;
      }
    }
    if (!amount) continue;
    // The sentence around both: up to the nearest sentence end on either side.
    const left = Math.min(eStart, amount.start);
    const right = Math.max(eEnd, amount.end);
    const before = left - 1;
    // Stryker disable next-line ArithmeticOperator: starting one character before the mark adds that character and the mark, and no ability is one character long or holds a mark, so the same abilities are found at the same offsets
    const sentenceStart = Math.max(0, ...['.', '。', '!', '！', '?', '？', ';', '；'].map((p) => line.lastIndexOf(p, before) + 1));
    // Stryker disable next-line EqualityOperator: indexOf from right is -1 or at least right, which is at least 2 (past the emergence word)
    const ends = ['. ', '。', '!', '！', '?', '？', ';', '；'].map((p) => line.indexOf(p, right)).filter((i) => i >= 0);
    const sentenceEnd = ends.length ? Math.min(...ends) : line.length;
    const sentence = line.slice(sentenceStart, sentenceEnd);
    // The ability named nearest the emergence word (most specific wins a tie).
    let best: { ability: (typeof ABILITIES)[number]; index: number; text: string; gap: number } | undefined;
    for (const ability of ABILITIES) {
      for (const a of sentence.matchAll(new RegExp(ability.pattern.source, 'gi'))) {
        const at = sentenceStart + a.index;
        const gap = Math.abs(at - eStart);
        if (!best || gap < best.gap) best = { ability, index: at, text: a[0], gap };
      }
    }
    if (!best) continue;
    const task = findTask(OBSSCALING_TASKS, best.ability.task) as TaskInfo;
    claims.push({
      start: Math.min(left, best.index),
      end: Math.max(right, best.index + best.text.length),
      task,
      via: best.ability.article ? 'article' : 'task',
      ability: best.text,
      value: amount.value,
      axis: amount.axis,
    });
  }
  return claims;
}

/** The claim covering `character` on the line, if any. */
export function claimAt(line: string, character: number): EmergenceClaim | undefined {
  return findClaims(line).find((c) => character >= c.start && character <= c.end);
}

export interface ClaimVerdict {
  claim: EmergenceClaim;
  fit?: GroupFit;
  /** The claimed value inside the fit's 95% interval. */
  agrees: boolean;
  /** log10(data / claim): positive when the data puts the point later than the claim. */
  decades: number;
}

/** The claim against the fit of its task in `table` (the shipped ObsScaling table unless given). */
export function checkClaim(claim: EmergenceClaim, table: EmergenceTable = obsscalingTable()): ClaimVerdict {
  const fit = analyzeShippedTask(table, claim.task, { axis: claim.axis }).overall;
  // The standard bootstrap always gives a fit its interval; without a fit there is no verdict.
  if (!fit?.interval) return { claim, agrees: false, decades: NaN };
  const [lo, hi] = fit.interval;
  return { claim, fit, agrees: claim.value >= lo && claim.value <= hi, decades: Math.log10(fit.emergenceAt / claim.value) };
}

/** What the data says, as Markdown (the hover adds the link that opens the chart). */
export function verdictMarkdown(v: ClaimVerdict, lang: Lang): string {
  const { claim } = v;
  const zh = lang === 'zh';
  const claimed = formatAxisValue(claim.value, claim.axis, lang);
  const lines: string[] = [];
  lines.push(zh ? `**实测证据：${claim.task.name.zh}**` : `**Measured evidence: ${claim.task.name.en}**`);
  if (claim.via === 'article') {
    lines.push(
      zh
        ? `“${claim.ability}”按最接近的实测任务对照：${claim.task.name.zh}。`
        : `"${claim.ability}" is compared with the closest measured task: ${claim.task.name.en}.`,
    );
  }
  if (!v.fit) {
    lines.push(zh ? '此坐标轴上的模型太少，无法拟合。' : 'Too few models on this axis for a fit.');
    return lines.join('\n\n');
  }
  const metric = METRIC_NAMES[claim.task.metric][lang];
  const axisName = claim.axis === 'flops' ? (zh ? '训练 FLOPs' : 'training FLOPs') : zh ? '参数量' : 'parameters';
  lines.push(
    zh
      ? `拟合的涌现点（${axisName}轴，${v.fit.fit.n} 个开源模型）：${describeGroupFit(v.fit, claim.axis, lang)}。指标：${metric}，${claim.task.discontinuous ? '不连续（一处错即整题记 0）' : '连续'}；机会水平 ${claim.task.chance}。`
      : `Fitted emergence point (${axisName} axis, ${v.fit.fit.n} open models): ${describeGroupFit(v.fit, claim.axis, lang)}. Metric: ${metric}, ${claim.task.discontinuous ? 'discontinuous (one wrong token scores the example 0)' : 'continuous'}; chance ${claim.task.chance}.`,
  );
  if (v.agrees) {
    lines.push(zh ? `笔记中的 ${claimed} 落在 95% 区间内：与数据一致。` : `The note's ${claimed} lies inside the 95% interval: consistent with the data.`);
  } else if (v.decades === 0) {
    // The fitted point is the note's value, yet the bootstrap's interval leaves it out: there is no "× higher" to tell.
    lines.push(
      zh
        ? `**与数据不符**：笔记写的 ${claimed} 正是拟合的涌现点，却不在 95% 区间内。`
        : `**Disagrees with the data**: the note's ${claimed} is the fitted emergence point itself, yet outside the 95% interval.`,
    );
  } else {
    // Stryker disable next-line EqualityOperator: decades is not 0 in this branch, where > 0 and >= 0 agree
    const later = v.decades > 0;
    const factor = Math.pow(10, Math.abs(v.decades));
    const times =
      factor >= 100 ? `${Math.abs(v.decades).toFixed(1)} ${zh ? '个数量级' : 'orders of magnitude'}` : zh ? `${factor.toFixed(1)} 倍` : `${factor.toFixed(1)}×`;
    lines.push(
      zh
        ? `**与数据不符**：笔记写 ${claimed}，而数据的涌现点${later ? '是它的' : '只有它的'} ${later ? times : `1/${times.replace(' 倍', '')}`}（${later ? '更晚' : '更早'}），笔记的数值不在 95% 区间内。`
        : `**Disagrees with the data**: the note says ${claimed}, but the data's emergence point is ${times} ${later ? 'higher (later)' : 'lower (earlier)'}; the note's value is outside the 95% interval.`,
    );
  }
  if (claim.task.discontinuous) {
    lines.push(
      zh
        ? '注意：不连续指标会让平滑的进步看起来像突变（Schaeffer 等 2023），见“幻象透镜”。'
        : 'Note: a discontinuous metric can make smooth progress look sudden (Schaeffer et al. 2023); see the mirage lens.',
    );
  }
  lines.push(zh ? '数据：Ruan 等 2024（ObsScaling，Apache-2.0）。' : 'Data: Ruan et al. 2024 (ObsScaling, Apache-2.0).');
  return lines.join('\n\n');
}

/** The chart that shows the claim's evidence: the real-model section on the claim's axis. */
export function claimChartParams(claim: EmergenceClaim): { task: string; axis: 'params' | 'flops' } {
  return { task: claim.task.id, axis: claim.axis };
}
