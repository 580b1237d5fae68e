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
