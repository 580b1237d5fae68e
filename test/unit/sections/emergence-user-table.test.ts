// The user's table in "Emergence on real models": carried in the 'show' message within
// bounds, and drawn instead of the shipped data with the user's file named, not ObsScaling.
import * as assert from 'node:assert/strict';
import { obsscalingTable, parseEmergenceTableRows } from '../../../src/engine/emergence/data';
import { parseHostMessage, parseUserTable, USER_TABLE_LIMITS } from '../../../src/protocol/messages';
import { emergenceRealSection } from '../../../src/sections/emergence-real/index';
import { resolveParams, type ChartContext } from '../../../src/sections/types';
import { DARK_THEME } from '../../../src/sections/theme';

/** Six models of one family with a sigmoid-ish 3-digit subtraction score (ObsScaling's column name). */
const ROWS = [
  ['Model', 'Family', 'params', 'FLOPs', 'arithmetic_3ds_2_acc'],
  ['---', '---', '---', '---', '---'],
  ['m1', 'mine', '1e8', '1e19', '0.01'],
  ['m2', 'mine', '3e8', '1e20', '0.02'],
  ['m3', 'mine', '1e9', '1e21', '0.10'],
  ['m4', 'mine', '3e9', '1e22', '0.45'],
  ['m5', 'mine', '1e10', '1e23', '0.80'],
  ['m6', 'mine', '3e10', '1e24', '0.90'],
];

function subtitleOf(spec: unknown): string[] {
  return (spec as { title: { subtitle: string[] } }).title.subtitle;
}

describe('emergence-real: the user’s table', () => {
  it('the show message carries a well-formed table and drops malformed or oversized ones', () => {
    const good = { name: 'my-models.md', rows: ROWS, firstRowNumber: 3 };
    const parsed = parseHostMessage({ type: 'show', sectionId: 'emergence-real', lang: 'en', userTable: good });
    assert.ok(parsed && parsed.type === 'show');
    assert.deepEqual(parsed.userTable, good);
    const L = USER_TABLE_LIMITS;
    const bad: unknown[] = [
      { ...good, name: '' },
      { ...good, name: 'x'.repeat(L.nameLength + 1) },
      { ...good, firstRowNumber: 0 },
      { ...good, firstRowNumber: 1.5 },
      { ...good, rows: 'all' },
      { ...good, rows: [ROWS[0]] },
      { ...good, rows: [...ROWS, [1, 2, 3]] },
      { ...good, rows: [...ROWS, ['x'.repeat(L.cellLength + 1)]] },
      { ...good, rows: [...ROWS, Array.from({ length: L.cells + 1 }, () => '1')] },
      { ...good, rows: Array.from({ length: L.rows + 1 }, () => ['1']) },
    ];
    for (const u of bad) {
      assert.equal(parseUserTable(u), undefined, JSON.stringify(u).slice(0, 80));
      assert.equal(parseHostMessage({ type: 'show', sectionId: 'emergence-real', lang: 'en', userTable: u }), undefined);
    }
  });

  it('draws the user’s models and names their file instead of the ObsScaling citation', () => {
    const result = parseEmergenceTableRows(ROWS, 3);
    assert.ok(result.ok);
    const p = resolveParams(emergenceRealSection, undefined);
    for (const lang of ['en', 'zh'] as const) {
      const ctx: ChartContext = { lang, theme: DARK_THEME, userTable: { name: 'my-models.md', table: result.table } };
      const [real] = emergenceRealSection.charts(p, ctx);
      const lines = subtitleOf(real.spec);
      assert.ok(
        lines.some((l) => l.includes('my-models.md') && l.includes('6')),
        lines.join(' | '),
      );
      assert.ok(!lines.some((l) => l.includes('Ruan')), lines.join(' | '));
      const layers = (real.spec as { layer: { data?: { values?: { model?: string }[] } }[] }).layer;
      const points = layers.flatMap((l) => l.data?.values ?? []).filter((r) => typeof r.model === 'string');
      assert.deepEqual(
        points.map((r) => r.model),
        ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'],
      );
    }
    // Without a user table: the shipped data and its citation.
    const [shipped] = emergenceRealSection.charts(p, { lang: 'en', theme: DARK_THEME });
    assert.ok(subtitleOf(shipped.spec).some((l) => l.includes('Ruan et al. 2024')));
    assert.ok(obsscalingTable().models.length > 6);
  });
});
