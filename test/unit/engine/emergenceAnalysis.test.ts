// Which models sit on an axis, when a group is fitted, and how the shipped task's analyses
// are looked up and memoised (src/engine/emergence/analysis.ts).
import * as assert from 'node:assert/strict';
import { analyzeShippedTask, analyzeTask, scoredAlongside, storedAnalysis, taskPoints, type TaskAnalysis } from '../../../src/engine/emergence/analysis';
import { obsscalingTable, parseEmergenceCsv, type EmergenceTable, type ModelRow } from '../../../src/engine/emergence/data';
import { EMERGENCE_BOOTSTRAP, MIN_POINTS } from '../../../src/engine/emergence/fit';
import { findTask, OBSSCALING_TASKS, type TaskInfo } from '../../../src/engine/emergence/tasks';

const task = (id: string): TaskInfo => findTask(OBSSCALING_TASKS, id) as TaskInfo;
const row = (model: string, family: string, flops: number | undefined, scores: ModelRow['scores']): ModelRow => ({
  model,
  family,
  params: 1e9,
  flops,
  scores,
  row: 2,
});
const userTable = (csv: string): EmergenceTable => {
  const r = parseEmergenceCsv(csv);
  assert.ok(r.ok);
  return r.table;
};
/** n models of one family on a clean rise in log10 FLOPs 20…20 + n − 1 (score column "acc"). */
const rise = (n: number, family = 'f'): string =>
  `Model,Family,params,FLOPs,acc\n${Array.from({ length: n }, (_, i) => `m${i},${family},1e9,1e${20 + i},${(i / (n - 1)).toFixed(3)}`).join('\n')}\n`;
const NO_BOOTSTRAP = { resamples: 0, seed: 1 };

describe('engine/emergence: analysis', () => {
  it('taskPoints keeps the scored models with a positive value on the axis and lists the others as left out', () => {
    const acc = { id: 'acc', column: 'acc', name: { en: 'acc', zh: 'acc' }, metric: 'accuracy', chance: 0, scale: 1, discontinuous: true } as const;
    const models = [row('a', 'f', 1e21, { acc: 0.1 }), row('b', 'f', undefined, { acc: 0.2 }), row('c', 'f', 0, { acc: 0.3 }), row('d', 'f', 1e22, {})];
    const p = taskPoints(models, acc, { axis: 'flops' });
    assert.deepEqual(
      p.models.map((m) => m.model),
      ['a'],
    );
    assert.deepEqual(
      p.leftOut.map((m) => m.model),
      ['b', 'c'],
    );
    assert.deepEqual([...p.x, ...p.y], [21, 0.1]);
  });

  it(`fits a group of ${MIN_POINTS} models, not one of ${MIN_POINTS - 1}`, () => {
    const four = userTable(rise(MIN_POINTS));
    const a = analyzeTask(four, four.tasks[0], { axis: 'flops' }, NO_BOOTSTRAP);
    assert.equal(a.overall?.fit.n, MIN_POINTS);
    assert.deepEqual(
      a.families.map((f) => [f.family, f.fit.n]),
      [['f', MIN_POINTS]],
    );
    const three = userTable(rise(MIN_POINTS - 1));
    const b = analyzeTask(three, three.tasks[0], { axis: 'flops' }, NO_BOOTSTRAP);
    assert.equal(b.overall, undefined);
    assert.deepEqual(b.families, []);
  });

  it('scoredAlongside keeps the models scored on every task given (all of them for none)', () => {
    const t = userTable('Model,params,s1,s2,s3\nm1,1e9,0.1,0.2,0.3\nm2,1e9,0.1,,0.3\nm3,1e9,,0.2,0.3\n');
    const names = (tasks: string[]): string[] =>
      scoredAlongside(
        t,
        tasks.map((id) => findTask(t.tasks, id) as TaskInfo),
      ).models.map((m) => m.model);
    assert.deepEqual(names([]), ['m1', 'm2', 'm3']);
    assert.deepEqual(names(['s2']), ['m1', 'm3']);
    assert.deepEqual(names(['s1', 's2']), ['m1']);
    assert.deepEqual(names(['s3']), ['m1', 'm2', 'm3']);
  });

  describe('the stored fits of the shipped table', () => {
    const table = obsscalingTable();
    it('are found for the IPA twin (exact match on the models that also have BLEU), and not for an unknown task', () => {
      const exact = task('ipa-exact-match');
      const bleu = task('ipa-bleu');
      const twin = storedAnalysis(table, exact, { axis: 'flops' }, EMERGENCE_BOOTSTRAP, [bleu]);
      const both = table.models.filter((m) => m.flops !== undefined && m.scores[exact.id] !== undefined && m.scores[bleu.id] !== undefined).length;
      assert.equal(twin?.overall?.fit.n, both);
      assert.ok(both < table.models.filter((m) => m.flops !== undefined && m.scores[exact.id] !== undefined).length);
      assert.equal(storedAnalysis(table, { ...exact, id: 'not-shipped' }, { axis: 'flops' }, EMERGENCE_BOOTSTRAP), undefined);
    });
    it('are not used when the families differ from the ones they were fitted on', () => {
      const t = task('arithmetic-3ds');
      const o = { axis: 'params' } as const;
      const stored = storedAnalysis(table, t, o, EMERGENCE_BOOTSTRAP);
      assert.ok(stored && stored.families.length > 0);
      const counts = new Map<string, number>();
      for (const m of stored.points.models) counts.set(m.family, (counts.get(m.family) ?? 0) + 1);
      const fitted = new Set(stored.families.map((f) => f.family));
      const relabel = (pick: (m: ModelRow) => boolean, family: string): EmergenceTable => ({
        ...table,
        models: table.models.map((m) => (pick(m) ? { ...m, family } : m)),
      });
      // Four models of unfitted families made one new family: one more fitted group.
      const loose = stored.points.models.filter((m) => !fitted.has(m.family)).slice(0, MIN_POINTS);
      assert.equal(loose.length, MIN_POINTS);
      assert.equal(
        storedAnalysis(
          relabel((m) => loose.includes(m), 'new family'),
          t,
          o,
          EMERGENCE_BOOTSTRAP,
        ),
        undefined,
      );
      // One model moved out of a family of five or more: that family's count no longer matches.
      const big = stored.families.find((f) => (counts.get(f.family) as number) > MIN_POINTS);
      assert.ok(big);
      const moved = stored.points.models.find((m) => m.family === big.family);
      assert.equal(
        storedAnalysis(
          relabel((m) => m === moved, 'elsewhere'),
          t,
          o,
          EMERGENCE_BOOTSTRAP,
        ),
        undefined,
      );
    });
  });

  describe('analyzeShippedTask', () => {
    const table = obsscalingTable();
    it('memoises the shipped analyses by task, axis, loss fit, bootstrap and alongside tasks', () => {
      const t = task('word-unscrambling');
      const flops = analyzeShippedTask(table, t, { axis: 'flops' });
      const params = analyzeShippedTask(table, t, { axis: 'params' });
      assert.equal(analyzeShippedTask(table, t, { axis: 'flops' }), flops);
      assert.equal(analyzeShippedTask(table, t, { axis: 'params' }), params);
      assert.notEqual(flops, params);
      // The default loss fit is Chinchilla's; Epoch AI's gives another point.
      const chinchilla = analyzeShippedTask(table, t, { axis: 'loss', lossFit: 'chinchilla' });
      const epoch = analyzeShippedTask(table, t, { axis: 'loss', lossFit: 'epoch' });
      assert.equal(analyzeShippedTask(table, t, { axis: 'loss' }), chinchilla);
      assert.notEqual(chinchilla.overall?.emergenceAt, epoch.overall?.emergenceAt);
      // A 90% interval is narrower than the 95% one of the same resamples.
      const b = { resamples: 20, seed: 3 };
      const i90 = analyzeShippedTask(table, t, { axis: 'params' }, { ...b, confidence: 0.9 }).overall?.interval as [number, number];
      const i95 = analyzeShippedTask(table, t, { axis: 'params' }, b).overall?.interval as [number, number];
      assert.ok(i90[0] >= i95[0] && i90[1] <= i95[1] && (i90[0] > i95[0] || i90[1] < i95[1]));
      assert.equal(analyzeShippedTask(table, t, { axis: 'params' }, { ...b, confidence: 0.95 }).overall?.interval, i95);
      // Alongside tasks choose the models.
      const exact = task('ipa-exact-match');
      const withBleu = analyzeShippedTask(table, exact, { axis: 'flops' }, EMERGENCE_BOOTSTRAP, [task('ipa-bleu')]);
      const withPersian = analyzeShippedTask(table, exact, { axis: 'flops' }, EMERGENCE_BOOTSTRAP, [task('persian-qa')]);
      const count = (other: string): number =>
        table.models.filter((m) => m.flops !== undefined && m.scores[exact.id] !== undefined && m.scores[other] !== undefined).length;
      assert.deepEqual([withBleu.overall?.fit.n, withPersian.overall?.fit.n], [count('ipa-bleu'), count('persian-qa')]);
    });

    it("analyses a user's table afresh each time", () => {
      const a = userTable(rise(6));
      const b = userTable(rise(6).replace('m5,f,1e9,1e25,1.000', 'm5,f,1e9,1e25,0.500'));
      const first = analyzeShippedTask(a, a.tasks[0], { axis: 'flops' }, NO_BOOTSTRAP);
      const second = analyzeShippedTask(b, b.tasks[0], { axis: 'flops' }, NO_BOOTSTRAP);
      assert.notEqual(first.overall?.fit.ceiling, second.overall?.fit.ceiling);
      assert.notEqual(analyzeShippedTask(a, a.tasks[0], { axis: 'flops' }, NO_BOOTSTRAP), first);
    });

    it('holds at most 65 analyses: the 66th distinct one starts the memo afresh', () => {
      const t = task('persian-qa');
      const at = (seed: number): TaskAnalysis => analyzeShippedTask(table, t, { axis: 'flops' }, { resamples: 0, seed });
      // 66 new analyses: the memo was started afresh at least once on the way.
      const made = Array.from({ length: 66 }, (_, k) => at(10_000 + k));
      // The ones made since then are still held (looking one up adds nothing); the first one
      // missing is made again and added.
      let held = 0;
      while (held < made.length && at(10_000 + 65 - held) === made[65 - held]) held++;
      assert.ok(held >= 1 && held <= 65, `${held} held`);
      const missSeed = 10_000 + 65 - held;
      const miss = at(missSeed);
      let size = held === 65 ? 1 : held + 1;
      for (let seed = 20_000; size < 65; seed++, size++) at(seed);
      assert.equal(at(missSeed), miss, '65 held');
      at(30_000);
      assert.notEqual(at(missSeed), miss, 'the 66th started afresh');
    });
  });
});
