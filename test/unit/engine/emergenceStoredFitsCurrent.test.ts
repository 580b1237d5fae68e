// The stored emergence fits (shippedFits.generated.ts) were made from the sources as they
// are now: their digest matches. Apart from emergenceStoredFits.test.ts because a mutation
// run instruments those very sources, so Stryker leaves this file out (stryker.config.json).
import * as assert from 'node:assert/strict';
import { SHIPPED_FITS_SOURCES } from '../../../src/engine/emergence/shippedFits.generated';
import { fitSourcesDigest } from '../../generate/shippedFits';

describe('stored emergence fits of the shipped table: current', () => {
  it('are made from the sources the fits depend on as they are now', () => {
    assert.equal(SHIPPED_FITS_SOURCES, fitSourcesDigest(), 'stale: run npx tsx test/generate/shippedFits.ts (npm run build does it)');
  });
});
