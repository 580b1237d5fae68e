import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_ROWS, obsscalingTable, parseEmergenceCsv, parseEmergenceTableRows } from '../../../src/engine/emergence/data';
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

  describe('the joined table', () => {
    const table = obsscalingTable();
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
    it('chance levels: 0.25 for the 4-way Persian QA, 0 for exact-answer tasks', () => {
      assert.equal(findTask(table.tasks, 'persian-qa')?.chance, 0.25);
      assert.equal(findTask(table.tasks, 'arithmetic_3ds_2_acc')?.chance, 0);
      assert.equal(findTask(table.tasks, 'ipa-bleu')?.discontinuous, false);
      assert.equal(findTask(table.tasks, 'ipa-exact-match')?.discontinuous, true);
    });
  });

  describe("a user's table", () => {
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
    const bad: [string, string, number, string, RegExp][] = [
      ['a non-numeric score', 'Model,params,acc\na,1e9,0.1\nb,2e9,high\n', 3, 'acc', /"high" is not a number/],
      ['a non-numeric parameter count', 'Model,params,acc\na,lots,0.1\n', 2, 'params', /"lots" is not a number/],
      ['a negative score', 'Model,params,acc\na,1e9,-0.1\n', 2, 'acc', /non-negative/],
      ['a zero parameter count', 'Model,params,acc\na,0,0.1\n', 2, 'params', /positive/],
      ['a missing parameter count', 'Model,params,acc\na,,0.1\n', 2, 'params', /missing/],
      ['an empty model name', 'Model,params,acc\n,1e9,0.1\n', 2, 'Model', /model name is empty/],
      ['no Model column', 'name2,params,acc\na,1e9,0.1\n', 1, 'model', /no "Model" column/],
      ['no parameter column', 'Model,acc\na,0.1\n', 1, 'params', /no parameter column/],
      ['no score column', 'Model,params\na,1e9\n', 1, '', /no score columns/],
      ['a score above 100', 'Model,params,bleu\na,1e9,20\nb,2e9,150\n', 3, 'bleu', /above the score's maximum 100/],
      ['an empty file', '', 1, '', /empty/],
    ];
    for (const [what, csv, row, column, message] of bad) {
      it(`names the row and column of ${what}`, () => {
        const r = parseEmergenceCsv(csv);
        assert.equal(r.ok, false);
        if (r.ok) return;
        assert.equal(r.error.row, row);
        assert.equal(r.error.column, column);
        assert.match(r.error.message.en, message);
        assert.match(r.error.message.en, new RegExp(`^Row ${row}`));
        assert.match(r.error.message.zh, new RegExp(`^第 ${row} 行`));
      });
    }
    it('refuses more than MAX_ROWS rows instead of reading without bound', () => {
      const rows = [['Model', 'params', 'acc'], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`m${i}`, '1e9', '0.5'])];
      const r = parseEmergenceTableRows(rows);
      assert.equal(r.ok, false);
    });
  });
});
