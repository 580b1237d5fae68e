import * as assert from 'node:assert/strict';
import { analyzeShippedTask, analyzeTask, storedAnalysis } from '../../../src/engine/emergence/analysis';
import {
  packStoredFits,
  shippedStoredFits,
  shippedStoredKeys,
  storedFitsKey,
  unpackStoredFits,
  type StoredFits,
} from '../../../src/engine/emergence/storedFits';
import { buildObsscalingTable, obsscalingTable } from '../../../src/engine/emergence/data';
import { EMERGENCE_BOOTSTRAP } from '../../../src/engine/emergence/fit';
import { findTask, OBSSCALING_TASKS, type TaskInfo } from '../../../src/engine/emergence/tasks';
import { computeStoredFits, storedSettings } from '../../generate/shippedFits';
import { assertDeepClose } from '../helpers/close';

/** Relative tolerance between JavaScript engines (see below). */
const CROSS_ENGINE = 1e-5;

const task = (id: string): TaskInfo => findTask(OBSSCALING_TASKS, id) as TaskInfo;

describe('stored emergence fits of the shipped table (shippedFits.generated.ts)', () => {
  it('store the table itself as the CSVs read: every row, value, absent value and task', () => {
    const fromCsv = buildObsscalingTable();
    const stored = obsscalingTable();
    assert.deepStrictEqual(stored, fromCsv);
    // Absent values stay keys set to undefined, as readRecords writes them (JSON alone would drop them).
    const absent = fromCsv.models.flatMap((m) => Object.entries(m.scores).filter(([, v]) => v === undefined));
    assert.ok(absent.length > 0, 'the shipped table has no unscored cell to check');
    assert.ok(stored.models.every((m, i) => Object.keys(m.scores).join() === Object.keys(fromCsv.models[i].scores).join()));
  });

  it('hold one entry for every task on every axis and loss fit, and nothing else', () => {
    assert.deepEqual(
      shippedStoredKeys().sort(),
      storedSettings()
        .map(({ taskId, o, alongside }) => storedFitsKey(taskId, o, alongside))
        .sort(),
    );
    // Four axes (two loss fits) per task, and the mirage lens's IPA twin.
    assert.equal(shippedStoredKeys().length, OBSSCALING_TASKS.length * 4 + 2);
    for (const key of ['arithmetic-3ds|loss', 'toString', '__proto__', 'ipa-bleu|flops|alongside:persian-qa'])
      assert.equal(shippedStoredFits(key), undefined, key);
  });

  // The default view, a parameter axis and both loss fits, recomputed by the engine: bit for
  // bit on the Node that wrote them; on another V8 (Node 24, which runs Stryker) the loss
  // axis's bootstrap bounds move by up to 5e-7 relative, so numbers are compared to 1e-5.
  for (const [taskId, o, alongside] of [
    ['arithmetic-3ds', { axis: 'flops' }],
    ['ipa-bleu', { axis: 'params' }],
    ['persian-qa', { axis: 'loss', lossFit: 'epoch' }],
    ['word-unscrambling', { axis: 'loss', lossFit: 'chinchilla' }],
    ['ipa-bleu', { axis: 'flops' }, ['ipa-exact-match']],
  ] as const) {
    const key = storedFitsKey(taskId, o, alongside);
    it(`${key}: the stored fits are the engine's`, () => {
      assertDeepClose(shippedStoredFits(key), computeStoredFits(taskId, o, alongside), CROSS_ENGINE);
    });
  }

  it("the shipped task's analysis from the stored fits is analyzeTask's, groups and intervals included", () => {
    const table = obsscalingTable();
    const fresh = analyzeTask(table, task('arithmetic-3ds'), { axis: 'flops' }, EMERGENCE_BOOTSTRAP);
    assertDeepClose(storedAnalysis(table, task('arithmetic-3ds'), { axis: 'flops' }, EMERGENCE_BOOTSTRAP), fresh, CROSS_ENGINE);
    assertDeepClose(analyzeShippedTask(table, task('arithmetic-3ds'), { axis: 'flops' }), fresh, CROSS_ENGINE);
    assert.ok(fresh.overall?.interval && fresh.families.length > 0);
  });

  it('are not used for other bootstrap settings or for points they were not made from', () => {
    const table = obsscalingTable();
    const t = task('ipa-exact-match');
    assert.equal(storedAnalysis(table, t, { axis: 'params' }, { resamples: 20, seed: 1 }), undefined);
    assert.equal(storedAnalysis(table, t, { axis: 'params' }, { ...EMERGENCE_BOOTSTRAP, seed: 2 }), undefined);
    assert.equal(storedAnalysis(table, t, { axis: 'params' }, { ...EMERGENCE_BOOTSTRAP, confidence: 0.9 }), undefined);
    // One model fewer: the overall fit's n no longer matches.
    const fewer = { ...table, models: table.models.filter((m) => m.scores[t.id] !== undefined).slice(1) };
    assert.equal(storedAnalysis(fewer, t, { axis: 'params' }, EMERGENCE_BOOTSTRAP), undefined);
    // Another chance level than the stored fits were made with.
    assert.equal(storedAnalysis(table, { ...t, chance: 0.25 }, { axis: 'params' }, EMERGENCE_BOOTSTRAP), undefined);
    assert.ok(storedAnalysis(table, t, { axis: 'params' }, EMERGENCE_BOOTSTRAP));
  });

  it('keys name the task, the axis, the loss fit (Chinchilla by default) and the tasks alongside', () => {
    assert.equal(storedFitsKey('t', { axis: 'flops' }), 't|flops');
    assert.equal(storedFitsKey('t', { axis: 'loss' }), 't|loss|chinchilla');
    assert.equal(storedFitsKey('t', { axis: 'loss', lossFit: 'epoch' }), 't|loss|epoch');
    assert.equal(storedFitsKey('t', { axis: 'params' }, ['a', 'b']), 't|params|alongside:a,b');
  });

  it('a packed entry unpacks to the same fits, with or without an overall fit and an interval', () => {
    const fit = { x0: 22.5, k: 3, ceiling: 0.9, chance: 0.25, n: 12, sse: 0.01, stepLike: true, beyondData: false, xRange: [20, 25] as [number, number] };
    const ci = { low: 22, high: 23.5, confidence: 0.95, resamples: 200, failed: 3, seed: 1 };
    const entries: StoredFits[] = [
      { overall: { ...fit, ci }, families: [{ family: 'f', fit: { ...fit, stepLike: false, beyondData: true } }] },
      { overall: fit, families: [] },
      { families: [{ family: 'g', fit: { ...fit, ci } }] },
    ];
    for (const s of entries) assert.deepStrictEqual(unpackStoredFits(JSON.parse(JSON.stringify(packStoredFits(s)))), s);
  });
});
