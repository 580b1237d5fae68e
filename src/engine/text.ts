// Bilingual text for the engine. The engine may not import src/sections (the
// dependency rule), so this duplicates the tiny `Bilingual` shape that
// src/sections/types.ts defines; the two are structurally identical.

export type Lang = 'en' | 'zh';

/** A user-visible string in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

export function pickText(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** Full-width characters (CJK, kana, hangul, full-width forms) take two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns `text` occupies in a terminal or a line of UI text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` terminal columns (padEnd, counting CJK as two). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
