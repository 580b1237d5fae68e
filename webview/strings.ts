// The webview's own user-visible strings (chart texts come from the sections).
import type { Bilingual, Lang } from '../src/sections/types';

export const UI = {
  controls: { en: 'Parameters', zh: '参数' },
  reset: { en: 'Reset to the article’s values', zh: '恢复文章中的数值' },
  saveSvg: { en: 'Save SVG', zh: '保存 SVG' },
  savePng: { en: 'Save PNG', zh: '保存 PNG' },
  copySpec: { en: 'Copy Vega-Lite spec', zh: '复制 Vega-Lite 规范' },
  report: { en: 'The article’s printed report', zh: '文章脚本打印的报告' },
  unknownSection: { en: 'Unknown section: ', zh: '未知章节:' },
  renderFailed: { en: 'The chart could not be drawn: ', zh: '图表无法绘制:' },
  on: { en: 'on', zh: '开' },
  noteValues: { en: 'Values taken from the note: ', zh: '取自笔记的数值:' },
  followsFormula: { en: 'Following the formula ', zh: '正在跟随公式 ' },
  followsHeading: { en: 'Following the section ', zh: '正在跟随章节 ' },
  noNote: { en: 'Move the cursor in a Markdown note onto a formula or into a section of the article.', zh: '将光标移到 Markdown 笔记中的公式上或文章某节内。' },
  writeBack: { en: 'Write values to note', zh: '将数值写回笔记' },
  insertChart: { en: 'Insert chart', zh: '插入图表' },
} satisfies Record<string, Bilingual>;

export function ui(key: keyof typeof UI, lang: Lang): string {
  return UI[key][lang];
}
