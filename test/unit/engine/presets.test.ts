// The published constants, digit for digit, each with its citation: a typo here would
// silently skew every chart and every hover that quotes them.
import * as assert from 'node:assert/strict';
import { BESIROGLU_2024, CHINCHILLA_PRESETS, FLOPS_PER_PF_DAY, HOFFMANN_2022, KAPLAN_2020 } from '../../../src/engine/laws/presets';

describe('engine/laws/presets', () => {
  it('Kaplan et al. 2020: single-variable laws and compute frontier', () => {
    assert.deepEqual({ ...KAPLAN_2020.params }, { alphaN: 0.076, nc: 8.8e13 });
    assert.deepEqual({ ...KAPLAN_2020.data }, { alphaD: 0.095, dc: 5.4e13 });
    assert.deepEqual({ ...KAPLAN_2020.compute }, { alphaC: 0.05, ccPfDays: 3.1e8 });
  });

  it('Kaplan et al. 2020: combined-form fit', () => {
    assert.deepEqual({ ...KAPLAN_2020.combined }, { alphaN: 0.076, alphaD: 0.103, nc: 6.4e13, dc: 1.8e13 });
  });

  it('Hoffmann et al. 2022 (Chinchilla, approach 3)', () => {
    assert.deepEqual(HOFFMANN_2022.params, { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
  });

  it('Besiroglu et al. 2024 (Epoch replication)', () => {
    assert.deepEqual(BESIROGLU_2024.params, { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
  });

  it('cites each source with year and an arXiv link', () => {
    const cases: [typeof KAPLAN_2020.citation, number, string][] = [
      [KAPLAN_2020.citation, 2020, '2001.08361'],
      [HOFFMANN_2022.citation, 2022, '2203.15556'],
      [BESIROGLU_2024.citation, 2024, '2404.10102'],
    ];
    for (const [citation, year, arxiv] of cases) {
      assert.equal(citation.year, year);
      assert.ok(citation.url.endsWith(arxiv), citation.url);
      assert.ok(citation.title.length > 0 && citation.authors.length > 0);
    }
  });

  it('maps the preset ids the UI and CLI offer', () => {
    assert.equal(CHINCHILLA_PRESETS.chinchilla, HOFFMANN_2022);
    assert.equal(CHINCHILLA_PRESETS.epoch, BESIROGLU_2024);
  });

  it('one PF-day is 1e15 FLOP/s for a day', () => {
    assert.equal(FLOPS_PER_PF_DAY, 1e15 * 86_400);
  });
});
