// The tasks Wei et al. 2022 (Fig. 2) called emergent, as re-evaluated on open models by
// Ruan et al. 2024 (data/obsscaling): which column holds each, its metric, its chance
// level and whether that metric is discontinuous (all-or-nothing per example).
import type { Bilingual } from '../text';

export type MetricKind = 'accuracy' | 'exact-match' | 'bleu' | 'multiple-choice';

export interface TaskInfo {
  /** Stable id used by the CLI, the section's picker and note claims, e.g. "arithmetic-3ds". */
  id: string;
  /** The column of the table that holds its scores. */
  column: string;
  name: Bilingual;
  metric: MetricKind;
  /** Chance level c of the fit: 0 for exact-match / generation, 0.25 for 4-way multiple choice. */
  chance: number;
  /** Scores are divided by this to put them on 0–1 (BLEU is reported 0–100). */
  scale: number;
  /** True when one wrong token scores the whole example 0 (exact match, accuracy on a generated answer). */
  discontinuous: boolean;
}

export const METRIC_NAMES: Record<MetricKind, Bilingual> = {
  accuracy: { en: 'accuracy (exact answer)', zh: '准确率（答案完全正确）' },
  'exact-match': { en: 'exact match', zh: '完全匹配' },
  bleu: { en: 'BLEU (÷100)', zh: 'BLEU（÷100）' },
  'multiple-choice': { en: 'multiple-choice accuracy', zh: '多项选择准确率' },
};

export const OBSSCALING_TASKS: readonly TaskInfo[] = [
  {
    id: 'arithmetic-3ds',
    column: 'arithmetic_3ds_2_acc',
    name: { en: '3-digit subtraction', zh: '三位数减法' },
    metric: 'accuracy',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'arithmetic-3da',
    column: 'arithmetic_3da_2_acc',
    name: { en: '3-digit addition', zh: '三位数加法' },
    metric: 'accuracy',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'arithmetic-2dm',
    column: 'arithmetic_2dm_2_acc',
    name: { en: '2-digit multiplication', zh: '两位数乘法' },
    metric: 'accuracy',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'arithmetic-2da',
    column: 'arithmetic_2da_2_acc',
    name: { en: '2-digit addition', zh: '两位数加法' },
    metric: 'accuracy',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'word-unscrambling',
    column: 'word_unscrambling_2_exact_match',
    name: { en: 'Word unscrambling', zh: '单词还原' },
    metric: 'exact-match',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'ipa-exact-match',
    column: 'ipa_transliterate_2_exact_match',
    name: { en: 'IPA transliteration (exact match)', zh: 'IPA 音标转写（完全匹配）' },
    metric: 'exact-match',
    chance: 0,
    scale: 1,
    discontinuous: true,
  },
  {
    id: 'ipa-bleu',
    column: 'ipa_transliterate_2_bleu',
    name: { en: 'IPA transliteration (BLEU)', zh: 'IPA 音标转写（BLEU）' },
    metric: 'bleu',
    chance: 0,
    scale: 100,
    discontinuous: false,
  },
  {
    id: 'persian-qa',
    column: 'parsinlu_qa_2_acc',
    name: { en: 'Persian QA (4-way multiple choice)', zh: '波斯语问答（四选一）' },
    metric: 'multiple-choice',
    chance: 0.25,
    scale: 1,
    discontinuous: false,
  },
];

export function findTask(tasks: readonly TaskInfo[], idOrColumn: string): TaskInfo | undefined {
  const key = idOrColumn.trim().toLowerCase();
  return tasks.find((t) => t.id === key || t.column.toLowerCase() === key);
}

/**
 * A task for a score column of a user's table: a shipped column keeps its metadata;
 * any other column is an exact-answer accuracy (chance 0) unless its name says
 * multiple choice ("mc", "choice", "选择"), which gets chance 0.25.
 */
export function taskForColumn(column: string, maxValue: number): TaskInfo {
  const known = OBSSCALING_TASKS.find((t) => t.column === column);
  if (known) return known;
  const mc = /(^|[^a-z])mc([^a-z]|$)|choice|选择/i.test(column);
  const id =
    column
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'score';
  return {
    id,
    column,
    name: { en: column, zh: column },
    metric: mc ? 'multiple-choice' : 'accuracy',
    chance: mc ? 0.25 : 0,
    scale: maxValue > 1 ? 100 : 1,
    discontinuous: !mc,
  };
}
