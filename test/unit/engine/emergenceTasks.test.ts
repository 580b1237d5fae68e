// The task registry and the tasks made for a user's score columns (src/engine/emergence/tasks.ts).
import * as assert from 'node:assert/strict';
import { findTask, OBSSCALING_TASKS, taskForColumn } from '../../../src/engine/emergence/tasks';

describe('engine/emergence: tasks', () => {
  it('findTask takes an id or a column, in any case, with blanks around it', () => {
    assert.equal(findTask(OBSSCALING_TASKS, '  persian-qa ')?.column, 'parsinlu_qa_2_acc');
    assert.equal(findTask(OBSSCALING_TASKS, 'PARSINLU_QA_2_ACC')?.id, 'persian-qa');
    assert.equal(findTask(OBSSCALING_TASKS, 'persian'), undefined);
  });

  it('a shipped column keeps its registry entry', () => {
    for (const task of OBSSCALING_TASKS) assert.equal(taskForColumn(task.column, 0.5), task);
  });

  it('any other column is an exact-answer accuracy on 0–1, named by its header, with an id made of its letters and digits', () => {
    assert.deepEqual(taskForColumn('My Score (v2)', 0.5), {
      id: 'my-score-v2',
      column: 'My Score (v2)',
      name: { en: 'My Score (v2)', zh: 'My Score (v2)' },
      metric: 'accuracy',
      chance: 0,
      scale: 1,
      discontinuous: true,
    });
    assert.equal(taskForColumn('  acc  2 ', 0.5).id, 'acc-2');
    assert.equal(taskForColumn('准确率 2', 0.5).id, '准确率-2');
    assert.equal(taskForColumn('a_b', 0.5).id, 'a-b');
    assert.equal(taskForColumn('(%)', 0.5).id, 'score');
  });

  it('scores above 1 are read on 0–100; a maximum of exactly 1 stays on 0–1', () => {
    assert.equal(taskForColumn('bleu', 20).scale, 100);
    assert.equal(taskForColumn('acc', 1).scale, 1);
    assert.equal(taskForColumn('acc', 0).scale, 1);
  });

  it('"mc", "choice" or "选择" in the name make a 4-way multiple choice (chance 0.25, continuous); "mc" inside a word does not', () => {
    for (const column of ['mc', 'mc score', 'score_mc', 'arc-mc-acc', 'MC', 'Multiple Choice', '选择题']) {
      const t = taskForColumn(column, 0.5);
      assert.deepEqual([t.metric, t.chance, t.discontinuous], ['multiple-choice', 0.25, false], column);
    }
    for (const column of ['hmc_accuracy', 'mcnemar', 'emcee']) {
      const t = taskForColumn(column, 0.5);
      assert.deepEqual([t.metric, t.chance, t.discontinuous], ['accuracy', 0, true], column);
    }
  });
});
