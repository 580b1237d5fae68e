// The mark counts the unit tests check, for the host suites: each chart rendered
// headless by the CLI's renderer and counted by the unit tests' scenegraph walk
// (test/unit/helpers/render.ts), so a webview that draws more or fewer items than the
// unit-tested spec fails the host test. Counts do not depend on theme or language
// (the unit tests render both and assert the same counts).
import { SECTIONS } from '../../../src/sections';
import { fitCharts } from '../../../src/sections/fit/charts';
import type { FitResult } from '../../../src/sections/fit/result';
import { LIGHT_THEME } from '../../../src/sections/theme';
import { resolveParams, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../../unit/helpers/render';

async function count(charts: ChartSpec[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const chart of charts) {
    const counts = markCounts(await renderClean(chart));
    out[chart.id] = Object.values(counts).reduce((a, b) => a + b, 0);
  }
  return out;
}

/** Per chart id: the items a section's charts draw with these parameters. */
export async function expectedSectionMarks(sectionId: string, params: Record<string, unknown> = {}, lang: Lang = 'en'): Promise<Record<string, number>> {
  const section = SECTIONS.find((s) => s.id === sectionId);
  if (!section) throw new Error(`unknown section ${sectionId}`);
  return count(section.charts(resolveParams(section, params), { lang, theme: LIGHT_THEME }));
}

/** Per chart id: the items the fit panel's charts draw for this result. */
export async function expectedFitMarks(result: FitResult, lang: Lang = 'en'): Promise<Record<string, number>> {
  return count(fitCharts(result, { lang, theme: LIGHT_THEME }));
}

/** { id: marks } of a rendered report, to compare with deepEqual. */
export function marksById(charts: readonly { id: string; marks: number }[]): Record<string, number> {
  return Object.fromEntries(charts.map((c) => [c.id, c.marks]));
}
