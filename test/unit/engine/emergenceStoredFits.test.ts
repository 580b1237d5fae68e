import * as assert from 'node:assert/strict';
import { analyzeShippedTask, analyzeTask, storedAnalysis } from '../../../src/engine/emergence/analysis';
import { shippedStoredFits, shippedStoredKeys, storedFitsKey } from '../../../src/engine/emergence/storedFits';
import { obsscalingTable } from '../../../src/engine/emergence/data';
import { EMERGENCE_BOOTSTRAP } from '../../../src/engine/emergence/fit';
import { SHIPPED_FITS_SOURCES } from '../../../src/engine/emergence/shippedFits.generated';
import { findTask, OBSSCALING_TASKS, type TaskInfo } from '../../../src/engine/emergence/tasks';
import { computeStoredFits, fitSourcesDigest, storedSettings } from '../../generate/shippedFits';

const task = (id: string): TaskInfo => findTask(OBSSCALING_TASKS, id) as TaskInfo;

describe('stored emergence fits of the shipped table (shippedFits.generated.ts)', () => {
  it('are current: made from the sources the fits depend on as they are now', () => {
    assert.equal(SHIPPED_FITS_SOURCES, fitSourcesDigest(), 'stale: run npx tsx test/generate/shippedFits.ts');
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

  // The default view, a parameter axis and both loss fits: recomputed by the engine, bit for bit.
  for (const [taskId, o, alongside] of [
    ['arithmetic-3ds', { axis: 'flops' }],
    ['ipa-bleu', { axis: 'params' }],
    ['persian-qa', { axis: 'loss', lossFit: 'epoch' }],
    ['word-unscrambling', { axis: 'loss', lossFit: 'chinchilla' }],
    ['ipa-bleu', { axis: 'flops' }, ['ipa-exact-match']],
  ] as const) {
    const key = storedFitsKey(taskId, o, alongside);
    it(`${key}: the stored fits are exactly the engine's`, () => {
      assert.deepStrictEqual(shippedStoredFits(key), computeStoredFits(taskId, o, alongside));
    });
  }

  it("the shipped task's analysis from the stored fits is analyzeTask's, groups and intervals included", () => {
    const table = obsscalingTable();
    const fresh = analyzeTask(table, task('arithmetic-3ds'), { axis: 'flops' }, EMERGENCE_BOOTSTRAP);
    assert.deepStrictEqual(storedAnalysis(table, task('arithmetic-3ds'), { axis: 'flops' }, EMERGENCE_BOOTSTRAP), fresh);
    assert.deepStrictEqual(analyzeShippedTask(table, task('arithmetic-3ds'), { axis: 'flops' }), fresh);
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
});
