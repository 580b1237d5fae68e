// Each section's code is its own script, dist/sections/<id>.js (scripts/build.mjs builds
// one per section of the registry): a page compiles the section it draws, not all nine
// with their data (the ObsScaling table and the stored emergence fits are 90 KiB that
// four sections use). A page compiles its whole script before its first line runs, so
// those bytes were on the way to every first paint (issue 11). The chart panel's and
// the side view's HTML load their section's script beside the page script; any other
// section (the side view follows the cursor, a panel is re-shown on another section)
// is loaded on first need. The Markdown preview's chart script keeps the registry.
import type { Section } from '../../src/sections/types';
import { loadSiblingScript } from './lateScript';

declare global {
  /** Filled by dist/sections/<id>.js: section id → section. */
  var __emergenceSections: Record<string, Section> | undefined;
}

/** A section script's one statement. */
export function registerSection(section: Section): void {
  (globalThis.__emergenceSections ??= {})[section.id] = section;
}

/** Whether an id is made of section-id characters only, so it can be part of a file name (a section's script, its compiled charts). */
export function isFileSafeSectionId(id: string): boolean {
  return /^[a-z0-9-]+$/.test(id);
}

/** dist/<file> of a section's script; undefined for an id that cannot name one. */
export function sectionScriptFile(id: string): string | undefined {
  return isFileSafeSectionId(id) ? `sections/${id}.js` : undefined;
}

function registered(id: string): Section | undefined {
  const sections = globalThis.__emergenceSections;
  return sections && Object.hasOwn(sections, id) ? sections[id] : undefined;
}

/** The section with this id, its script loaded if it was not yet; undefined for an unknown id. */
export async function loadSection(id: string): Promise<Section | undefined> {
  const known = registered(id);
  if (known) return known;
  const file = sectionScriptFile(id);
  if (file === undefined) return undefined;
  await loadSiblingScript(file);
  return registered(id);
}
