import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildObsscalingTable,
  MAX_ROWS,
  obsscalingTable,
  parseEmergenceCsv,
  parseEmergenceTableRows,
  type TableResult,
} from '../../../src/engine/emergence/data';
import { BENCHMARK_CSV, EMERGENT_CSV } from '../../../src/engine/emergence/obsscalingCsv';
import { findTask, OBSSCALING_TASKS } from '../../../src/engine/emergence/tasks';

const ROOT = resolve(__dirname, '..', '..', '..');
const SHARED = '/work/shared/data/obsscaling';
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The checksums recorded in the data's README (and data/obsscaling/NOTICE.md). */
const RECORDED = {
  'base_llm_benchmark_eval.csv': '511996815735a4c46251dc585dcc525e370d148201f86561e6f927f9df2d0db8',
  'base_llm_emergent_capability_eval.csv': 'a156beee73c39b7833c3c53535c473939105512d85e90b0143be7325e516ef7c',
};

describe('emergence data (ObsScaling, Ruan et al. 2024)', () => {
  describe('shipped copy', () => {
    const embedded: Record<keyof typeof RECORDED, string> = {
      'base_llm_benchmark_eval.csv': BENCHMARK_CSV,
      'base_llm_emergent_capability_eval.csv': EMERGENT_CSV,
    };
    for (const name of Object.keys(RECORDED) as (keyof typeof RECORDED)[]) {
      it(`${name}: the embedded text, data/obsscaling/ and the recorded checksum agree`, () => {
        const copy = readFileSync(join(ROOT, 'data', 'obsscaling', name));
        assert.equal(sha256(copy), RECORDED[name]);
        assert.equal(sha256(Buffer.from(embedded[name], 'utf8')), RECORDED[name]);
      });
      it(`${name}: equals the shared source file`, function () {
        const shared = join(SHARED, name);
        // The shared folder exists on the team's machine; elsewhere the recorded checksum above stands in for it.
        if (!existsSync(shared)) this.skip();
        assert.equal(sha256(readFileSync(shared)), sha256(readFileSync(join(ROOT, 'data', 'obsscaling', name))));
      });
    }
    it('ships the licence and the attribution beside the data, and the .vsix includes them', () => {
      assert.equal(
        sha256(readFileSync(join(ROOT, 'data', 'obsscaling', 'LICENSE'))),
        sha256(readFileSync(existsSync(join(SHARED, 'LICENSE')) ? join(SHARED, 'LICENSE') : join(ROOT, 'data', 'obsscaling', 'LICENSE'))),
      );
      assert.match(readFileSync(join(ROOT, 'data', 'obsscaling', 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
      const notice = readFileSync(join(ROOT, 'data', 'obsscaling', 'NOTICE.md'), 'utf8');
      assert.match(notice, /Ruan/);
      for (const sum of Object.values(RECORDED)) assert.ok(notice.includes(sum));
      assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!data\/obsscaling\/\*\*$/m);
    });
  });

  it('builds the joined table once and shares it', () => {
    assert.equal(obsscalingTable(), obsscalingTable());
  });

  // The shared table, and one built afresh (the first is built once per process).
  for (const [built, table] of [
    ['shared', obsscalingTable()],
    ['built afresh', buildObsscalingTable()],
  ] as const)
    describe(`the joined table (${built})`, () => {
      it('has the 84 models of the emergent file, the 8 tasks in registry order, and 11 without FLOPs', () => {
        assert.equal(table.models.length, EMERGENT_CSV.trim().split('\n').length - 1);
        assert.equal(table.models.length, 84);
        assert.deepEqual(
          table.tasks.map((t) => t.id),
          OBSSCALING_TASKS.map((t) => t.id),
        );
        assert.equal(table.models.filter((m) => m.flops === undefined).length, 11);
      });
      it('reads Llama-2-7b as the files write it: 7.0 B params, 2.0 T tokens, 84.0 × 1e21 FLOPs, BLEU ÷ 100', () => {
        const m = table.models.find((r) => r.model === 'meta-llama/Llama-2-7b-hf');
        assert.ok(m);
        assert.equal(m.family, 'Llama-2');
        assert.equal(m.params, 7.0e9);
        assert.equal(m.tokens, 2.0e12);
        assert.equal(m.flops, 84.0e21);
        assert.equal(m.scores['arithmetic-3ds'], 0.859);
        assert.equal(m.scores['ipa-bleu'], 27.23879164406593 / 100);
        assert.equal(m.scores['persian-qa'], 0.2514285714285714);
      });
      it('keeps missing scores missing (IPA BLEU is empty for some models)', () => {
        const missing = table.models.filter((m) => m.scores['ipa-bleu'] === undefined).length;
        assert.equal(
          missing,
          EMERGENT_CSV.trim()
            .split('\n')
            .slice(1)
            .filter((l) => l.split(',')[4] === '').length,
        );
        assert.ok(missing > 0);
        for (const m of table.models) for (const v of Object.values(m.scores)) assert.ok(v === undefined || (v >= 0 && v <= 1));
      });
      it('is marked as the shipped ObsScaling table', () => {
        assert.equal(table.source, 'obsscaling');
      });
      it('chance levels: 0.25 for the 4-way Persian QA, 0 for exact-answer tasks', () => {
        assert.equal(findTask(table.tasks, 'persian-qa')?.chance, 0.25);
        assert.equal(findTask(table.tasks, 'arithmetic_3ds_2_acc')?.chance, 0);
        assert.equal(findTask(table.tasks, 'ipa-bleu')?.discontinuous, false);
        assert.equal(findTask(table.tasks, 'ipa-exact-match')?.discontinuous, true);
      });
    });

  describe('the join of the two files', () => {
    const bench = 'Model,Model Family,Model Size (B),Pretraining Data Size (T),FLOPs (1E21),MMLU\na,fa,1.5,0.1,0.9,0.3\n';
    it("takes family, N, D and C from the benchmark file and the tasks in the registry's order", () => {
      const t = buildObsscalingTable(bench, 'Model,parsinlu_qa_2_acc,arithmetic_3ds_2_acc\na,0.3,0.5\n');
      assert.equal(t.source, 'obsscaling');
      assert.deepEqual(
        t.tasks.map((task) => task.id),
        ['arithmetic-3ds', 'persian-qa'],
      );
      assert.deepEqual(t.models, [
        { model: 'a', family: 'fa', params: 1.5e9, tokens: 0.1e12, flops: 0.9e21, scores: { 'persian-qa': 0.3, 'arithmetic-3ds': 0.5 }, row: 2 },
      ]);
    });
    it('refuses a model the benchmark file lacks, naming its row and the model, instead of shifting its columns', () => {
      assert.throws(
        () => buildObsscalingTable(bench, 'Model,arithmetic_3ds_2_acc,parsinlu_qa_2_acc,ipa_transliterate_2_bleu\na,0.5,0.3,0.2\nb,0.7,0.4,0.3\n'),
        (e: Error) => e.message === 'shipped data: Row 3: the benchmark file has no model "b".',
      );
      // A joined row the table reader refuses names the shipped data, the row and the column.
      assert.throws(
        () => buildObsscalingTable(bench.replace('fa,1.5,', 'fa,many,'), 'Model,arithmetic_3ds_2_acc\na,0.5\n'),
        (e: Error) => e.message === 'shipped data: Row 2, column "Model Size (B)": "many" is not a number.',
      );
      // The benchmark file's header row is no model either.
      assert.throws(
        () => buildObsscalingTable(bench, 'Model,arithmetic_3ds_2_acc\na,0.5\nModel,0.7\n'),
        (e: Error) => e.message === 'shipped data: Row 3: the benchmark file has no model "Model".',
      );
    });
  });

  describe("a user's table", () => {
    const read = (csv: string): Extract<TableResult, { ok: true }>['table'] => {
      const r = parseEmergenceCsv(csv);
      assert.ok(r.ok, r.ok ? '' : r.error.message.en);
      return r.table;
    };
    const readRows = (rows: string[][]): Extract<TableResult, { ok: true }>['table'] => {
      const r = parseEmergenceTableRows(rows);
      assert.ok(r.ok, r.ok ? '' : r.error.message.en);
      return r.table;
    };
    it('knows the model and family columns by their usual names, in English and Chinese, brackets and spacing aside', () => {
      for (const h of ['Model', 'name', 'Model name', '模型', '模型名称', 'Model (HF id)', 'Model(HF)Name', 'Model   Name'])
        assert.equal(read(`${h},params,acc\na,1e9,0.5\n`).models[0].model, 'a', h);
      for (const h of ['Family', 'Model family', 'Model  Family', '系列', '模型系列', 'Family (org)']) {
        const t = read(`Model,${h},params,acc\na,fam,1e9,0.5\n`);
        assert.equal(t.models[0].family, 'fam', h);
        assert.deepEqual(
          t.tasks.map((task) => task.id),
          ['acc'],
          h,
        );
      }
    });
    it('reads tokens from "Pretraining Data Size (T)" and "pretraining data" headers, and FLOPs with a multi-character unit', () => {
      assert.equal(read('Model,params,Pretraining Data Size (T),acc\na,1e9,2,0.5\n').models[0].tokens, 2e12);
      assert.equal(read('Model,params,pretraining data,acc\na,1e9,2e11,0.5\n').models[0].tokens, 2e11);
      assert.equal(read('Model,params,FLOPs (1E21),acc\na,1e9,2,0.5\n').models[0].flops, 2e21);
    });
    it('derives C = 6ND only when the table has no FLOPs column; without tokens there is no C', () => {
      const m = read('Model,params,tokens,FLOPs,acc\na,1e9,1e11,,0.5\nb,1e9,1e11,3e20,0.5\n').models;
      assert.deepEqual(
        m.map((r) => r.flops),
        [undefined, 3e20],
      );
      const bare = read('Model,params,acc\na,1e9,0.5\n').models[0];
      assert.deepEqual([bare.tokens, bare.flops], [undefined, undefined]);
    });
    it('every other column, a second parameter column or a loss column too, is a score; blank headers are no column', () => {
      const t = read('Model,params,params,,  ,loss,acc\na,1e9,0.5,,,2.5,0.1\n');
      assert.deepEqual(
        t.tasks.map((task) => task.column),
        ['params', 'loss', 'acc'],
      );
      assert.equal(t.models[0].params, 1e9);
      assert.deepEqual(t.models[0].scores, { params: 0.5, loss: 0.025, acc: 0.1 });
      assert.equal(t.source, 'user');
      assert.equal(
        readRows([
          ['Model', 'params', 'acc'],
          ['a', '1e9', '0.5'],
        ]).source,
        'user',
      );
    });
    it('reads Markdown cells trimmed; short rows, blank cells and dashes are missing values', () => {
      const t = readRows([
        [' Model ', ' params ', ' acc ', ' Family '],
        [' a ', ' 1e9 ', ' 0.5 ', ' f '],
        ['b', '2e9'],
        ['c', '3e9', '-', ''],
        ['d', '4e9', '—'],
        ['e', '5e9', '  '],
      ]);
      assert.deepEqual(
        t.models.map((m) => [m.model, m.family, m.scores.acc]),
        [
          ['a', 'f', 0.5],
          ['b', 'b', undefined],
          ['c', 'c', undefined],
          ['d', 'd', undefined],
          ['e', 'e', undefined],
        ],
      );
      assert.equal(t.tasks[0].column, 'acc');
      const bad = parseEmergenceTableRows([
        [' Model ', ' params ', ' acc '],
        ['a', '1e9', ' x '],
      ]);
      assert.ok(!bad.ok && bad.error.column === 'acc');
      const noModel = parseEmergenceTableRows([['params', 'Model', 'acc'], ['1e9']]);
      assert.ok(!noModel.ok && noModel.error.row === 2 && noModel.error.column === 'Model' && /model name is empty/.test(noModel.error.message.en));
    });
    it('accepts a score of 0, and of exactly the maximum (1 on 0–1, 100 on 0–100)', () => {
      const t = read('Model,params,acc,bleu\na,1e9,0,50\nb,2e9,1,100\n');
      assert.deepEqual(
        t.models.map((m) => [m.scores.acc, m.scores.bleu]),
        [
          [0, 0.5],
          [1, 1],
        ],
      );
    });
    it('quotes at most 40 characters of a bad cell', () => {
      const r = parseEmergenceCsv(`Model,params,acc\na,1e9,${'x'.repeat(50)}\n`);
      assert.ok(!r.ok);
      assert.equal(r.error.message.en, `Row 2, column "acc": "${'x'.repeat(40)}" is not a number.`);
      assert.equal(r.error.message.zh, `第 2 行，“acc”列：“${'x'.repeat(40)}” 不是数字。`);
    });
    it('skips blank and separator rows but counts them; a row with some blank cells is data', () => {
      const t = readRows([['Model', 'params', 'acc'], ['', ' '], ['a', '1e9', '0.5'], [], ['b', '2e9', '']]);
      assert.deepEqual(
        t.models.map((m) => [m.model, m.row]),
        [
          ['a', 3],
          ['b', 5],
        ],
      );
      // Only cells made of dashes (colons at the ends, blanks around) make a separator.
      for (const separator of [['---'], [':--', '--:', ':-:'], [' --- ', '-']]) {
        const r = parseEmergenceTableRows([separator, ['Model', 'params', 'acc'], ['a', '1e9', '0.5']]);
        assert.ok(r.ok && r.table.models[0].row === 3, JSON.stringify(separator));
      }
      for (const row of [['a-'], ['-a'], ['- -'], ['---', 'x']]) {
        const r = parseEmergenceTableRows([row, ['Model', 'params', 'acc'], ['a', '1e9', '0.5']]);
        assert.ok(!r.ok && r.error.row === 1, JSON.stringify(row));
      }
    });

    it('reads CSV with units in the headers and derives C = 6ND when only tokens are given', () => {
      const r = parseEmergenceCsv('Model,Family,Params (B),Tokens (T),acc\na,f,1,0.02,0.1\nb,f,2,0.04,0.5\n');
      assert.ok(r.ok);
      assert.equal(r.table.models[1].params, 2e9);
      assert.equal(r.table.models[1].tokens, 4e10);
      assert.equal(r.table.models[1].flops, 6 * 2e9 * 4e10);
      assert.equal(r.table.tasks[0].chance, 0);
    });
    it('reads Markdown cells, skips the separator row but counts it, and scales 0–100 scores', () => {
      const r = parseEmergenceTableRows(
        [
          ['Model', 'params', 'FLOPs', 'bleu', 'mc score'],
          ['---', '---', '---', '---', '---'],
          ['a', '1B', '1e21', '20', '0.3'],
          ['b', '2B', '2e21', '40', '0.5'],
        ],
        10,
      );
      assert.ok(r.ok);
      assert.deepEqual(
        r.table.models.map((m) => m.row),
        [12, 13],
      );
      assert.equal(r.table.models[1].scores.bleu, 0.4);
      assert.equal(r.table.tasks[1].chance, 0.25);
      assert.equal(r.table.models[0].family, 'a');
    });
    const bad: [string, string, number, string, RegExp, RegExp?][] = [
      ['a non-numeric score', 'Model,params,acc\na,1e9,0.1\nb,2e9,high\n', 3, 'acc', /"high" is not a number/],
      ['a non-numeric parameter count', 'Model,params,acc\na,lots,0.1\n', 2, 'params', /"lots" is not a number/],
      ['an infinite parameter count', 'Model,params,acc\na,1e999,0.1\n', 2, 'params', /"1e999" is not a number/],
      ['a negative score', 'Model,params,acc\na,1e9,-0.1\n', 2, 'acc', /non-negative/, /-0\.1 必须非负/],
      ['a zero parameter count', 'Model,params,acc\na,0,0.1\n', 2, 'params', /positive/, /0 必须为正数/],
      ['a zero token count', 'Model,params,tokens,acc\na,1e9,0,0.1\n', 2, 'tokens', /must be positive/],
      ['a non-numeric token count', 'Model,params,tokens,acc\na,1e9,many,0.1\n', 2, 'tokens', /"many" is not a number/],
      ['a zero FLOPs count', 'Model,params,FLOPs,acc\na,1e9,0,0.1\n', 2, 'FLOPs', /must be positive/],
      ['a non-numeric FLOPs count', 'Model,params,FLOPs,acc\na,1e9,big,0.1\n', 2, 'FLOPs', /"big" is not a number/],
      ['a missing parameter count', 'Model,params,acc\na,,0.1\n', 2, 'params', /missing/],
      ['an empty model name', 'Model,params,acc\n,1e9,0.1\n', 2, 'Model', /model name is empty/],
      ['no Model column', 'name2,params,acc\na,1e9,0.1\n', 1, 'model', /no "Model" column/],
      ['no parameter column', 'Model,acc\na,0.1\n', 1, 'params', /no parameter column/],
      ['no score column', 'Model,params\na,1e9\n', 1, '', /no score columns/],
      ['a score above 100', 'Model,params,bleu\na,1e9,20\nb,2e9,150\n', 3, 'bleu', /above the score's maximum 100/],
      ['an empty file', '', 1, '', /empty/],
    ];
    for (const [what, csv, row, column, message, zh] of bad) {
      it(`names the row and column of ${what}`, () => {
        const r = parseEmergenceCsv(csv);
        assert.equal(r.ok, false);
        if (r.ok) return;
        assert.equal(r.error.row, row);
        assert.equal(r.error.column, column);
        assert.match(r.error.message.en, message);
        assert.match(r.error.message.en, new RegExp(`^Row ${row}`));
        assert.match(r.error.message.zh, new RegExp(`^第 ${row} 行`));
        if (zh) assert.match(r.error.message.zh, zh);
      });
    }
    it('reads MAX_ROWS rows and refuses one more instead of reading without bound', () => {
      const rows = [['Model', 'params', 'acc'], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`m${i}`, '1e9', '0.5'])];
      const r = parseEmergenceTableRows(rows);
      assert.ok(!r.ok);
      assert.deepEqual(r.error, {
        row: MAX_ROWS + 2,
        column: '',
        message: { en: `Row ${MAX_ROWS + 2}: more than ${MAX_ROWS} rows.`, zh: `第 ${MAX_ROWS + 2} 行：超过 ${MAX_ROWS} 行。` },
      });
      const full = parseEmergenceTableRows(rows.slice(0, MAX_ROWS + 1));
      assert.ok(full.ok && full.table.models.length === MAX_ROWS);
    });
  });
});
