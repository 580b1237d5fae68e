// The registry: every section of the seed article, in reading order.
// A new section is one folder plus one line here.
import type { Section } from './types';

export const SECTIONS: readonly Section[] = [];

export function findSection(id: string): Section | undefined {
  return SECTIONS.find((s) => s.id === id);
}
