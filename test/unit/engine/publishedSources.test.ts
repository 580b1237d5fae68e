// src/engine/formulas/published.ts: every fit is attributed to the paper it is printed
// in, checked against the fit's own citation in the registry (src/engine/laws/fits.ts).
import * as assert from 'node:assert/strict';
import { FITS, type FitId } from '../../../src/engine/laws/fits';
import { SOURCES, sourceOfFit } from '../../../src/engine/formulas/published';

describe('engine/formulas/published: the source of each fit', () => {
  it("each fit's source is the paper of its citation (same URL and year)", () => {
    const ids = Object.keys(FITS) as FitId[];
    assert.ok(ids.length >= 7, 'the registry lists the fits');
    for (const fit of ids) {
      const source = SOURCES[sourceOfFit(fit)];
      assert.equal(source.url, FITS[fit].citation.url, fit);
      assert.ok(source.label.en.endsWith(String(FITS[fit].citation.year)), fit);
    }
  });
});
