// Seed 4.2, CodeGenerationEmergence.analyze_code_emergence_pattern: six code
// capabilities with the model size at which each one emerges (the step rule
// "size >= threshold"), the capability radar for four model sizes and the printed report.
import { pythonExp } from '../../engine/format';
import { stepCapability } from '../../engine/thresholds';
import type { Bilingual, Lang } from '../types';

export interface CodeCapability {
  /** The seed's dictionary key (syntax_completion, …). */
  key: string;
  name: Bilingual;
  /** The seed's example prompt. */
  example: Bilingual;
  /** Model size (parameters) at which the capability emerges. */
  threshold: number;
  /** The seed's _get_capability_description text. */
  description: Bilingual;
}

/** The seed's code_capabilities, in its order, with _get_capability_description merged in. */
export const CODE_CAPABILITIES: readonly CodeCapability[] = [
  {
    key: 'syntax_completion',
    name: { zh: '语法补全', en: 'Syntax completion' },
    example: { zh: 'def hello_world():', en: 'def hello_world():' },
    threshold: 1e7,
    description: { zh: '基于语法规则完成代码片段', en: 'Completes code fragments from syntax rules' },
  },
  {
    key: 'simple_functions',
    name: { zh: '简单函数', en: 'Simple functions' },
    example: { zh: '写一个计算阶乘的函数', en: 'Write a function that computes a factorial' },
    threshold: 1e9,
    description: { zh: '实现基础功能的完整函数', en: 'Writes complete functions for basic tasks' },
  },
  {
    key: 'algorithm_implementation',
    name: { zh: '算法实现', en: 'Algorithm implementation' },
    example: { zh: '实现快速排序算法', en: 'Implement the quicksort algorithm' },
    threshold: 5e10,
    description: { zh: '正确实现经典算法', en: 'Implements classic algorithms correctly' },
  },
  {
    key: 'bug_fixing',
    name: { zh: '代码调试', en: 'Debugging' },
    example: { zh: '找出并修复这个Python代码中的bug', en: 'Find and fix the bug in this Python code' },
    threshold: 1e11,
    description: { zh: '识别和修复代码中的错误', en: 'Identifies and fixes errors in code' },
  },
  {
    key: 'system_design',
    name: { zh: '系统设计', en: 'System design' },
    example: { zh: '设计一个简单的Web服务器', en: 'Design a simple web server' },
    threshold: 5e11,
    description: { zh: '设计完整的软件系统架构', en: 'Designs the architecture of a complete software system' },
  },
  {
    key: 'creative_coding',
    name: { zh: '创造性编程', en: 'Creative coding' },
    example: { zh: '用Python生成一幅艺术图案', en: 'Generate an artistic pattern with Python' },
    threshold: 1e12,
    description: { zh: '创造性地解决编程问题', en: 'Solves programming problems creatively' },
  },
];

/** The radar's model sizes: model_sizes = [1e8, 1e10, 1e11, 1e12]. */
export const RADAR_SIZES: readonly number[] = [1e8, 1e10, 1e11, 1e12];

/** The seed's radar value for a capability the model has. */
export const CAPABLE_VALUE = 1;
/** "0.2表示不具备但显示": a missing capability is drawn at 0.2 so the polygon stays visible. */
export const NOT_CAPABLE_VALUE = 0.2;
/** The radar's radial range, ax.set_ylim(0, 1.2). */
export const RADAR_MAX = 1.2;

/** The timeline's span: grey from 1e6 to the threshold, coloured from the threshold to 1e13. */
export const TIMELINE_START = 1e6;
export const TIMELINE_END = 1e13;

/** The seed's radar value: 1 if size ≥ threshold else 0.2. */
export function radarValue(size: number, threshold: number): number {
  return stepCapability(size, threshold) === 1 ? CAPABLE_VALUE : NOT_CAPABLE_VALUE;
}

export interface RadarProfile {
  size: number;
  /** One value per capability, in the capabilities' order. */
  values: number[];
}

/** capabilities_radar: one profile per size, values 1 / 0.2 per capability (not yet closed). */
export function capabilityRadar(capabilities: readonly CodeCapability[], sizes: readonly number[]): RadarProfile[] {
  return sizes.map((size) => ({ size, values: capabilities.map((c) => radarValue(size, c.threshold)) }));
}

/**
 * A size as the seed labels it, f'{size:.0e}' ("1e+08"); a size that is not a round
 * mantissa (a slider value such as 3.2e9) keeps up to two decimals so it is not misstated.
 */
export function sizeExp(size: number): string {
  const round = pythonExp(size, 0);
  if (Number(round) === size) return round;
  return pythonExp(size, 2).replace(/\.?0+e/, 'e');
}

/** The radar legend entry: f'{size:.0e}参数'. */
export function sizeLegendLabel(size: number, lang: Lang): string {
  return lang === 'zh' ? `${sizeExp(size)}参数` : `${sizeExp(size)} parameters`;
}

/** The capabilities with their thresholds replaced by `thresholds` (by key; missing keys keep the seed's). */
export function withThresholds(thresholds: Record<string, number>): CodeCapability[] {
  return CODE_CAPABILITIES.map((c) => ({ ...c, threshold: thresholds[c.key] ?? c.threshold }));
}

const REPORT_TEXT = {
  zh: { header: '代码生成能力涌现详细分析:', example: '示例', threshold: '涌现阈值', unit: '参数', description: '能力描述' },
  en: {
    header: 'Detailed analysis of code-generation capability emergence:',
    example: 'Example',
    threshold: 'Emergence threshold',
    unit: 'parameters',
    description: 'Description',
  },
} as const;

/**
 * Exactly what the seed's script prints (every print() ends with "\n"):
 *   print("\n代码生成能力涌现详细分析:"); print("="*80)
 *   per capability: print(f"\n🔹 {name}"); print(f" 示例: {example}");
 *   print(f" 涌现阈值: {threshold:.0e} 参数"); print(f" 能力描述: {description}")
 * The seed article prints the detail lines with one leading space (its code as published).
 */
export function codeReport(capabilities: readonly CodeCapability[], lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const lines: string[] = [`\n${t.header}`, '='.repeat(80)];
  for (const c of capabilities) {
    lines.push(`\n🔹 ${c.name[lang]}`);
    lines.push(` ${t.example}: ${c.example[lang]}`);
    lines.push(` ${t.threshold}: ${pythonExp(c.threshold, 0)} ${t.unit}`);
    lines.push(` ${t.description}: ${c.description[lang]}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}
